package be.coordinaat.inventory.agent;

import static be.coordinaat.inventory.agent.AgentFixtures.fixture;
import static be.coordinaat.inventory.agent.AgentFixtures.machine;
import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Browserless;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The agent pages and the asset page's Agent panel obey INVENTORY_READ per school: the coordinator of school A sees
 * A's computers and never B's (404, also by guessing ids or naming B in the filter), cannot enrol B's agents; a
 * teacher sees no inventory at all.
 */
@IntegrationTest
class AgentPagesIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Enrolments enrolments;
    @Autowired AgentRateLimit limit;

    long a;
    long b;
    long assetA;
    long assetB;

    @BeforeEach
    void computers() {
        a = Demo.regenboog(jdbc);
        b = Demo.atheneum(jdbc);
        limit.setPerMinute(0);
        var inA = machine("pa");
        assertThat(AgentFixtures.ocs(port, "/ocsinventory", fixture("desktop.xml", inA)).status()).isEqualTo(200);
        assetA = jdbc.sql("SELECT asset_id FROM asset_hardware WHERE device_id = ?").param(inA.get("DEVICEID")).query(Long.class).single();
        long board = jdbc.sql("SELECT board_id FROM school WHERE id = ?").param(b).query(Long.class).single();
        String secret = enrolments.enrol(b, board, true, false);
        var inB = machine("pb");
        var reply = AgentFixtures.post(port, "/ocsinventory/" + enrolments.ofSchool(b).orElseThrow().token(),
                "application/xml", fixture("laptop.xml", inB).getBytes(StandardCharsets.UTF_8), "Authorization", "Bearer " + secret);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assetB = jdbc.sql("SELECT asset_id FROM asset_hardware WHERE device_id = ?").param(inB.get("DEVICEID")).query(Long.class).single();
        // B's computer has not been seen for a while and runs Windows 10: in both of B's lists
        jdbc.sql("UPDATE asset_hardware SET last_seen_at = now() - interval '90 days', os_support_end = DATE '2025-10-14' "
                + "WHERE asset_id = ?").param(assetB).update();
        limit.setPerMinute(600);
    }

    @Test
    void theCoordinatorOfASeesAsComputersOnly() {
        Browserless coordinator = Browserless.signIn(port, "coordinator", "coordinator");
        var panel = coordinator.get("/inventory/assets/" + assetA + "/agent");
        assertThat(panel.status()).isEqualTo(200);
        assertThat(panel.document().select("#agent-hardware")).isNotEmpty();
        assertThat(panel.body()).contains("Windows 10 Pro");
        assertThat(coordinator.get("/inventory/assets/" + assetB + "/agent").status()).isEqualTo(404);
        for (String view : new String[] {"stale", "os", "software", "setup"}) {
            var page = coordinator.get("/inventory/agents?view=" + view + "&days=30");
            assertThat(page.status()).as(view).isEqualTo(200);
            assertThat(page.body()).as(view).doesNotContain("/inventory/assets/" + assetB + "\"");
        }
        assertThat(coordinator.get("/inventory/agents?view=os&school=" + b).status()).isEqualTo(404);
        assertThat(coordinator.post("/inventory/agents/" + b + "/secret", Map.of(), "/inventory/agents?view=setup").status())
                .isEqualTo(404);
        assertThat(coordinator.get("/inventory/agents?view=setup").body()).doesNotContain(enrolments.ofSchool(b).orElseThrow().token());
    }

    @Test
    void theTechnicianOfBothSchoolsSeesBsStaleComputer() {
        Browserless technician = Browserless.signIn(port, "technician", "technician");
        var stale = technician.get("/inventory/agents?view=stale&days=30&school=" + b);
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.body()).contains("/inventory/assets/" + assetB);
        assertThat(technician.get("/inventory/agents?view=os&school=" + b).body()).contains("/inventory/assets/" + assetB);
        var software = technician.get("/inventory/agents?view=software&q=firefox");
        assertThat(software.document().select("#agent-software-list td").text()).containsIgnoringCase("firefox");
    }

    @Test
    void aCoordinatorEnrolsHisSchoolAndSeesTheSecretOnce() {
        Browserless coordinator = Browserless.signIn(port, "coordinator", "coordinator");
        var made = coordinator.post("/inventory/agents/" + a + "/secret", Map.of(), "/inventory/agents?view=setup");
        assertThat(made.status()).isEqualTo(302);
        var page = coordinator.get("/inventory/agents?view=setup");
        assertThat(page.document().select("#agent-new-secret code").text()).hasSizeGreaterThan(30);
        assertThat(coordinator.get("/inventory/agents?view=setup").document().select("#agent-new-secret")).isEmpty();
        // renewing does not change whether the school asks for it: the demo's open default path still works
        assertThat(AgentFixtures.ocs(port, "/ocsinventory", AgentFixtures.prolog("after-renewal")).status()).isEqualTo(200);
    }

    @Test
    void aTeacherSeesNoInventory() {
        Browserless teacher = Browserless.signIn(port, "teacher", "teacher");
        assertThat(teacher.get("/inventory/agents").status()).isIn(403, 404);
        assertThat(teacher.get("/inventory/assets/" + assetA + "/agent").status()).isIn(403, 404);
    }
}
