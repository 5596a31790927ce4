package be.coordinaat.helpdesk;

/** A ticket was created (by a user, through the API, the public report or an e-mail). */
public record TicketCreated(long ticketId, long schoolId) {}
