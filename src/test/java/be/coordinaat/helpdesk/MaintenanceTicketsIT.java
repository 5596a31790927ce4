package be.coordinaat.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.shared.web.Formats;
import be.coordinaat.support.Api;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A maintenance occurrence completed through the maintenance API with failed checks opens exactly one incident per
 * failed check and asset, in the plan's school, on the asset and its room, reported by the account that did the
 * check; a check that passed opens none.
 */
@IntegrationTest
class MaintenanceTicketsIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void everyFailedCheckOpensOneTicketOnItsAssetInTheSameSchool() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long school = Demo.regenboog(jdbc);
        long room = jdbc.sql("INSERT INTO room (school_id, building_id, name, code) VALUES (?, ?, ?, 'T') RETURNING id")
                .params(school, Demo.buildingOf(jdbc, school), "Testlokaal " + System.nanoTime()).query(Long.class).single();
        long projector1 = asset(coordinator, school, room);
        long projector2 = asset(coordinator, school, room);
        String name = "Projectoren nakijken " + System.nanoTime();
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("schoolId", school);
        plan.put("name", name);
        plan.put("targetType", "ROOM");
        plan.put("targetRoomId", room);
        plan.put("recurrence", "MONTHS");
        plan.put("every", 3);
        plan.put("startDate", LocalDate.now(Formats.ZONE).minusDays(3).toString());
        plan.put("estimatedMinutes", 20);
        plan.put("checklist", List.of("Filter reinigen", "Lamp controleren"));
        var created = coordinator.post("/api/v1/maintenance/plans", Api.json(plan));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long planId = created.json().get("id").asLong();

        var opened = coordinator.post("/api/v1/maintenance/plans/" + planId + "/occurrences", "");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        long occurrence = opened.json().get("id").asLong();
        long t1 = targetOf(opened.json().get("targets"), projector1);
        long t2 = targetOf(opened.json().get("targets"), projector2);
        var done = coordinator.post("/api/v1/maintenance/occurrences/" + occurrence + "/complete", Api.json(Map.of("results", List.of(
                result(t1, 0, "DONE", null), result(t1, 1, "FAILED", "Lamp flikkert"),
                result(t2, 0, "FAILED", "Filter gescheurd"), result(t2, 1, "FAILED", null)))));
        assertThat(done.status()).as(done.toString()).isEqualTo(200);

        record Row(long school, Long asset, Long room, String title, String description, String source, String kind, Long requester) {}
        List<Row> tickets = jdbc.sql("""
                SELECT school_id, asset_id, room_id, title, description, source, kind, requester_user_id FROM ticket
                WHERE title LIKE ? ORDER BY asset_id, title""").param("Onderhoud: " + name + "%")
                .query((rs, n) -> new Row(rs.getLong(1), (Long) rs.getObject(2), (Long) rs.getObject(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), (Long) rs.getObject(8))).list();
        assertThat(tickets).hasSize(3);
        assertThat(tickets).allSatisfy(t -> {
            assertThat(t.school()).isEqualTo(school);
            assertThat(t.room()).isEqualTo(room);
            assertThat(t.source()).isEqualTo("MAINTENANCE");
            assertThat(t.kind()).isEqualTo("INCIDENT");
            assertThat(t.requester()).isEqualTo(jdbc.sql("SELECT id FROM app_user WHERE username = 'coordinator'").query(Long.class).single());
        });
        assertThat(tickets).filteredOn(t -> t.asset() == projector1).singleElement().satisfies(t -> {
            assertThat(t.title()).isEqualTo("Onderhoud: " + name + " – Lamp controleren");
            assertThat(t.description()).contains("Lamp flikkert");
        });
        assertThat(tickets).filteredOn(t -> t.asset() == projector2).extracting(Row::title).containsExactlyInAnyOrder(
                "Onderhoud: " + name + " – Filter reinigen", "Onderhoud: " + name + " – Lamp controleren");

        // the ticket is visible to the helpdesk through the API, on the asset
        long id = jdbc.sql("SELECT id FROM ticket WHERE asset_id = ? AND source = 'MAINTENANCE'").param(projector1).query(Long.class).single();
        JsonNode view = coordinator.get("/api/v1/tickets/" + id).json();
        assertThat(view.get("assetId").asLong()).isEqualTo(projector1);
        assertThat(view.get("source").asString()).isEqualTo("MAINTENANCE");
    }

    static long asset(Api api, long school, long room) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schoolId", school);
        m.put("kind", "PROJECTOR");
        m.put("status", "IN_USE");
        m.put("name", "Beamer " + System.nanoTime());
        m.put("roomId", room);
        var r = api.post("/api/v1/assets", Api.json(m));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    static Map<String, Object> result(long target, int item, String outcome, String note) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("targetId", target);
        m.put("item", item);
        m.put("outcome", outcome);
        m.put("note", note);
        return m;
    }

    static long targetOf(JsonNode targets, long asset) {
        for (JsonNode t : targets) {
            if (t.get("assetId").asLong() == asset) {
                return t.get("id").asLong();
            }
        }
        throw new AssertionError("no target for asset " + asset);
    }
}
