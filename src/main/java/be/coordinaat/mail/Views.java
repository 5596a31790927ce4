package be.coordinaat.mail;

import java.time.Instant;
import java.util.List;

/** What the mail pages and the API show. Passwords are never part of a view: only whether one is set. */
public final class Views {
    private Views() {}

    /**
     * The board's outgoing mail settings as stored, and the SMTP server in effect.
     *
     * @param configured     an SMTP server and from-address are in effect (stored or from the environment)
     * @param fromEnvironment the server in effect comes from the environment defaults, not from these settings
     */
    public record SettingsView(long boardId, String smtpHost, Integer smtpPort, SmtpSecurity smtpSecurity,
            String smtpUsername, boolean passwordSet, String fromAddress, String fromName, String baseUrl,
            boolean digestEnabled, Instant digestLastSentAt, int version, boolean configured, boolean fromEnvironment,
            String effectiveHost, String effectiveFrom) {}

    /** An inbound mailbox with its polling status. */
    public record MailboxView(long id, long schoolId, String schoolName, String name, String channel, String host,
            int port, boolean ssl, String username, boolean passwordSet, String folder, int pollMinutes, boolean enabled,
            Instant lastPollAt, Instant lastSuccessAt, String lastError, Instant lastErrorAt, long handledCount,
            long ignoredCount, long failedCount, int version, boolean handlerAvailable) {}

    /** One mail in the outbox. */
    public record OutboxRow(long id, Long schoolId, String schoolName, String recipient, String recipientLocale,
            String subject, String status, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt,
            Instant sentAt, String threadRef, String messageId, String template) {}

    /** One mail of the outbox with its text and attachment names. */
    public record OutboxMailView(OutboxRow row, String replyTo, String inReplyTo, String references, String bodyText,
            List<String> attachments) {}

    /** How many mails of the board wait or failed. */
    public record OutboxCounts(long pending, long failed, long sentLastWeek) {}

    /** A received mail as it was processed. */
    public record InboundRow(long id, String sender, String subject, String status, String reason, String error,
            int attempts, Instant firstSeenAt, Instant processedAt) {}

    /** The result of a connection test or a test mail; {@code detail} is the server's error, in English. */
    public record CheckResult(boolean ok, String detail) {}

    /** What one poll did. */
    public record PollResult(int fetched, int handled, int ignored, int failed, String error) {}

    /** A mail put in the outbox: its id and its Message-ID (without angle brackets), for threading. */
    public record QueuedMail(long id, String messageId) {}
}
