package be.coordinaat.mail.inbound;

import be.coordinaat.mail.InboundMail;
import be.coordinaat.mail.InboundMailHandler;
import be.coordinaat.mail.Views.CheckResult;
import be.coordinaat.mail.Views.PollResult;
import be.coordinaat.mail.delivery.SmtpConfigs;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Polls one mailbox: fetches its unseen mails, parses each, drops loops and floods, and hands the others to the
 * handlers of the mailbox's channel. Exactly once: a mail's row in {@code mail_inbound} (by Message-ID) commits in the
 * handler's transaction, and the mail is marked \Seen only after that commit; a mail whose row says HANDLED or
 * IGNORED is never handed over again, even if marking it seen failed. A handler that throws leaves a FAILED row and
 * the mail unseen, so the next poll offers it again, up to {@link #MAX_HANDLER_ATTEMPTS} times.
 */
@Component
public class MailboxPoller {

    public static final int MAX_PER_POLL = 100;
    public static final int MAX_MESSAGE_BYTES = 30 * 1024 * 1024;
    public static final int MAX_HANDLER_ATTEMPTS = 10;
    /** At most this many mails of one sender per mailbox per hour reach the handler (a runaway script, a loop). */
    public static final int MAX_PER_SENDER_PER_HOUR = 30;
    public static final String TOO_LARGE = "TOO_LARGE";
    public static final String MALFORMED = "MALFORMED";
    public static final String RATE_LIMIT = "RATE_LIMIT";
    private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ObjectProvider<InboundMailHandler> handlers;
    private final SmtpConfigs smtp;
    private final be.coordinaat.mail.delivery.Secrets secrets;
    private final Map<Long, ReentrantLock> locks = new ConcurrentHashMap<>();

    MailboxPoller(JdbcClient jdbc, TransactionTemplate tx, ObjectProvider<InboundMailHandler> handlers, SmtpConfigs smtp,
            be.coordinaat.mail.delivery.Secrets secrets) {
        this.secrets = secrets;
        this.jdbc = jdbc;
        this.tx = tx;
        this.handlers = handlers;
        this.smtp = smtp;
    }

    record Box(long id, long boardId, long schoolId, String channel, ImapConnections.Imap imap, String folder) {}

    private enum Outcome { HANDLED, IGNORED, FAILED, SKIPPED }

    /** The channels some module handles, for the mailbox form. */
    public List<String> channels() {
        return handlers.orderedStream().map(InboundMailHandler::channel).distinct().sorted().toList();
    }

    /** Polls the enabled mailboxes whose interval has passed; a mailbox being polled already is left alone. */
    public void pollDue() {
        List<Long> due = jdbc.sql("""
                SELECT id FROM mailbox WHERE enabled
                  AND (last_poll_at IS NULL OR last_poll_at + make_interval(mins => poll_minutes) <= now())
                ORDER BY last_poll_at NULLS FIRST, id""").query(Long.class).list();
        for (long id : due) {
            ReentrantLock lock = locks.computeIfAbsent(id, k -> new ReentrantLock());
            if (lock.tryLock()) {
                try {
                    pollLocked(id);
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    /** Polls one mailbox now (enabled or not), waiting for a poll of it that is running. */
    public PollResult poll(long mailboxId) {
        ReentrantLock lock = locks.computeIfAbsent(mailboxId, k -> new ReentrantLock());
        lock.lock();
        try {
            return pollLocked(mailboxId);
        } finally {
            lock.unlock();
        }
    }

    /** Connects, opens the folder read-only and counts its mails. */
    public CheckResult test(long mailboxId) {
        Box box = box(mailboxId);
        if (box == null) {
            return new CheckResult(false, "no such mailbox");
        }
        try (Store store = ImapConnections.connect(box.imap())) {
            Folder folder = store.getFolder(box.folder());
            if (!folder.exists()) {
                return new CheckResult(false, "folder " + box.folder() + " does not exist");
            }
            folder.open(Folder.READ_ONLY);
            try {
                return new CheckResult(true, folder.getMessageCount() + " / " + folder.getUnreadMessageCount());
            } finally {
                folder.close(false);
            }
        } catch (Exception e) {
            return new CheckResult(false, describe(e));
        }
    }

    private Box box(long id) {
        return jdbc.sql("SELECT id, board_id, school_id, channel, host, port, ssl, username, password, folder FROM mailbox WHERE id = ?")
                .param(id)
                .query((rs, n) -> new Box(rs.getLong("id"), rs.getLong("board_id"), rs.getLong("school_id"),
                        rs.getString("channel"), new ImapConnections.Imap(rs.getString("host"), rs.getInt("port"),
                                rs.getBoolean("ssl"), rs.getString("username"), secrets.open(rs.getString("password"))),
                        rs.getString("folder")))
                .optional().orElse(null);
    }

    private PollResult pollLocked(long mailboxId) {
        Box box = box(mailboxId);
        if (box == null) {
            return new PollResult(0, 0, 0, 0, "no such mailbox");
        }
        int fetched = 0;
        int handled = 0;
        int ignored = 0;
        int failed = 0;
        String error = null;
        List<InboundMailHandler> mine = handlers.orderedStream().filter(h -> box.channel().equals(h.channel())).toList();
        if (mine.isEmpty()) {
            error = "No module handles the channel '" + box.channel() + "'; mails stay in the mailbox.";
        } else {
            Set<String> own = ownAddresses(box.boardId());
            try (Store store = ImapConnections.connect(box.imap())) {
                Folder folder = store.getFolder(box.folder());
                folder.open(Folder.READ_WRITE);
                try {
                    Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                    int n = Math.min(unseen.length, MAX_PER_POLL);
                    Message[] batch = java.util.Arrays.copyOf(unseen, n);
                    FetchProfile profile = new FetchProfile();
                    profile.add(FetchProfile.Item.SIZE);
                    profile.add(FetchProfile.Item.FLAGS);
                    profile.add(UIDFolder.FetchProfileItem.UID);
                    folder.fetch(batch, profile);
                    for (Message message : batch) {
                        fetched++;
                        Outcome outcome;
                        try {
                            outcome = process(box, folder, message, mine, own);
                        } catch (RuntimeException e) {
                            // a database error or a bug: leave the mail unseen for the next poll
                            log.warn("mailbox {}: mail left for the next poll: {}", box.id(), e.toString());
                            outcome = Outcome.FAILED;
                            error = describe(e);
                        }
                        switch (outcome) {
                            case HANDLED -> handled++;
                            case IGNORED -> ignored++;
                            case FAILED -> failed++;
                            case SKIPPED -> { }
                        }
                    }
                } finally {
                    try {
                        folder.close(false);
                    } catch (Exception e) {
                        // the flags were set already
                    }
                }
            } catch (Exception e) {
                error = describe(e);
                log.info("mailbox {} ({}): {}", box.id(), box.imap(), error);
            }
        }
        jdbc.sql("""
                UPDATE mailbox SET last_poll_at = now(),
                  last_success_at = CASE WHEN :error IS NULL THEN now() ELSE last_success_at END,
                  last_error = CAST(:error AS varchar), last_error_at = CASE WHEN :error IS NULL THEN last_error_at ELSE now() END,
                  handled_count = handled_count + :handled, ignored_count = ignored_count + :ignored,
                  failed_count = failed_count + :failed
                WHERE id = :id""")
                .param("error", error == null ? null : truncate(error, 1000), java.sql.Types.VARCHAR).param("handled", handled)
                .param("ignored", ignored).param("failed", failed).param("id", box.id()).update();
        return new PollResult(fetched, handled, ignored, failed, error);
    }

    private Outcome process(Box box, Folder folder, Message message, List<InboundMailHandler> mine, Set<String> own)
            throws jakarta.mail.MessagingException {
        int size = message.getSize();
        if (size > MAX_MESSAGE_BYTES) {
            String key = keyFromHeader(message).orElse("size:" + uid(folder, message) + ":" + size);
            if (record(box, key, null, null, "IGNORED", TOO_LARGE, null)) {
                markSeen(message);
                return Outcome.IGNORED;
            }
            markSeen(message);
            return Outcome.SKIPPED;
        }
        byte[] raw;
        try {
            raw = rawBytes(message);
        } catch (Exception e) {
            // could not fetch it now: try again next poll
            throw new IllegalStateException("could not fetch mail: " + describe(e), e);
        }
        ParsedMail parsed;
        try {
            parsed = MimeParser.parse(raw);
        } catch (MimeParser.MalformedMailException | RuntimeException | StackOverflowError e) {
            parsed = null;
        }
        String key = parsed != null && parsed.messageId() != null ? parsed.messageId() : "sha256:" + sha256(raw);
        if (key.length() > 500) {
            key = "sha256:" + sha256(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String status = jdbc.sql("SELECT status FROM mail_inbound WHERE mailbox_id = ? AND message_key = ?")
                .params(box.id(), key).query(String.class).optional().orElse(null);
        if (status != null && !status.equals("FAILED")) {
            markSeen(message);
            return Outcome.SKIPPED;
        }
        if (parsed == null) {
            record(box, key, null, null, "IGNORED", MALFORMED, null);
            markSeen(message);
            return Outcome.IGNORED;
        }
        String reason = LoopGuard.reason(parsed, own);
        if (reason == null && status == null && overRateLimit(box, parsed.from())) {
            reason = RATE_LIMIT;
        }
        if (reason != null) {
            log.info("mailbox {}: ignored mail {} from {}: {}", box.id(), key, parsed.from(), reason);
            record(box, key, parsed.from(), parsed.subject(), "IGNORED", reason, null);
            markSeen(message);
            return Outcome.IGNORED;
        }
        Instant received = null;
        try {
            received = message.getReceivedDate() == null ? null : message.getReceivedDate().toInstant();
        } catch (Exception e) {
            // not every server says
        }
        String username = box.imap().username();
        InboundMail mail = new InboundMail(box.id(), box.schoolId(), box.boardId(),
                username != null && username.contains("@") ? username.toLowerCase(Locale.ROOT) : null, parsed.from(), parsed.fromName(),
                parsed.to(), parsed.cc(), parsed.subject(), parsed.text(), parsed.inReplyTo(), parsed.references(), key,
                parsed.attachments(), parsed.skippedAttachments(), parsed.sentAt(), received == null ? Instant.now() : received);
        String finalKey = key;
        ParsedMail p = parsed;
        try {
            Boolean done = tx.execute(s -> {
                if (!record(box, finalKey, p.from(), p.subject(), "HANDLED", null, null)) {
                    return false; // handled meanwhile by another poller
                }
                for (InboundMailHandler h : mine) {
                    h.handle(mail);
                }
                return true;
            });
            markSeen(message);
            return Boolean.TRUE.equals(done) ? Outcome.HANDLED : Outcome.SKIPPED;
        } catch (RuntimeException e) {
            log.warn("mailbox {}: handler failed for mail {} from {}: {}", box.id(), key, parsed.from(), e.toString());
            int attempts = tx.execute(s -> {
                record(box, finalKey, p.from(), p.subject(), "FAILED", null, describe(e));
                return jdbc.sql("SELECT attempts FROM mail_inbound WHERE mailbox_id = ? AND message_key = ?")
                        .params(box.id(), finalKey).query(Integer.class).single();
            });
            if (attempts >= MAX_HANDLER_ATTEMPTS) {
                jdbc.sql("UPDATE mail_inbound SET status = 'GAVE_UP' WHERE mailbox_id = ? AND message_key = ? AND status = 'FAILED'")
                        .params(box.id(), finalKey).update();
                markSeen(message);
            }
            return Outcome.FAILED;
        }
    }

    /**
     * Writes the mail's row: inserted, or updated when the earlier try FAILED. False when the row is HANDLED or
     * IGNORED already (nothing written).
     */
    private boolean record(Box box, String key, String sender, String subject, String status, String reason, String error) {
        return jdbc.sql("""
                INSERT INTO mail_inbound (mailbox_id, school_id, message_key, sender, subject, status, reason, error, attempts)
                VALUES (:box, :school, :key, :sender, :subject, :status, :reason, :error, :attempts)
                ON CONFLICT (mailbox_id, message_key) DO UPDATE SET status = EXCLUDED.status, reason = EXCLUDED.reason,
                  error = EXCLUDED.error, attempts = mail_inbound.attempts + EXCLUDED.attempts, processed_at = now()
                WHERE mail_inbound.status = 'FAILED'
                RETURNING id""")
                .param("box", box.id()).param("school", box.schoolId()).param("key", key)
                .param("sender", truncate(sender, 320)).param("subject", truncate(subject, 500)).param("status", status)
                .param("reason", reason).param("error", truncate(error, 2000))
                .param("attempts", status.equals("IGNORED") ? 0 : 1)
                .query(Long.class).optional().isPresent();
    }

    private boolean overRateLimit(Box box, String sender) {
        long recent = jdbc.sql("""
                SELECT count(*) FROM mail_inbound WHERE mailbox_id = ? AND lower(sender) = ?
                  AND first_seen_at > now() - interval '1 hour' AND status <> 'IGNORED'""")
                .params(box.id(), sender.toLowerCase(Locale.ROOT)).query(Long.class).single();
        return recent >= MAX_PER_SENDER_PER_HOUR;
    }

    /** Our own addresses: the board's from-address and every mailbox's address of the board. */
    private Set<String> ownAddresses(long boardId) {
        Set<String> own = new HashSet<>();
        smtp.forBoard(boardId).ifPresent(c -> own.add(c.fromAddress().toLowerCase(Locale.ROOT)));
        jdbc.sql("SELECT lower(username) FROM mailbox WHERE board_id = ? AND username LIKE '%@%'").param(boardId)
                .query(String.class).list().forEach(own::add);
        return own;
    }

    private static void markSeen(Message message) {
        try {
            message.setFlag(Flags.Flag.SEEN, true);
        } catch (Exception e) {
            // the row in mail_inbound keeps it from being handled twice
            log.info("could not mark a mail seen: {}", e.toString());
        }
    }

    private static java.util.Optional<String> keyFromHeader(Message message) {
        try {
            String[] v = message.getHeader("Message-ID");
            return v == null || v.length == 0 ? java.util.Optional.empty()
                    : java.util.Optional.ofNullable(MimeParser.firstId(v[0]));
        } catch (Exception e) {
            return java.util.Optional.empty();
        }
    }

    private static String uid(Folder folder, Message message) {
        try {
            return folder instanceof UIDFolder u ? String.valueOf(u.getUID(message)) : String.valueOf(message.getMessageNumber());
        } catch (Exception e) {
            return String.valueOf(message.getMessageNumber());
        }
    }

    private static byte[] rawBytes(Message message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                check(1);
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                check(len);
                out.write(b, off, len);
            }

            private void check(int more) throws IOException {
                if (out.size() + more > MAX_MESSAGE_BYTES) {
                    throw new IOException("mail larger than " + MAX_MESSAGE_BYTES + " bytes");
                }
            }
        });
        return out.toByteArray();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String describe(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null && b.length() < 600; t = t.getCause()) {
            if (!b.isEmpty()) {
                b.append(" <- ");
            }
            b.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                b.append(": ").append(t.getMessage().strip());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return truncate(b.toString(), 1000);
    }

    private static String truncate(String s, int max) {
        if (s == null) {
            return null;
        }
        String clean = MimeParser.clean(s, max);
        return clean;
    }
}
