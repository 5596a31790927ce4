package be.coordinaat.people;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** People and organisations of the demo board, and request bodies in domain terms. */
final class PeopleTestData {
    private PeopleTestData() {}

    /** The id of a demo person by name. */
    static long person(JdbcClient jdbc, String firstName, String lastName) {
        return jdbc.sql("SELECT id FROM person WHERE first_name = ? AND last_name = ? ORDER BY id LIMIT 1")
                .params(firstName, lastName).query(Long.class).single();
    }

    /** The id of a demo organisation by name. */
    static long organisation(JdbcClient jdbc, String name) {
        return jdbc.sql("SELECT id FROM organisation WHERE name = ? ORDER BY id LIMIT 1").param(name).query(Long.class).single();
    }

    static long contactOf(JdbcClient jdbc, long organisationId) {
        return jdbc.sql("SELECT min(id) FROM contact WHERE organisation_id = ?").param(organisationId).query(Long.class).single();
    }

    static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    /** "ACTION|changes" of a record's history, oldest first. */
    static List<String> history(JdbcClient jdbc, String type, long id) {
        return jdbc.sql("SELECT action, actor_name, changes::text FROM history_entry WHERE record_type = ? AND record_id = ? ORDER BY id")
                .params(type, id).query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3)).list();
    }

    static Map<String, Object> staff(String first, String last, Long... schoolIds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "STAFF");
        m.put("firstName", first);
        m.put("lastName", last);
        m.put("email", "test@example.org");
        m.put("phone", "051 99 99 99");
        m.put("functionTitle", "Leerkracht");
        m.put("schoolIds", List.of(schoolIds));
        return m;
    }

    static Map<String, Object> pupil(String first, String last, String className, Long... schoolIds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "PUPIL");
        m.put("firstName", first);
        m.put("lastName", last);
        m.put("className", className);
        m.put("schoolIds", List.of(schoolIds));
        return m;
    }

    static Map<String, Object> organisation(String name, String kind, Long... schoolIds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("kind", kind);
        m.put("email", "info@example.org");
        m.put("website", "https://example.org");
        m.put("postalCode", "8900");
        m.put("city", "Ieper");
        m.put("schoolIds", List.of(schoolIds));
        return m;
    }

    static Map<String, Object> contact(String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("roleTitle", "Accountmanager");
        m.put("email", "contact@example.org");
        m.put("phone", "0470 00 00 00");
        return m;
    }

    static String unique(String prefix) {
        return prefix + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    }
}
