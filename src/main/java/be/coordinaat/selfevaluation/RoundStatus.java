package be.coordinaat.selfevaluation;

/** A round is prepared (statements, groups), then open for answers, then closed for good. */
public enum RoundStatus {
    DRAFT,
    OPEN,
    CLOSED
}
