package be.coordinaat.helpdesk;

/** A ticket was escalated to an external organisation (second line), with their reference when known. */
public record TicketEscalated(long ticketId, long schoolId, long organisationId, String reference) {}
