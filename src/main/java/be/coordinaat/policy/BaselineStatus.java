package be.coordinaat.policy;

/** How far a school is with one item of the security baseline. */
public enum BaselineStatus {
    NOT_STARTED, PARTIAL, DONE, NOT_APPLICABLE
}
