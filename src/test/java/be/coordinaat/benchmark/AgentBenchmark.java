package be.coordinaat.benchmark;

import be.coordinaat.inventory.agent.AgentParsing;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Agent intake: full FusionInventory inventories (about 300 software entries each, zlib-compressed as the agent
 * sends them) of N distinct computers (default 10,000; {@code -Dagent.bench.devices=…}) posted over HTTP by 4
 * concurrent senders to {@code /ocsinventory}: inventories per second, p50/p99 per request, and the ratio to parsing
 * alone (decompress + parse + interpret the same bodies on 4 threads: the floor); then the same computers report
 * again (the daily steady state: matched, updated, software unchanged). Not part of the test suite:
 * {@code ./mvnw -o -Pbenchmark test -Dtest=AgentBenchmark}. Target ≥ 100 inventories/s.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "coordinaat.embedded-db.data-dir=target/bench-agent-postgres",
        "coordinaat.embedded-db.clean=true",
        "coordinaat.demo=true",
        "coordinaat.agent.requests-per-minute=0",
        "logging.level.root=WARN"})
class AgentBenchmark {

    static final int SENDERS = 4;
    static final int SOFTWARE = 300;

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void inventoriesOfDistinctDevices() throws Exception {
        int devices = Integer.getInteger("agent.bench.devices", 10_000);
        // a pool of software as schools have it: most machines share most of it
        List<String[]> pool = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            pool.add(new String[] {"Product " + i + " " + (i % 7 == 0 ? "(x64)" : ""), "Publisher " + (i % 40), (i % 9) + "." + (i % 13) + ".1"});
        }
        long started = System.nanoTime();
        List<byte[]> bodies = new ArrayList<>(devices);
        for (int d = 0; d < devices; d++) {
            bodies.add(zlib(inventory(d, pool)));
        }
        System.out.printf(Locale.ROOT, "generated %d bodies (%.0f KB zlib each) in %.1f s%n", devices,
                bodies.stream().mapToInt(b -> b.length).average().orElse(0) / 1024, (System.nanoTime() - started) / 1e9);

        // the floor: parsing alone, on as many threads
        double parseSeconds = run(bodies, body -> AgentParsing.parse(body, "application/x-compress-zlib") > 0 ? 200 : 500,
                new ArrayList<>());
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(SENDERS)).build();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        double sendSeconds = run(bodies, body -> {
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ocsinventory"))
                        .header("Content-Type", "application/x-compress-zlib").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                return 599;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 599;
            }
        }, latencies);
        Collections.sort(latencies);
        // the daily steady state: the same computers report again (matched by serial, software list unchanged)
        List<Long> again = Collections.synchronizedList(new ArrayList<>());
        double againSeconds = run(bodies, body -> {
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ocsinventory"))
                        .header("Content-Type", "application/x-compress-zlib").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                return 599;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 599;
            }
        }, again);
        Collections.sort(again);
        System.out.printf(Locale.ROOT, "re-inventory of the same computers: %d in %.1f s = %.1f/s; p50 %d ms, p99 %d ms; "
                        + "ratio to parsing %.1f%%%n", devices, againSeconds, devices / againSeconds,
                again.get(again.size() / 2) / 1_000_000, again.get((int) (again.size() * 0.99)) / 1_000_000,
                100 * parseSeconds / againSeconds);
        long stored = jdbc.sql("SELECT count(*) FROM asset_hardware WHERE device_id LIKE 'bench-%'").query(Long.class).single();
        long software = jdbc.sql("SELECT count(*) FROM asset_software").query(Long.class).single();
        System.out.printf(Locale.ROOT, "parsing alone: %d inventories in %.1f s = %.0f/s%n", devices, parseSeconds, devices / parseSeconds);
        System.out.printf(Locale.ROOT, "intake over HTTP (%d senders): %d inventories in %.1f s = %.1f/s; p50 %d ms, p99 %d ms; "
                        + "stored %d computers, %d software rows; ratio to parsing %.1f%%%n",
                SENDERS, devices, sendSeconds, devices / sendSeconds, latencies.get(latencies.size() / 2) / 1_000_000,
                latencies.get((int) (latencies.size() * 0.99)) / 1_000_000, stored, software, 100 * parseSeconds / sendSeconds);
        if (stored != devices) {
            throw new AssertionError("stored " + stored + " of " + devices);
        }
    }

    interface Work {
        int apply(byte[] body) throws Exception;
    }

    static double run(List<byte[]> bodies, Work work, List<Long> latencies) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < SENDERS; t++) {
            futures.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < bodies.size()) {
                    long t0 = System.nanoTime();
                    int status = work.apply(bodies.get(i));
                    latencies.add(System.nanoTime() - t0);
                    if (status != 200) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        if (failures.get() > 0) {
            throw new AssertionError(failures.get() + " requests failed");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    static String inventory(int d, List<String[]> pool) {
        StringBuilder sb = new StringBuilder(80_000);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<REQUEST><CONTENT>");
        sb.append("<BIOS><SMANUFACTURER>Dell Inc.</SMANUFACTURER><SMODEL>Latitude 3440</SMODEL><SSN>BENCH")
                .append(String.format("%07d", d)).append("</SSN></BIOS>");
        sb.append("<HARDWARE><NAME>LT-").append(d).append("</NAME><MEMORY>").append(d % 3 == 0 ? 16384 : 8192)
                .append("</MEMORY><CHASSIS_TYPE>Notebook</CHASSIS_TYPE><UUID>")
                .append(String.format("4C4C4544-0000-1000-8000-%012X", d)).append("</UUID></HARDWARE>");
        sb.append("<OPERATINGSYSTEM><FULL_NAME>Microsoft Windows 11 Education</FULL_NAME><KERNEL_VERSION>10.0.22631</KERNEL_VERSION>"
                + "<VERSION>23H2</VERSION></OPERATINGSYSTEM>");
        sb.append("<CPUS><NAME>Intel(R) Core(TM) i5-1335U</NAME><CORE>10</CORE><THREAD>12</THREAD></CPUS>");
        sb.append("<STORAGES><NAME>PHYSICALDRIVE0</NAME><DISKSIZE>244198</DISKSIZE><TYPE>disk</TYPE></STORAGES>");
        sb.append("<NETWORKS><DESCRIPTION>Wi-Fi</DESCRIPTION><MACADDR>").append(String.format("a4:cc:%02x:%02x:%02x:%02x",
                (d >> 24) & 255, (d >> 16) & 255, (d >> 8) & 255, d & 255)).append("</MACADDR><IPADDRESS>10.1.")
                .append((d >> 8) & 255).append('.').append(d & 255).append("</IPADDRESS><VIRTUALDEV>0</VIRTUALDEV></NETWORKS>");
        for (int i = 0; i < SOFTWARE; i++) {
            String[] s = pool.get((d + i * 2) % pool.size());
            sb.append("<SOFTWARES><NAME>").append(s[0]).append("</NAME><PUBLISHER>").append(s[1]).append("</PUBLISHER><VERSION>")
                    .append(s[2]).append("</VERSION></SOFTWARES>");
        }
        sb.append("</CONTENT><DEVICEID>bench-").append(d).append("-2026-11-29-10-00-00</DEVICEID><QUERY>INVENTORY</QUERY></REQUEST>");
        return sb.toString();
    }

    static byte[] zlib(String s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out)) {
            z.write(s.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
