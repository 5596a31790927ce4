package be.coordinaat.maintenance;

/**
 * A checklist item failed when a maintenance occurrence was completed: published once per failed item and target, in
 * the transaction that completes the occurrence, so that the helpdesk can open a ticket for it.
 *
 * @param assetId the asset the check failed on; null when the occurrence had no asset targets (the plan as a whole)
 * @param roomId  the room of that asset (or the plan's room); null when unknown
 * @param note    what the person noted about the failure; may be null
 * @param actorUserId the account that completed the occurrence; null outside a request
 */
public record MaintenanceCheckFailed(long schoolId, long planId, long occurrenceId, Long assetId, Long roomId,
        String planName, String checkItem, String note, Long actorUserId) {}
