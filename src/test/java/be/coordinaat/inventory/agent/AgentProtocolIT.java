package be.coordinaat.inventory.agent;

import static be.coordinaat.inventory.agent.AgentFixtures.fixture;
import static be.coordinaat.inventory.agent.AgentFixtures.machine;
import static be.coordinaat.inventory.agent.AgentFixtures.ocs;
import static be.coordinaat.inventory.agent.AgentFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Both protocols over HTTP with the recorded inventories: PROLOG and contact answers, compression both ways,
 * matching (serial, UUID, MAC, placeholder serials never merge two machines), hardware changes in the history, a
 * device that moves school, and enrolment scope: credentials of one school never write into another.
 */
@IntegrationTest
class AgentProtocolIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Enrolments enrolments;
    @Autowired AgentRateLimit limit;
    @Autowired be.coordinaat.inventory.AgentInventory agentInventory;

    long a;
    long b;
    long board;
    int previousLimit;

    @BeforeEach
    void setUp() {
        a = Demo.regenboog(jdbc);
        b = Demo.atheneum(jdbc);
        board = jdbc.sql("SELECT board_id FROM school WHERE id = ?").param(a).query(Long.class).single();
        previousLimit = limit.perMinute();
        limit.setPerMinute(0);
    }

    @AfterEach
    void restore() {
        limit.setPerMinute(previousLimit);
    }

    Long assetOf(String deviceId) {
        return jdbc.sql("SELECT asset_id FROM asset_hardware WHERE device_id = ?").param(deviceId).query(Long.class)
                .optional().orElse(null);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void prologAndInventoryOverZlibGzipAndPlain() {
        var m = machine("lt");
        var prolog = ocs(port, "/ocsinventory", AgentFixtures.prolog(m.get("DEVICEID")));
        assertThat(prolog.status()).isEqualTo(200);
        assertThat(prolog.contentType()).isEqualTo("application/x-compress-zlib");
        assertThat(prolog.body()).contains("<REPLY><PROLOG_FREQ>24</PROLOG_FREQ><RESPONSE>SEND</RESPONSE></REPLY>");

        var inventory = ocs(port, "/ocsinventory", fixture("laptop.xml", m));
        assertThat(inventory.status()).as(inventory.body()).isEqualTo(200);
        long asset = assetOf(m.get("DEVICEID"));
        var row = jdbc.sql("""
                SELECT a.school_id, a.kind, a.serial, a.name, f.name AS manufacturer, mo.name AS model FROM asset a
                JOIN asset_model mo ON mo.id = a.model_id JOIN manufacturer f ON f.id = mo.manufacturer_id WHERE a.id = ?""")
                .param(asset).query().singleRow();
        assertThat(row).containsEntry("school_id", a).containsEntry("kind", "LAPTOP").containsEntry("serial", m.get("SERIAL"))
                .containsEntry("name", m.get("HOST")).containsEntry("manufacturer", "Dell").containsEntry("model", "Latitude 5440");
        var hw = jdbc.sql("SELECT os_full_name, memory_mb, os_support_end, last_user, software_count, jsonb_array_length(memory_modules) AS modules "
                + "FROM asset_hardware WHERE asset_id = ?").param(asset).query().singleRow();
        assertThat(hw).containsEntry("os_full_name", "Microsoft Windows 11 Education").containsEntry("memory_mb", 16384L)
                .containsEntry("last_user", "j.peeters").containsEntry("software_count", 10).containsEntry("modules", 2);
        assertThat(hw.get("os_support_end").toString()).isEqualTo("2026-11-10");
        assertThat(jdbc.sql("SELECT normalised_name FROM asset_software WHERE asset_id = ? AND name LIKE 'Mozilla%'")
                .param(asset).query(String.class).single()).isEqualTo("mozilla firefox");
        // licence compliance counts it: by the catalogue's name, and by a shorter product name
        assertThat(agentInventory.installCount(java.util.List.of(a), "Mozilla Firefox")).isPositive();
        assertThat(agentInventory.installCount(java.util.List.of(a), "Microsoft Office")).isPositive();
        assertThat(agentInventory.installCount(java.util.List.of(a), "Scratch Pro 9 nowhere installed")).isZero();

        // the same machine again, gzip: updated, not doubled; memory upgraded → history
        m.put("MEMORY", "32768");
        m.put("MEMORY2", "24576");
        var gz = post(port, "/ocsinventory", "application/x-compress-gzip",
                AgentFixtures.gzip(fixture("laptop.xml", m).getBytes(StandardCharsets.UTF_8)));
        assertThat(gz.status()).as(gz.body()).isEqualTo(200);
        assertThat(gz.contentType()).isEqualTo("application/x-compress-gzip");
        assertThat(jdbc.sql("SELECT count(*) FROM asset WHERE upper(serial) = ?").param(m.get("SERIAL")).query(Long.class).single())
                .isEqualTo(1);
        String changes = jdbc.sql("SELECT changes::text FROM history_entry WHERE record_type = 'asset' AND record_id = ? "
                + "AND action = 'UPDATED' ORDER BY id DESC LIMIT 1").param(asset).query(String.class).single();
        assertThat(changes).contains("memoryMb").contains("16384").contains("32768");

        // plain XML, with a new host name and device id (reinstalled): the serial still finds it
        m.put("DEVICEID", m.get("DEVICEID") + "-new");
        var plain = post(port, "/ocsinventory", "application/xml", fixture("laptop.xml", m).getBytes(StandardCharsets.UTF_8));
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.body()).contains("no_account_update");
        assertThat(assetOf(m.get("DEVICEID"))).isEqualTo(asset);
    }

    @Test
    void glpiAgentJsonContactAndInventory() {
        var m = machine("srv");
        var contact = post(port, "/front/inventory.php", "application/json",
                ("{\"action\":\"contact\",\"deviceid\":\"" + m.get("DEVICEID") + "\",\"name\":\"GLPI-Agent_v1.11\","
                        + "\"installed-tasks\":[\"inventory\"],\"enabled-tasks\":[\"inventory\"]}").getBytes(StandardCharsets.UTF_8),
                "GLPI-Agent-ID", "3a609a2e-947f-4e6a-9af9-32c024ac3944");
        assertThat(contact.status()).isEqualTo(200);
        assertThat(contact.body()).isEqualTo("{\"status\":\"ok\",\"expiration\":24,\"tasks\":{\"inventory\":{}}}");
        var inv = post(port, "/front/inventory.php", "application/x-compress-zlib",
                AgentFixtures.zlib(fixture("vm.json", m).getBytes(StandardCharsets.UTF_8)),
                "GLPI-Agent-ID", "3a609a2e-947f-4e6a-9af9-32c024ac3944");
        assertThat(inv.status()).as(inv.body()).isEqualTo(200);
        assertThat(inv.body()).isEqualTo("{\"status\":\"ok\"}");
        long asset = assetOf(m.get("DEVICEID"));
        assertThat(jdbc.sql("SELECT kind FROM asset WHERE id = ?").param(asset).query(String.class).single()).isEqualTo("SERVER_NAS");
        assertThat(jdbc.sql("SELECT os_support_end::text FROM asset_hardware WHERE asset_id = ?").param(asset)
                .query(String.class).single()).isEqualTo("2027-06-01");

        var unknown = post(port, "/front/inventory.php", "application/json", "{\"action\":\"netdiscovery\"}".getBytes(),
                "GLPI-Agent-ID", "x");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).startsWith("{\"status\":\"error\",\"message\":");
    }

    @Test
    void theApiPathTakesBothProtocolsWithTheSchoolsSecretAndNoPersonalToken() {
        var m = machine("api");
        var contact = post(port, "/api/v1/agent", "application/json",
                ("{\"action\":\"contact\",\"deviceid\":\"" + m.get("DEVICEID") + "\"}").getBytes(StandardCharsets.UTF_8),
                "GLPI-Agent-ID", "7b609a2e-947f-4e6a-9af9-32c024ac3944");
        assertThat(contact.status()).as(contact.body()).isEqualTo(200);
        assertThat(contact.body()).startsWith("{\"status\":\"ok\"");
        String secretB = enrolments.enrol(b, board, true, false);
        String tokenB = enrolments.ofSchool(b).orElseThrow().token();
        byte[] body = AgentFixtures.zlib(fixture("laptop.xml", m).getBytes(StandardCharsets.UTF_8));
        // the school's URL without its secret is refused like the default paths (a 401 the agent understands)
        assertThat(post(port, "/api/v1/agent/" + tokenB, "application/x-compress-zlib", body).status()).isEqualTo(401);
        var stored = post(port, "/api/v1/agent/" + tokenB, "application/x-compress-zlib", body, "Authorization",
                "Bearer " + secretB);
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT school_id FROM asset_hardware WHERE device_id = ?").param(m.get("DEVICEID"))
                .query(Long.class).single()).isEqualTo(b);
        // the rest of the API still wants a personal token
        assertThat(post(port, "/api/v1/assets", "application/json", "{}".getBytes(StandardCharsets.UTF_8)).status())
                .isEqualTo(401);
    }

    @Test
    void placeholderSerialsNeverMergeTwoMachines() {
        var one = machine("ph");
        var two = machine("ph");
        assertThat(ocs(port, "/ocsinventory", fixture("placeholder-serial.xml", one)).status()).isEqualTo(200);
        assertThat(ocs(port, "/ocsinventory", fixture("placeholder-serial.xml", two)).status()).isEqualTo(200);
        Long first = assetOf(one.get("DEVICEID"));
        Long second = assetOf(two.get("DEVICEID"));
        assertThat(first).isNotNull().isNotEqualTo(second);
        assertThat(jdbc.sql("SELECT serial FROM asset WHERE id = ?").param(first).query(String.class).optional().orElse(null)).isNull();
        assertThat(jdbc.sql("SELECT model_id FROM asset WHERE id = ?").param(first).query(Long.class).optional().orElse(null)).isNull();
        // the second run of the first machine finds it by MAC
        assertThat(ocs(port, "/ocsinventory", fixture("placeholder-serial.xml", one)).status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM asset_network WHERE mac = ? AND NOT virtual").param(one.get("MAC"))
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aDeviceThatMovesSchoolMovesAndIsInBothHistories() {
        var m = machine("mv");
        assertThat(ocs(port, "/ocsinventory", fixture("desktop.xml", m)).status()).isEqualTo(200);
        long asset = assetOf(m.get("DEVICEID"));
        String secretB = enrolments.enrol(b, board, true, false);
        String tokenB = enrolments.ofSchool(b).orElseThrow().token();
        var moved = post(port, "/ocsinventory/" + tokenB, "application/x-compress-zlib",
                AgentFixtures.zlib(fixture("desktop.xml", m).getBytes(StandardCharsets.UTF_8)), "Authorization", basic("agent", secretB));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(assetOf(m.get("DEVICEID"))).isEqualTo(asset);
        assertThat(jdbc.sql("SELECT school_id FROM asset WHERE id = ?").param(asset).query(Long.class).single()).isEqualTo(b);
        assertThat(jdbc.sql("SELECT count(*) FROM asset WHERE upper(serial) = ?").param(m.get("SERIAL")).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(DISTINCT school_id) FROM history_entry WHERE record_type = 'asset' AND record_id = ? "
                + "AND changes::text LIKE '%school%'").param(asset).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void credentialsOfOneSchoolNeverWriteIntoAnother() {
        String secretB = enrolments.enrol(b, board, true, false);
        String tokenB = enrolments.ofSchool(b).orElseThrow().token();
        var m = machine("sc");
        byte[] body = AgentFixtures.zlib(fixture("laptop.xml", m).getBytes(StandardCharsets.UTF_8));
        long before = jdbc.sql("SELECT count(*) FROM asset").query(Long.class).single();
        // no credentials at B's URL: 401 with a Basic challenge (the FusionInventory agent then retries with its --user/--password)
        var none = post(port, "/ocsinventory/" + tokenB, "application/x-compress-zlib", body);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.headers().get("www-authenticate")).anySatisfy(h -> assertThat(h).startsWith("Basic realm="));
        // A's open enrolment has no secret to give, a made-up one or another school's token does not open B
        assertThat(post(port, "/ocsinventory/" + tokenB, "application/x-compress-zlib", body, "Authorization",
                basic("agent", "guess")).status()).isEqualTo(401);
        assertThat(post(port, "/ocsinventory/" + tokenB, "application/x-compress-zlib", body, "Authorization",
                "Bearer " + secretB + "x").status()).isEqualTo(401);
        assertThat(post(port, "/ocsinventory/" + "A".repeat(24), "application/x-compress-zlib", body).status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM asset").query(Long.class).single()).isEqualTo(before);
        // with the Basic user name as the token at the bare path, and with the bearer secret
        assertThat(post(port, "/ocsinventory", "application/x-compress-zlib", body, "Authorization", basic(tokenB, secretB))
                .status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT school_id FROM asset_hardware WHERE device_id = ?").param(m.get("DEVICEID"))
                .query(Long.class).single()).isEqualTo(b);
        // the bare path without credentials is the demo's open school A: a device known in B only by MAC and name
        // (no serial, no UUID) is not taken out of B, A gets its own record
        var m2 = machine("sc2");
        m2.put("SERIAL", "To be filled by O.E.M.");
        m2.put("UUID", "00000000-0000-0000-0000-000000000000");
        byte[] body2 = AgentFixtures.zlib(fixture("laptop.xml", m2).getBytes(StandardCharsets.UTF_8));
        assertThat(post(port, "/ocsinventory", "application/x-compress-zlib", body2, "Authorization", "Bearer " + secretB)
                .status()).isEqualTo(200);
        long inB = assetOf(m2.get("DEVICEID"));
        assertThat(ocs(port, "/ocsinventory", fixture("laptop.xml", m2)).status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT school_id FROM asset WHERE id = ?").param(inB).query(Long.class).single()).isEqualTo(b);
        assertThat(jdbc.sql("SELECT count(*) FROM asset_hardware WHERE device_id = ? AND school_id = ?")
                .params(m2.get("DEVICEID"), a).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void hostileBodiesAre4xxAndChangeNothing() {
        long assets = jdbc.sql("SELECT count(*) FROM asset").query(Long.class).single();
        long software = jdbc.sql("SELECT count(*) FROM asset_software").query(Long.class).single();
        for (Map.Entry<String, byte[]> hostile : HostileBodies.all().entrySet()) {
            var reply = post(port, "/ocsinventory", "application/x-compress-zlib", hostile.getValue());
            assertThat(reply.status()).as(hostile.getKey() + ": " + reply.body()).isBetween(400, 499);
            var json = post(port, "/front/inventory.php", "application/x-compress-zlib", hostile.getValue(), "GLPI-Agent-ID", "x");
            assertThat(json.status()).as(hostile.getKey()).isBetween(400, 499);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM asset").query(Long.class).single()).isEqualTo(assets);
        assertThat(jdbc.sql("SELECT count(*) FROM asset_software").query(Long.class).single()).isEqualTo(software);
    }

    @Test
    void aFloodFromOneAddressIsLimited() {
        limit.setPerMinute(5);
        int limited = 0;
        for (int i = 0; i < 8; i++) {
            if (ocs(port, "/ocsinventory", AgentFixtures.prolog("flood")).status() == 429) {
                limited++;
            }
        }
        assertThat(limited).isEqualTo(3);
    }
}
