package be.coordinaat.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Demo;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Fixtures of the knowledge base tests, in domain terms: articles, schools in and out of the community, accounts. */
final class KnowledgeTestData {
    private KnowledgeTestData() {}

    private static final AtomicInteger SEQ = new AtomicInteger();

    /** The smallest PNG: a 1×1 pixel. */
    static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    static String unique(String base) {
        return base + " " + System.nanoTime() % 1_000_000 + "-" + SEQ.incrementAndGet();
    }

    static Map<String, Object> body(Long school, String title, String body, String audience) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schoolId", school);
        m.put("title", title);
        m.put("summary", "Samenvatting van " + title);
        m.put("body", body);
        m.put("tags", List.of("test", "handleiding"));
        m.put("audience", audience);
        return m;
    }

    /** Creates an article through the API (as a draft) and returns its id. */
    static long draft(Api api, long school, String title, String body, String audience) {
        var r = api.post("/api/v1/knowledge/articles", Api.json(body(school, title, body, audience)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    /** Creates and publishes an article through the API. */
    static long published(Api api, long school, String title, String body, String audience) {
        long id = draft(api, school, title, body, audience);
        var r = api.post("/api/v1/knowledge/articles/" + id + "/publish", "");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return id;
    }

    /** A new school of the demo board; in the demo school community when {@code inCommunity}, else in none. */
    static long school(JdbcClient jdbc, boolean inCommunity) {
        long a = Demo.regenboog(jdbc);
        return jdbc.sql("""
                INSERT INTO school (board_id, community_id, name, institution_number, level)
                SELECT board_id, CASE WHEN ? THEN community_id END, ?, ?, 'PRIMARY' FROM school WHERE id = ? RETURNING id""")
                .params(inCommunity, unique("Testschool"), Demo.freshInstitutionNumber(jdbc), a).query(Long.class).single();
    }

    /** A new account with {@code role} in {@code school} (API tokens only; no password); external with an organisation. */
    static String account(JdbcClient jdbc, String role, long school, boolean external) {
        String username = "kb" + System.nanoTime() % 100_000_000 + "x" + SEQ.incrementAndGet();
        Long organisation = null;
        if (external) {
            organisation = jdbc.sql("SELECT organisation_id FROM app_user WHERE username = 'ictdienst'").query(Long.class).single();
        }
        long id = jdbc.sql("""
                INSERT INTO app_user (board_id, username, password_hash, display_name, organisation_id)
                SELECT board_id, ?, 'not-a-hash', ?, ? FROM school WHERE id = ? RETURNING id""")
                .params(username, "Test " + username, organisation, school).query(Long.class).single();
        jdbc.sql("INSERT INTO role_grant (user_id, board_id, school_id, role) SELECT ?, board_id, id, ? FROM school WHERE id = ?")
                .params(id, role, school).update();
        return username;
    }

    static Api.Response upload(Api api, int port, String path, String name, String type, byte[] bytes) {
        String boundary = "----kb" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\n"
                + "Content-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + bytes.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(bytes, 0, body, head.length, bytes.length);
        System.arraycopy(tail, 0, body, head.length + bytes.length, tail.length);
        return api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    static List<Long> ids(Api.Response list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<Long> ids = new java.util.ArrayList<>();
        list.json().get("items").forEach(n -> ids.add(n.get("id").asLong()));
        return ids;
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
