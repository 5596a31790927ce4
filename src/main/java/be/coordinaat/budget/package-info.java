/**
 * The ICT budget (function description A.1: "plant de aankopen binnen het ICT-budget van de onderwijsinstelling in
 * en volgt de aankopen op"): budget years per school, lines by funding source and category with the planned amount,
 * and what is committed and spent against each line ({@link be.coordinaat.budget.BudgetLedger}, written by the
 * modules that commit and spend money).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Budget")
package be.coordinaat.budget;
