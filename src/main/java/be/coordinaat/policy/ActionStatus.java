package be.coordinaat.policy;

/** The progress of an action of the policy plan. */
public enum ActionStatus {
    PLANNED, IN_PROGRESS, DONE, CANCELLED
}
