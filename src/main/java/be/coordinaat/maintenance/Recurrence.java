package be.coordinaat.maintenance;

/** How often a maintenance plan comes back. */
public enum Recurrence {
    /** Every N weeks from the start date. */
    WEEKS,
    /** Every N months from the start date (31 January + 1 month is 28 or 29 February, + 2 months is 31 March). */
    MONTHS,
    /** Once each school year on a fixed day and month, e.g. 15 August: "before the school year starts". */
    SCHOOL_YEAR
}
