package be.coordinaat.inventory.agent;

import static be.coordinaat.inventory.agent.AgentFixtures.fixture;
import static be.coordinaat.inventory.agent.AgentFixtures.machine;
import static be.coordinaat.inventory.agent.AgentFixtures.ocs;
import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Browserless;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Licence compliance against what the agents found: a licensed product installed on computers that no licence of
 * it covers is flagged on the licence (page and API); an assignment to the computer, to the whole school or a site
 * licence covers it; another school's coordinator cannot read the list.
 */
@IntegrationTest
class UnlicensedInstallsIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired AgentRateLimit limit;

    static String letters(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return b.toString();
    }

    long report(String product) {
        var m = machine("lic");
        String xml = fixture("laptop.xml", m).replace("Mozilla Firefox (x64 nl)", product + " (x64 nl)");
        int before = limit.perMinute();
        limit.setPerMinute(0);
        try {
            assertThat(ocs(port, "/ocsinventory", xml).status()).isEqualTo(200);
        } finally {
            limit.setPerMinute(before);
        }
        return jdbc.sql("SELECT asset_id FROM asset_hardware WHERE device_id = ?").param(m.get("DEVICEID"))
                .query(Long.class).single();
    }

    long post(Api api, String path, Map<String, Object> body) {
        var r = api.post(path, Api.json(body));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    @Test
    void installationsNoLicenceCoversAreFlaggedUntilAssigned() {
        long a = Demo.regenboog(jdbc);
        Api coordinator = Api.as("coordinator", port, jdbc);
        String product = "Rekenmeester " + letters(10);
        long one = report(product);
        long two = report(product);

        Map<String, Object> sw = new LinkedHashMap<>();
        sw.put("name", product);
        sw.put("category", "EDUCATIONAL_APP");
        sw.put("schoolIds", List.of(a));
        long software = post(coordinator, "/api/v1/software", sw);
        Map<String, Object> lic = new LinkedHashMap<>();
        lic.put("softwareId", software);
        lic.put("schoolId", a);
        lic.put("type", "PER_DEVICE");
        lic.put("seats", 5);
        long licence = post(coordinator, "/api/v1/licences", lic);
        String path = "/api/v1/licences/" + licence + "/unlicensed-installs";

        var flagged = coordinator.get(path);
        assertThat(flagged.status()).as(flagged.toString()).isEqualTo(200);
        assertThat(flagged.json().get("total").asLong()).isEqualTo(2);
        assertThat(flagged.json().get("items").findValuesAsString("assetId"))
                .containsExactlyInAnyOrder(String.valueOf(one), String.valueOf(two));
        assertThat(flagged.json().get("items").get(0).get("product").asString()).startsWith(product);

        // the licence page shows them
        var page = Browserless.signIn(port, "coordinator", "coordinator").get("/licences/" + licence);
        assertThat(page.document().select("#licence-unlicensed a").eachText()).hasSize(2);

        // an assignment to the computer covers it
        var assigned = coordinator.post("/api/v1/licences/" + licence + "/assignments", "{\"assetId\":" + one + "}");
        assertThat(assigned.status()).as(assigned.toString()).isIn(200, 201);
        var after = coordinator.get(path).json();
        assertThat(after.get("total").asLong()).isEqualTo(1);
        assertThat(after.get("items").get(0).get("assetId").asLong()).isEqualTo(two);

        // a site licence of the product in the school covers every computer there
        Map<String, Object> site = new LinkedHashMap<>(lic);
        site.put("type", "SITE");
        site.remove("seats");
        post(coordinator, "/api/v1/licences", site);
        assertThat(coordinator.get(path).json().get("total").asLong()).isZero();
        assertThat(Browserless.signIn(port, "coordinator", "coordinator").get("/licences/" + licence).document()
                .select("#licence-unlicensed")).isEmpty();

        // the coordinator of school B only (no access to A): the licence does not exist for them
        long b = Demo.atheneum(jdbc);
        assertThat(b).isNotEqualTo(a);
        assertThat(Api.as("teacher", port, jdbc).get(path).status()).isIn(403, 404);
        assertThat(coordinator.get("/api/v1/licences/987654321/unlicensed-installs").status()).isEqualTo(404);
    }
}
