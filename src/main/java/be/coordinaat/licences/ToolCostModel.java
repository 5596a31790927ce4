package be.coordinaat.licences;

/** How a school pays for a tool. */
public enum ToolCostModel {
    FREE,
    /** Free basic version, paid extras. */
    FREEMIUM,
    PER_PUPIL,
    PER_TEACHER,
    PER_SCHOOL,
    /** A one-off purchase. */
    ONE_OFF,
    /** Included in a method or another licence the school already has. */
    INCLUDED
}
