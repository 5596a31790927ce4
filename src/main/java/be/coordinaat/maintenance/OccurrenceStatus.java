package be.coordinaat.maintenance;

/** An occurrence is open while the checklist is being ticked, and completed once (which moves the plan on). */
public enum OccurrenceStatus {
    OPEN, COMPLETED
}
