package be.coordinaat.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Privacy records in domain terms, created through the REST API like a script would. */
final class PrivacyTestData {
    private PrivacyTestData() {}

    static final byte[] PDF = "%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1);
    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    static String unique(String name) {
        return name + " " + System.nanoTime();
    }

    static LocalDateTime hoursAgo(long hours) {
        return LocalDateTime.now(BRUSSELS).minusHours(hours).truncatedTo(ChronoUnit.MINUTES);
    }

    static Map<String, Object> processingBody(Long school, String name, Long software) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schoolId", school);
        m.put("name", name);
        m.put("purpose", "Oefenen in de klas");
        m.put("legalBasis", "PUBLIC_TASK");
        m.put("subjectCategories", List.of("PUPILS"));
        m.put("retention", "Tot het einde van het schooljaar");
        m.put("softwareId", software);
        m.put("status", "ACTIVE");
        return m;
    }

    static long processing(Api api, Long school, String name, Long software) {
        var r = api.post("/api/v1/privacy/processing", Api.json(processingBody(school, name, software)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    static Map<String, Object> agreementBody(Long school, Long software, String status, String signedOn, String endDate) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schoolId", school);
        m.put("softwareId", software);
        m.put("vendorName", "Uitgeverij Test");
        m.put("status", status);
        m.put("model", "FLEMISH_EDUCATION");
        m.put("signedOn", signedOn);
        m.put("endDate", endDate);
        return m;
    }

    static long agreement(Api api, Long school, Long software, String status, String signedOn, String endDate) {
        var r = api.post("/api/v1/privacy/agreements", Api.json(agreementBody(school, software, status, signedOn, endDate)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    static Map<String, Object> dpiaBody(Long school, String title, Long software, List<String> criteria) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schoolId", school);
        m.put("title", title);
        m.put("softwareId", software);
        m.put("criteria", criteria);
        m.put("description", "Leerlingen maken oefeningen");
        return m;
    }

    static long dpia(Api api, Long school, String title, Long software, List<String> criteria) {
        var r = api.post("/api/v1/privacy/dpias", Api.json(dpiaBody(school, title, software, criteria)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    static Map<String, Object> breachBody(Long school, String title, LocalDateTime discovered) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schoolId", school);
        m.put("title", title);
        m.put("description", "Een lijst met namen en punten werd naar de verkeerde ouders gestuurd.");
        m.put("discoveredAt", discovered.toString());
        m.put("subjectCategories", List.of("PUPILS", "PARENTS"));
        m.put("peopleAffected", 24);
        return m;
    }

    static long breach(Api api, Long school, String title, LocalDateTime discovered) {
        var r = api.post("/api/v1/privacy/breaches", Api.json(breachBody(school, title, discovered)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    /** A tool of the catalogue used by the given schools, registered by {@code api} (a coordinator or admin). */
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

    /** The fields named in a 400 problem. */
    static List<String> fields(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode errors = r.json().get("errors");
        assertThat(errors).as(r.toString()).isNotNull();
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode e : errors) {
            out.add(e.get("field") == null || e.get("field").isNull() ? "" : e.get("field").asString());
        }
        return out;
    }

    static Api.Response upload(Api api, int port, String path, String name, String type, byte[] bytes) {
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
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }
}
