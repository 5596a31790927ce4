package be.coordinaat.helpdesk;

/** A ticket's status changed. */
public record TicketStatusChanged(long ticketId, long schoolId, TicketStatus from, TicketStatus to) {}
