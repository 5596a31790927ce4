package be.coordinaat.maintenance;

import static be.coordinaat.maintenance.MaintenanceTestData.asset;
import static be.coordinaat.maintenance.MaintenanceTestData.plan;
import static be.coordinaat.maintenance.MaintenanceTestData.room;
import static be.coordinaat.maintenance.MaintenanceTestData.roomPlan;
import static be.coordinaat.maintenance.MaintenanceTestData.unique;
import static be.coordinaat.maintenance.MaintenanceTestData.userId;
import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import be.coordinaat.shared.web.Formats;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The whole flow through the API: a plan for the projectors of a room becomes due, is carried out with one failed
 * check, writes each asset's maintenance log, publishes MaintenanceCheckFailed in the same transaction and moves the
 * plan's next due date on; everything is in the history.
 */
@IntegrationTest
class MaintenanceFlowIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired ConfigurableApplicationContext context;
    MaintenanceTestData.FailedChecks failed;

    @BeforeEach
    void listen() {
        failed = new MaintenanceTestData.FailedChecks();
        context.addApplicationListener(failed);
    }

    @AfterEach
    void stopListening() {
        context.removeApplicationListener(failed);
    }

    @Test
    void planDueDoneWithOneFailedCheckWritesTheLogsPublishesTheEventAndMovesTheDueDateOn() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long school = Demo.regenboog(jdbc);
        long room = room(jdbc, school);
        long projector1 = asset(coordinator, school, "PROJECTOR", room);
        long projector2 = asset(coordinator, school, "PROJECTOR", room);
        LocalDate today = LocalDate.now(Formats.ZONE);
        LocalDate start = today.minusDays(10);
        String name = unique("Projectorfilters reinigen");
        long plan = plan(coordinator, roomPlan(school, room, name, start, null, "Filter reinigen", "Lamp controleren"));

        JsonNode view = coordinator.get("/api/v1/maintenance/plans/" + plan).json();
        assertThat(view.get("nextDue").asString()).isEqualTo(start.toString());
        assertThat(view.get("overdue").asBoolean()).isTrue();
        var due = coordinator.get("/api/v1/maintenance/due?school=" + school + "&size=200").json();
        assertThat(ids(due.get("items"))).contains(plan);
        assertThat(ids(coordinator.get("/api/v1/maintenance/plans/" + plan + "/targets").json())).containsExactlyInAnyOrder(projector1, projector2);

        var opened = coordinator.post("/api/v1/maintenance/plans/" + plan + "/occurrences", "");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        long occurrence = opened.json().get("id").asLong();
        JsonNode targets = opened.json().get("targets");
        assertThat(targets).hasSize(2);
        long target1 = targetOf(targets, projector1);
        long target2 = targetOf(targets, projector2);
        // opening again returns the open one
        assertThat(coordinator.post("/api/v1/maintenance/plans/" + plan + "/occurrences", "").json().get("id").asLong())
                .isEqualTo(occurrence);

        // partly recorded; completing now is refused and names what is missing
        var partial = coordinator.put("/api/v1/maintenance/occurrences/" + occurrence + "/results",
                Api.json(Map.of("results", List.of(result(target1, 0, "DONE", null), result(target1, 1, "FAILED", "Lamp flikkert")))));
        assertThat(partial.status()).as(partial.toString()).isEqualTo(200);
        var refused = coordinator.post("/api/v1/maintenance/occurrences/" + occurrence + "/complete", "{}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("results");
        assertThat(failed.of(plan)).as("nothing is published by a refused completion").isEmpty();

        var done = coordinator.post("/api/v1/maintenance/occurrences/" + occurrence + "/complete",
                Api.json(Map.of("results", List.of(result(target2, 0, "DONE", null), result(target2, 1, "DONE", null)),
                        "note", "Alles nagekeken")));
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.json().get("status").asString()).isEqualTo("COMPLETED");

        // the event, once, with everything the helpdesk needs
        assertThat(failed.of(plan)).hasSize(1);
        MaintenanceCheckFailed event = failed.of(plan).get(0);
        assertThat(event.schoolId()).isEqualTo(school);
        assertThat(event.occurrenceId()).isEqualTo(occurrence);
        assertThat(event.assetId()).isEqualTo(projector1);
        assertThat(event.roomId()).isEqualTo(room);
        assertThat(event.planName()).isEqualTo(name);
        assertThat(event.checkItem()).isEqualTo("Lamp controleren");
        assertThat(event.note()).isEqualTo("Lamp flikkert");
        assertThat(event.actorUserId()).isEqualTo(userId(jdbc, "coordinator"));

        // the maintenance log of each asset
        JsonNode log1 = coordinator.get("/api/v1/maintenance/logs?assetId=" + projector1).json().get("items");
        assertThat(log1).hasSize(1);
        assertThat(log1.get(0).get("kind").asString()).isEqualTo("PREVENTIVE");
        assertThat(log1.get(0).get("outcome").asString()).isEqualTo("FAILED");
        assertThat(log1.get(0).get("summary").asString()).contains("Lamp controleren", "Lamp flikkert");
        assertThat(log1.get(0).get("performedOn").asString()).isEqualTo(today.toString());
        JsonNode log2 = coordinator.get("/api/v1/maintenance/logs?assetId=" + projector2).json().get("items");
        assertThat(log2.get(0).get("outcome").asString()).isEqualTo("OK");

        // the plan moved on: three months after the due date (done late: the first date after today)
        JsonNode after = coordinator.get("/api/v1/maintenance/plans/" + plan).json();
        assertThat(after.get("nextDue").asString()).isEqualTo(start.plusMonths(3).toString());
        assertThat(after.get("lastDoneOn").asString()).isEqualTo(today.toString());
        assertThat(after.get("overdue").asBoolean()).isFalse();
        assertThat(after.get("openOccurrenceId").isNull()).isTrue();

        // completed once only
        assertThat(coordinator.post("/api/v1/maintenance/occurrences/" + occurrence + "/complete", "{}").status()).isEqualTo(409);
        assertThat(failed.of(plan)).hasSize(1);

        // the history of plan, occurrence and logs
        assertThat(historyCount("maintenance_plan", plan)).isGreaterThanOrEqualTo(2);
        assertThat(historyCount("maintenance_occurrence", occurrence)).isGreaterThanOrEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM history_entry h JOIN maintenance_log l ON l.id = h.record_id"
                + " WHERE h.record_type = 'maintenance_log' AND l.occurrence_id = ?").param(occurrence).query(Long.class).single())
                .isEqualTo(2);
        var occurrences = coordinator.get("/api/v1/maintenance/plans/" + plan + "/occurrences").json();
        assertThat(occurrences.get(0).get("failed").asInt()).isEqualTo(1);
        assertThat(occurrences.get(0).get("done").asInt()).isEqualTo(3);
    }

    @Test
    void aRoomWithoutDevicesIsTickedOffAsAWholeAndAFailureCarriesTheRoom() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long school = Demo.regenboog(jdbc);
        long room = room(jdbc, school);
        long plan = plan(coordinator, roomPlan(school, room, unique("Bekabeling nakijken"), LocalDate.now(Formats.ZONE), null,
                "Kabelgoten dicht"));
        var opened = coordinator.post("/api/v1/maintenance/plans/" + plan + "/occurrences", "").json();
        JsonNode target = opened.get("targets").get(0);
        assertThat(opened.get("targets")).hasSize(1);
        assertThat(target.get("assetId").isNull()).isTrue();
        var done = coordinator.post("/api/v1/maintenance/occurrences/" + opened.get("id").asLong() + "/complete",
                Api.json(Map.of("results", List.of(result(target.get("id").asLong(), 0, "FAILED", "Goot los")))));
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(failed.of(plan)).singleElement().satisfies(e -> {
            assertThat(e.assetId()).isNull();
            assertThat(e.roomId()).isEqualTo(room);
        });
    }

    @Test
    void adHocRepairsAreLoggedWithCostAndSupplierAndOnlyTheyCanBeDeleted() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long school = Demo.regenboog(jdbc);
        long asset = asset(coordinator, school, "PRINTER", null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("performedOn", LocalDate.now(Formats.ZONE).minusDays(1).toString());
        body.put("summary", "Toetsenbord vervangen");
        body.put("supplier", "Bechtle");
        body.put("cost", "49.95");
        var created = coordinator.post("/api/v1/maintenance/assets/" + asset + "/logs", Api.json(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("kind").asString()).isEqualTo("CORRECTIVE");
        assertThat(created.json().get("cost").decimalValue()).isEqualByComparingTo("49.95");
        assertThat(created.json().get("performedBy").asString()).isEqualTo("Koen Coördinator");
        long id = created.json().get("id").asLong();
        assertThat(historyCount("maintenance_log", id)).isEqualTo(1);

        body.put("cost", "-1");
        body.put("performedOn", LocalDate.now(Formats.ZONE).plusDays(3).toString());
        var bad = coordinator.post("/api/v1/maintenance/assets/" + asset + "/logs", Api.json(body));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad.json())).contains("cost", "performedOn");

        assertThat(coordinator.delete("/api/v1/maintenance/logs/" + id).status()).isEqualTo(204);
        assertThat(coordinator.get("/api/v1/maintenance/logs/" + id).status()).isEqualTo(404);
        long preventive = jdbc.sql("SELECT min(l.id) FROM maintenance_log l WHERE l.kind = 'PREVENTIVE' AND l.school_id = ?")
                .param(school).query(Long.class).single();
        assertThat(coordinator.delete("/api/v1/maintenance/logs/" + preventive).status()).isEqualTo(409);
    }

    @Test
    void aSchoolYearPlanRollsOverToTheSameDayNextYearAndPausedPlansAreNeverDue() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long school = Demo.regenboog(jdbc);
        LocalDate today = LocalDate.now(Formats.ZONE);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schoolId", school);
        body.put("name", unique("Chromebooks updaten en nakijken"));
        body.put("targetType", "KIND");
        body.put("targetKind", "CHROMEBOOK");
        body.put("recurrence", "SCHOOL_YEAR");
        body.put("month", 8);
        body.put("day", 15);
        body.put("startDate", today.minusYears(1).toString());
        body.put("checklist", List.of("ChromeOS bijwerken"));
        long plan = plan(coordinator, body);
        LocalDate first = LocalDate.of(today.minusYears(1).getYear(), 8, 15);
        if (first.isBefore(today.minusYears(1))) {
            first = first.plusYears(1);
        }
        JsonNode view = coordinator.get("/api/v1/maintenance/plans/" + plan).json();
        assertThat(view.get("nextDue").asString()).isEqualTo(first.toString());
        long occurrence = coordinator.post("/api/v1/maintenance/plans/" + plan + "/occurrences", "").json().get("id").asLong();
        JsonNode oc = coordinator.get("/api/v1/maintenance/occurrences/" + occurrence).json();
        List<Map<String, Object>> results = new ArrayList<>();
        oc.get("targets").forEach(t -> results.add(result(t.get("id").asLong(), 0, "DONE", null)));
        var done = coordinator.post("/api/v1/maintenance/occurrences/" + occurrence + "/complete",
                Api.json(Map.of("results", results)));
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        LocalDate next = LocalDate.of(today.getYear(), 8, 15);
        if (!next.isAfter(today)) {
            next = next.plusYears(1);
        }
        assertThat(coordinator.get("/api/v1/maintenance/plans/" + plan).json().get("nextDue").asString()).isEqualTo(next.toString());

        body.put("active", false);
        body.put("version", coordinator.get("/api/v1/maintenance/plans/" + plan).json().get("version").asInt());
        assertThat(coordinator.put("/api/v1/maintenance/plans/" + plan, Api.json(body)).status()).isEqualTo(200);
        var due = coordinator.get("/api/v1/maintenance/due?school=" + school + "&days=366&size=200").json();
        assertThat(ids(due.get("items"))).doesNotContain(plan);
        assertThat(coordinator.post("/api/v1/maintenance/plans/" + plan + "/occurrences", "").status()).isEqualTo(409);
        // a stale version is a conflict
        assertThat(coordinator.put("/api/v1/maintenance/plans/" + plan, Api.json(body)).status()).isEqualTo(409);
    }

    static Map<String, Object> result(long target, int item, String outcome, String note) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("targetId", target);
        m.put("item", item);
        m.put("outcome", outcome);
        m.put("note", note);
        return m;
    }

    static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.get("id").asLong()));
        return ids;
    }

    static List<String> fields(JsonNode problem) {
        List<String> f = new ArrayList<>();
        problem.get("errors").forEach(e -> f.add(e.get("field").asString()));
        return f;
    }

    private static long targetOf(JsonNode targets, long asset) {
        for (JsonNode t : targets) {
            if (t.get("assetId").asLong() == asset) {
                return t.get("id").asLong();
            }
        }
        throw new AssertionError("no target for asset " + asset);
    }

    private long historyCount(String type, long id) {
        return jdbc.sql("SELECT count(*) FROM history_entry WHERE record_type = ? AND record_id = ?").params(type, id)
                .query(Long.class).single();
    }
}
