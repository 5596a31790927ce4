package be.coordinaat.maintenance;

import static be.coordinaat.maintenance.MaintenanceFlowIT.fields;
import static be.coordinaat.maintenance.MaintenanceTestData.asset;
import static be.coordinaat.maintenance.MaintenanceTestData.unique;
import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Browserless;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The network documentation: every part through the API with its history, strict address validation with field errors
 * for hostile input, Wi-Fi keys stored encrypted, never listed and revealed only on request (recorded without the
 * key), and school scope on every endpoint.
 */
@IntegrationTest
class NetworkIT {

    static final long GUESSED = 987654321L;

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    static Map<String, Object> subnet(long school, String cidr) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schoolId", school);
        m.put("name", "Leerlingen");
        m.put("cidr", cidr);
        return m;
    }

    @Test
    void everyPartIsDocumentedWithCanonicalAddressesAndHistory() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long school = Demo.regenboog(jdbc);
        int number = 100 + (int) (System.nanoTime() % 3000);
        var vlan = coordinator.post("/api/v1/network/vlans", Api.json(Map.of("schoolId", school, "number", number,
                "name", "Camera's", "purpose", "Bewakingscamera's", "subnet", "10.99.0.0/24")));
        assertThat(vlan.status()).as(vlan.toString()).isEqualTo(201);
        long vlanId = vlan.json().get("id").asLong();
        var dup = coordinator.post("/api/v1/network/vlans", Api.json(Map.of("schoolId", school, "number", number, "name", "x")));
        assertThat(fields(dup.json())).containsExactly("number");

        Map<String, Object> s = subnet(school, "2001:DB8:99:0::/64");
        s.put("vlanId", vlanId);
        s.put("gateway", "2001:db8:99::1");
        s.put("dhcpStart", "2001:db8:99::100");
        s.put("dhcpEnd", "2001:db8:99::1ff");
        s.put("dnsServers", "2001:db8:99::53 , 9.9.9.9");
        var created = coordinator.post("/api/v1/network/subnets", Api.json(s));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("cidr").asString()).isEqualTo("2001:db8:99::/64");
        assertThat(created.json().get("dnsServers").asString()).isEqualTo("2001:db8:99::53, 9.9.9.9");
        assertThat(created.json().get("vlanNumber").asInt()).isEqualTo(number);

        long switchAsset = asset(coordinator, school, "NETWORK_SWITCH", null);
        var device = coordinator.post("/api/v1/network/devices", Api.json(Map.of("schoolId", school, "assetId", switchAsset,
                "managementIp", "10.10.1.9", "portCount", 48, "uplink", "Glasvezel")));
        assertThat(device.status()).as(device.toString()).isEqualTo(201);
        assertThat(device.json().get("kind").asString()).isEqualTo("NETWORK_SWITCH");
        long projector = asset(coordinator, school, "PROJECTOR", null);
        assertThat(fields(coordinator.post("/api/v1/network/devices", Api.json(Map.of("schoolId", school, "assetId", projector)))
                .json())).containsExactly("assetId");
        assertThat(fields(coordinator.post("/api/v1/network/devices", Api.json(Map.of("schoolId", school, "assetId", switchAsset)))
                .json())).containsExactly("assetId");

        Map<String, Object> line = new LinkedHashMap<>();
        line.put("schoolId", school);
        line.put("providerName", "Telenet Business");
        line.put("lineType", "CABLE");
        line.put("downloadMbps", 400);
        line.put("uploadMbps", 40);
        line.put("supportPhone", "0800 66 046");
        line.put("fixedIps", "81.82.83.84, 2001:db8:ab::/48");
        var l = coordinator.post("/api/v1/network/lines", Api.json(line));
        assertThat(l.status()).as(l.toString()).isEqualTo(201);
        long lineId = l.json().get("id").asLong();
        line.put("version", l.json().get("version").asInt());
        line.put("downloadMbps", 1000);
        assertThat(coordinator.put("/api/v1/network/lines/" + lineId, Api.json(line)).json().get("downloadMbps").asInt()).isEqualTo(1000);
        assertThat(coordinator.put("/api/v1/network/lines/" + lineId, Api.json(line)).status()).as("stale version").isEqualTo(409);

        JsonNode overview = coordinator.get("/api/v1/network/schools/" + school).json();
        assertThat(overview.get("vlans").toString()).contains("Camera's");
        assertThat(history("network_vlan", vlanId)).isEqualTo(1);
        assertThat(history("network_line", lineId)).isEqualTo(2);
        assertThat(coordinator.delete("/api/v1/network/vlans/" + vlanId).status()).isEqualTo(204);
        assertThat(history("network_vlan", vlanId)).isEqualTo(2);
        assertThat(coordinator.get("/api/v1/network/subnets/" + created.json().get("id").asLong()).json().get("vlanId").isNull()).isTrue();
    }

    @Test
    void hostileAndMistypedInputGetsFieldErrorsNeverA500() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long school = Demo.regenboog(jdbc);
        Map<String, String> badCidrs = Map.of("10.0.0.1/24", "cidr", "300.1.1.1/24", "cidr", "::/129", "cidr",
                "abc", "cidr", "10.0.0.0/08", "cidr", "10.0.0.0", "cidr", "fe80::1%eth0/64", "cidr");
        for (var bad : badCidrs.entrySet()) {
            var r = coordinator.post("/api/v1/network/subnets", Api.json(subnet(school, bad.getKey())));
            assertThat(r.status()).as(bad.getKey()).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(fields(r.json())).as(bad.getKey()).containsExactly(bad.getValue());
        }
        var hostBits = coordinator.post("/api/v1/network/subnets", Api.json(subnet(school, "192.168.1.5/24"))).json();
        assertThat(hostBits.get("errors").get(0).get("reason").asString()).contains("192.168.1.0/24");

        Map<String, Object> s = subnet(school, "10.50.0.0/24");
        s.put("gateway", "10.51.0.1");
        s.put("dhcpStart", "10.50.0.200");
        s.put("dhcpEnd", "10.50.0.100");
        s.put("dnsServers", "8.8.8.8, dns.google");
        assertThat(fields(coordinator.post("/api/v1/network/subnets", Api.json(s)).json()))
                .containsExactlyInAnyOrder("gateway", "dhcpEnd", "dnsServers");

        String huge = "x".repeat(100_000);
        var big = coordinator.post("/api/v1/network/subnets", Api.json(subnet(school, huge)));
        assertThat(big.status()).isEqualTo(400);
        Map<String, Object> vlan = new LinkedHashMap<>(Map.of("schoolId", school, "number", 5000, "name", huge));
        var v = coordinator.post("/api/v1/network/vlans", Api.json(vlan));
        assertThat(v.status()).isEqualTo(400);
        assertThat(fields(v.json())).contains("name");
        var nul = coordinator.post("/api/v1/network/vlans", Api.json(Map.of("schoolId", school, "number", 7, "name", "a\u0000b")));
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.contentType()).startsWith("application/problem+json");
        assertThat(coordinator.post("/api/v1/network/vlans", "{\"schoolId\":" + school + ",\"number\":7,\"name\":\"x\",\"pwned\":1}")
                .status()).isEqualTo(400);
        assertThat(coordinator.post("/api/v1/network/wifi", "{\"schoolId\":" + school + ",\"ssid\":\"x\",\"security\":\"WEP\",\"band\":\"DUAL\"}")
                .status()).isEqualTo(400);
        assertThat(coordinator.post("/api/v1/network/vlans", "{not json").status()).isEqualTo(400);
        Map<String, Object> wifi = new LinkedHashMap<>(Map.of("schoolId", school, "ssid", "ééééééééééééééééé", "security", "WPA2_PSK",
                "band", "DUAL", "psk", "short"));
        assertThat(fields(coordinator.post("/api/v1/network/wifi", Api.json(wifi)).json())).containsExactlyInAnyOrder("ssid", "psk");
        Map<String, Object> lineBad = new LinkedHashMap<>(Map.of("schoolId", school, "lineType", "FIBER", "supportPhone", "bel ons",
                "fixedIps", "1.2.3.4, <script>", "downloadMbps", 0));
        assertThat(fields(coordinator.post("/api/v1/network/lines", Api.json(lineBad)).json()))
                .containsExactlyInAnyOrder("providerName", "supportPhone", "fixedIps", "downloadMbps");
        // plans too
        Map<String, Object> plan = MaintenanceTestData.roomPlan(school, Demo.roomOf(jdbc, school), huge,
                java.time.LocalDate.of(1900, 1, 1), null, "x");
        assertThat(coordinator.post("/api/v1/maintenance/plans", Api.json(plan)).status()).isEqualTo(400);
        plan.put("name", "ok");
        plan.put("every", 0);
        plan.put("checklist", List.of("  "));
        assertThat(fields(coordinator.post("/api/v1/maintenance/plans", Api.json(plan)).json()))
                .containsExactlyInAnyOrder("startDate", "every", "checklist");
        plan.put("name", "a\u0000b");
        assertThat(coordinator.post("/api/v1/maintenance/plans", Api.json(plan)).status()).isEqualTo(400);

        // the form shows the problem next to the field
        Browserless web = Browserless.signIn(port, "coordinator", "coordinator");
        var page = web.post("/network/subnets", Map.of("schoolId", String.valueOf(school), "name", "Test", "cidr", "10.0.0.1/24"),
                "/network/subnets/new?school=" + school);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().select("#cidr.is-invalid")).hasSize(1);
        assertThat(page.document().select(".invalid-feedback").text()).contains("10.0.0.0/24");
        var nulForm = web.post("/network/vlans", Map.of("schoolId", String.valueOf(school), "number", "8", "name", "a\u0000"),
                "/network/vlans/new?school=" + school);
        assertThat(nulForm.status()).isEqualTo(400);
        var planPage = web.post("/maintenance/plans", Map.of("schoolId", String.valueOf(school), "name", "x", "targetType", "KIND",
                "recurrence", "SCHOOL_YEAR", "month", "2", "day", "30", "checklist", "a\nb", "every", "abc"), "/maintenance/plans/new?school=" + school);
        assertThat(planPage.status()).isEqualTo(200);
        assertThat(planPage.document().select(".is-invalid")).isNotEmpty();
    }

    @Test
    void wifiKeysAreEncryptedNeverListedAndRevealedOnlyOnRequestWhichTheHistoryRecords() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long school = Demo.regenboog(jdbc);
        String psk = "Geheim-" + System.nanoTime();
        String ssid = "Test" + System.nanoTime() % 1_000_000_000L;
        var created = coordinator.post("/api/v1/network/wifi", Api.json(Map.of("schoolId", school, "ssid", ssid,
                "security", "WPA3_PSK", "band", "DUAL", "audience", "Leerkrachten", "psk", psk)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.body()).doesNotContain(psk);
        assertThat(created.json().get("hasPsk").asBoolean()).isTrue();
        byte[] stored = jdbc.sql("SELECT psk_encrypted FROM network_wifi WHERE id = ?").param(id).query((rs, n) -> rs.getBytes(1)).single();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(psk);

        assertThat(coordinator.get("/api/v1/network/wifi").body()).doesNotContain(psk);
        assertThat(coordinator.get("/api/v1/network/schools/" + school).body()).doesNotContain(psk);
        Browserless web = Browserless.signIn(port, "coordinator", "coordinator");
        String page = web.get("/network/schools/" + school).body();
        assertThat(page).contains(ssid).doesNotContain(psk);
        assertThat(web.get("/network/schools/" + school + "/print").body()).contains(ssid).doesNotContain(psk);
        assertThat(web.get("/network/wifi/" + id + "/edit").body()).doesNotContain(psk);

        // an update without a key keeps it
        Map<String, Object> update = new LinkedHashMap<>(Map.of("schoolId", school, "ssid", ssid, "security", "WPA3_PSK",
                "band", "GHZ_5", "version", created.json().get("version").asInt()));
        assertThat(coordinator.put("/api/v1/network/wifi/" + id, Api.json(update)).json().get("hasPsk").asBoolean()).isTrue();

        var revealed = coordinator.post("/api/v1/network/wifi/" + id + "/psk", "");
        assertThat(revealed.status()).isEqualTo(200);
        assertThat(revealed.json().get("psk").asString()).isEqualTo(psk);
        String history = jdbc.sql("SELECT string_agg(action || ' ' || changes::text, ' | ') FROM history_entry"
                + " WHERE record_type = 'network_wifi' AND record_id = ?").param(id).query(String.class).single();
        assertThat(history).contains("REVEALED", "revealed").doesNotContain(psk);
        var fragment = web.post("/network/wifi/" + id + "/reveal", Map.of(), "/network/schools/" + school);
        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.body()).contains(psk);

        // readers and other schools: never
        Api director = Api.as("director", port, jdbc);
        assertThat(director.get("/api/v1/network/wifi/" + id).status()).isEqualTo(200);
        assertThat(director.post("/api/v1/network/wifi/" + id + "/psk", "").status()).isEqualTo(403);
        assertThat(Browserless.signIn(port, "director", "director").get("/network/schools/" + school).body())
                .doesNotContain("reveal-" + id);
        assertThat(Api.as("ictdienst", port, jdbc).post("/api/v1/network/wifi/" + id + "/psk", "").status()).isEqualTo(404);
        long wifiB = jdbc.sql("SELECT min(id) FROM network_wifi WHERE school_id = ? AND psk_encrypted IS NOT NULL")
                .param(Demo.atheneum(jdbc)).query(Long.class).single();
        assertThat(coordinator.post("/api/v1/network/wifi/" + wifiB + "/psk", "").status()).isEqualTo(404);
        assertThat(Api.as("technician", port, jdbc).post("/api/v1/network/wifi/" + wifiB + "/psk", "").json().get("psk").asString())
                .as("the demo keys are readable").isNotBlank();

        update.put("clearPsk", true);
        update.put("version", coordinator.get("/api/v1/network/wifi/" + id).json().get("version").asInt());
        assertThat(coordinator.put("/api/v1/network/wifi/" + id, Api.json(update)).json().get("hasPsk").asBoolean()).isFalse();
        assertThat(coordinator.post("/api/v1/network/wifi/" + id + "/psk", "").status()).isEqualTo(404);
    }

    @Test
    void schoolBsNetworkAnswers404ToSchoolAThroughEveryEndpoint() {
        long schoolB = Demo.atheneum(jdbc);
        Api coordinator = Api.as("coordinator", port, jdbc);
        Map<String, String> parts = Map.of("vlans", "network_vlan", "subnets", "network_subnet", "wifi", "network_wifi",
                "devices", "network_device", "lines", "network_line");
        for (var part : parts.entrySet()) {
            long id = jdbc.sql("SELECT min(id) FROM " + part.getValue() + " WHERE school_id = ?").param(schoolB).query(Long.class).single();
            for (long x : new long[] {id, GUESSED}) {
                String p = "/api/v1/network/" + part.getKey() + "/" + x;
                assertThat(coordinator.get(p).status()).as(p).isEqualTo(404);
                assertThat(coordinator.put(p, "{\"schoolId\":" + schoolB + ",\"number\":1,\"name\":\"x\",\"cidr\":\"10.0.0.0/8\","
                        + "\"ssid\":\"x\",\"security\":\"OPEN\",\"band\":\"DUAL\",\"assetId\":1,\"lineType\":\"FIBER\"}").status())
                        .as("PUT " + p).isIn(400, 404);
                assertThat(coordinator.delete(p).status()).as("DELETE " + p).isEqualTo(404);
            }
            assertThat(coordinator.get("/api/v1/network/" + part.getKey() + "?school=" + schoolB).status()).isEqualTo(404);
            assertThat(coordinator.get("/api/v1/network/" + part.getKey()).body()).doesNotContain("\"schoolId\":" + schoolB + ",");
        }
        assertThat(coordinator.get("/api/v1/network/schools/" + schoolB).status()).isEqualTo(404);
        assertThat(fields(coordinator.post("/api/v1/network/vlans", Api.json(Map.of("schoolId", schoolB, "number", 9, "name", unique("x"))))
                .json())).containsExactly("schoolId");
        Browserless web = Browserless.signIn(port, "coordinator", "coordinator");
        long vlanB = jdbc.sql("SELECT min(id) FROM network_vlan WHERE school_id = ?").param(schoolB).query(Long.class).single();
        for (String path : List.of("/network/schools/" + schoolB, "/network/schools/" + schoolB + "/print",
                "/network/vlans/" + vlanB + "/edit", "/network/vlans/new?school=" + schoolB)) {
            assertThat(web.get(path).status()).as(path).isEqualTo(404);
        }
        for (var part : parts.entrySet()) {
            long id = jdbc.sql("SELECT min(id) FROM " + part.getValue() + " WHERE school_id = ?").param(schoolB).query(Long.class).single();
            assertThat(web.get("/network/" + part.getKey() + "/" + id + "/edit").status()).as(part.getKey()).isEqualTo(404);
            assertThat(web.get("/network/" + part.getKey() + "/new?school=" + schoolB).status()).as(part.getKey()).isEqualTo(404);
            assertThat(web.post("/network/" + part.getKey() + "/" + id, Map.of("schoolId", String.valueOf(schoolB), "name", "x"),
                    "/maintenance").status()).as("POST " + part.getKey()).isEqualTo(404);
            assertThat(web.post("/network/" + part.getKey() + "/" + id + "/delete", Map.of(), "/maintenance").status())
                    .as("DELETE " + part.getKey()).isEqualTo(404);
        }
        long wifiB = jdbc.sql("SELECT min(id) FROM network_wifi WHERE school_id = ?").param(schoolB).query(Long.class).single();
        assertThat(web.post("/network/wifi/" + wifiB + "/reveal", Map.of(), "/maintenance").status()).isEqualTo(404);
        assertThat(web.post("/network/vlans", Map.of("schoolId", String.valueOf(schoolB), "number", "9", "name", "x"), "/maintenance")
                .status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM network_vlan WHERE id = ?").param(vlanB).query(Long.class).single()).isEqualTo(1);
    }

    private long history(String type, long id) {
        return jdbc.sql("SELECT count(*) FROM history_entry WHERE record_type = ? AND record_id = ?").params(type, id)
                .query(Long.class).single();
    }
}
