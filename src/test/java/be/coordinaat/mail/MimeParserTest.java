package be.coordinaat.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.coordinaat.mail.inbound.LoopGuard;
import be.coordinaat.mail.inbound.MimeParser;
import be.coordinaat.mail.inbound.ParsedMail;
import be.coordinaat.mail.text.HtmlText;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Received mails of the shapes real mail clients and servers send, parsed without a server. */
class MimeParserTest {

    static byte[] bytes(String s) {
        return s.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void plainUtf8MailWithThreadHeaders() throws Exception {
        ParsedMail m = MimeParser.parse(MailFixtures.plain("Jan Peeters <Jan.Peeters@Example.be>", "Printer lokaal 12",
                "De printer in lokaal 12 doet het niet meer. Groetjes, Jan — één keer", "<abc@example.be>",
                "In-Reply-To: <coordinaat.1@school.be>\nReferences: <coordinaat.0@school.be> <coordinaat.1@school.be>\n"));
        assertThat(m.from()).isEqualTo("jan.peeters@example.be");
        assertThat(m.fromName()).isEqualTo("Jan Peeters");
        assertThat(m.subject()).isEqualTo("Printer lokaal 12");
        assertThat(m.text()).contains("doet het niet meer").contains("één keer");
        assertThat(m.messageId()).isEqualTo("abc@example.be");
        assertThat(m.inReplyTo()).isEqualTo("coordinaat.1@school.be");
        assertThat(m.references()).containsExactly("coordinaat.0@school.be", "coordinaat.1@school.be");
        assertThat(m.to()).containsExactly("helpdesk@school.be");
    }

    @Test
    void windows1252AndIso88591AreDecoded() throws Exception {
        // € is 0x80 in windows-1252; mail clients label such text ISO-8859-1 all the time
        byte[] body = "Prijs: 20 \u20ac, caf\u00e9 \u2013 \u201cdank\u201d".getBytes(Charset.forName("windows-1252"));
        for (String label : new String[] {"windows-1252", "ISO-8859-1", "iso-8859-1", "\"Windows-1252\""}) {
            byte[] raw = concat(bytes("""
                    From: a@example.be
                    To: helpdesk@school.be
                    Subject: =?ISO-8859-1?Q?caf=E9?=
                    Message-ID: <w1252@example.be>
                    MIME-Version: 1.0
                    Content-Type: text/plain; charset=%s
                    Content-Transfer-Encoding: 8bit

                    """.formatted(label)), body);
            ParsedMail m = MimeParser.parse(raw);
            assertThat(m.text()).as(label).isEqualTo("Prijs: 20 \u20ac, caf\u00e9 \u2013 \u201cdank\u201d");
            assertThat(m.subject()).isEqualTo("caf\u00e9");
        }
    }

    @Test
    void undeclaredOrUnknownCharsetIsGuessed() throws Exception {
        byte[] latin = "r\u00e9paration".getBytes(Charset.forName("windows-1252"));
        byte[] raw = concat(bytes("From: a@example.be\nSubject: x\nContent-Type: text/plain; charset=x-unknown-42\n\n"), latin);
        assertThat(MimeParser.parse(raw).text()).isEqualTo("r\u00e9paration");
        byte[] utf8 = concat(bytes("From: a@example.be\nSubject: x\n\n"), "r\u00e9paration".getBytes(StandardCharsets.UTF_8));
        assertThat(MimeParser.parse(utf8).text()).isEqualTo("r\u00e9paration");
    }

    @Test
    void quotedPrintableAndBase64() throws Exception {
        ParsedMail qp = MimeParser.parse(bytes("""
                From: a@example.be
                Subject: qp
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: quoted-printable

                Het scherm is kap=C3=B3t en dit is een lange regel die wordt afgebroken =
                op het einde.
                """));
        assertThat(qp.text()).contains("kapót").contains("afgebroken op het einde");
        String b64 = Base64.getMimeEncoder().encodeToString("Base64-tekst met ü".getBytes(StandardCharsets.UTF_8));
        ParsedMail b = MimeParser.parse(bytes("From: a@example.be\nSubject: b\nContent-Type: text/plain; charset=utf-8\n"
                + "Content-Transfer-Encoding: base64\n\n" + b64 + "\n"));
        assertThat(b.text()).isEqualTo("Base64-tekst met ü");
        // broken base64 is decoded as far as it goes, never an exception
        ParsedMail broken = MimeParser.parse(bytes("From: a@example.be\nSubject: b\nContent-Transfer-Encoding: base64\n\n!!!@@@###\n"));
        assertThat(broken.subject()).isEqualTo("b");
    }

    @Test
    void htmlOnlyMailBecomesText() throws Exception {
        ParsedMail m = MimeParser.parse(MailFixtures.htmlOnly("a@example.be", "Html",
                "<html><head><style>p{color:red}</style></head><body><p>Dag,</p><p>De <b>beamer</b> in lokaal 3<br>flikkert.</p>"
                        + "<ul><li>sinds maandag</li><li>elke les</li></ul><a href=\"https://x.be/foto\">foto</a><script>alert(1)</script></body></html>"));
        assertThat(m.text()).isEqualTo("Dag,\n\nDe beamer in lokaal 3\nflikkert.\n\n- sinds maandag\n- elke les\n\nfoto (https://x.be/foto)");
    }

    @Test
    void alternativePrefersPlainAndAttachmentsAreKept() throws Exception {
        byte[] pdf = "%PDF-1.4 fake".getBytes(StandardCharsets.US_ASCII);
        ParsedMail m = MimeParser.parse(MailFixtures.withAttachment("a@example.be", "Met bijlage", "Zie bijlage.",
                "<p>Zie <i>bijlage</i>.</p>", "=?UTF-8?Q?offerte_=C3=A9=C3=A9n.pdf?=", "application/pdf", pdf));
        assertThat(m.text()).isEqualTo("Zie bijlage.");
        assertThat(m.attachments()).hasSize(1);
        assertThat(m.attachments().get(0).fileName()).isEqualTo("offerte één.pdf");
        assertThat(m.attachments().get(0).contentType()).isEqualTo("application/pdf");
        assertThat(m.attachments().get(0).content()).isEqualTo(pdf);
    }

    @Test
    void oversizedAttachmentsAreSkippedByName() throws Exception {
        byte[] big = new byte[MimeParser.MAX_ATTACHMENT_BYTES + 10];
        ParsedMail m = MimeParser.parse(MailFixtures.withAttachment("a@example.be", "Groot", "Te groot", null,
                "video.mp4", "video/mp4", big));
        assertThat(m.attachments()).isEmpty();
        assertThat(m.skippedAttachments()).containsExactly("video.mp4");
        assertThat(m.text()).isEqualTo("Te groot");
    }

    @Test
    void pathsInFileNamesAreDropped() throws Exception {
        ParsedMail m = MimeParser.parse(MailFixtures.withAttachment("a@example.be", "x", "x", null,
                "..\\..\\windows\\evil.exe", "application/octet-stream", new byte[] {1, 2}));
        assertThat(m.attachments().get(0).fileName()).isEqualTo("evil.exe");
    }

    @Test
    void malformedMailsGiveWhatCanBeRead() throws Exception {
        // multipart without its closing boundary, a broken Content-Type, an unparsable From and Date
        ParsedMail m = MimeParser.parse(bytes("""
                From: "Broken <<@@ <x@example.be>
                Subject: half
                Date: gisteren ergens
                Content-Type: multipart/mixed; boundary="zzz"

                --zzz
                Content-Type: text/plain; charset=utf-8

                Eerste deel
                --zzz
                Content-Type: ;;;garbage
                """));
        assertThat(m.subject()).isEqualTo("half");
        assertThat(m.text()).contains("Eerste deel");
        assertThat(m.sentAt()).isNull();
        assertThatThrownBy(() -> MimeParser.parse(new byte[] {0, 1, 2, 3})).isInstanceOf(MimeParser.MalformedMailException.class);
    }

    @Test
    void nulAndControlCharactersAreRemoved() throws Exception {
        ParsedMail m = MimeParser.parse(bytes("From: a@example.be\nSubject: a\u0000b\n\nte\u0000kst\u0007!"));
        assertThat(m.subject()).isEqualTo("ab");
        assertThat(m.text()).isEqualTo("tekst!");
    }

    @Test
    void loopGuardRecognisesAutoRepliesBulkBouncesAndOurOwnMail() throws Exception {
        Set<String> own = Set.of("coordinaat@school.be");
        assertThat(reason("Auto-Submitted: auto-replied\n", "a@example.be", own)).isEqualTo(LoopGuard.AUTO_REPLY);
        assertThat(reason("Auto-Submitted: no\n", "a@example.be", own)).isNull();
        assertThat(reason("X-Autoreply: yes\n", "a@example.be", own)).isEqualTo(LoopGuard.AUTO_REPLY);
        assertThat(reason("X-Autorespond: yes\n", "a@example.be", own)).isEqualTo(LoopGuard.AUTO_REPLY);
        assertThat(reason("Precedence: bulk\n", "a@example.be", own)).isEqualTo(LoopGuard.BULK);
        assertThat(reason("Precedence: junk\n", "a@example.be", own)).isEqualTo(LoopGuard.BULK);
        assertThat(reason("Precedence: list\n", "a@example.be", own)).isEqualTo(LoopGuard.BULK);
        assertThat(reason("Precedence: auto_reply\n", "a@example.be", own)).isEqualTo(LoopGuard.AUTO_REPLY);
        assertThat(reason("List-Id: <nieuws.example.be>\n", "a@example.be", own)).isEqualTo(LoopGuard.BULK);
        assertThat(reason("X-Coordinaat-Mail: 12\n", "a@example.be", own)).isEqualTo(LoopGuard.OWN_MAIL);
        assertThat(reason("", "Coordinaat@School.be", own)).isEqualTo(LoopGuard.OWN_ADDRESS);
        assertThat(reason("", "MAILER-DAEMON@mx.example.be", own)).isEqualTo(LoopGuard.BOUNCE);
        assertThat(reason("Return-Path: <>\n", "someone@example.be", own)).isEqualTo(LoopGuard.BOUNCE);
        assertThat(reason("", "a@example.be", own)).isNull();
    }

    private static String reason(String headers, String from, Set<String> own) throws Exception {
        return LoopGuard.reason(MimeParser.parse(bytes("From: " + from + "\nSubject: s\n" + headers + "\nText\n")), own);
    }

    @Test
    void htmlTextKeepsStructure() {
        assertThat(HtmlText.toText("<p>a</p><p>b</p>")).isEqualTo("a\n\nb");
        assertThat(HtmlText.toText("<pre>x  y\n z</pre>")).isEqualTo("x  y\n z");
        assertThat(HtmlText.toText(null)).isEmpty();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
