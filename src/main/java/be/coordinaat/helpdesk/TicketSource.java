package be.coordinaat.helpdesk;

/** How a ticket (or a reply) came in. */
public enum TicketSource {
    WEB,
    API,
    PUBLIC,
    MAIL,
    /** Opened by a failed maintenance check (only for tickets, never for replies). */
    MAINTENANCE
}
