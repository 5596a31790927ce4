package be.coordinaat.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Stocktake through the API: expected, found, unexpected and unknown; finishing; the audit-due list; the scope. */
@IntegrationTest
class StocktakeApiIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    long a;
    long b;
    long room;
    long elsewhere;
    Api coordinator;

    @BeforeEach
    void room() {
        a = Demo.regenboog(jdbc);
        b = Demo.atheneum(jdbc);
        coordinator = Api.as("coordinator", port, jdbc);
        room = newRoom(a, "Stocktake ");
        elsewhere = newRoom(a, "Elders ");
    }

    long newRoom(long school, String name) {
        return jdbc.sql("INSERT INTO room (school_id, building_id, name) VALUES (?, ?, ?) RETURNING id")
                .params(school, Demo.buildingOf(jdbc, school), name + System.nanoTime()).query(Long.class).single();
    }

    JsonNode asset(long roomId, String status) {
        var r = coordinator.post("/api/v1/assets", "{\"schoolId\":" + a + ",\"kind\":\"PRINTER\",\"roomId\":" + roomId
                + ",\"status\":\"" + status + "\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    JsonNode scan(long id, String code) {
        var r = coordinator.post("/api/v1/stocktakes/" + id + "/scans", Api.json(java.util.Map.of("code", code)));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    @Test
    void aStocktakeSortsScansIntoFoundUnexpectedAndUnknownAndFinishingAuditsTheFoundOnes() {
        JsonNode one = asset(room, "IN_USE");
        JsonNode two = asset(room, "IN_STOCK");
        JsonNode three = asset(room, "IN_USE");
        asset(room, "RETIRED");
        JsonNode away = asset(elsewhere, "IN_USE");
        var started = coordinator.post("/api/v1/stocktakes", "{\"roomId\":" + room + "}");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        long id = started.json().get("stocktake").get("id").asLong();
        assertThat(started.json().get("expected").size()).isEqualTo(3);
        // starting again continues the open one
        assertThat(coordinator.post("/api/v1/stocktakes", "{\"roomId\":" + room + "}").json().get("stocktake").get("id").asLong()).isEqualTo(id);

        assertThat(scan(id, one.get("tag").asString()).get("outcome").asString()).isEqualTo("FOUND");
        // a label's address works as well as the tag, in any case
        assertThat(scan(id, "https://scanner.example/a/" + a + "/" + two.get("tag").asString().toLowerCase()).get("outcome").asString())
                .isEqualTo("FOUND");
        var again = scan(id, one.get("tag").asString());
        assertThat(again.get("repeated").asBoolean()).isTrue();
        var unexpected = scan(id, away.get("tag").asString());
        assertThat(unexpected.get("outcome").asString()).isEqualTo("UNEXPECTED");
        assertThat(scan(id, "NOPE-" + System.nanoTime()).get("outcome").asString()).isEqualTo("UNKNOWN");

        JsonNode view = coordinator.get("/api/v1/stocktakes/" + id).json();
        assertThat(view.get("expected").size()).isEqualTo(3);
        assertThat(view.get("found").findValuesAsString("tag")).containsExactlyInAnyOrder(one.get("tag").asString(), two.get("tag").asString());
        assertThat(view.get("notFound").findValuesAsString("tag")).containsExactly(three.get("tag").asString());
        assertThat(view.get("unexpected").findValuesAsString("tag")).containsExactly(away.get("tag").asString());
        assertThat(view.get("unknown").size()).isEqualTo(1);

        // bad input
        StocktakeApiIT.field(coordinator.post("/api/v1/stocktakes/" + id + "/scans", "{\"code\":\"  \"}"), "code");
        StocktakeApiIT.field(coordinator.post("/api/v1/stocktakes/" + id + "/scans", "{\"code\":\"" + "x".repeat(301) + "\"}"), "code");
        StocktakeApiIT.field(coordinator.post("/api/v1/stocktakes/" + id + "/finish", "{\"missing\":[" + one.get("id").asLong() + "]}"), "missing");
        StocktakeApiIT.field(coordinator.post("/api/v1/stocktakes", "{}"), "roomId");

        var finished = coordinator.post("/api/v1/stocktakes/" + id + "/finish", "{\"missing\":[" + three.get("id").asLong() + "]}");
        assertThat(finished.status()).as(finished.toString()).isEqualTo(200);
        assertThat(finished.json().get("stocktake").get("status").asString()).isEqualTo("FINISHED");
        assertThat(finished.json().get("missing").findValuesAsString("tag")).containsExactly(three.get("tag").asString());
        assertThat(audited(one)).isTrue();
        assertThat(audited(two)).isTrue();
        assertThat(audited(away)).isTrue();
        assertThat(audited(three)).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM history_entry WHERE record_type = 'asset' AND record_id = ? AND changes::text LIKE '%missing%'")
                .param(three.get("id").asLong()).query(Long.class).single()).isEqualTo(1);
        assertThat(coordinator.post("/api/v1/stocktakes/" + id + "/scans", "{\"code\":\"X\"}").status()).isEqualTo(409);

        // the audit-due list holds the missing one and not the found ones
        var due = coordinator.get("/api/v1/audits/due?months=12&room=" + room + "&size=200").json();
        assertThat(due.get("items").findValuesAsString("tag")).containsExactly(three.get("tag").asString());
        var all = coordinator.get("/api/v1/audits/due?size=200&sort=-tag").json();
        assertThat(all.get("items").findValuesAsString("schoolName")).containsOnly("Gemeentelijke Basisschool De Regenboog");
        StocktakeApiIT.field(coordinator.get("/api/v1/audits/due?months=0"), "months");
        assertThat(coordinator.get("/api/v1/stocktakes?room=" + room).json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void unexpectedAssetsCanBeMovedHere() {
        JsonNode away = asset(elsewhere, "IN_USE");
        long id = coordinator.post("/api/v1/stocktakes", "{\"roomId\":" + room + "}").json().get("stocktake").get("id").asLong();
        scan(id, away.get("tag").asString());
        var moved = coordinator.post("/api/v1/stocktakes/" + id + "/moves", "{\"assetId\":" + away.get("id").asLong() + "}");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().get("found").findValuesAsString("tag")).containsExactly(away.get("tag").asString());
        assertThat(moved.json().get("unexpected").size()).isZero();
        assertThat(jdbc.sql("SELECT room_id FROM asset WHERE id = ?").param(away.get("id").asLong()).query(Long.class).single()).isEqualTo(room);
        // an asset not scanned in this stocktake cannot be moved through it
        JsonNode other = asset(elsewhere, "IN_USE");
        assertThat(coordinator.post("/api/v1/stocktakes/" + id + "/moves", "{\"assetId\":" + other.get("id").asLong() + "}").status()).isEqualTo(404);
    }

    boolean audited(JsonNode asset) {
        return jdbc.sql("SELECT last_audit_at IS NOT NULL FROM asset WHERE id = ?").param(asset.get("id").asLong())
                .query(Boolean.class).single();
    }

    static void field(Api.Response r, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("errors").findValuesAsString("field")).contains(field);
    }

    @Test
    void schoolBStaysInvisibleAndTeachersHaveNoAccess() {
        long roomB = newRoom(b, "B ");
        Api admin = Api.as("admin", port, jdbc);
        long stocktakeB = admin.post("/api/v1/stocktakes", "{\"roomId\":" + roomB + "}").json().get("stocktake").get("id").asLong();
        for (String path : new String[] {"/api/v1/stocktakes/" + stocktakeB, "/api/v1/stocktakes/987654321",
                "/api/v1/audits/due?school=" + b}) {
            var r = coordinator.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        assertThat(coordinator.post("/api/v1/stocktakes", "{\"roomId\":" + roomB + "}").status()).isEqualTo(404);
        assertThat(coordinator.post("/api/v1/stocktakes", "{\"roomId\":987654321}").status()).isEqualTo(404);
        assertThat(coordinator.post("/api/v1/stocktakes/" + stocktakeB + "/scans", "{\"code\":\"AT-000001\"}").status()).isEqualTo(404);
        assertThat(coordinator.post("/api/v1/stocktakes/" + stocktakeB + "/finish", "{}").status()).isEqualTo(404);
        assertThat(coordinator.get("/api/v1/stocktakes?size=200").json().get("items").findValuesAsString("schoolName"))
                .doesNotContain("Koninklijk Atheneum");
        assertThat(coordinator.get("/api/v1/stocktakes?room=" + roomB).json().get("total").asLong()).isZero();

        // school B's assets scanned into school A's stocktake are unknown codes, with nothing about them
        long id = coordinator.post("/api/v1/stocktakes", "{\"roomId\":" + room + "}").json().get("stocktake").get("id").asLong();
        var byTag = scan(id, "AT-000001");
        assertThat(byTag.get("outcome").asString()).isEqualTo("UNKNOWN");
        assertThat(byTag.get("asset").isNull()).isTrue();
        var byLink = scan(id, "http://localhost/a/" + b + "/AT-000001");
        assertThat(byLink.get("outcome").asString()).isEqualTo("UNKNOWN");
        assertThat(jdbc.sql("SELECT count(*) FROM stocktake_item WHERE stocktake_id = ?").param(id).query(Long.class).single()).isZero();
        long assetB = jdbc.sql("SELECT id FROM asset WHERE school_id = ? AND tag = 'AT-000001'").param(b).query(Long.class).single();
        assertThat(coordinator.post("/api/v1/stocktakes/" + id + "/moves", "{\"assetId\":" + assetB + "}").status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT room_id IS DISTINCT FROM ? FROM asset WHERE id = ?").params(room, assetB).query(Boolean.class).single()).isTrue();

        Api teacher = Api.as("teacher", port, jdbc);
        assertThat(teacher.get("/api/v1/stocktakes").status()).isIn(403, 404);
        assertThat(teacher.get("/api/v1/stocktakes/" + id).status()).isIn(403, 404);
        assertThat(teacher.post("/api/v1/stocktakes", "{\"roomId\":" + room + "}").status()).isIn(403, 404);
        assertThat(teacher.post("/api/v1/stocktakes/" + id + "/scans", "{\"code\":\"X\"}").status()).isIn(403, 404);
        assertThat(teacher.get("/api/v1/audits/due").status()).isIn(403, 404);
        assertThat(Api.anonymous(port).get("/api/v1/stocktakes").status()).isEqualTo(401);
    }
}
