package be.coordinaat.licences;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Fixtures of the licence tests in domain terms, created through the REST API like a script would. */
final class LicenceTestData {
    private LicenceTestData() {}

    static final byte[] PDF = "%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};

    static String unique(String name) {
        return name + " " + System.nanoTime();
    }

    /** Software used by the given schools, registered by {@code api}; its id. */
    static long software(Api api, String name, Long... schools) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("category", "EDUCATIONAL_APP");
        m.put("vendorName", "Uitgeverij Test");
        m.put("schoolIds", List.of(schools));
        var r = api.post("/api/v1/software", Api.json(m));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    static Map<String, Object> licenceBody(long software, Long school, String type, Integer seats) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("softwareId", software);
        m.put("schoolId", school);
        m.put("type", type);
        m.put("seats", seats);
        return m;
    }

    /** A licence of a school (or board-wide when {@code school} is null); its id. */
    static long licence(Api api, long software, Long school, String type, Integer seats) {
        var r = api.post("/api/v1/licences", Api.json(licenceBody(software, school, type, seats)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    static long assign(Api api, long licence, String field, long target) {
        var r = api.post("/api/v1/licences/" + licence + "/assignments", "{\"" + field + "\":" + target + "}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    static long assetOf(JdbcClient jdbc, long school) {
        return jdbc.sql("SELECT min(id) FROM asset WHERE school_id = ? AND status NOT IN ('RETIRED', 'DISPOSED')")
                .param(school).query(Long.class).single();
    }

    static List<Long> assetsOf(JdbcClient jdbc, long school, int n) {
        return jdbc.sql("SELECT id FROM asset WHERE school_id = ? AND status NOT IN ('RETIRED', 'DISPOSED') ORDER BY id LIMIT ?")
                .params(school, n).query(Long.class).list();
    }

    /** People who belong to this school only. */
    static List<Long> peopleOnlyOf(JdbcClient jdbc, long school, int n) {
        return jdbc.sql("""
                SELECT ps.person_id FROM person_school ps WHERE ps.school_id = ?
                  AND NOT EXISTS (SELECT 1 FROM person_school o WHERE o.person_id = ps.person_id AND o.school_id <> ps.school_id)
                ORDER BY ps.person_id LIMIT ?""").params(school, n).query(Long.class).list();
    }

    static List<String> history(JdbcClient jdbc, String type, long id) {
        return jdbc.sql("SELECT action || '|' || actor_name || '|' || changes::text FROM history_entry WHERE record_type = ? AND record_id = ? ORDER BY id")
                .params(type, id).query(String.class).list();
    }

    static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    static void assertField(Api.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsString("field")).as(response.toString()).contains(field);
    }

    /** A multipart request of one part named {@code file}. */
    static Api.Response upload(Api api, int port, String method, String path, String name, String type, byte[] bytes) {
        String boundary = "----coordinaat" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\n"
                + "Content-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + bytes.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(bytes, 0, body, head.length, bytes.length);
        System.arraycopy(tail, 0, body, head.length + bytes.length, tail.length);
        return api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
    }
}
