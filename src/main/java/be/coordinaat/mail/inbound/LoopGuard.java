package be.coordinaat.mail.inbound;

import java.util.Locale;
import java.util.Set;

/**
 * Why a received mail must not reach a handler, or null when it may: auto-replies, bulk and list mail, bounces and
 * our own mails. Answering any of them could start a mail loop (an out-of-office answering our confirmation, which
 * answers the out-of-office, …) or open tickets for newsletters.
 */
public final class LoopGuard {

    public static final String OWN_MAIL = "OWN_MAIL";
    public static final String OWN_ADDRESS = "OWN_ADDRESS";
    public static final String AUTO_REPLY = "AUTO_REPLY";
    public static final String BULK = "BULK";
    public static final String BOUNCE = "BOUNCE";
    public static final String NO_SENDER = "NO_SENDER";

    private static final Set<String> BULK_PRECEDENCE = Set.of("bulk", "junk", "list", "auto_reply", "auto-reply");
    private static final Set<String> DAEMONS = Set.of("mailer-daemon", "postmaster", "mail-daemon", "mailerdaemon");

    private LoopGuard() {}

    /** @param ownAddresses our own addresses (lower case): the from-address and the mailboxes' addresses */
    public static String reason(ParsedMail mail, Set<String> ownAddresses) {
        if (mail.header("X-Coordinaat-Mail") != null) {
            return OWN_MAIL;
        }
        if (mail.from() == null || mail.from().isBlank()) {
            return NO_SENDER;
        }
        if (ownAddresses.contains(mail.from())) {
            return OWN_ADDRESS;
        }
        String local = mail.from().substring(0, Math.max(0, mail.from().indexOf('@'))).toLowerCase(Locale.ROOT);
        String contentType = mail.contentType() == null ? "" : mail.contentType().toLowerCase(Locale.ROOT);
        String returnPath = mail.header("Return-Path");
        if (DAEMONS.contains(local) || contentType.startsWith("multipart/report")
                || mail.header("X-Failed-Recipients") != null || mail.header("Feedback-Type") != null
                || (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>"))) {
            return BOUNCE;
        }
        String autoSubmitted = mail.header("Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return AUTO_REPLY;
        }
        if (mail.header("X-Autoreply") != null || mail.header("X-Autorespond") != null) {
            return AUTO_REPLY;
        }
        String precedence = mail.header("Precedence");
        if (precedence != null && BULK_PRECEDENCE.contains(precedence.strip().toLowerCase(Locale.ROOT))) {
            return precedence.strip().toLowerCase(Locale.ROOT).startsWith("auto") ? AUTO_REPLY : BULK;
        }
        if (mail.header("List-Id") != null || mail.header("List-Unsubscribe") != null) {
            return BULK;
        }
        return null;
    }
}
