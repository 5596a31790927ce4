package be.coordinaat.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Demo;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Helpers of the calendar integration tests: each test works on a school of its own where it changes things. */
final class CalendarTestData {
    private CalendarTestData() {}

    static final long GUESSED = 987654321L;

    /** A fresh primary school of the demo board, created by the board admin through the API. */
    static long freshSchool(Api admin, JdbcClient jdbc) {
        var created = admin.post("/api/v1/schools", Api.json(Map.of("name", "Kalenderschool " + System.nanoTime(),
                "institutionNumber", Demo.freshInstitutionNumber(jdbc), "level", "PRIMARY")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    /** An hours body: Monday to Sunday as given (null: closed). */
    static Map<String, Object> hours(Boolean own, Boolean boardClosures, String zone, String... days) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("zoneId", zone);
        body.put("ownHours", own);
        body.put("boardClosures", boardClosures);
        String[] names = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
        for (int i = 0; i < names.length; i++) {
            body.put(names[i], i < days.length ? days[i] : null);
        }
        return body;
    }

    static Map<String, Object> closure(String name, String kind, String first, String last) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("kind", kind);
        body.put("firstDay", first);
        body.put("lastDay", last);
        return body;
    }

    static void assertField(Api.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsString("field")).as(response.toString()).contains(field);
    }

    static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
