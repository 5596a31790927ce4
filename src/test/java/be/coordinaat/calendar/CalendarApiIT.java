package be.coordinaat.calendar;

import static be.coordinaat.calendar.CalendarTestData.assertField;
import static be.coordinaat.calendar.CalendarTestData.closure;
import static be.coordinaat.calendar.CalendarTestData.freshSchool;
import static be.coordinaat.calendar.CalendarTestData.hours;
import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The calendar API: hours, closures, the Flemish holidays, field errors, versions and history. */
@IntegrationTest
class CalendarApiIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void hoursAreSetWithSplitDaysAndKeptInTheHistory() {
        Api admin = Api.as("admin", port, jdbc);
        long school = freshSchool(admin, jdbc);
        String path = "/api/v1/schools/" + school + "/calendar";
        int version = admin.get(path).json().get("version").asInt();
        var put = admin.put(path, Api.json(hours(true, true, "Europe/Brussels", "08:30-12:00, 13:00-16:00",
                "13:00-16:00;08:30-12:00", "08:30-12:00", "", null, null, "00:00-24:00")));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        JsonNode week = put.json().get("week");
        assertThat(week.get(0).get("text").asString()).isEqualTo("08:30-12:00, 13:00-16:00");
        assertThat(week.get(1).get("text").asString()).as("sorted").isEqualTo("08:30-12:00, 13:00-16:00");
        assertThat(week.get(2).get("spans")).hasSize(1);
        assertThat(week.get(3).get("spans")).isEmpty();
        assertThat(week.get(6).get("spans").get(0).get("closes").asString()).isEqualTo("24:00");
        assertThat(put.json().get("weekMinutes").asInt()).isEqualTo(2 * 390 + 210 + 1440);
        assertThat(put.json().get("ownZone").asString()).isEqualTo("Europe/Brussels");

        // the version read is required to match
        var stale = admin.put(path, Api.json(withVersion(hours(false, true, null), version)));
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(stale.contentType()).startsWith("application/problem+json");

        var history = jdbc.sql("SELECT action, changes::text FROM history_entry WHERE record_type = 'school-calendar' AND record_id = ? ORDER BY id")
                .param(school).query((rs, n) -> rs.getString(1) + "|" + rs.getString(2)).list();
        assertThat(history).hasSize(1);
        assertThat(history.get(0)).startsWith("UPDATED|").contains("ownHours").contains("08:30-12:00, 13:00-16:00");

        // following the board again keeps the own hours stored for later, but shows the board's
        var back = admin.put(path, Api.json(hours(false, true, "")));
        assertThat(back.json().get("ownHours").asBoolean()).isFalse();
        assertThat(back.json().get("week")).isEqualTo(admin.get("/api/v1/board/calendar").json().get("week"));
        assertThat(back.json().get("ownZone").isNull()).isTrue();
    }

    private static Map<String, Object> withVersion(Map<String, Object> body, int version) {
        body.put("version", version);
        return body;
    }

    @Test
    void badHoursGetFieldErrorsAndStoreNothing() {
        Api admin = Api.as("admin", port, jdbc);
        long school = freshSchool(admin, jdbc);
        String path = "/api/v1/schools/" + school + "/calendar";
        assertField(admin.put(path, Api.json(hours(true, true, null, "8-12"))), "monday");
        assertField(admin.put(path, Api.json(hours(true, true, null, null, "12:00-08:00"))), "tuesday");
        assertField(admin.put(path, Api.json(hours(true, true, null, null, null, "08:00-12:00, 11:00-13:00"))), "wednesday");
        assertField(admin.put(path, Api.json(hours(true, true, null, null, null, null, "25:00-26:00"))), "thursday");
        assertField(admin.put(path, Api.json(hours(true, true, null, null, null, null, null, "24:00-24:00"))), "friday");
        assertField(admin.put(path, Api.json(hours(true, true, null, null, null, null, null, null, "08:00-09:60"))), "saturday");
        assertField(admin.put(path, Api.json(hours(true, true, null, null, null, null, null, null, null,
                "01:00-02:00,03:00-04:00,05:00-06:00,07:00-08:00,09:00-10:00,11:00-12:00,13:00-14:00"))), "sunday");
        assertField(admin.put(path, Api.json(hours(true, true, "Mars/Olympus_Mons"))), "zoneId");
        var many = admin.put(path, Api.json(hours(true, true, "nowhere", "x", "y")));
        assertThat(many.json().get("errors").findValuesAsString("field")).contains("zoneId", "monday", "tuesday");
        var unknown = admin.put(path, "{\"monday\":\"08:00-12:00\",\"tuesdy\":\"x\"}");
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        var nul = admin.put(path, "{\"monday\":\"08:00-12:00\\u0000\"}");
        assertThat(nul.status()).as(nul.toString()).isEqualTo(400);
        // the days of a school that follows the board's hours are ignored
        var ignored = admin.put(path, Api.json(hours(false, true, null, "whatever")));
        assertThat(ignored.status()).as(ignored.toString()).isEqualTo(200);
        jdbc.sql("DELETE FROM calendar WHERE school_id = ?").param(school).update();
        var broken = admin.put(path, "{\"monday\":");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM calendar WHERE school_id = ?").param(school).query(Long.class).single())
                .as("nothing stored").isZero();
    }

    @Test
    void closuresAreAddedChangedAndDeletedWithOverlapsShown() {
        Api admin = Api.as("admin", port, jdbc);
        long school = freshSchool(admin, jdbc);
        String path = "/api/v1/schools/" + school + "/calendar/closures";
        var created = admin.post(path, Api.json(closure("Pedagogische studiedag", "STUDY_DAY", "2026-10-14", null)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("lastDay").asString()).isEqualTo("2026-10-14");
        assertThat(created.json().get("days").asInt()).isEqualTo(1);
        var second = admin.post(path, Api.json(closure("Sportdag en studiedag", "OTHER", "2026-10-13", "2026-10-15")));
        long secondId = second.json().get("id").asLong();

        JsonNode list = admin.get(path + "?from=2026-10-01&to=2026-10-31").json();
        JsonNode own = ownItems(list, id, secondId);
        assertThat(own).hasSize(2);
        own.forEach(c -> assertThat(c.get("overlaps").asBoolean()).as(c.toString()).isTrue());

        var updated = admin.put(path + "/" + id, Api.json(Map.of("name", "Studiedag", "kind", "STUDY_DAY",
                "firstDay", "2026-10-21", "version", created.json().get("version").asInt())));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("overlaps").asBoolean()).isFalse();
        var stale = admin.put(path + "/" + id, Api.json(Map.of("name", "Oud", "kind", "STUDY_DAY", "firstDay", "2026-10-21",
                "version", created.json().get("version").asInt())));
        assertThat(stale.status()).isEqualTo(409);

        assertThat(admin.delete(path + "/" + secondId).status()).isEqualTo(204);
        assertThat(admin.get(path + "/" + secondId).status()).isEqualTo(404);

        var history = jdbc.sql("SELECT action FROM history_entry WHERE record_type = 'school-calendar' AND record_id = ? ORDER BY id")
                .param(school).query(String.class).list();
        assertThat(history).containsExactly("CREATED", "CREATED", "UPDATED", "DELETED");
    }

    private static JsonNode ownItems(JsonNode page, long... ids) {
        var out = tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        List<Long> wanted = java.util.Arrays.stream(ids).boxed().toList();
        page.get("items").forEach(c -> {
            if (wanted.contains(c.get("id").asLong())) {
                out.add(c);
            }
        });
        return out;
    }

    @Test
    void badClosuresGetFieldErrors() {
        Api admin = Api.as("admin", port, jdbc);
        long school = freshSchool(admin, jdbc);
        String path = "/api/v1/schools/" + school + "/calendar/closures";
        long before = CalendarTestData.count(jdbc, "calendar_closure");
        assertField(admin.post(path, Api.json(closure("Omgekeerd", "OTHER", "2026-10-14", "2026-10-13"))), "lastDay");
        assertField(admin.post(path, Api.json(closure("Te lang", "OTHER", "2026-01-01", "2027-06-01"))), "lastDay");
        assertField(admin.post(path, Api.json(closure(" ", "OTHER", "2026-10-14", null))), "name");
        assertField(admin.post(path, Api.json(closure("Geen dag", "OTHER", null, null))), "firstDay");
        assertField(admin.post(path, Api.json(closure("Oud", "OTHER", "1800-01-01", null))), "firstDay");
        assertField(admin.post(path, Api.json(closure("x".repeat(151), "OTHER", "2026-10-14", null))), "name");
        assertThat(admin.post(path, Api.json(closure("Soort", "FEEST", "2026-10-14", null))).status()).isEqualTo(400);
        assertThat(admin.post(path, Api.json(closure("Datum", "OTHER", "14/10/2026", null))).status()).isEqualTo(400);
        assertThat(admin.post(path, "{\"name\":\"x\",\"kind\":\"OTHER\",\"firstDay\":\"2026-10-14\",\"colour\":\"red\"}").status())
                .isEqualTo(400);
        assertThat(CalendarTestData.count(jdbc, "calendar_closure")).isEqualTo(before);
    }

    @Test
    void theFlemishHolidaysOfASchoolYearAreAddedOnce() {
        Api admin = Api.as("admin", port, jdbc);
        long school = freshSchool(admin, jdbc);
        String path = "/api/v1/schools/" + school + "/calendar/holidays";
        // while the school follows the board's closures (the demo board has 2026-2027), nothing is added twice
        var followed = admin.post(path, "{\"schoolYear\":\"2026-2027\"}");
        assertThat(followed.status()).as(followed.toString()).isEqualTo(200);
        assertThat(followed.json().get("added").asInt()).isZero();
        assertThat(followed.json().get("alreadyPresent").asInt()).isEqualTo(10);
        // a school that does not follow the board's closures gets its own
        admin.put("/api/v1/schools/" + school + "/calendar", Api.json(hours(false, false, null)));
        var first = admin.post(path, "{\"schoolYear\":\"2026-2027\"}");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().get("added").asInt()).isEqualTo(10);
        assertThat(first.json().get("closures").findValuesAsString("name")).contains("Herfstvakantie", "Zomervakantie");
        var again = admin.post(path, "{\"schoolYear\":\"2026-2027\"}");
        assertThat(again.json().get("added").asInt()).isZero();
        assertThat(again.json().get("alreadyPresent").asInt()).isEqualTo(10);
        assertThat(jdbc.sql("SELECT count(*) FROM calendar_closure WHERE school_id = ? AND generated").param(school)
                .query(Long.class).single()).isEqualTo(10);
        // following the board again, the school sees them twice (its own and the board's): they are flagged
        admin.put("/api/v1/schools/" + school + "/calendar", Api.json(hours(false, true, null)));
        JsonNode list = admin.get("/api/v1/schools/" + school + "/calendar/closures?from=2026-11-02&to=2026-11-02").json();
        assertThat(list.get("total").asInt()).isEqualTo(2);
        list.get("items").forEach(c -> assertThat(c.get("overlaps").asBoolean()).isTrue());

        assertField(admin.post(path, "{\"schoolYear\":\"2026\"}"), "schoolYear");
        assertField(admin.post(path, "{\"schoolYear\":\"2026-2028\"}"), "schoolYear");
        assertField(admin.post(path, "{\"schoolYear\":\"\"}"), "schoolYear");
        assertField(admin.post(path, "{\"schoolYear\":\"9999-10000\"}"), "schoolYear");
        assertThat(jdbc.sql("SELECT count(*) FROM history_entry WHERE record_type = 'school-calendar' AND record_id = ?"
                + " AND action = 'CREATED'").param(school).query(Long.class).single()).isEqualTo(10);
    }

    @Test
    void theBoardAdminKeepsTheBoardDefault() {
        Api admin = Api.as("admin", port, jdbc);
        JsonNode board = admin.get("/api/v1/board/calendar").json();
        assertThat(board.get("schoolId").isNull()).isTrue();
        // the same hours again (other tests rely on the demo hours)
        String[] days = new String[7];
        for (int i = 0; i < 7; i++) {
            days[i] = board.get("week").get(i).get("text").asString();
        }
        var put = admin.put("/api/v1/board/calendar", Api.json(hours(null, null, board.get("zoneId").asString(), days)));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.json().get("week")).isEqualTo(board.get("week"));
        assertField(admin.put("/api/v1/board/calendar", Api.json(hours(null, null, null, "8 tot 12"))), "monday");

        // a board closure far ahead, then gone
        var created = admin.post("/api/v1/board/calendar/closures", Api.json(closure("Jubileum", "OTHER", "2150-05-04", null)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("schoolId").isNull()).isTrue();
        // a school sees it as inherited, but cannot change it through the school's path
        long school = freshSchool(admin, jdbc);
        JsonNode seen = admin.get("/api/v1/schools/" + school + "/calendar/closures?from=2150-05-04&to=2150-05-04").json();
        assertThat(seen.get("items").get(0).get("inherited").asBoolean()).isTrue();
        assertThat(admin.get("/api/v1/schools/" + school + "/calendar/closures/" + id).status()).isEqualTo(404);
        assertThat(admin.delete("/api/v1/schools/" + school + "/calendar/closures/" + id).status()).isEqualTo(404);
        assertThat(admin.delete("/api/v1/board/calendar/closures/" + id).status()).isEqualTo(204);
        assertThat(jdbc.sql("SELECT count(*) FROM history_entry WHERE record_type = 'board-calendar' AND label LIKE 'Jubileum%'")
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void theClosuresAsAnICalendarFile() {
        Api admin = Api.as("admin", port, jdbc);
        long school = freshSchool(admin, jdbc);
        admin.put("/api/v1/schools/" + school + "/calendar", Api.json(hours(false, false, null)));
        String name = "Sportdag, studiedag; en \\ " + "é".repeat(40);
        admin.post("/api/v1/schools/" + school + "/calendar/closures",
                Api.json(closure(name, "OTHER", "2099-10-13", "2099-10-15")));
        var ics = admin.get("/api/v1/schools/" + school + "/calendar/closures.ics");
        assertThat(ics.status()).as(ics.toString()).isEqualTo(200);
        assertThat(ics.contentType()).startsWith("text/calendar");
        String body = ics.body();
        assertThat(body).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(body).contains("DTSTART;VALUE=DATE:20991013\r\n", "DTEND;VALUE=DATE:20991016\r\n");
        for (String line : body.split("\r\n")) {
            assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        String unfolded = body.replace("\r\n ", "");
        assertThat(unfolded).contains("SUMMARY:Sportdag\\, studiedag\\; en \\\\ " + "é".repeat(40) + "\r\n");
        assertThat(Api.as("coordinator", port, jdbc).get("/api/v1/schools/" + school + "/calendar/closures.ics").status())
                .as("a school the coordinator has no role in").isEqualTo(404);
        assertThat(admin.get("/api/v1/board/calendar/closures.ics").body()).contains("SUMMARY:Kerstvakantie");
    }

    @Test
    void theClockStateAndTheOpenApi() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = be.coordinaat.support.Demo.regenboog(jdbc);
        var clock = coordinator.get("/api/v1/schools/" + a + "/calendar/clock");
        assertThat(clock.status()).isEqualTo(200);
        assertThat(clock.json().has("openNow")).isTrue();
        assertThat(Api.anonymous(port).get("/v3/api-docs").body()).contains("/api/v1/schools/{id}/calendar");
    }
}
