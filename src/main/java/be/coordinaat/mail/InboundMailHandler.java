package be.coordinaat.mail;

/**
 * Implemented by a module that takes in mail (the helpdesk turns it into tickets). Every mailbox names the channel
 * that handles its mail; the poller calls {@link #handle} of each handler bean with that channel, inside one
 * transaction that also records the mail as handled. If the handler throws, nothing of it is stored, the mail stays
 * unseen and is offered again on the next poll (with a growing count of attempts, shown on the settings page).
 * Auto-replies, bulk mail, bounces and our own mails never reach a handler.
 */
public interface InboundMailHandler {

    /** The channel name a mailbox is configured with, e.g. {@code helpdesk}: lower-case letters, digits, '-'. */
    String channel();

    /** Takes in one mail. Runs in a transaction; throw to have the mail offered again on the next poll. */
    void handle(InboundMail mail);
}
