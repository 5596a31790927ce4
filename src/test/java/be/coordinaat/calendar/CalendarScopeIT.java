package be.coordinaat.calendar;

import static be.coordinaat.calendar.CalendarTestData.GUESSED;
import static be.coordinaat.calendar.CalendarTestData.closure;
import static be.coordinaat.calendar.CalendarTestData.hours;
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

/**
 * Scope and roles of the calendars: the coordinator of school A reads and changes A's calendar but gets 404 for
 * school B's, whatever id they try, through the API and the pages; staff, director, technician and the external ICT
 * service read but do not change; only board admins change the board default.
 */
@IntegrationTest
class CalendarScopeIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    /** A closure of school B, made by the board admin, far in the future. */
    long closureOfB() {
        var created = Api.as("admin", port, jdbc).post("/api/v1/schools/" + Demo.atheneum(jdbc) + "/calendar/closures",
                Api.json(closure("Atheneum studiedag", "STUDY_DAY", "2140-03-04", null)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    /** The school's calendar as it is, as an update body (so a permitted PUT changes nothing). */
    Map<String, Object> unchanged(Api api, long school) {
        var c = api.get("/api/v1/schools/" + school + "/calendar").json();
        String[] days = new String[7];
        for (int i = 0; i < 7; i++) {
            days[i] = c.get("week").get(i).get("text").asString();
        }
        return hours(c.get("ownHours").asBoolean(), c.get("boardClosures").asBoolean(),
                c.get("ownZone").isNull() ? null : c.get("ownZone").asString(), days);
    }

    @Test
    void coordinatorGets404ForSchoolBThroughEveryApiEndpointAlsoForGuessedIds() {
        long b = Demo.atheneum(jdbc);
        long a = Demo.regenboog(jdbc);
        long closureB = closureOfB();
        Api coordinator = Api.as("coordinator", port, jdbc);
        String body = Api.json(closure("Overgenomen", "OTHER", "2140-03-05", null));
        for (long school : new long[] {b, GUESSED}) {
            String base = "/api/v1/schools/" + school + "/calendar";
            assertThat(coordinator.get(base).status()).as(base).isEqualTo(404);
            assertThat(coordinator.put(base, Api.json(hours(true, true, null, "08:00-09:00"))).status()).isEqualTo(404);
            assertThat(coordinator.get(base + "/clock").status()).isEqualTo(404);
            assertThat(coordinator.get(base + "/closures.ics").status()).isEqualTo(404);
            assertThat(coordinator.get(base + "/closures").status()).isEqualTo(404);
            assertThat(coordinator.post(base + "/closures", body).status()).isEqualTo(404);
            assertThat(coordinator.get(base + "/closures/" + closureB).status()).isEqualTo(404);
            assertThat(coordinator.put(base + "/closures/" + closureB, body).status()).isEqualTo(404);
            assertThat(coordinator.delete(base + "/closures/" + closureB).status()).isEqualTo(404);
            var generate = coordinator.post(base + "/holidays", "{\"schoolYear\":\"2140-2141\"}");
            assertThat(generate.status()).isEqualTo(404);
            assertThat(generate.contentType()).startsWith("application/problem+json");
        }
        // school B's closure through school A's path is not found either
        String viaA = "/api/v1/schools/" + a + "/calendar/closures/" + closureB;
        assertThat(coordinator.get(viaA).status()).isEqualTo(404);
        assertThat(coordinator.put(viaA, body).status()).isEqualTo(404);
        assertThat(coordinator.delete(viaA).status()).isEqualTo(404);
        // nor through the board's
        assertThat(coordinator.get("/api/v1/board/calendar/closures/" + closureB).status()).isEqualTo(404);
        assertThat(coordinator.get("/api/v1/schools/" + a + "/calendar/closures?from=2140-03-04&to=2140-03-04")
                .json().get("total").asInt()).isZero();
        assertThat(jdbc.sql("SELECT name FROM calendar_closure WHERE id = ?").param(closureB).query(String.class).single())
                .as("unchanged").isEqualTo("Atheneum studiedag");
    }

    @Test
    void theCoordinatorChangesTheirOwnSchoolsCalendar() {
        long a = Demo.regenboog(jdbc);
        Api coordinator = Api.as("coordinator", port, jdbc);
        var put = coordinator.put("/api/v1/schools/" + a + "/calendar", Api.json(unchanged(coordinator, a)));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        var created = coordinator.post("/api/v1/schools/" + a + "/calendar/closures",
                Api.json(closure("Proefsluiting", "OTHER", "2141-01-02", null)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(coordinator.delete("/api/v1/schools/" + a + "/calendar/closures/" + created.json().get("id").asLong())
                .status()).isEqualTo(204);
        // but not the board default
        assertThat(coordinator.get("/api/v1/board/calendar").status()).isEqualTo(200);
        assertThat(coordinator.put("/api/v1/board/calendar", Api.json(hours(null, null, null, "08:00-09:00"))).status())
                .isEqualTo(403);
        assertThat(coordinator.post("/api/v1/board/calendar/closures", Api.json(closure("x", "OTHER", "2141-01-02", null)))
                .status()).isEqualTo(403);
        assertThat(coordinator.post("/api/v1/board/calendar/holidays", "{\"schoolYear\":\"2141-2142\"}").status())
                .isEqualTo(403);
    }

    @Test
    void rolesWithoutHelpdeskConfigureReadButDoNotChange() {
        long a = Demo.regenboog(jdbc);
        long b = Demo.atheneum(jdbc);
        long before = CalendarTestData.count(jdbc, "calendar_closure");
        for (String user : List.of("teacher", "director", "technician", "ictdienst", "dpo")) {
            Api api = Api.as(user, port, jdbc);
            String base = "/api/v1/schools/" + a + "/calendar";
            assertThat(api.get(base).status()).as(user).isEqualTo(200);
            assertThat(api.get(base + "/closures").status()).as(user).isEqualTo(200);
            assertThat(api.put(base, Api.json(unchanged(api, a))).status()).as(user).isEqualTo(403);
            assertThat(api.post(base + "/closures", Api.json(closure("x", "OTHER", "2141-01-02", null))).status())
                    .as(user).isEqualTo(403);
            assertThat(api.post(base + "/holidays", "{\"schoolYear\":\"2141-2142\"}").status()).as(user).isEqualTo(403);
            assertThat(api.put("/api/v1/board/calendar", Api.json(hours(null, null, null, "08:00-09:00"))).status())
                    .as(user).isEqualTo(403);
        }
        // staff of school A only: school B is not found
        assertThat(Api.as("teacher", port, jdbc).get("/api/v1/schools/" + b + "/calendar").status()).isEqualTo(404);
        assertThat(CalendarTestData.count(jdbc, "calendar_closure")).isEqualTo(before);
    }

    @Test
    void pagesAnswer404ForSchoolBAnd403ForChangesWithoutThePermission() {
        long a = Demo.regenboog(jdbc);
        long b = Demo.atheneum(jdbc);
        long closureB = closureOfB();
        Browserless coordinator = Browserless.signIn(port, "coordinator", "coordinator");
        for (long school : new long[] {b, GUESSED}) {
            String base = "/schools/" + school + "/calendar";
            for (String path : List.of(base, base + "/hours", base + "/closures/new", base + "/closures/" + closureB + "/edit",
                    base + "/closures.ics")) {
                assertThat(coordinator.get(path).status()).as(path).isEqualTo(404);
            }
            Map<String, Map<String, String>> posts = new LinkedHashMap<>();
            posts.put(base + "/hours", Map.of("monday", "08:00-09:00", "ownHours", "true"));
            posts.put(base + "/closures", Map.of("name", "x", "kind", "OTHER", "firstDay", "2140-01-01"));
            posts.put(base + "/closures/" + closureB, Map.of("name", "x", "kind", "OTHER", "firstDay", "2140-01-01"));
            posts.put(base + "/closures/" + closureB + "/delete", Map.of());
            posts.put(base + "/holidays", Map.of("schoolYear", "2140-2141"));
            posts.forEach((path, fields) -> assertThat(coordinator.post(path, fields, "/schools/" + a + "/calendar").status())
                    .as("POST " + path).isEqualTo(404));
        }
        assertThat(coordinator.get("/schools/" + a + "/calendar/closures/" + closureB + "/edit").status()).isEqualTo(404);
        assertThat(coordinator.get("/board/calendar/hours").status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM calendar_closure WHERE id = ?").param(closureB).query(Long.class).single())
                .isEqualTo(1);

        Browserless teacher = Browserless.signIn(port, "teacher", "teacher");
        var page = teacher.get("/schools/" + a + "/calendar");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().select("#week-hours tr")).hasSize(7);
        assertThat(page.document().select("#edit-hours, #new-closure, #generate")).isEmpty();
        assertThat(teacher.get("/schools/" + a + "/calendar/hours").status()).isEqualTo(403);
        assertThat(teacher.get("/schools/" + a + "/calendar/closures/new").status()).isEqualTo(403);
        assertThat(teacher.post("/schools/" + a + "/calendar/holidays", Map.of("schoolYear", "2140-2141"),
                "/schools/" + a + "/calendar").status()).isEqualTo(403);
        assertThat(teacher.get("/schools/" + b + "/calendar").status()).isEqualTo(404);
        var overview = teacher.get("/calendars");
        assertThat(overview.status()).isEqualTo(200);
        assertThat(overview.body()).doesNotContain("/schools/" + b + "/calendar");
    }
}
