package be.coordinaat.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Browserless;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Consumables: stock movements with history, stock never negative, input errors, school scope. */
@IntegrationTest
class ConsumableApiIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    static String consumable(long school, String name, int stock, int minimum) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schoolId", school);
        m.put("name", name);
        m.put("category", "TONER");
        m.put("compatibleModels", "Brother MFC-L8900CDW");
        m.put("stock", stock);
        m.put("minimum", minimum);
        return Api.json(m);
    }

    @Test
    void stockMovesWithHistoryAndNeverDropsBelowZero() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        var created = coordinator.post("/api/v1/consumables", consumable(a, "Toner TN-423C " + System.nanoTime(), 2, 3));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("belowMinimum").asBoolean()).isTrue();
        long printer = jdbc.sql("SELECT id FROM asset WHERE school_id = ? AND kind = 'PRINTER' ORDER BY id LIMIT 1").param(a).query(Long.class).single();

        var received = coordinator.post("/api/v1/consumables/" + id + "/movements", "{\"kind\":\"RECEIVE\",\"quantity\":5}");
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        assertThat(received.json().get("stock").asInt()).isEqualTo(7);
        var issued = coordinator.post("/api/v1/consumables/" + id + "/movements",
                "{\"kind\":\"ISSUE\",\"quantity\":2,\"assetId\":" + printer + ",\"roomId\":" + Demo.roomOf(jdbc, a) + "}");
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        assertThat(issued.json().get("stock").asInt()).isEqualTo(5);
        var tooMany = coordinator.post("/api/v1/consumables/" + id + "/movements", "{\"kind\":\"ISSUE\",\"quantity\":6}");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.contentType()).startsWith("application/problem+json");
        assertThat(tooMany.json().get("errors").get(0).get("field").asString()).isEqualTo("quantity");
        assertThat(coordinator.get("/api/v1/consumables/" + id).json().get("stock").asInt()).isEqualTo(5);
        var zero = coordinator.post("/api/v1/consumables/" + id + "/movements", "{\"kind\":\"ISSUE\",\"quantity\":0}");
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.json().get("errors").toString()).contains("quantity");
        var malformed = coordinator.post("/api/v1/consumables/" + id + "/movements", "{\"kind\":\"STEAL\",\"quantity\":\"veel\"}");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        var missing = coordinator.post("/api/v1/consumables", "{\"schoolId\":" + a + "}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").toString()).contains("name").contains("category").contains("minimum");
        var negative = coordinator.post("/api/v1/consumables", consumable(a, "Kabel " + System.nanoTime(), -1, 0));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().get("errors").toString()).contains("stock");

        var movements = coordinator.get("/api/v1/consumables/" + id + "/movements");
        assertThat(movements.json()).hasSize(2);
        assertThat(movements.json().get(0).get("kind").asString()).isEqualTo("ISSUE");
        assertThat(movements.json().get(0).get("byName").asString()).contains("coordinator");
        assertThat(movements.json().get(0).get("assetLabel").asString()).isNotBlank();
        assertThat(jdbc.sql("SELECT count(*) FROM history_entry WHERE record_type = 'consumable' AND record_id = ?").param(id)
                .query(Long.class).single()).isEqualTo(3);
        assertThat(coordinator.get("/api/v1/consumables?belowMinimum=true&size=200").body()).contains("Projectorlamp Epson ELPLP96");

        Browserless web = Browserless.signIn(port, "coordinator", "coordinator");
        assertThat(web.get("/inventory/consumables").body()).contains("below-minimum").contains("ELPLP96");
        var page = web.post("/inventory/consumables/" + id + "/movements", Map.of("kind", "ISSUE", "quantity", "99"),
                "/inventory/consumables/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("is-invalid");
        assertThat(web.post("/inventory/consumables/" + id + "/movements", Map.of("kind", "ISSUE", "quantity", "1"),
                "/inventory/consumables/" + id).status()).isEqualTo(302);
        assertThat(coordinator.get("/api/v1/consumables/" + id).json().get("stock").asInt()).isEqualTo(4);
    }

    @Test
    void coordinatorOfSchoolAGets404ForConsumablesOfSchoolB() {
        long b = Demo.atheneum(jdbc);
        long idB = jdbc.sql("SELECT id FROM consumable WHERE school_id = ? ORDER BY id LIMIT 1").param(b).query(Long.class).single();
        Api coordinator = Api.as("coordinator", port, jdbc);
        assertThat(coordinator.get("/api/v1/consumables/" + idB).status()).isEqualTo(404);
        assertThat(coordinator.get("/api/v1/consumables/" + idB + "/movements").status()).isEqualTo(404);
        assertThat(coordinator.post("/api/v1/consumables/" + idB + "/movements", "{\"kind\":\"RECEIVE\",\"quantity\":1}").status()).isEqualTo(404);
        assertThat(coordinator.get("/api/v1/consumables/999999999").status()).isEqualTo(404);
        assertThat(coordinator.get("/api/v1/consumables?school=" + b).status()).isEqualTo(404);
        assertThat(coordinator.get("/api/v1/consumables?size=200").body()).doesNotContain("ELPLP97").contains("ELPLP96");
        assertThat(coordinator.post("/api/v1/consumables", consumable(b, "Toner " + System.nanoTime(), 1, 1)).status()).isEqualTo(400);
        Browserless web = Browserless.signIn(port, "coordinator", "coordinator");
        assertThat(web.get("/inventory/consumables/" + idB).status()).isEqualTo(404);
        assertThat(web.get("/inventory/consumables?school=" + b).status()).isEqualTo(404);
        assertThat(web.post("/inventory/consumables/" + idB, Map.of("schoolId", String.valueOf(b), "name", "Gekaapt",
                "category", "TONER", "minimum", "1", "version", "0"), "/inventory/consumables").status()).isEqualTo(404);
        assertThat(web.get("/inventory/consumables").body()).doesNotContain("ELPLP97");
        assertThat(jdbc.sql("SELECT stock FROM consumable WHERE id = ?").param(idB).query(Integer.class).single()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void theCoordinatorEditsAConsumableOnItsPage() {
        long a = Demo.regenboog(jdbc);
        Api coordinator = Api.as("coordinator", port, jdbc);
        long id = coordinator.post("/api/v1/consumables", consumable(a, "Lamp " + System.nanoTime(), 2, 1)).json().get("id").asLong();
        Browserless web = Browserless.signIn(port, "coordinator", "coordinator");
        String page = "/inventory/consumables/" + id;
        assertThat(web.get(page).document().select("#consumable-edit-form")).hasSize(1);
        var invalid = web.post(page, Map.of("schoolId", String.valueOf(a), "name", "", "category", "LAMP", "minimum", "-1",
                "version", "0"), page);
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.document().select("#consumable-edit-form .is-invalid")).hasSizeGreaterThanOrEqualTo(2);
        var saved = web.post(page, Map.of("schoolId", String.valueOf(a), "name", "Lamp ELPLP96 (reserve)", "category", "LAMP",
                "minimum", "3", "notes", "In de kast van het secretariaat", "version", "0"), page);
        assertThat(saved.status()).isEqualTo(302);
        var after = coordinator.get("/api/v1/consumables/" + id).json();
        assertThat(after.get("name").asString()).isEqualTo("Lamp ELPLP96 (reserve)");
        assertThat(after.get("minimum").asInt()).isEqualTo(3);
        assertThat(after.get("belowMinimum").asBoolean()).isTrue();
        var stale = web.post(page, Map.of("schoolId", String.valueOf(a), "name", "Oud", "category", "LAMP", "minimum", "1",
                "version", "0"), page);
        assertThat(stale.status()).isIn(200, 409);
        assertThat(coordinator.get("/api/v1/consumables/" + id).json().get("name").asString()).isEqualTo("Lamp ELPLP96 (reserve)");
        assertThat(Browserless.signIn(port, "director", "director").get(page).document().select("#consumable-edit-form")).isEmpty();
    }
}
