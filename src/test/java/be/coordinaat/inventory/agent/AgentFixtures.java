package be.coordinaat.inventory.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.InflaterInputStream;
import java.util.zip.GZIPInputStream;

/**
 * Recorded inventories (src/test/resources/agent: a Dell laptop and desktop on Windows, a VMware server through the
 * GLPI Agent, a machine whose firmware has placeholder serials) with the identifying values filled in per test, and
 * a small agent that posts them.
 */
final class AgentFixtures {

    private AgentFixtures() {}

    /** A fresh machine: unique serial, UUID, MAC, host name and device id. */
    static Map<String, String> machine(String prefix) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        Map<String, String> m = new LinkedHashMap<>();
        String id = Long.toString(System.nanoTime(), 36).toUpperCase() + r.nextInt(1000);
        m.put("SERIAL", "SN" + id);
        m.put("UUID", String.format("%08X-%04X-%04X-%04X-%012X", r.nextInt() & 0x7fffffff, r.nextInt(65536),
                r.nextInt(65536), r.nextInt(65536), r.nextLong() & 0xffffffffffffL));
        m.put("MAC", String.format("a4:bb:%02x:%02x:%02x:%02x", r.nextInt(256), r.nextInt(256), r.nextInt(256), r.nextInt(256)));
        m.put("HOST", prefix + "-" + id);
        m.put("DEVICEID", prefix + "-" + id + "-2026-11-20-08-41-12");
        m.put("MEMORY", "16384");
        m.put("MEMORY2", "8192");
        m.put("DISK", "488386");
        return m;
    }

    static String fixture(String name, Map<String, String> values) {
        try (InputStream in = AgentFixtures.class.getResourceAsStream("/agent/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> e : values.entrySet()) {
                text = text.replace("${" + e.getKey() + "}", e.getValue());
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String prolog(String deviceId) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<REQUEST><DEVICEID>" + deviceId
                + "</DEVICEID><QUERY>PROLOG</QUERY><TOKEN>12345678</TOKEN></REQUEST>";
    }

    static byte[] zlib(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out)) {
            z.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    record Reply(int status, String contentType, String body, Map<String, java.util.List<String>> headers) {}

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Posts a body as an agent would; the reply is decompressed as its Content-Type says. */
    static Reply post(int port, String path, String contentType, byte[] body, String... headers) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", contentType).header("User-Agent", "FusionInventory-Agent_v2.6-test")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            for (int i = 0; i + 1 < headers.length; i += 2) {
                b.header(headers[i], headers[i + 1]);
            }
            HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            String ct = r.headers().firstValue("Content-Type").orElse("");
            byte[] bytes = r.body();
            if (ct.contains("zlib")) {
                bytes = new InflaterInputStream(new java.io.ByteArrayInputStream(bytes)).readAllBytes();
            } else if (ct.contains("gzip")) {
                bytes = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes)).readAllBytes();
            }
            return new Reply(r.statusCode(), ct, new String(bytes, StandardCharsets.UTF_8), r.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Reply ocs(int port, String path, String xml) {
        return post(port, path, "application/x-compress-zlib", zlib(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
