package be.coordinaat.helpdesk;

import java.util.EnumSet;
import java.util.Set;

/**
 * The status flow of a ticket: new → in progress → waiting for the requester / a third party → solved → closed, with
 * reopen. {@link #next()} is what the server allows; anything else is refused.
 */
public enum TicketStatus {
    NEW,
    IN_PROGRESS,
    WAITING_REQUESTER,
    WAITING_THIRD_PARTY,
    SOLVED,
    CLOSED;

    /** Whether the ticket still needs work (counts for the open lists, the SLA and the dashboards). */
    public boolean open() {
        return this != SOLVED && this != CLOSED;
    }

    /** The statuses a worker may move this one to. */
    public Set<TicketStatus> next() {
        return switch (this) {
            // a new ticket can also be closed straight away (spam, cancelled by the requester)
            case NEW -> EnumSet.of(IN_PROGRESS, WAITING_REQUESTER, WAITING_THIRD_PARTY, SOLVED, CLOSED);
            case IN_PROGRESS -> EnumSet.of(WAITING_REQUESTER, WAITING_THIRD_PARTY, SOLVED);
            case WAITING_REQUESTER -> EnumSet.of(IN_PROGRESS, WAITING_THIRD_PARTY, SOLVED);
            case WAITING_THIRD_PARTY -> EnumSet.of(IN_PROGRESS, WAITING_REQUESTER, SOLVED);
            // reopen
            case SOLVED -> EnumSet.of(IN_PROGRESS, CLOSED);
            case CLOSED -> EnumSet.of(IN_PROGRESS);
        };
    }

    public boolean canMoveTo(TicketStatus target) {
        return next().contains(target);
    }

    /** The SLA clock stands still while the helpdesk waits for the requester. */
    public boolean slaPaused() {
        return this == WAITING_REQUESTER;
    }
}
