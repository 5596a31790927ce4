package be.coordinaat.mail.inbound;

import be.coordinaat.mail.InboundMail;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A received mail after parsing: addresses lower-cased, texts decoded, attachments within the limits. {@code headers}
 * holds the first value of the headers loop protection looks at (lower-case names).
 */
public record ParsedMail(String messageId, String from, String fromName, List<String> to, List<String> cc,
        String subject, String text, String inReplyTo, List<String> references, List<InboundMail.Attachment> attachments,
        List<String> skippedAttachments, Instant sentAt, Map<String, String> headers, String contentType) {

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
}
