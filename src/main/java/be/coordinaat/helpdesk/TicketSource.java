package be.coordinaat.helpdesk;

/** How a ticket or reply came in. */
public enum TicketSource {
    WEB,
    API,
    PUBLIC,
    MAIL
}
