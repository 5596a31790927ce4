package be.coordinaat.policy;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Fixtures of the policy tests in domain terms, made through the REST API like a user would. */
final class PolicyTestData {
    private PolicyTestData() {}

    private static final AtomicInteger SEQ = new AtomicInteger();

    static String unique(String prefix) {
        return prefix + " " + System.nanoTime() % 1_000_000 + "-" + SEQ.incrementAndGet();
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static JsonNode ok(Api.Response r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        return r.body() == null || r.body().isEmpty() ? null : r.json();
    }

    /** A draft plan with one goal (area and themes) and one action; returns {plan, goal, action}. */
    static long[] draftPlan(Api api, long school, String title) {
        JsonNode plan = ok(api.post("/api/v1/policy/plans", Api.json(map("schoolId", school, "title", title, "startYear", 2026,
                "endYear", 2029))), 201);
        long planId = plan.get("id").asLong();
        JsonNode goal = ok(api.post("/api/v1/policy/plans/" + planId + "/goals", Api.json(map("title", "Alle leraren gebruiken het leerplatform",
                "measure", "aandeel leraren", "target", "90 %", "deadline", "2027-06-30", "area", "PEDAGOGY_IMPLEMENTATION",
                "themes", List.of("A2", "A1")))), 201);
        long goalId = goal.get("id").asLong();
        JsonNode action = ok(api.post("/api/v1/policy/goals/" + goalId + "/actions", Api.json(map("title", "Vorming Smartschool",
                "horizon", "SHORT", "deadline", "2026-12-20", "amount", "350.00"))), 201);
        return new long[] {planId, goalId, action.get("id").asLong()};
    }

    /** Submits (coordinator) and approves (director) a plan. */
    static void approve(Api coordinator, Api director, long plan) {
        ok(coordinator.post("/api/v1/policy/plans/" + plan + "/submit", ""), 200);
        ok(director.post("/api/v1/policy/plans/" + plan + "/approve", Api.json(map("remarks", "Akkoord"))), 200);
    }

    /** An open budget year with one line of 1000 euros in the school; returns the line's id. */
    static long budgetLine(JdbcClient jdbc, long school, String description) {
        Long year = jdbc.sql("SELECT id FROM budget_year WHERE school_id = ? AND starts_on = DATE '2026-09-01'").param(school)
                .query(Long.class).optional().orElse(null);
        if (year == null) {
            year = jdbc.sql("""
                    INSERT INTO budget_year (school_id, label, kind, starts_on, ends_on) VALUES (?, '2026-2027', 'SCHOOL_YEAR',
                    DATE '2026-09-01', DATE '2027-08-31') ON CONFLICT (school_id, starts_on) DO UPDATE SET label = EXCLUDED.label RETURNING id""")
                    .param(school).query(Long.class).single();
        }
        return jdbc.sql("""
                INSERT INTO budget_line (budget_year_id, school_id, funding_source, category, description, planned)
                VALUES (?, ?, 'OPERATING', 'PUPIL_DEVICES', ?, 1000.00) RETURNING id""").params(year, school, description)
                .query(Long.class).single();
    }

    static long userId(JdbcClient jdbc, String username) {
        return jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(username).query(Long.class).single();
    }

    static List<String> history(JdbcClient jdbc, String type, long id) {
        return jdbc.sql("SELECT action || '|' || actor_name || '|' || changes::text FROM history_entry WHERE record_type = ? AND record_id = ? ORDER BY id")
                .params(type, id).query(String.class).list();
    }

    static void assertField(Api.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsString("field")).as(response.toString()).contains(field);
    }

    /** Downloads bytes (a PDF) as a user, with a fresh API token of theirs. */
    static byte[] bytes(JdbcClient jdbc, int port, String username, String path) {
        byte[] secret = new byte[32];
        new java.security.SecureRandom().nextBytes(secret);
        String token = "cdn_" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String hash;
        try {
            hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        jdbc.sql("INSERT INTO api_token (user_id, name, token_hash, prefix) SELECT id, 'test', ?, ? FROM app_user WHERE username = ?")
                .params(hash, token.substring(0, 10), username).update();
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + token).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String pdfText(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
