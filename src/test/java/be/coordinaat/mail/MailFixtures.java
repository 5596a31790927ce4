package be.coordinaat.mail;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Received mails in domain terms, as the raw bytes a mail server stores. */
final class MailFixtures {
    private MailFixtures() {}

    static final Session SESSION = Session.getInstance(new Properties());

    static byte[] plain(String from, String subject, String text, String messageId, String extraHeaders) {
        return raw("From: " + from + "\r\nTo: helpdesk@school.be\r\nSubject: " + encode(subject) + "\r\nMessage-ID: " + messageId
                + "\r\nDate: Mon, 2 Mar 2026 09:00:00 +0100\r\nMIME-Version: 1.0\r\n" + extraHeaders.replace("\n", "\r\n")
                + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + text.replace("\n", "\r\n") + "\r\n",
                true);
    }

    static byte[] htmlOnly(String from, String subject, String html) {
        return raw("From: " + from + "\r\nTo: helpdesk@school.be\r\nSubject: " + encode(subject)
                + "\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n" + html + "\r\n", true);
    }

    static byte[] withAttachment(String from, String subject, String text, String html, String fileName, String type,
            byte[] content) {
        try {
            MimeMessage m = new MimeMessage(SESSION);
            m.setFrom(new InternetAddress(from));
            m.setRecipients(MimeMessage.RecipientType.TO, "helpdesk@school.be");
            m.setSubject(subject, "UTF-8");
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            if (html == null) {
                body.setText(text, "UTF-8");
            } else {
                MimeMultipart alt = new MimeMultipart("alternative");
                MimeBodyPart p = new MimeBodyPart();
                p.setText(text, "UTF-8");
                MimeBodyPart h = new MimeBodyPart();
                h.setContent(html, "text/html; charset=UTF-8");
                alt.addBodyPart(p);
                alt.addBodyPart(h);
                body.setContent(alt);
            }
            mixed.addBodyPart(body);
            MimeBodyPart a = new MimeBodyPart();
            a.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(content, type)));
            a.setHeader("Content-Type", type);
            a.setHeader("Content-Disposition", "attachment; filename=\"" + fileName.replace("\\", "\\\\") + "\"");
            a.setHeader("Content-Transfer-Encoding", "base64");
            mixed.addBodyPart(a);
            m.setContent(mixed);
            m.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            m.writeTo(out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] raw(String s, boolean utf8) {
        return s.getBytes(utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    }

    static String encode(String s) {
        try {
            return MimeUtility.encodeText(s, "UTF-8", "Q");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static MimeMessage message(byte[] raw) {
        try {
            return new MimeMessage(SESSION, new java.io.ByteArrayInputStream(raw));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
