package be.coordinaat.mail;

import be.coordinaat.mail.Views.QueuedMail;
import be.coordinaat.mail.delivery.MailRenderer;
import be.coordinaat.mail.delivery.SmtpConfigs;
import be.coordinaat.mail.text.HtmlText;
import be.coordinaat.shared.InvalidInputException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The way out for every module: {@link #queue} renders the mail in the recipient's language and writes it to the
 * outbox <em>in the caller's transaction</em>. When the caller's change rolls back, so does the mail; when it
 * commits, the scheduled sender delivers it (with retries), even after a restart. Nothing is sent from here.
 */
@Service
public class Mailer {

    public static final Set<String> LOCALES = Set.of("nl-BE", "en");
    public static final int MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
    public static final int MAX_TOTAL_ATTACHMENT_BYTES = 20 * 1024 * 1024;
    private static final Pattern MESSAGE_ID = Pattern.compile("<?[^<>\\s@]{1,250}@[^<>\\s@]{1,250}>?");

    private final JdbcClient jdbc;
    private final MailRenderer renderer;
    private final SmtpConfigs smtp;

    Mailer(JdbcClient jdbc, MailRenderer renderer, SmtpConfigs smtp) {
        this.jdbc = jdbc;
        this.renderer = renderer;
        this.smtp = smtp;
    }

    /**
     * Puts a mail in the outbox, in the current transaction (or its own when there is none).
     *
     * @return its outbox id and its Message-ID (without angle brackets), to store for threading
     * @throws InvalidInputException for an invalid recipient address (field {@code to}) or oversized attachments;
     *         nothing was written then, and the caller's transaction may go on (it is not marked for rollback)
     */
    @Transactional(propagation = Propagation.REQUIRED, noRollbackFor = InvalidInputException.class)
    public QueuedMail queue(OutgoingMail mail) {
        long boardId = boardOf(mail);
        String to = address(mail.to(), "to");
        String replyTo = mail.replyTo() == null || mail.replyTo().isBlank() ? null : address(mail.replyTo(), "replyTo");
        String locale = locale(mail.locale());
        String subject;
        String text;
        String html;
        if (mail.template() != null) {
            var rendered = renderer.render(mail.template(), new java.util.HashMap<>(mail.model()), Locale.forLanguageTag(locale));
            subject = rendered.subject();
            text = rendered.text();
            html = rendered.html();
        } else {
            if (mail.subject() == null || mail.subject().isBlank()) {
                throw InvalidInputException.of("subject", "mail.error.subject", "A mail needs a subject or a template");
            }
            subject = mail.subject();
            html = mail.htmlBody();
            text = mail.textBody() != null ? mail.textBody() : HtmlText.toText(html);
        }
        long total = 0;
        for (OutgoingMail.Attachment a : mail.attachments()) {
            if (a.content().length > MAX_ATTACHMENT_BYTES) {
                throw InvalidInputException.of("attachments", "mail.error.attachment.tooLarge",
                        "An attachment is larger than 10 MB: " + a.fileName());
            }
            total += a.content().length;
        }
        if (total > MAX_TOTAL_ATTACHMENT_BYTES) {
            throw InvalidInputException.of("attachments", "mail.error.attachment.tooLarge", "The attachments are larger than 20 MB together");
        }
        String messageId = "coordinaat." + UUID.randomUUID() + "@" + smtp.messageIdDomain(boardId);
        String references = mail.references().stream().map(Mailer::messageId).filter(s -> s != null)
                .map(s -> "<" + s + ">").reduce((a, b) -> a + " " + b).orElse(null);
        String inReplyTo = messageId(mail.inReplyTo());
        long id = jdbc.sql("""
                INSERT INTO mail_outbox (board_id, school_id, recipient, recipient_name, recipient_locale, template, subject,
                  body_text, body_html, reply_to, in_reply_to, references_hdr, thread_ref, message_id)
                VALUES (:board, :school, :to, :name, :locale, :template, :subject, :text, :html, :replyTo, :inReplyTo,
                  :references, :thread, :messageId) RETURNING id""")
                .param("board", boardId).param("school", mail.schoolId(), java.sql.Types.BIGINT).param("to", to)
                .param("name", oneLine(mail.toName(), 200)).param("locale", locale).param("template", mail.template())
                .param("subject", oneLine(subject, 1000)).param("text", text).param("html", html)
                .param("replyTo", replyTo).param("inReplyTo", inReplyTo == null ? null : "<" + inReplyTo + ">")
                .param("references", references).param("thread", oneLine(mail.threadRef(), 200))
                .param("messageId", messageId)
                .query(Long.class).single();
        for (OutgoingMail.Attachment a : mail.attachments()) {
            jdbc.sql("INSERT INTO mail_outbox_attachment (mail_id, file_name, content_type, content) VALUES (?, ?, ?, ?)")
                    .params(id, fileName(a.fileName()), oneLine(a.contentType(), 150), a.content()).update();
        }
        return new QueuedMail(id, messageId);
    }

    private long boardOf(OutgoingMail mail) {
        if (mail.schoolId() != null) {
            Long board = jdbc.sql("SELECT board_id FROM school WHERE id = ?").param(mail.schoolId()).query(Long.class)
                    .optional().orElseThrow(() -> new IllegalArgumentException("no school " + mail.schoolId()));
            if (mail.boardId() != null && !mail.boardId().equals(board)) {
                throw new IllegalArgumentException("school " + mail.schoolId() + " is not of board " + mail.boardId());
            }
            return board;
        }
        if (mail.boardId() == null) {
            throw new IllegalArgumentException("a mail needs a board or a school");
        }
        return mail.boardId();
    }

    /** A single valid address (no display name, no line breaks), lower-cased domain. */
    static String address(String raw, String field) {
        if (raw == null || raw.isBlank() || raw.length() > 320 || raw.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw InvalidInputException.of(field, "mail.error.address", "Not a valid e-mail address");
        }
        try {
            InternetAddress a = new InternetAddress(raw.strip(), true);
            String address = a.getAddress();
            if (address == null || !address.contains("@") || address.startsWith("@") || address.endsWith("@")
                    || address.contains(" ") || address.contains(",")) {
                throw new AddressException(raw);
            }
            return address;
        } catch (AddressException e) {
            throw InvalidInputException.of(field, "mail.error.address", "Not a valid e-mail address");
        }
    }

    static String locale(String locale) {
        if (locale == null || locale.isBlank()) {
            return "nl-BE";
        }
        String l = locale.replace('_', '-');
        if (l.equalsIgnoreCase("en") || l.toLowerCase(Locale.ROOT).startsWith("en-")) {
            return "en";
        }
        return "nl-BE";
    }

    /** A Message-ID without angle brackets, or null when it is not one. */
    static String messageId(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        if (!MESSAGE_ID.matcher(s).matches()) {
            return null;
        }
        return s.startsWith("<") ? s.substring(1, s.length() - (s.endsWith(">") ? 1 : 0)) : s.endsWith(">") ? s.substring(0, s.length() - 1) : s;
    }

    /** Header values on one line (no header injection), at most {@code max} characters. */
    static String oneLine(String s, int max) {
        if (s == null) {
            return null;
        }
        String clean = s.replaceAll("[\\r\\n\\t\\x00-\\x1f\\x7f]+", " ").strip();
        return clean.length() > max ? clean.substring(0, max) : clean;
    }

    static String fileName(String name) {
        String n = name == null ? "" : name.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1);
        n = oneLine(n.replace("\"", "'"), 200);
        return n == null || n.isBlank() ? "attachment" : n;
    }
}
