package be.coordinaat.helpdesk;

/** A ticket was assigned to an account ({@code assigneeId} null: unassigned). */
public record TicketAssigned(long ticketId, long schoolId, Long assigneeId) {}
