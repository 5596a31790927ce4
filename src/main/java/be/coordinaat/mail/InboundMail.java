package be.coordinaat.mail;

import java.time.Instant;
import java.util.List;

/**
 * A received mail as a handler gets it: parsed, decoded to text (HTML-only mails converted), its attachments within
 * the size limits. Addresses are lower-case, without display names ({@code fromName} has the sender's name).
 *
 * @param messageId  the Message-ID without angle brackets; a generated stable key when the mail had none
 * @param inReplyTo  the Message-ID it answers (no angle brackets), or null
 * @param references the Message-IDs of the conversation, oldest first
 * @param skippedAttachments names of attachments left out because they were too large or too many
 * @param mailboxAddress the address of the mailbox it came in (its user name when that is an address), for replies
 */
public record InboundMail(long mailboxId, long schoolId, long boardId, String mailboxAddress, String from, String fromName, List<String> to,
        List<String> cc, String subject, String text, String inReplyTo, List<String> references, String messageId,
        List<Attachment> attachments, List<String> skippedAttachments, Instant sentAt, Instant receivedAt) {

    /** An attachment (or an inline image) of a received mail. */
    public record Attachment(String fileName, String contentType, byte[] content) {
        public long size() {
            return content.length;
        }
    }

    public InboundMail {
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        references = references == null ? List.of() : List.copyOf(references);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        skippedAttachments = skippedAttachments == null ? List.of() : List.copyOf(skippedAttachments);
    }
}
