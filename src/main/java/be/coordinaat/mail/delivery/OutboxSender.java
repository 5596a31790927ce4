package be.coordinaat.mail.delivery;

import be.coordinaat.mail.Views.CheckResult;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox. A batch is claimed by pushing its {@code next_attempt_at} forward (a lease, committed before
 * anything is sent), so two senders never send the same mail; each mail then ends SENT, or PENDING with its error
 * and a later attempt (1, 2, 4 … minutes, at most 6 hours apart), or FAILED after {@link #MAX_ATTEMPTS} attempts or
 * a permanent refusal (unknown recipient). Failed mail stays in the outbox with its error until the board admin
 * retries it. Mail of a board without an SMTP server stays PENDING, untouched, until one is set.
 */
@Component
public class OutboxSender {

    public static final int MAX_ATTEMPTS = 8;
    static final int BATCH = 50;
    static final Duration LEASE = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final JdbcClient jdbc;
    private final SmtpConfigs configs;

    OutboxSender(JdbcClient jdbc, SmtpConfigs configs) {
        this.jdbc = jdbc;
        this.configs = configs;
    }

    record Pending(long id, long boardId, String recipient, String recipientName, String subject, String text,
            String html, String replyTo, String inReplyTo, String references, String messageId) {}

    record Attachment(String fileName, String contentType, byte[] content) {}

    /** Sends every mail whose time has come, per board; returns how many were sent. */
    public int sendDue() {
        int sent = 0;
        List<Long> boards = jdbc.sql("SELECT DISTINCT board_id FROM mail_outbox WHERE status = 'PENDING' AND next_attempt_at <= now()")
                .query(Long.class).list();
        for (long board : boards) {
            var config = configs.forBoard(board);
            if (config.isEmpty()) {
                continue;
            }
            while (true) {
                List<Pending> batch = claim(board, null);
                if (batch.isEmpty()) {
                    break;
                }
                sent += deliver(config.get(), batch);
                if (batch.size() < BATCH) {
                    break;
                }
            }
        }
        return sent;
    }

    /** Sends one pending or failed mail now, whatever its next attempt time (the test mail, "retry now"). */
    public CheckResult sendNow(long boardId, long id) {
        var config = configs.forBoard(boardId);
        if (config.isEmpty()) {
            return new CheckResult(false, "no SMTP server configured");
        }
        List<Pending> batch = claim(boardId, id);
        if (batch.isEmpty()) {
            return new CheckResult(false, "not waiting to be sent");
        }
        deliver(config.get(), batch);
        return jdbc.sql("SELECT status, last_error FROM mail_outbox WHERE id = ?").param(id)
                .query((rs, n) -> new CheckResult("SENT".equals(rs.getString(1)), rs.getString(2))).single();
    }

    /** Connects to the board's SMTP server (and authenticates) without sending. */
    public CheckResult testConnection(SmtpConfig config) {
        try {
            configs.sender(config).testConnection();
            return new CheckResult(true, config.host() + ":" + config.port());
        } catch (Exception e) {
            return new CheckResult(false, describe(e));
        }
    }

    private List<Pending> claim(long board, Long only) {
        String pick = only == null
                ? "SELECT id FROM mail_outbox WHERE board_id = :board AND status = 'PENDING' AND next_attempt_at <= now()"
                  + " ORDER BY next_attempt_at, id LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED"
                : "SELECT id FROM mail_outbox WHERE board_id = :board AND id = :only AND status IN ('PENDING', 'FAILED')"
                  + " FOR UPDATE SKIP LOCKED";
        var spec = jdbc.sql("""
                UPDATE mail_outbox SET next_attempt_at = now() + make_interval(secs => :lease), status = 'PENDING'
                WHERE id IN (""" + pick + """
                ) RETURNING id, board_id, recipient, recipient_name, subject, body_text, body_html, reply_to, in_reply_to,
                  references_hdr, message_id""")
                .param("lease", LEASE.toSeconds()).param("board", board);
        if (only != null) {
            spec = spec.param("only", only);
        }
        return spec.query((rs, n) -> new Pending(rs.getLong("id"), rs.getLong("board_id"), rs.getString("recipient"),
                rs.getString("recipient_name"), rs.getString("subject"), rs.getString("body_text"), rs.getString("body_html"),
                rs.getString("reply_to"), rs.getString("in_reply_to"), rs.getString("references_hdr"),
                rs.getString("message_id"))).list();
    }

    private int deliver(SmtpConfig config, List<Pending> batch) {
        JavaMailSenderImpl sender = configs.sender(config);
        Map<MimeMessage, Pending> messages = new LinkedHashMap<>();
        for (Pending p : batch) {
            try {
                messages.put(build(sender.getSession(), config, p), p);
            } catch (Exception e) {
                failed(p, e, true);
            }
        }
        if (messages.isEmpty()) {
            return 0;
        }
        Map<Object, Exception> failures = new LinkedHashMap<>();
        try {
            sender.send(messages.keySet().toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            failures.putAll(e.getFailedMessages());
            if (failures.isEmpty()) {
                messages.keySet().forEach(m -> failures.put(m, e));
            }
        } catch (MailAuthenticationException e) {
            messages.keySet().forEach(m -> failures.put(m, e));
        } catch (RuntimeException e) {
            messages.keySet().forEach(m -> failures.put(m, e));
        }
        int sent = 0;
        for (var entry : messages.entrySet()) {
            Exception failure = failures.get(entry.getKey());
            if (failure == null) {
                jdbc.sql("""
                        UPDATE mail_outbox SET status = 'SENT', sent_at = now(), attempts = attempts + 1, last_error = NULL
                        WHERE id = ?""").param(entry.getValue().id()).update();
                sent++;
            } else {
                failed(entry.getValue(), failure, permanent(failure));
            }
        }
        return sent;
    }

    private void failed(Pending p, Exception e, boolean permanent) {
        String error = describe(e);
        log.info("mail {} to {} not sent: {}", p.id(), p.recipient(), error);
        jdbc.sql("""
                UPDATE mail_outbox SET attempts = attempts + 1, last_error = :error,
                  status = CASE WHEN :permanent OR attempts + 1 >= :max THEN 'FAILED' ELSE 'PENDING' END,
                  next_attempt_at = now() + make_interval(mins => LEAST(360, power(2, attempts)::int))
                WHERE id = :id""")
                .param("error", error).param("permanent", permanent).param("max", MAX_ATTEMPTS).param("id", p.id())
                .update();
    }

    /** A refusal that will not change by trying again: the server rejected the recipient (5xx). */
    static boolean permanent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getSimpleName().equals("SMTPAddressFailedException") && returnCode(t) >= 500) {
                return true;
            }
            if (t instanceof jakarta.mail.SendFailedException s && s.getNextException() != null
                    && s.getNextException() != t && permanent(s.getNextException())) {
                return true;
            }
        }
        return false;
    }

    /** The SMTP reply code of Angus Mail's SMTP exceptions (a runtime-only dependency, hence reflection). */
    private static int returnCode(Throwable t) {
        try {
            return (Integer) t.getClass().getMethod("getReturnCode").invoke(t);
        } catch (ReflectiveOperationException | ClassCastException e) {
            return -1;
        }
    }

    private MimeMessage build(Session session, SmtpConfig config, Pending p) throws Exception {
        List<Attachment> attachments = jdbc.sql("SELECT file_name, content_type, content FROM mail_outbox_attachment WHERE mail_id = ? ORDER BY id")
                .param(p.id()).query((rs, n) -> new Attachment(rs.getString(1), rs.getString(2), rs.getBytes(3))).list();
        MimeMessage message = new OwnIdMessage(session, p.messageId());
        boolean multipart = p.html() != null || !attachments.isEmpty();
        MimeMessageHelper h = new MimeMessageHelper(message, multipart, "UTF-8");
        h.setFrom(new InternetAddress(config.fromAddress(), blankToNull(config.fromName()), "UTF-8"));
        h.setTo(new InternetAddress(p.recipient(), blankToNull(p.recipientName()), "UTF-8"));
        if (p.replyTo() != null) {
            h.setReplyTo(p.replyTo());
        }
        h.setSubject(p.subject());
        if (p.html() != null) {
            h.setText(p.text(), p.html());
        } else {
            h.setText(p.text());
        }
        for (Attachment a : attachments) {
            h.addAttachment(a.fileName(), new ByteArrayResource(a.content()), a.contentType());
        }
        h.setSentDate(new Date());
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setHeader("X-Coordinaat-Mail", String.valueOf(p.id()));
        message.setHeader("X-Auto-Response-Suppress", "All");
        if (p.inReplyTo() != null) {
            message.setHeader("In-Reply-To", p.inReplyTo());
        }
        if (p.references() != null) {
            // a long conversation: fold the header so no line passes the 998-character limit
            message.setHeader("References", jakarta.mail.internet.MimeUtility.fold(12, p.references()));
        }
        message.saveChanges();
        return message;
    }

    /** Keeps the Message-ID given at queue time (the caller may have stored it for threading). */
    static final class OwnIdMessage extends MimeMessage {
        private final String id;

        OwnIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + id + ">");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public static String describe(Throwable e) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = e; t != null && parts.size() < 4; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            parts.add(t.getClass().getSimpleName() + (m == null ? "" : ": " + m.strip()));
        }
        String s = String.join(" <- ", parts).replaceAll("[\\x00-\\x08\\x0b-\\x1f\\x7f]", " ");
        return s.length() > 2000 ? s.substring(0, 2000) : s;
    }
}
