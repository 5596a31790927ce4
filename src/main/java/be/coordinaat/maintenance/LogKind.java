package be.coordinaat.maintenance;

/** A log entry from a preventive plan, or ad-hoc (corrective) work recorded by hand. */
public enum LogKind {
    PREVENTIVE, CORRECTIVE
}
