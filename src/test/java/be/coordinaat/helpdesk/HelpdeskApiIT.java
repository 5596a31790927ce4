package be.coordinaat.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Browserless;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The helpdesk through the REST API and the pages: the ticket life cycle, search, school scope, the requester's own
 * tickets, the external technician who sees only what is escalated to their organisation, the mail facade.
 */
@IntegrationTest
class HelpdeskApiIT {

    static final long GUESSED = 987654321L;
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0};

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Tickets tickets;

    static String unique(String s) {
        return s + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    long create(Api api, long school, String title, String extra) {
        var r = api.post("/api/v1/tickets", "{\"schoolId\":" + school + ",\"title\":" + Api.json(title)
                + ",\"description\":\"Het werkt niet meer\"" + extra + "}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    @Test
    void lifeCycleThroughTheApi() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        Api teacher = Api.as("teacher", port, jdbc);
        long a = Demo.regenboog(jdbc);
        String title = unique("Beamer zoemt");
        long id = create(teacher, a, title, ",\"impact\":\"HIGH\",\"urgency\":\"HIGH\"");
        JsonNode t = coordinator.get("/api/v1/tickets/" + id).json();
        assertThat(t.get("priority").asInt()).isEqualTo(1);
        assertThat(t.get("status").asString()).isEqualTo("NEW");
        assertThat(t.get("number").asString()).matches("T-\\d{4}-\\d{6}");
        assertThat(t.get("resolutionDueAt").isNull()).as("board SLA defaults give due times").isFalse();

        // search: prefix words, accents folded, and replies are searched too
        assertThat(coordinator.get("/api/v1/tickets?q=" + title.split(" ")[2]).json().get("total").asInt()).isEqualTo(1);
        assertThat(coordinator.get("/api/v1/tickets?q=zoem").json().get("total").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(coordinator.post("/api/v1/tickets/" + id + "/replies", "{\"body\":\"Ik vervang de ventilatorkàbel\"}").status()).isEqualTo(201);
        assertThat(coordinator.get("/api/v1/tickets?q=" + title.split(" ")[2] + "+ventilatorkab").json().get("total").asInt()).isEqualTo(1);
        assertThat(coordinator.get("/api/v1/tickets/" + id).json().get("status").asString()).as("first reply takes it in progress")
                .isEqualTo("IN_PROGRESS");
        assertThat(coordinator.get("/api/v1/tickets?q=" + t.get("number").asString()).json().get("total").asInt()).isEqualTo(1);

        // internal notes are hidden from the requester
        assertThat(coordinator.post("/api/v1/tickets/" + id + "/notes", "{\"body\":\"geheime notitie\"}").status()).isEqualTo(201);
        assertThat(teacher.get("/api/v1/tickets/" + id + "/replies").body()).doesNotContain("geheime notitie").contains("ventilator");
        assertThat(teacher.post("/api/v1/tickets/" + id + "/notes", "{\"body\":\"x\"}").status()).isEqualTo(400);

        // the status flow is enforced
        var bad = coordinator.put("/api/v1/tickets/" + id + "/status", "{\"status\":\"NEW\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("status");
        assertThat(coordinator.put("/api/v1/tickets/" + id + "/status", "{\"status\":\"WAITING_REQUESTER\"}").status()).isEqualTo(200);
        assertThat(coordinator.get("/api/v1/tickets/" + id).json().get("slaPausedAt").isNull()).isFalse();
        teacher.post("/api/v1/tickets/" + id + "/replies", "{\"body\":\"Hij zoemt nog altijd\"}");
        assertThat(coordinator.get("/api/v1/tickets/" + id).json().get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(coordinator.put("/api/v1/tickets/" + id + "/status", "{\"status\":\"SOLVED\"}").status()).isEqualTo(200);
        assertThat(teacher.put("/api/v1/tickets/" + id + "/rating", "{\"rating\":5,\"comment\":\"Snel!\"}").status()).isEqualTo(200);
        assertThat(teacher.post("/api/v1/tickets/" + id + "/confirm", "").status()).isEqualTo(200);
        assertThat(coordinator.get("/api/v1/tickets/" + id).json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(jdbc.sql("SELECT count(*) FROM history_entry WHERE record_type = 'ticket' AND record_id = ?").param(id)
                .query(Long.class).single()).isGreaterThanOrEqualTo(6);
        // a teacher cannot work tickets
        assertThat(teacher.put("/api/v1/tickets/" + id + "/status", "{\"status\":\"IN_PROGRESS\"}").status()).isEqualTo(403);
        // hostile input: clear field errors, never a 500
        var hostile = coordinator.post("/api/v1/tickets", "{\"schoolId\":" + a + ",\"title\":\"\",\"description\":\"x\",\"impact\":\"HUGE\"}");
        assertThat(hostile.status()).isEqualTo(400);
        assertThat(coordinator.post("/api/v1/tickets", "{\"schoolId\":" + a + ",\"title\":\"t\",\"description\":\"x\",\"assetId\":" + GUESSED + "}")
                .status()).isEqualTo(400);
        assertThat(coordinator.post("/api/v1/tickets", "{\"schoolId\":" + a + ",\"title\":\"t\",\"description\":\"x\",\"foo\":1}").status())
                .isEqualTo(400);
    }

    @Test
    void attachmentsAreJudgedByContent() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long id = create(coordinator, Demo.regenboog(jdbc), unique("Foto"), "");
        assertThat(upload(coordinator, id, "foto.png", PNG).status()).isEqualTo(201);
        assertThat(upload(coordinator, id, "virus.png", "MZ not a png".getBytes()).status()).isEqualTo(400);
        var list = coordinator.get("/api/v1/tickets/" + id + "/attachments").json();
        assertThat(list.size()).isEqualTo(1);
        assertThat(coordinator.get("/api/v1/tickets/" + id + "/attachments/" + list.get(0).get("id").asLong()).status()).isEqualTo(200);
    }

    Api.Response upload(Api api, long ticket, String name, byte[] bytes) {
        String boundary = "----b" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/tickets/" + ticket + "/attachments"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    @Test
    void schoolScopeAndRequesterScope() {
        Api admin = Api.as("admin", port, jdbc);
        Api coordinator = Api.as("coordinator", port, jdbc);
        Api teacher = Api.as("teacher", port, jdbc);
        long b = Demo.atheneum(jdbc);
        String title = unique("Atheneum geheim");
        long ticketB = create(admin, b, title, "");
        for (long id : new long[] {ticketB, GUESSED}) {
            String p = "/api/v1/tickets/" + id;
            assertThat(coordinator.get(p).status()).as(p).isEqualTo(404);
            assertThat(coordinator.get(p).contentType()).startsWith("application/problem+json");
            assertThat(coordinator.put(p + "/status", "{\"status\":\"IN_PROGRESS\"}").status()).isEqualTo(404);
            assertThat(coordinator.post(p + "/replies", "{\"body\":\"x\"}").status()).isEqualTo(404);
            assertThat(coordinator.get(p + "/replies").status()).isEqualTo(404);
            assertThat(coordinator.get(p + "/attachments").status()).isEqualTo(404);
            assertThat(coordinator.get(p + "/escalations").status()).isEqualTo(404);
            assertThat(coordinator.post(p + "/merge", "{\"into\":\"1\"}").status()).isEqualTo(404);
        }
        assertThat(coordinator.get("/api/v1/tickets?q=" + title.split(" ")[2]).json().get("total").asInt()).isZero();
        // the pages answer the same
        Browserless web = Browserless.signIn(port, "coordinator", "coordinator");
        assertThat(web.get("/helpdesk/tickets/" + ticketB).status()).isEqualTo(404);
        assertThat(web.get("/helpdesk/tickets/" + GUESSED).status()).isEqualTo(404);
        assertThat(web.post("/helpdesk/tickets/" + ticketB + "/status", Map.of("status", "IN_PROGRESS"), "/helpdesk/my").status())
                .isEqualTo(404);
        assertThat(web.post("/helpdesk/tickets/" + ticketB + "/replies", Map.of("body", "x"), "/helpdesk/my").status())
                .isEqualTo(404);
        assertThat(web.get("/helpdesk/tickets?q=" + title.split(" ")[2]).body()).doesNotContain("Atheneum geheim");
        assertThat(coordinator.get("/api/v1/tickets?school=" + b).status()).isEqualTo(404);
        assertThat(coordinator.post("/api/v1/tickets", "{\"schoolId\":" + b + ",\"title\":\"x\",\"description\":\"y\"}").status())
                .isIn(400, 403);
        // the teacher sees only their own tickets
        long own = create(teacher, Demo.regenboog(jdbc), unique("Mijn laptop"), "");
        long other = create(coordinator, Demo.regenboog(jdbc), unique("Van de coordinator"), "");
        assertThat(teacher.get("/api/v1/tickets/" + own).status()).isEqualTo(200);
        assertThat(teacher.get("/api/v1/tickets/" + other).status()).isEqualTo(404);
        JsonNode page = teacher.get("/api/v1/tickets?size=200").json();
        Long me = jdbc.sql("SELECT id FROM app_user WHERE username = 'teacher'").query(Long.class).single();
        page.get("items").forEach(i -> assertThat(jdbc.sql("SELECT requester_user_id FROM ticket WHERE id = ?")
                .param(i.get("id").asLong()).query(Long.class).optional()).contains(me));
        // only workers may assign or report for someone else
        assertThat(teacher.post("/api/v1/tickets", "{\"schoolId\":" + Demo.regenboog(jdbc)
                + ",\"title\":\"x\",\"description\":\"y\",\"requesterEmail\":\"a@b.be\"}").status()).isEqualTo(400);
    }

    @Test
    void externalTechnicianSeesOnlyWhatIsEscalatedToTheirOrganisation() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        Api ict = Api.as("ictdienst", port, jdbc);
        long a = Demo.regenboog(jdbc);
        String word = "escal" + UUID.randomUUID().toString().substring(0, 6);
        long escalated = create(coordinator, a, word + " switch kapot", "");
        long notEscalated = create(coordinator, a, word + " printer kapot", "");
        long org = jdbc.sql("SELECT organisation_id FROM app_user WHERE username = 'ictdienst'").query(Long.class).single();
        var r = coordinator.post("/api/v1/tickets/" + escalated + "/escalations",
                "{\"organisationId\":" + org + ",\"reference\":\"ICT-42\",\"note\":\"graag nakijken\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("status").asString()).isEqualTo("WAITING_THIRD_PARTY");

        JsonNode list = ict.get("/api/v1/tickets?size=200").json();
        List<Long> ids = new java.util.ArrayList<>();
        list.get("items").forEach(i -> ids.add(i.get("id").asLong()));
        assertThat(ids).contains(escalated).doesNotContain(notEscalated);
        for (Long id : ids) {
            assertThat(jdbc.sql("SELECT count(*) FROM ticket_escalation WHERE ticket_id = ? AND organisation_id = ?")
                    .params(id, org).query(Long.class).single()).as("ticket " + id).isPositive();
        }
        assertThat(ict.get("/api/v1/tickets?q=" + word).json().get("total").asInt()).isEqualTo(1);
        assertThat(ict.get("/api/v1/tickets/" + notEscalated).status()).isEqualTo(404);
        assertThat(ict.get("/api/v1/tickets/" + GUESSED).status()).isEqualTo(404);
        assertThat(ict.get("/api/v1/tickets/" + escalated + "/asset").status()).isEqualTo(404); // no asset on it
        assertThat(ict.get("/api/v1/tickets/" + escalated + "/replies").body()).contains("graag nakijken");
        assertThat(ict.post("/api/v1/tickets/" + escalated + "/notes", "{\"body\":\"poort 12 vervangen\"}").status()).isEqualTo(201);
        assertThat(ict.put("/api/v1/tickets/" + escalated + "/status", "{\"status\":\"SOLVED\"}").status()).isEqualTo(403);
        assertThat(ict.get("/api/v1/tickets/dashboard").status()).isEqualTo(403);
        assertThat(ict.get("/api/v1/assets").status()).isIn(403, 404);
        assertThat(ict.post("/api/v1/tickets/" + escalated + "/hand-back", "{\"note\":\"klaar\"}").status()).isEqualTo(200);
        JsonNode after = coordinator.get("/api/v1/tickets/" + escalated).json();
        assertThat(after.get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(after.get("escalatedOrgId").isNull()).isTrue();
        // previously escalated: still visible, no longer workable
        assertThat(ict.get("/api/v1/tickets/" + escalated).status()).isEqualTo(200);
        assertThat(ict.post("/api/v1/tickets/" + escalated + "/notes", "{\"body\":\"nog iets\"}").status()).isEqualTo(403);
        JsonNode periods = coordinator.get("/api/v1/tickets/" + escalated + "/escalations").json();
        assertThat(periods.get(0).get("endedAt").isNull()).isFalse();
        // the pages: the list and a guessed ticket
        Browserless web = Browserless.signIn(port, "ictdienst", "ictdienst");
        String listPage = web.get("/helpdesk/tickets?q=" + word).body();
        assertThat(listPage).contains("switch kapot").doesNotContain("printer kapot");
        assertThat(web.get("/helpdesk/tickets/" + notEscalated).status()).isEqualTo(404);
    }

    @Test
    void linksAndMerge() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        long main = create(coordinator, a, unique("Wifi refter"), "");
        long dup = create(coordinator, a, unique("Geen wifi in refter"), "");
        coordinator.post("/api/v1/tickets/" + dup + "/replies", "{\"body\":\"ook in de turnzaal\"}");
        String mainNumber = coordinator.get("/api/v1/tickets/" + main).json().get("number").asString();
        var link = coordinator.post("/api/v1/tickets/" + main + "/links", "{\"other\":\"" + dup + "\",\"kind\":\"RELATED\"}");
        assertThat(link.status()).isEqualTo(201);
        var merged = coordinator.post("/api/v1/tickets/" + dup + "/merge", "{\"into\":\"" + mainNumber + "\"}");
        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
        assertThat(merged.json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(merged.json().get("mergedIntoId").asLong()).isEqualTo(main);
        assertThat(coordinator.get("/api/v1/tickets/" + main + "/replies").body()).contains("ook in de turnzaal");
        assertThat(coordinator.get("/api/v1/tickets?q=turnzaal").json().get("items").toString()).contains(mainNumber);
        assertThat(coordinator.put("/api/v1/tickets/" + dup + "/status", "{\"status\":\"IN_PROGRESS\"}").status()).isEqualTo(400);
    }

    @Test
    void mailFacadeCreatesAndAddsReplies() {
        long a = Demo.regenboog(jdbc);
        var ref = tickets.createFromMail(a, "ouder@example.be", "Een ouder", "Chromebook van mijn zoon", "Het scherm is gebarsten.",
                List.of(new InboundAttachment("scherm.png", PNG), new InboundAttachment("x.exe", "MZ".getBytes())));
        assertThat(ref.number()).startsWith("T-");
        assertThat(jdbc.sql("SELECT count(*) FROM ticket_attachment WHERE ticket_id = ?").param(ref.id()).query(Long.class).single())
                .isEqualTo(1);
        assertThat(tickets.addInboundReply(ref.number(), "OUDER@example.be", "Nog een foto", List.of())).isPresent();
        assertThat(tickets.addInboundReply(ref.number(), "vreemde@example.be", "spam", List.of())).isEmpty();
        assertThat(tickets.addInboundReply("T-1999-000001", "ouder@example.be", "x", List.of())).isEmpty();
        assertThat(jdbc.sql("SELECT source FROM ticket WHERE id = ?").param(ref.id()).query(String.class).single()).isEqualTo("MAIL");
    }

    @Test
    void pagesWorkForCoordinatorAndTeacher() {
        Browserless coordinator = Browserless.signIn(port, "coordinator", "coordinator");
        assertThat(coordinator.get("/helpdesk/tickets?open=true").status()).isEqualTo(200);
        assertThat(coordinator.get("/helpdesk/dashboard").status()).isEqualTo(200);
        assertThat(coordinator.get("/helpdesk/settings").status()).isEqualTo(200);
        assertThat(coordinator.get("/helpdesk/tickets/new").status()).isEqualTo(200);
        long demo = jdbc.sql("SELECT id FROM ticket WHERE title = 'Projector in lokaal B1 flikkert'").query(Long.class).single();
        var page = coordinator.get("/helpdesk/tickets/" + demo);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("RB-000028");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("schoolId", String.valueOf(Demo.regenboog(jdbc)));
        form.put("kind", "INCIDENT");
        form.put("title", "");
        form.put("description", "");
        form.put("impact", "MEDIUM");
        form.put("urgency", "MEDIUM");
        var invalid = coordinator.post("/helpdesk/tickets", form, "/helpdesk/tickets/new");
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.document().select(".invalid-feedback")).isNotEmpty();
        Browserless teacher = Browserless.signIn(port, "teacher", "teacher");
        assertThat(teacher.get("/helpdesk/my").status()).isEqualTo(200);
        var own = teacher.get("/helpdesk/tickets/" + demo);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body()).contains("Ik kom morgen").doesNotContain("reply-note").doesNotContain("id=\"escalations\"");
        long wifi = jdbc.sql("SELECT id FROM ticket WHERE title = 'Wifi valt weg in de refter'").query(Long.class).single();
        assertThat(teacher.get("/helpdesk/tickets/" + wifi).status()).as("the director's ticket").isEqualTo(404);
        assertThat(teacher.get("/helpdesk/dashboard").status()).isEqualTo(403);
        assertThat(teacher.get("/helpdesk/settings").status()).isEqualTo(403);
    }
}
