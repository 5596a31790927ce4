package be.coordinaat.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** SLA due times in business hours (the calendar module), the pause while waiting, and the configuration API. */
@IntegrationTest
class SlaAndSettingsIT {

    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Tickets tickets;

    @Test
    void dueTimesCountBusinessHoursOnly() {
        long a = Demo.regenboog(jdbc);
        long board = jdbc.sql("SELECT board_id FROM school WHERE id = ?").param(a).query(Long.class).single();
        // a Saturday at noon in a term week (no holiday): P1's first hour of response falls on Monday morning
        LocalDate saturday = LocalDate.of(2026, 10, 10).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        Instant start = saturday.atTime(LocalTime.NOON).atZone(BRUSSELS).toInstant();
        Instant[] due = tickets.dueTimes(board, a, 1, start);
        assertThat(due[0]).isAfter(start);
        assertThat(due[0].atZone(BRUSSELS).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(due[1]).isAfter(due[0]);
    }

    @Test
    void slaPausesWhileWaitingForTheRequesterAndSchoolTargetsOverrideTheBoard() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        var created = coordinator.post("/api/v1/tickets", "{\"schoolId\":" + a + ",\"title\":\"SLA " + UUID.randomUUID()
                + "\",\"description\":\"x\",\"impact\":\"HIGH\",\"urgency\":\"HIGH\"}").json();
        long id = created.get("id").asLong();
        Instant due = Instant.parse(created.get("resolutionDueAt").asString());
        coordinator.put("/api/v1/tickets/" + id + "/status", "{\"status\":\"WAITING_REQUESTER\"}");
        JsonNode waiting = coordinator.get("/api/v1/tickets/" + id).json();
        assertThat(waiting.get("resolutionSla").asString()).isEqualTo("PAUSED");
        coordinator.put("/api/v1/tickets/" + id + "/status", "{\"status\":\"IN_PROGRESS\"}");
        JsonNode back = coordinator.get("/api/v1/tickets/" + id).json();
        assertThat(back.get("slaPausedAt").isNull()).isTrue();
        assertThat(Instant.parse(back.get("resolutionDueAt").asString())).isAfterOrEqualTo(due);

        // a school's own target for P1, then a new ticket gets it; bad targets are field errors
        var set = coordinator.put("/api/v1/helpdesk/sla-targets", "{\"schoolId\":" + a
                + ",\"priority\":2,\"responseMinutes\":30,\"resolutionMinutes\":600}");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        var bad = coordinator.put("/api/v1/helpdesk/sla-targets", "{\"schoolId\":" + a
                + ",\"priority\":2,\"responseMinutes\":600,\"resolutionMinutes\":30}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("resolutionMinutes");
        assertThat(coordinator.put("/api/v1/helpdesk/sla-targets", "{\"priority\":2,\"responseMinutes\":30,\"resolutionMinutes\":600}")
                .status()).as("board default by a coordinator").isEqualTo(403);
        assertThat(coordinator.put("/api/v1/helpdesk/sla-targets", "{\"schoolId\":" + Demo.atheneum(jdbc)
                + ",\"priority\":2,\"responseMinutes\":30,\"resolutionMinutes\":600}").status()).isIn(400, 403, 404);
        assertThat(Api.as("teacher", port, jdbc).put("/api/v1/helpdesk/sla-targets", "{\"schoolId\":" + a
                + ",\"priority\":2,\"responseMinutes\":30,\"resolutionMinutes\":600}").status()).isEqualTo(403);
        // breaches show up in the overdue list
        jdbc.sql("UPDATE ticket SET resolution_due_at = now() - interval '1 hour' WHERE id = ?").param(id).update();
        JsonNode overdue = coordinator.get("/api/v1/tickets?overdue=true&size=200").json();
        assertThat(overdue.get("items").toString()).contains("\"id\":" + id);
        assertThat(coordinator.get("/api/v1/tickets/" + id).json().get("resolutionSla").asString()).isEqualTo("BREACHED");
    }

    @Test
    void categoriesAndCannedRepliesPerSchool() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        Api admin = Api.as("admin", port, jdbc);
        long a = Demo.regenboog(jdbc);
        long b = Demo.atheneum(jdbc);
        long parent = jdbc.sql("SELECT id FROM ticket_category WHERE name = 'Hardware' AND school_id IS NULL").query(Long.class).single();
        String name = "Digibord " + UUID.randomUUID().toString().substring(0, 6);
        var created = coordinator.post("/api/v1/helpdesk/categories", "{\"schoolId\":" + a + ",\"parentId\":" + parent
                + ",\"name\":\"" + name + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("path").asString()).isEqualTo("Hardware › " + name);
        long cat = created.json().get("id").asLong();
        assertThat(coordinator.post("/api/v1/helpdesk/categories", "{\"schoolId\":" + a + ",\"parentId\":" + parent
                + ",\"name\":\"" + name + "\"}").status()).isEqualTo(400);
        assertThat(coordinator.post("/api/v1/helpdesk/categories", "{\"name\":\"Bord\"}").status()).isEqualTo(403);
        // school B's tickets cannot use school A's category
        var other = admin.post("/api/v1/tickets", "{\"schoolId\":" + b + ",\"title\":\"x\",\"description\":\"y\",\"categoryId\":" + cat + "}");
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.body()).contains("categoryId");
        // the filter includes sub-categories
        var t = coordinator.post("/api/v1/tickets", "{\"schoolId\":" + a + ",\"title\":\"Bord hangt\",\"description\":\"y\",\"categoryId\":" + cat + "}");
        assertThat(coordinator.get("/api/v1/tickets?category=" + parent + "&size=200").body()).contains("\"id\":" + t.json().get("id").asLong());
        assertThat(coordinator.get("/api/v1/helpdesk/categories?school=" + b).status()).isEqualTo(404);
        var canned = coordinator.post("/api/v1/helpdesk/canned-replies", "{\"schoolId\":" + a + ",\"title\":\"Herstart\",\"body\":\"Probeer eerst te herstarten.\"}");
        assertThat(canned.status()).isEqualTo(201);
        assertThat(coordinator.get("/api/v1/helpdesk/canned-replies?school=" + a).body()).contains("Probeer eerst te herstarten.");
        assertThat(admin.get("/api/v1/helpdesk/canned-replies?school=" + b).body()).doesNotContain("Probeer eerst te herstarten.");
    }
}
