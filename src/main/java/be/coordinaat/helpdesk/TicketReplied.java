package be.coordinaat.helpdesk;

/** A public reply was added to a ticket; {@code fromStaff} false: by the requester (web, public page or e-mail). */
public record TicketReplied(long ticketId, long replyId, long schoolId, boolean fromStaff) {}
