package be.coordinaat.inventory.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/** Bodies an attacker (or a broken agent) could send, each zlib-compressed as an agent sends them. */
final class HostileBodies {

    private HostileBodies() {}

    static final String XXE = """
            <?xml version="1.0"?>
            <!DOCTYPE REQUEST [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <REQUEST><DEVICEID>&xxe;</DEVICEID><QUERY>INVENTORY</QUERY><CONTENT><HARDWARE><NAME>&xxe;</NAME></HARDWARE></CONTENT></REQUEST>""";

    static final String BILLION_LAUGHS = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
             <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
             <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
             <!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">]>
            <REQUEST><DEVICEID>&lol9;</DEVICEID><QUERY>INVENTORY</QUERY></REQUEST>""";

    static Map<String, byte[]> all() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("xxe", zlib(XXE.getBytes(StandardCharsets.UTF_8)));
        m.put("billion laughs", zlib(BILLION_LAUGHS.getBytes(StandardCharsets.UTF_8)));
        m.put("zip bomb", zipBomb());
        m.put("megabyte field", zlib(("<REQUEST><DEVICEID>big</DEVICEID><QUERY>INVENTORY</QUERY><CONTENT><HARDWARE><NAME>"
                + "A".repeat(1_000_000) + "</NAME></HARDWARE></CONTENT></REQUEST>").getBytes(StandardCharsets.UTF_8)));
        m.put("megabyte json field", zlib(("{\"action\":\"inventory\",\"deviceid\":\"big\",\"content\":{\"hardware\":{\"name\":\""
                + "A".repeat(1_000_000) + "\"}}}").getBytes(StandardCharsets.UTF_8)));
        byte[] truncated = zlib(AgentFixtures.fixture("laptop.xml", AgentFixtures.machine("tr")).getBytes(StandardCharsets.UTF_8));
        m.put("truncated zlib", Arrays.copyOf(truncated, truncated.length / 2));
        m.put("truncated xml", zlib(AgentFixtures.fixture("laptop.xml", AgentFixtures.machine("tr")).substring(0, 2000)
                .getBytes(StandardCharsets.UTF_8)));
        m.put("not an inventory", zlib("hello".getBytes(StandardCharsets.UTF_8)));
        m.put("deep json", zlib(("{\"action\":\"inventory\",\"deviceid\":\"d\",\"content\":" + "[".repeat(5000) + "]".repeat(5000) + "}")
                .getBytes(StandardCharsets.UTF_8)));
        m.put("deep xml", zlib(("<REQUEST><DEVICEID>d</DEVICEID><QUERY>INVENTORY</QUERY><CONTENT><A>" + "<B>".repeat(5000)
                + "</B>".repeat(5000) + "</A></CONTENT></REQUEST>").getBytes(StandardCharsets.UTF_8)));
        m.put("no device id", zlib("<REQUEST><QUERY>INVENTORY</QUERY><CONTENT><HARDWARE><NAME>x</NAME></HARDWARE></CONTENT></REQUEST>"
                .getBytes(StandardCharsets.UTF_8)));
        m.put("empty", new byte[0]);
        m.put("garbage", new byte[] {0x78, (byte) 0x9c, 1, 2, 3, 4, 5});
        return m;
    }

    /** 40 MB of zeros in about 40 KB: the decompressed limit stops it at 20 MB. */
    static byte[] zipBomb() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, new Deflater(Deflater.BEST_COMPRESSION))) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 40; i++) {
                z.write(zeros);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] zlib(byte[] bytes) {
        return AgentFixtures.zlib(bytes);
    }
}
