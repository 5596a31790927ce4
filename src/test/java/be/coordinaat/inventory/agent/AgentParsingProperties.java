package be.coordinaat.inventory.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever bytes arrive, the agent pipeline (decompress, parse, interpret) gives either an inventory or an
 * {@link AgentInputException} with a 4xx status and a message: never another exception (which would be a 500).
 */
class AgentParsingProperties {

    /** The pipeline of the endpoint up to storing. */
    static AgentReport pipeline(byte[] body, String contentType) {
        AgentBody.Decoded d = AgentBody.decode(body, contentType);
        RawReport raw = ReportParser.parse(d.bytes());
        return AgentReport.of(raw);
    }

    static void cleanOutcome(byte[] body, String contentType) {
        try {
            AgentReport r = pipeline(body, contentType);
            assertThat(r.deviceId()).isNotBlank();
        } catch (AgentInputException e) {
            assertThat(e.status()).isBetween(400, 499);
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 300)
    void anyBytes(@ForAll @Size(max = 2000) byte[] body, @ForAll("contentTypes") String contentType) {
        cleanOutcome(body, contentType);
    }

    @Property(tries = 200)
    void anyTruncationOrBitFlipOfARealInventory(@ForAll("fixtures") String fixture, @ForAll @IntRange(min = 0, max = 100) int percent,
            @ForAll @IntRange(min = 0, max = 5000) int flip, @ForAll boolean compress) {
        byte[] full = AgentFixtures.fixture(fixture, AgentFixtures.machine("p")).getBytes(StandardCharsets.UTF_8);
        byte[] body = compress ? AgentFixtures.zlib(full) : full;
        byte[] cut = java.util.Arrays.copyOf(body, Math.max(1, body.length * percent / 100));
        if (flip < cut.length) {
            cut[flip] ^= 0x5a;
        }
        cleanOutcome(cut, compress ? "application/x-compress-zlib" : null);
    }

    @Property(tries = 200)
    void anyTextInTheFields(@ForAll("nasty") String value) {
        Map<String, String> m = AgentFixtures.machine("t");
        m.put("HOST", value);
        m.put("SERIAL", value);
        String json = AgentFixtures.fixture("vm.json", Map.of()).replace("\"${HOST}\"", quote(value))
                .replace("\"${SERIAL}\"", quote(value)).replace("${DEVICEID}", "dev");
        cleanOutcome(json.getBytes(StandardCharsets.UTF_8), "application/json");
        String xml = AgentFixtures.fixture("laptop.xml", m);
        cleanOutcome(xml.getBytes(StandardCharsets.UTF_8), "application/xml");
    }

    @Example
    void everyHostileBodyIsRefusedWithA4xx() {
        for (Map.Entry<String, byte[]> e : HostileBodies.all().entrySet()) {
            assertThatThrownBy(() -> pipeline(e.getValue(), "application/x-compress-zlib")).as(e.getKey())
                    .isInstanceOfSatisfying(AgentInputException.class, x -> assertThat(x.status()).isBetween(400, 499));
        }
    }

    @Example
    void externalEntitiesAreNeverResolved() {
        assertThatThrownBy(() -> ReportParser.parse(HostileBodies.XXE.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(AgentInputException.class).hasMessageContaining("DTD");
    }

    @Example
    void placeholderSerialsAreNoSerial() {
        for (String s : new String[] {"Default string", "To be filled by O.E.M.", "0123456789", "System Serial Number", "None",
                "00000000", "123", " ", "FFFFFFFF"}) {
            assertThat(Identities.serial(s)).as(s).isNull();
        }
        assertThat(Identities.serial("5CG1234XYZ")).isEqualTo("5CG1234XYZ");
        assertThat(Identities.uuid("03000200-0400-0500-0006-000700080009")).isNull();
        assertThat(Identities.mac("00-1A-2B-3C-4D-5E")).isEqualTo("00:1a:2b:3c:4d:5e");
        assertThat(Identities.mac("00:00:00:00:00:00")).isNull();
    }

    @Example
    void softwareNamesAreNormalised() {
        assertThat(SoftwareNames.normalise("Mozilla Firefox (x64 nl)")).isEqualTo("mozilla firefox");
        assertThat(SoftwareNames.normalise("7-Zip 24.08 (x64)")).isEqualTo("7-zip");
        assertThat(SoftwareNames.normalise("Adobe Acrobat (64-bit)")).isEqualTo("adobe acrobat");
        assertThat(SoftwareNames.normalise("Microsoft Office LTSC Professional Plus 2021 - nl-nl"))
                .isEqualTo("microsoft office ltsc professional plus 2021 - nl-nl");
    }

    @Example
    void operatingSystemSupport() {
        assertThat(OsSupport.end("Microsoft Windows 10 Pro", "10.0.19045")).hasToString("2025-10-14");
        assertThat(OsSupport.end("Microsoft Windows 11 Pro", "10.0.26100")).hasToString("2026-10-13");
        assertThat(OsSupport.end("Debian GNU/Linux 12 (bookworm)", "12.11")).hasToString("2028-06-30");
        assertThat(OsSupport.end("Haiku", "R1")).isNull();
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of("application/x-compress-zlib", "application/x-compress-gzip", "application/xml",
                "application/json", null, "text/plain");
    }

    @Provide
    Arbitrary<String> fixtures() {
        return Arbitraries.of("laptop.xml", "desktop.xml", "placeholder-serial.xml", "vm.json");
    }

    @Provide
    Arbitrary<String> nasty() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(300),
                Arbitraries.strings().withChars('<', '>', '&', '"', '\'', ']', '\u0000', '\ud800', 'x').ofMaxLength(50),
                Arbitraries.strings().ascii().ofMinLength(4000).ofMaxLength(5000));
    }
}
