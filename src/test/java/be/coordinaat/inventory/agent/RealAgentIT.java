package be.coordinaat.inventory.agent;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The real FusionInventory agent from Debian (installed by scripts/test.sh) inventories this machine and sends it to
 * the running application: at the bare default path (the demo's first school takes agents without
 * authentication) the machine becomes one complete asset of De Regenboog; a second run updates that asset, never a
 * second one; with the Atheneum's URL and secret (HTTP Basic after the 401 challenge) it reports into the Atheneum,
 * and with a wrong secret nothing is stored.
 */
@IntegrationTest
class RealAgentIT {

    static final String AGENT = "/usr/bin/fusioninventory-agent";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Enrolments enrolments;

    record Run(int exit, String log) {}

    Run agent(String server, String... extra) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(AGENT, "--server", server, "--tasks=inventory", "--no-httpd",
                "--no-fork", "--timeout=120", "--backend-collect-timeout=60", "--no-category=process,environment"));
        cmd.addAll(List.of(extra));
        Path log = Files.createTempFile("fusioninventory", ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("agent finished").isTrue();
        String text = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        return new Run(p.exitValue(), text);
    }

    static String hostname() throws IOException {
        return Files.readString(Path.of("/etc/hostname")).strip();
    }

    @Test
    void theRealAgentMakesOneCompleteAssetAndUpdatesItOnTheSecondRun() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(AGENT)), "fusioninventory-agent is installed by scripts/test.sh");
        long regenboog = Demo.regenboog(jdbc);
        Run first = agent("http://127.0.0.1:" + port + "/ocsinventory");
        assertThat(first.log()).as(first.log()).contains("running task Inventory").doesNotContain("[error]");
        String deviceId = jdbc.sql("SELECT device_id FROM asset_hardware WHERE school_id = ? AND protocol = 'OCS' "
                + "ORDER BY first_seen_at DESC LIMIT 1").param(regenboog).query(String.class).single();
        long assetId = jdbc.sql("SELECT asset_id FROM asset_hardware WHERE device_id = ? AND school_id = ?")
                .params(deviceId, regenboog).query(Long.class).single();
        var asset = jdbc.sql("SELECT name, kind, status, tag FROM asset WHERE id = ?").param(assetId).query().singleRow();
        assertThat(asset.get("name")).isEqualTo(hostname());
        assertThat(asset.get("status")).isEqualTo("IN_USE");
        assertThat((String) asset.get("tag")).startsWith("RB-");
        var hw = jdbc.sql("SELECT os_full_name, os_version, cpu, memory_mb, software_count, jsonb_array_length(disks) AS disks, "
                + "last_seen_at FROM asset_hardware WHERE asset_id = ?").param(assetId).query().singleRow();
        assertThat((String) hw.get("os_full_name")).containsIgnoringCase("debian");
        assertThat(hw.get("cpu")).isNotNull();
        assertThat(((Number) hw.get("memory_mb")).longValue()).isPositive();
        assertThat(((Number) hw.get("software_count")).intValue()).isGreaterThan(100);
        assertThat(((Number) hw.get("disks")).intValue()).isPositive();
        long software = jdbc.sql("SELECT count(*) FROM asset_software WHERE asset_id = ?").param(assetId).query(Long.class).single();
        assertThat(software).isEqualTo(((Number) hw.get("software_count")).longValue());
        assertThat(jdbc.sql("SELECT count(*) FROM asset_software WHERE asset_id = ? AND normalised_name = 'fusioninventory-agent'")
                .param(assetId).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM asset_network WHERE asset_id = ? AND mac IS NOT NULL AND NOT virtual")
                .param(assetId).query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT actor_name FROM history_entry WHERE record_type = 'asset' AND record_id = ? AND action = 'CREATED'")
                .param(assetId).query(String.class).single()).isEqualTo("agent (" + deviceId + ")");

        Run second = agent("http://127.0.0.1:" + port + "/ocsinventory");
        assertThat(second.log()).as(second.log()).doesNotContain("[error]");
        assertThat(jdbc.sql("SELECT count(*) FROM asset_hardware WHERE device_id = ? AND school_id = ?")
                .params(deviceId, regenboog).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM asset WHERE school_id = ? AND lower(name) = lower(?)")
                .params(regenboog, hostname()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT last_seen_at > ? FROM asset_hardware WHERE asset_id = ?").params(hw.get("last_seen_at"), assetId)
                .query(Boolean.class).single()).isTrue();

        // the Atheneum needs its own URL and secret: wrong secret → nothing stored there
        long atheneum = Demo.atheneum(jdbc);
        String secret = enrolments.enrol(atheneum, jdbc.sql("SELECT board_id FROM school WHERE id = ?").param(atheneum)
                .query(Long.class).single(), true, false);
        String token = enrolments.ofSchool(atheneum).orElseThrow().token();
        Run wrong = agent("http://127.0.0.1:" + port + "/ocsinventory/" + token, "--user=agent", "--password=wrong-secret");
        assertThat(wrong.log()).containsIgnoringCase("authentication required");
        assertThat(jdbc.sql("SELECT count(*) FROM asset_hardware WHERE device_id = ? AND school_id = ?")
                .params(deviceId, atheneum).query(Long.class).single()).isZero();
        Run right = agent("http://127.0.0.1:" + port + "/ocsinventory/" + token, "--user=agent", "--password=" + secret);
        assertThat(right.log()).as(right.log()).doesNotContain("[error]");
        // no serial or UUID in this container: a MAC or name match never crosses schools, so the Atheneum gets its own
        assertThat(jdbc.sql("SELECT count(*) FROM asset_hardware WHERE device_id = ? AND school_id = ?")
                .params(deviceId, atheneum).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT school_id FROM asset WHERE id = ?").param(assetId).query(Long.class).single())
                .isEqualTo(regenboog);
    }
}
