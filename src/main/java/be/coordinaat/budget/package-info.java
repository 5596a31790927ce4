/**
 * The ICT budget (function description A.1: "plant de aankopen binnen het ICT-budget van de onderwijsinstelling in
 * en volgt de aankopen op"): budget years per school, lines by funding source and category with the planned amount,
 * and what is committed and spent against each line ({@link be.coordinaat.budget.BudgetLedger}, written by the
 * modules that commit and spend money).
 *
 * <p>{@link be.coordinaat.budget.Budgets} keeps the years and lines and answers the year overview (per category and
 * funding source, the monthly course for the chart) and the board overview across schools;
 * {@link be.coordinaat.budget.ReplacementPlan} forecasts the replacement of the inventory's devices over five budget
 * years (through {@link be.coordinaat.inventory.ReplacementData}, aggregates only) and turns a forecast year into
 * planned lines; {@link be.coordinaat.budget.PlanExports} writes the plan as XLSX and PDF. Depends on {@code access}
 * (BUDGET_READ / BUDGET_MANAGE per school), {@code inventory} and {@code shared}. The board overview reads
 * {@code school} names and communities in SQL, as other modules' lists do.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Budget")
package be.coordinaat.budget;
