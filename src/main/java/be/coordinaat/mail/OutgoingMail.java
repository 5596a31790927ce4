package be.coordinaat.mail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A mail to queue with {@link Mailer#queue}. Either a Thymeleaf template ({@code templates/mail/<name>.html}, its
 * {@code <title>} is the subject, its body the HTML part; the plain text part is derived from it) with a model, or a
 * subject and body the caller rendered already. Build one with {@link #to(String, String)}.
 *
 * @param boardId     the board whose SMTP settings send it; may be null when {@code schoolId} is given
 * @param schoolId    the school it is about (optional; shown in the outbox)
 * @param locale      the recipient's language ({@code nl-BE} by default, {@code en})
 * @param threadRef   the caller's reference of the conversation, e.g. {@code ticket:42} (stored, shown, searchable)
 * @param references  Message-IDs of the conversation, oldest first, for the References header
 */
public record OutgoingMail(Long boardId, Long schoolId, String to, String toName, String locale, String template,
        Map<String, Object> model, String subject, String textBody, String htmlBody, List<Attachment> attachments,
        String replyTo, String inReplyTo, List<String> references, String threadRef) {

    /** A file sent along. */
    public record Attachment(String fileName, String contentType, byte[] content) {
        public Attachment {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(content, "content");
            contentType = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
        }
    }

    public OutgoingMail {
        model = model == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(model));
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        references = references == null ? List.of() : List.copyOf(references);
    }

    public static Builder to(String address, String locale) {
        return new Builder(address, locale);
    }

    public Locale javaLocale() {
        return Locale.forLanguageTag(locale == null || locale.isBlank() ? "nl-BE" : locale);
    }

    /** Builds an {@link OutgoingMail}. */
    public static final class Builder {
        private Long boardId;
        private Long schoolId;
        private final String to;
        private String toName;
        private final String locale;
        private String template;
        private Map<String, Object> model = new LinkedHashMap<>();
        private String subject;
        private String textBody;
        private String htmlBody;
        private final List<Attachment> attachments = new ArrayList<>();
        private String replyTo;
        private String inReplyTo;
        private List<String> references = new ArrayList<>();
        private String threadRef;

        private Builder(String to, String locale) {
            this.to = to;
            this.locale = locale;
        }

        public Builder board(long boardId) { this.boardId = boardId; return this; }
        public Builder school(long schoolId) { this.schoolId = schoolId; return this; }
        public Builder name(String toName) { this.toName = toName; return this; }
        public Builder template(String template, Map<String, ?> model) {
            this.template = template;
            this.model = new LinkedHashMap<>(model);
            return this;
        }
        /** A subject and body rendered by the caller; {@code html} may be null (plain text only). */
        public Builder content(String subject, String text, String html) {
            this.subject = subject;
            this.textBody = text;
            this.htmlBody = html;
            return this;
        }
        public Builder attach(String fileName, String contentType, byte[] content) {
            attachments.add(new Attachment(fileName, contentType, content));
            return this;
        }
        public Builder replyTo(String replyTo) { this.replyTo = replyTo; return this; }
        public Builder inReplyTo(String messageId) { this.inReplyTo = messageId; return this; }
        public Builder references(List<String> messageIds) { this.references = new ArrayList<>(messageIds); return this; }
        public Builder thread(String threadRef) { this.threadRef = threadRef; return this; }

        public OutgoingMail build() {
            return new OutgoingMail(boardId, schoolId, to, toName, locale, template, model, subject, textBody, htmlBody,
                    attachments, replyTo, inReplyTo, references, threadRef);
        }
    }
}
