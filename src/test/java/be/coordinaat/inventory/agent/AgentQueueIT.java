package be.coordinaat.inventory.agent;

import static be.coordinaat.inventory.agent.AgentFixtures.fixture;
import static be.coordinaat.inventory.agent.AgentFixtures.machine;
import static be.coordinaat.inventory.agent.AgentFixtures.ocs;
import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Browserless;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The unknown-agent queue: with the board's queue on and no school open at the bare paths, an anonymous agent waits
 * with its inventory; accepting it into a school takes the inventory in and sends its later reports there (updated,
 * not doubled); a refused one gets 403; the queue is read and decided only by inventory managers, switched only by a
 * board admin, and a device is accepted only into a school the user manages.
 */
@IntegrationTest
class AgentQueueIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired AgentRateLimit limit;

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
        // no school open at the bare paths (the demo opens school A there)
        jdbc.sql("UPDATE agent_enrolment SET require_auth = TRUE WHERE is_default").update();
    }

    @AfterEach
    void restore() {
        jdbc.sql("UPDATE agent_enrolment SET require_auth = FALSE WHERE is_default").update();
        jdbc.sql("DELETE FROM agent_queue_setting").update();
        limit.setPerMinute(previousLimit);
    }

    Long assetOf(String deviceId) {
        return jdbc.sql("SELECT asset_id FROM asset_hardware WHERE device_id = ?").param(deviceId).query(Long.class)
                .optional().orElse(null);
    }

    int setting(Api admin, boolean enabled) {
        int version = admin.get("/api/v1/agent-queue/setting").json().get("version").asInt();
        var put = admin.put("/api/v1/agent-queue/setting", "{\"enabled\":" + enabled + ",\"version\":" + version + "}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        return put.json().get("version").asInt();
    }

    @Test
    void anUnknownAgentWaitsUntilACoordinatorAcceptsItIntoASchool() {
        var m = machine("q");
        // queue off: refused as before
        assertThat(ocs(port, "/ocsinventory", fixture("laptop.xml", m)).status()).isEqualTo(401);
        Api admin = Api.as("admin", port, jdbc);
        Api coordinator = Api.as("coordinator", port, jdbc);
        assertThat(coordinator.put("/api/v1/agent-queue/setting", "{\"enabled\":true,\"version\":0}").status())
                .as("only a board admin switches the queue").isEqualTo(403);
        setting(admin, true);

        var prolog = ocs(port, "/ocsinventory", AgentFixtures.prolog(m.get("DEVICEID")));
        assertThat(prolog.status()).isEqualTo(200);
        assertThat(prolog.body()).contains("<RESPONSE>SEND</RESPONSE>");
        var sent = ocs(port, "/ocsinventory", fixture("laptop.xml", m));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(assetOf(m.get("DEVICEID"))).as("nothing stored before acceptance").isNull();

        var list = coordinator.get("/api/v1/agent-queue");
        assertThat(list.status()).isEqualTo(200);
        var item = java.util.stream.StreamSupport.stream(list.json().get("items").spliterator(), false)
                .filter(n -> n.get("deviceId").asText().equals(m.get("DEVICEID"))).findFirst().orElseThrow();
        long id = item.get("id").asLong();
        int version = item.get("version").asInt();
        assertThat(item.get("hasReport").asBoolean()).isTrue();
        assertThat(item.toString()).doesNotContain("lastUser");
        // staff see nothing; school B is not the coordinator's to fill
        assertThat(Api.as("teacher", port, jdbc).get("/api/v1/agent-queue").status()).isEqualTo(403);
        var intoB = coordinator.post("/api/v1/agent-queue/" + id + "/accept", "{\"schoolId\":" + b + ",\"version\":" + version + "}");
        assertThat(intoB.status()).as(intoB.body()).isIn(400, 403);
        assertThat(assetOf(m.get("DEVICEID"))).isNull();

        var accepted = coordinator.post("/api/v1/agent-queue/" + id + "/accept", "{\"schoolId\":" + a + ",\"version\":" + version + "}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        long asset = accepted.json().get("assetId").asLong();
        assertThat(assetOf(m.get("DEVICEID"))).isEqualTo(asset);
        assertThat(jdbc.sql("SELECT school_id FROM asset WHERE id = ?").param(asset).query(Long.class).single()).isEqualTo(a);
        assertThat(jdbc.sql("SELECT actor_name FROM history_entry WHERE record_type = 'asset' AND record_id = ? ORDER BY id LIMIT 1")
                .param(asset).query(String.class).single()).as("the coordinator took it in").isNotBlank();
        assertThat(coordinator.get("/api/v1/agent-queue/" + id).status()).isEqualTo(404);

        // its next anonymous report goes to school A: updated, not doubled
        m.put("MEMORY", "32768");
        assertThat(ocs(port, "/ocsinventory", fixture("laptop.xml", m)).status()).isEqualTo(200);
        assertThat(assetOf(m.get("DEVICEID"))).isEqualTo(asset);
        assertThat(jdbc.sql("SELECT count(*) FROM asset_hardware WHERE device_id = ?").param(m.get("DEVICEID"))
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRefusedAgentGets403AndCanBeForgotten() {
        Api admin = Api.as("admin", port, jdbc);
        setting(admin, true);
        var m = machine("qr");
        assertThat(ocs(port, "/ocsinventory", fixture("desktop.xml", m)).status()).isEqualTo(200);
        long id = jdbc.sql("SELECT id FROM agent_pending WHERE device_id = ?").param(m.get("DEVICEID")).query(Long.class).single();
        int version = jdbc.sql("SELECT version FROM agent_pending WHERE id = ?").param(id).query(Integer.class).single();

        // through the page, as a person would
        Browserless web = Browserless.signIn(port, "coordinator", "coordinator");
        var page = web.get("/inventory/agents?view=queue");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().select("#pending-" + id).text()).contains(m.get("HOST"));
        var refused = web.post("/inventory/agents/queue/" + id + "/refuse", Map.of("version", String.valueOf(version)),
                "/inventory/agents?view=queue");
        assertThat(refused.status()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT status FROM agent_pending WHERE id = ?").param(id).query(String.class).single()).isEqualTo("REFUSED");
        assertThat(jdbc.sql("SELECT report IS NULL FROM agent_pending WHERE id = ?").param(id).query(Boolean.class).single()).isTrue();

        var again = ocs(port, "/ocsinventory", fixture("desktop.xml", m));
        assertThat(again.status()).isEqualTo(403);
        assertThat(again.body()).contains("refused");
        assertThat(assetOf(m.get("DEVICEID"))).isNull();

        // stale version and another board's id: refused cleanly
        assertThat(Api.as("coordinator", port, jdbc).delete("/api/v1/agent-queue/" + id + "?version=0").status()).isEqualTo(409);
        assertThat(Api.as("coordinator", port, jdbc).delete("/api/v1/agent-queue/99999999?version=0").status()).isEqualTo(404);
        assertThat(Api.as("coordinator", port, jdbc).delete("/api/v1/agent-queue/" + id + "?version=" + (version + 1)).status())
                .isEqualTo(204);
        assertThat(ocs(port, "/ocsinventory", fixture("desktop.xml", m)).status()).as("queued again").isEqualTo(200);

        // switched off: anonymous agents are refused again
        setting(admin, false);
        assertThat(ocs(port, "/ocsinventory", fixture("desktop.xml", machine("qr2"))).status()).isEqualTo(401);
    }
}
