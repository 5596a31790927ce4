package be.coordinaat.helpdesk;

/** What a ticket is: something broken, something wanted, or something asked. */
public enum TicketKind {
    INCIDENT,
    REQUEST,
    QUESTION
}
