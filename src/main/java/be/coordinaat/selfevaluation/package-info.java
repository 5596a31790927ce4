/**
 * The school's self-evaluation of its digital practice, modelled on the European SELFIE approach (function
 * description A.1 "vertrekt vanuit de gezamenlijke visie op een kwaliteitsvol ICT-beleid", "bevordert een
 * geïntegreerd ICT-gebruik"): rounds answered by school leaders, teachers and pupils on the eight areas
 * ({@link be.coordinaat.selfevaluation.Area}); results per area for the policy plan through
 * {@link be.coordinaat.selfevaluation.SelfEvaluationResults}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Self-evaluation")
package be.coordinaat.selfevaluation;
