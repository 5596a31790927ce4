/**
 * The school's ICT policy (function description A.1 "vertrekt vanuit de gezamenlijke visie op een kwaliteitsvol
 * ICT-beleid", "maakt plannen op korte en lange termijn", "zorgt voor veilig en verantwoord ICT-gebruik"; A.3
 * "bereidt het ICT-beleidsplan voor", "monitort het ICT-beleid", "implementeert ICT op een innovatieve manier"; B
 * "brengt innovatie binnen"):
 * <ul>
 *   <li>the ICT vision, versioned, submitted to and approved by the director ({@link be.coordinaat.policy.Visions});</li>
 *   <li>the policy plan for a period with SMART goals (linked to a self-evaluation area and to the function
 *   description's themes) and actions, comments while drafting, approval frozen as a JSON snapshot, the monitoring
 *   dashboard, the yearly review and carrying goals into the next plan, and its PDF
 *   ({@link be.coordinaat.policy.PolicyPlans});</li>
 *   <li>classroom pilots ({@link be.coordinaat.policy.Pilots});</li>
 *   <li>the acceptable-use policy for staff and pupils with acknowledgements ({@link be.coordinaat.policy.AcceptableUse});</li>
 *   <li>the security baseline checklist ({@link be.coordinaat.policy.SecurityBaseline}).</li>
 * </ul>
 *
 * <p>Scope, per school: POLICY_READ reads what is approved or published (and pilots and the baseline); POLICY_MANAGE
 * (the coordinator) writes; POLICY_APPROVE (the director) approves or returns. Only holders of POLICY_MANAGE or
 * POLICY_APPROVE see drafts; for anyone else a draft is simply not found.
 *
 * <p>Depends on {@code access} (scope, accounts as owners), {@code budget} ({@link be.coordinaat.budget.BudgetLedger}
 * for an action's budget line), {@code selfevaluation} ({@link be.coordinaat.selfevaluation.SelfEvaluationResults},
 * optional), {@code licences} (the software catalogue as a pilot's tool) and {@code shared}. It reads the names of
 * accounts and of pupils' classes in SQL ({@code app_user}, {@code role_grant}, {@code person}) for its choosers and
 * "who has not acknowledged" lists; it writes only its own tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Policy")
package be.coordinaat.policy;
