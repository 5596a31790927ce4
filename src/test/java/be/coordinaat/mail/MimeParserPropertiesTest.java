package be.coordinaat.mail;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.mail.inbound.LoopGuard;
import be.coordinaat.mail.inbound.MimeParser;
import be.coordinaat.mail.inbound.ParsedMail;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Whatever bytes arrive, the parser gives a mail or says it is malformed, never anything else: random bytes, random
 * MIME-like text, and valid mails with random damage (cut, bytes flipped, lines dropped).
 */
class MimeParserPropertiesTest {

    @Property(tries = 400)
    void randomBytesNeverCrashTheParser(@ForAll @Size(max = 4000) byte[] bytes) {
        parseSafely(bytes);
    }

    @Property(tries = 400)
    void mimeLikeTextNeverCrashesTheParser(@ForAll("mimeLike") String text) {
        parseSafely(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Property(tries = 300)
    void damagedRealMailsNeverCrashTheParser(@ForAll("damaged") byte[] bytes) {
        parseSafely(bytes);
    }

    private static void parseSafely(byte[] bytes) {
        try {
            ParsedMail m = MimeParser.parse(bytes);
            assertThat(m.text()).isNotNull().doesNotContain("\u0000");
            assertThat(m.subject() == null || !m.subject().contains("\u0000")).isTrue();
            LoopGuard.reason(m, Set.of("coordinaat@school.be"));
        } catch (MimeParser.MalformedMailException expected) {
            // a clear "unreadable", which the poller records and skips
        }
    }

    @Provide
    Arbitrary<String> mimeLike() {
        Arbitrary<String> lines = Arbitraries.oneOf(
                Arbitraries.of("From: a@example.be", "From: \"x\" <", "Subject: =?utf-8?B?w6k=?=", "Subject: =?bogus?Q?=ZZ?=",
                        "Content-Type: multipart/mixed; boundary=b", "Content-Type: multipart/alternative; boundary=\"c\"",
                        "Content-Type: text/plain; charset=windows-1252", "Content-Type: text/html; charset=nonsense",
                        "Content-Type: message/rfc822", "Content-Transfer-Encoding: base64",
                        "Content-Transfer-Encoding: quoted-printable", "Content-Disposition: attachment; filename=\"a.pdf\"",
                        "Content-Disposition: attachment; filename*=UTF-8''%C3%A9.txt", "--b", "--b--", "--c", "--c--", "",
                        "Message-ID: <x@y>", "References: <a@b> <c@d", "=C3=A9=", "SGVsbG8=", "\u00e9\u00e8\u0080\u00ff",
                        "Auto-Submitted: auto-replied", "List-Id: x"),
                Arbitraries.strings().ofMaxLength(80));
        return lines.list().ofMaxSize(60).map(l -> String.join("\r\n", l));
    }

    @Provide
    Arbitrary<byte[]> damaged() {
        List<byte[]> samples = List.of(
                MailFixtures.withAttachment("a@example.be", "Met bijlage", "Zie bijlage.", "<p>Zie bijlage</p>", "f.pdf",
                        "application/pdf", "%PDF-1.4 x".getBytes(StandardCharsets.US_ASCII)),
                MailFixtures.plain("Jan <jan@example.be>", "Printer", "Tekst één", "<a@b>", ""),
                MailFixtures.htmlOnly("a@example.be", "Html", "<p>Dag <b>x</b></p>"));
        return Arbitraries.of(samples).flatMap(sample -> Arbitraries.integers().between(0, sample.length).list().ofMaxSize(12)
                .flatMap(positions -> Arbitraries.integers().between(0, 2).map(mode -> damage(sample, positions, mode))));
    }

    private static byte[] damage(byte[] sample, List<Integer> positions, int mode) {
        byte[] b = sample.clone();
        return switch (mode) {
            case 0 -> java.util.Arrays.copyOf(b, positions.isEmpty() ? b.length / 2 : positions.get(0));
            case 1 -> {
                for (int p : positions) {
                    if (p < b.length) {
                        b[p] = (byte) (b[p] ^ 0x5a);
                    }
                }
                yield b;
            }
            default -> {
                String s = new String(b, StandardCharsets.ISO_8859_1);
                String[] lines = s.split("\r\n", -1);
                StringBuilder out = new StringBuilder();
                for (int i = 0; i < lines.length; i++) {
                    if (!positions.contains(i)) {
                        out.append(lines[i]).append("\r\n");
                    }
                }
                yield out.toString().getBytes(StandardCharsets.ISO_8859_1);
            }
        };
    }
}
