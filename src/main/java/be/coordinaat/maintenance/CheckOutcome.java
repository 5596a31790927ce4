package be.coordinaat.maintenance;

/** The result of one checklist item for one target. A failed check opens a ticket (through {@link MaintenanceCheckFailed}). */
public enum CheckOutcome {
    DONE, FAILED, SKIPPED
}
