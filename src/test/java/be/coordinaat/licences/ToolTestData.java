package be.coordinaat.licences;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Fixtures of the digital-tool tests in domain terms, made through the REST API like a script would. */
final class ToolTestData {
    private ToolTestData() {}

    private static final AtomicInteger SEQ = new AtomicInteger();

    static Map<String, Object> proposal(String name, Long school, List<String> subjects, List<String> grades) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("vendorName", "Uitgeverij Test");
        m.put("website", "https://example.org/tool");
        m.put("schoolId", school);
        m.put("purpose", "Oefenen in de klas");
        m.put("subjects", subjects);
        m.put("grades", grades);
        m.put("costModel", "FREE");
        return m;
    }

    /** A new tool proposed by {@code api} for maths in the fifth year; its JSON. */
    static JsonNode propose(Api api, String name, Long school) {
        return propose(api, proposal(name, school, List.of("MATHS"), List.of("PRIMARY_5")));
    }

    static JsonNode propose(Api api, Map<String, Object> body) {
        var r = api.post("/api/v1/tools", Api.json(body));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    static Map<String, Object> transition(String status, String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status);
        m.put("reason", reason);
        return m;
    }

    static Map<String, Object> scores(int score, String recommendation) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (ToolCriterion c : ToolCriterion.values()) {
            m.put(c.field(), score);
        }
        m.put("pedagogyComment", "Sluit goed aan bij de leerplandoelen");
        m.put("recommendation", recommendation);
        m.put("comment", "Mijn advies");
        return m;
    }

    static void invite(Api api, long tool, long userId) {
        var r = api.post("/api/v1/tools/" + tool + "/evaluators", "{\"userId\":" + userId + "}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    static long userId(JdbcClient jdbc, String username) {
        return jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(username).query(Long.class).single();
    }

    /** A new account with {@code role} in {@code school} (API tokens only; no password). */
    static String account(JdbcClient jdbc, String role, long school) {
        String username = "tool" + System.nanoTime() % 100_000_000 + "x" + SEQ.incrementAndGet();
        long id = jdbc.sql("""
                INSERT INTO app_user (board_id, username, password_hash, display_name)
                SELECT board_id, ?, 'not-a-hash', ? FROM school WHERE id = ? RETURNING id""")
                .params(username, "Test " + username, school).query(Long.class).single();
        jdbc.sql("INSERT INTO role_grant (user_id, board_id, school_id, role) SELECT ?, board_id, id, ? FROM school WHERE id = ?")
                .params(id, role, school).update();
        return username;
    }
}
