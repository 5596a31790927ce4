package be.coordinaat.mail.inbound;

import be.coordinaat.mail.InboundMail;
import be.coordinaat.mail.text.HtmlText;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the raw bytes of a received mail into a {@link ParsedMail}, whatever the sender's software did: nested
 * multiparts, any charset (declared or not; ISO-8859-1 is read as windows-1252, as mail clients do), quoted-printable
 * and base64 (broken base64 is decoded as far as it goes), HTML-only mails converted to text, attachments limited
 * in size and number. It never throws for bad input: a part it cannot read is left out; only a mail without any
 * readable header gives {@link MalformedMailException}.
 */
public final class MimeParser {

    public static final int MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
    public static final int MAX_ATTACHMENTS = 20;
    public static final int MAX_TEXT_CHARS = 200_000;
    private static final int MAX_DEPTH = 12;
    private static final int MAX_PARTS = 200;
    private static final Pattern ANGLE_ID = Pattern.compile("<([^<>\\s]{1,400})>");
    private static final Pattern LOOSE_ADDRESS = Pattern.compile("[A-Za-z0-9._%+'=-]+@[A-Za-z0-9.-]+");
    private static final List<String> LOOP_HEADERS = List.of("Auto-Submitted", "X-Autoreply", "X-Autorespond",
            "X-Auto-Response-Suppress", "Precedence", "List-Id", "List-Unsubscribe", "X-Coordinaat-Mail", "Return-Path",
            "X-Failed-Recipients", "Feedback-Type");
    private static final Session SESSION;

    static {
        Properties p = new Properties();
        p.put("mail.mime.address.strict", "false");
        p.put("mail.mime.decodetext.strict", "false");
        p.put("mail.mime.parameters.strict", "false");
        p.put("mail.mime.base64.ignoreerrors", "true");
        p.put("mail.mime.uudecode.ignoreerrors", "true");
        p.put("mail.mime.uudecode.ignoremissingbeginend", "true");
        p.put("mail.mime.multipart.allowempty", "true");
        p.put("mail.mime.multipart.ignoremissingendboundary", "true");
        p.put("mail.mime.multipart.ignoremissingboundaryparameter", "true");
        p.put("mail.mime.multipart.ignoreexistingboundaryparameter", "false");
        p.put("mail.mime.allowutf8", "true");
        SESSION = Session.getInstance(p);
    }

    /** The mail has no readable header at all. */
    public static final class MalformedMailException extends Exception {
        MalformedMailException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private MimeParser() {}

    public static ParsedMail parse(byte[] raw) throws MalformedMailException {
        MimeMessage m;
        try {
            m = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
        } catch (Exception | StackOverflowError e) {
            throw new MalformedMailException("unreadable mail: " + e, e);
        }
        String from = null;
        String fromName = null;
        InternetAddress sender = first(addresses(m, "From"));
        if (sender != null) {
            from = sender.getAddress();
            fromName = clean(sender.getPersonal(), 200);
        }
        List<String> to = addressList(m, "To");
        List<String> cc = addressList(m, "Cc");
        String subject = clean(decodedHeader(m, "Subject"), 500);
        subject = subject == null ? null : subject.replace('\n', ' ').replace('\t', ' ').strip();
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h : LOOP_HEADERS) {
            String v = rawHeader(m, h);
            if (v != null) {
                headers.put(h.toLowerCase(Locale.ROOT), clean(v, 500));
            }
        }
        String messageId = firstId(rawHeader(m, "Message-ID"));
        String inReplyTo = firstId(rawHeader(m, "In-Reply-To"));
        List<String> references = ids(rawHeader(m, "References"));
        Instant sentAt = null;
        try {
            var d = m.getSentDate();
            sentAt = d == null ? null : d.toInstant();
        } catch (Exception e) {
            // an unparsable Date header is no reason to drop the mail
        }
        String contentType = rawHeader(m, "Content-Type");
        if (from == null && messageId == null && subject == null && contentType == null) {
            throw new MalformedMailException("no From, Message-ID, Subject or Content-Type header", null);
        }
        Body body = new Body();
        walk(m, 0, body);
        String text = !body.plain.toString().isBlank() ? body.plain.toString() : HtmlText.toText(body.html.toString());
        text = clean(text.replace("\r\n", "\n").replace('\r', '\n'), MAX_TEXT_CHARS);
        text = text == null ? "" : text.stripTrailing();
        return new ParsedMail(messageId, from == null ? null : lower(from), fromName, to, cc, subject,
                text == null ? "" : text, inReplyTo, references, body.attachments, body.skipped, sentAt, headers,
                contentType == null ? null : clean(contentType, 300));
    }

    private static final class Body {
        final StringBuilder plain = new StringBuilder();
        final StringBuilder html = new StringBuilder();
        final List<InboundMail.Attachment> attachments = new ArrayList<>();
        final List<String> skipped = new ArrayList<>();
        int parts;
    }

    private static void walk(Part part, int depth, Body body) {
        if (depth > MAX_DEPTH || ++body.parts > MAX_PARTS) {
            return;
        }
        ContentType type = contentType(part);
        String base = type.getBaseType().toLowerCase(Locale.ROOT);
        String disposition = null;
        try {
            disposition = part.getDisposition();
        } catch (Exception e) {
            // treat as inline
        }
        String fileName = fileName(part);
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(disposition) || fileName != null;
        if (base.startsWith("multipart/")) {
            try {
                Object content = part.getContent();
                if (content instanceof Multipart mp) {
                    int count = mp.getCount();
                    if (base.equals("multipart/alternative")) {
                        // the plain part when there is one, else the last (richest) one
                        BodyPart chosen = null;
                        for (int i = 0; i < count; i++) {
                            BodyPart bp = mp.getBodyPart(i);
                            if (contentType(bp).getBaseType().equalsIgnoreCase("text/plain") && fileName(bp) == null) {
                                chosen = bp;
                                break;
                            }
                        }
                        if (chosen == null && count > 0) {
                            chosen = mp.getBodyPart(count - 1);
                        }
                        if (chosen != null) {
                            walk(chosen, depth + 1, body);
                        }
                    } else {
                        for (int i = 0; i < count; i++) {
                            walk(mp.getBodyPart(i), depth + 1, body);
                        }
                    }
                    return;
                }
            } catch (Exception | StackOverflowError e) {
                // a broken multipart: read what is there as text below
            }
            String text = text(part, type);
            if (text != null) {
                append(body.plain, text);
            }
            return;
        }
        if (!attachment && (base.equals("text/plain") || base.equals("text/html") || base.equals("text/enriched"))) {
            String text = text(part, type);
            if (text != null) {
                append(base.equals("text/html") ? body.html : body.plain, text);
            }
            return;
        }
        if (base.equals("message/delivery-status") || base.equals("text/rfc822-headers")) {
            return;
        }
        // an attachment, an inline image, a forwarded mail (message/rfc822)
        String name = fileName != null ? fileName
                : base.equals("message/rfc822") ? "message.eml" : "attachment" + (body.attachments.size() + 1);
        if (body.attachments.size() >= MAX_ATTACHMENTS) {
            body.skipped.add(name);
            return;
        }
        byte[] bytes = bytes(part, MAX_ATTACHMENT_BYTES + 1);
        if (bytes == null) {
            body.skipped.add(name);
        } else if (bytes.length > MAX_ATTACHMENT_BYTES) {
            body.skipped.add(name);
        } else {
            body.attachments.add(new InboundMail.Attachment(name, clean(base, 150), bytes));
        }
    }

    private static void append(StringBuilder b, String text) {
        if (b.length() >= MAX_TEXT_CHARS) {
            return;
        }
        if (!b.isEmpty()) {
            b.append("\n\n");
        }
        b.append(text);
    }

    private static ContentType contentType(Part part) {
        try {
            String[] values = part.getHeader("Content-Type");
            if (values != null && values.length > 0) {
                return new ContentType(values[0]);
            }
        } catch (Exception e) {
            // fall through
        }
        ContentType t = new ContentType();
        t.setPrimaryType("text");
        t.setSubType("plain");
        return t;
    }

    private static String fileName(Part part) {
        try {
            String name = part.getFileName();
            if (name == null) {
                return null;
            }
            try {
                name = MimeUtility.decodeText(name);
            } catch (Exception e) {
                // keep it as it came
            }
            name = name.replace('\\', '/');
            name = name.substring(name.lastIndexOf('/') + 1);
            name = clean(name, 200);
            return name == null || name.isBlank() || name.equals(".") || name.equals("..") ? null : name;
        } catch (Exception e) {
            return null;
        }
    }

    /** A text part decoded with its charset (or guessed), null when it cannot be read at all. */
    private static String text(Part part, ContentType type) {
        byte[] bytes = bytes(part, MAX_TEXT_CHARS * 4);
        if (bytes == null) {
            return null;
        }
        return decode(bytes, type.getParameter("charset"));
    }

    /** The decoded content (transfer encoding undone), at most {@code limit} bytes; null when unreadable. */
    private static byte[] bytes(Part part, int limit) {
        try (InputStream in = part.getInputStream()) {
            return in.readNBytes(limit);
        } catch (Exception e) {
            try (InputStream in = rawStream(part)) {
                return in == null ? null : in.readNBytes(limit);
            } catch (Exception e2) {
                return null;
            }
        }
    }

    private static InputStream rawStream(Part part) throws Exception {
        if (part instanceof jakarta.mail.internet.MimePart mp) {
            return mp instanceof MimeMessage msg ? msg.getRawInputStream()
                    : ((jakarta.mail.internet.MimeBodyPart) mp).getRawInputStream();
        }
        return null;
    }

    /**
     * Bytes to text: the declared charset when Java knows it (ISO-8859-1 and ASCII read as windows-1252, their
     * superset in practice); undeclared or unknown: UTF-8 when the bytes are valid UTF-8, else windows-1252.
     */
    public static String decode(byte[] bytes, String declared) {
        String cs = declared == null ? null : declared.strip().replace("\"", "").toLowerCase(Locale.ROOT);
        if (cs != null && (cs.equals("iso-8859-1") || cs.equals("latin1") || cs.equals("us-ascii") || cs.equals("ascii")
                || cs.equals("iso8859-1") || cs.equals("iso_8859-1"))) {
            cs = "windows-1252";
        }
        if (cs != null && !cs.isEmpty() && !cs.equals("utf-8") && !cs.equals("utf8")) {
            try {
                if (Charset.isSupported(cs)) {
                    return Charset.forName(cs).decode(ByteBuffer.wrap(bytes)).toString();
                }
            } catch (Exception e) {
                // unknown or illegal name: guess below
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return Charset.forName("windows-1252").decode(ByteBuffer.wrap(bytes)).toString();
        }
    }

    private static String rawHeader(Message m, String name) {
        try {
            String[] v = m.getHeader(name);
            return v == null || v.length == 0 ? null : v[0];
        } catch (Exception e) {
            return null;
        }
    }

    private static String decodedHeader(Message m, String name) {
        String v = rawHeader(m, name);
        if (v == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(v));
        } catch (Exception e) {
            return MimeUtility.unfold(v);
        }
    }

    private static List<InternetAddress> addresses(Message m, String header) {
        String v = rawHeader(m, header);
        if (v == null) {
            return List.of();
        }
        List<InternetAddress> out = new ArrayList<>();
        try {
            for (Address a : InternetAddress.parseHeader(MimeUtility.unfold(v), false)) {
                if (a instanceof InternetAddress ia && ia.getAddress() != null && ia.getAddress().contains("@")) {
                    try {
                        String personal = ia.getPersonal();
                        out.add(new InternetAddress(ia.getAddress().strip(), personal == null ? null : MimeUtility.decodeText(personal), "UTF-8"));
                    } catch (Exception e) {
                        out.add(ia);
                    }
                }
            }
        } catch (Exception e) {
            Matcher matcher = LOOSE_ADDRESS.matcher(v);
            while (matcher.find()) {
                InternetAddress ia = new InternetAddress();
                ia.setAddress(matcher.group());
                out.add(ia);
            }
        }
        return out;
    }

    private static List<String> addressList(Message m, String header) {
        return addresses(m, header).stream().map(a -> lower(a.getAddress())).filter(a -> a.length() <= 320).distinct()
                .limit(100).toList();
    }

    private static InternetAddress first(List<InternetAddress> list) {
        return list.isEmpty() ? null : list.get(0);
    }

    static String firstId(String header) {
        List<String> ids = ids(header);
        if (!ids.isEmpty()) {
            return ids.get(0);
        }
        String s = header == null ? null : clean(header, 400);
        return s == null || s.isBlank() || s.contains(" ") ? null : s;
    }

    static List<String> ids(String header) {
        if (header == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        Matcher m = ANGLE_ID.matcher(header);
        while (m.find() && out.size() < 100) {
            String id = clean(m.group(1), 400);
            if (id != null && !id.isBlank()) {
                out.add(id);
            }
        }
        return out;
    }

    private static String lower(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }

    /** No NUL or other control characters except line breaks and tabs (PostgreSQL stores no NUL), at most max chars. */
    static String clean(String s, int max) {
        if (s == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), max));
        for (int i = 0; i < s.length() && b.length() < max; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\t' || (c >= 0x20 && c != 0x7f && !(Character.isSurrogate(c) && !validSurrogate(s, i)))) {
                b.append(c);
            }
        }
        if (b.length() > 0 && Character.isHighSurrogate(b.charAt(b.length() - 1))) {
            b.setLength(b.length() - 1);
        }
        return b.toString();
    }

    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
