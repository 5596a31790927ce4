/**
 * The school's self-evaluation of its digital practice, modelled on the European SELFIE approach (function
 * description A.1 "vertrekt vanuit de gezamenlijke visie op een kwaliteitsvol ICT-beleid", "bevordert een
 * geïntegreerd ICT-gebruik"): rounds answered by school leaders, teachers and pupils on the eight areas
 * ({@link be.coordinaat.selfevaluation.Area}); results per area for the policy plan through
 * {@link be.coordinaat.selfevaluation.SelfEvaluationResults}.
 *
 * <p>{@link be.coordinaat.selfevaluation.SelfEvaluations} runs rounds (SURVEYS_MANAGE in the school: groups, up to ten
 * statements of the school's own, open, links and printed one-time codes, close);
 * {@link be.coordinaat.selfevaluation.SurveyAnswering} takes the anonymous answers on the public pages (one response
 * per code, guaranteed by a unique key; rate limits per address in the database);
 * {@link be.coordinaat.selfevaluation.RoundResults} computes the results (SURVEYS_READ) and withholds every figure of a
 * group with fewer than {@value be.coordinaat.selfevaluation.RoundResults#MIN_RESPONDENTS} respondents.
 *
 * <p>Depends on {@code access} (scope) and {@code shared}; reads the {@code school} table for names and the board.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Self-evaluation")
package be.coordinaat.selfevaluation;
