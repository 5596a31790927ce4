package be.coordinaat.privacy;

import static be.coordinaat.privacy.PrivacyTestData.hoursAgo;
import static be.coordinaat.privacy.PrivacyTestData.unique;
import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Browserless;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Scope and roles: the coordinator of school A sees nothing of school B's privacy records through any endpoint or page,
 * whatever id they try; the DPO sees every school's records and nothing of the inventory or the helpdesk; staff report
 * breaches and follow their own reports only; external technicians have no privacy access.
 */
@IntegrationTest
class PrivacyScopeIT {

    static final long GUESSED = 987654321L;

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    record SchoolB(long processing, long agreement, long dpia, long breach) {}

    SchoolB schoolB() {
        Api admin = Api.as("admin", port, jdbc);
        long b = Demo.atheneum(jdbc);
        return new SchoolB(PrivacyTestData.processing(admin, b, unique("Atheneum register"), null),
                PrivacyTestData.agreement(admin, b, null, "REQUESTED", null, null),
                PrivacyTestData.dpia(admin, b, unique("Atheneum DPIA"), null, List.of("LARGE_SCALE", "SENSITIVE_DATA")),
                PrivacyTestData.breach(admin, b, unique("Atheneum lek"), hoursAgo(3)));
    }

    @Test
    void coordinatorOfSchoolAGets404ForSchoolBRecordsThroughEveryEndpointAndPage() {
        SchoolB b = schoolB();
        long schoolB = Demo.atheneum(jdbc);
        Api coordinator = Api.as("coordinator", port, jdbc);
        Map<String, Long> records = Map.of("processing", b.processing(), "agreements", b.agreement(), "dpias", b.dpia(),
                "breaches", b.breach());
        for (var e : records.entrySet()) {
            for (long id : new long[] {e.getValue(), GUESSED}) {
                String path = "/api/v1/privacy/" + e.getKey() + "/" + id;
                assertThat(coordinator.get(path).status()).as(path).isEqualTo(404);
                assertThat(coordinator.get(path + "/reviews").status()).as(path).isEqualTo(404);
                assertThat(coordinator.post(path + "/reviews", "{\"kind\": \"COMMENT\", \"body\": \"x\"}").status()).as(path)
                        .isEqualTo(404);
                assertThat(coordinator.put(path, "{}").status()).as(path).isIn(400, 404);
            }
            assertThat(coordinator.get("/api/v1/privacy/" + e.getKey() + "?school=" + schoolB).status()).isEqualTo(404);
            assertThat(coordinator.get("/api/v1/privacy/" + e.getKey() + "?size=200").body()).doesNotContain("Atheneum");
        }
        var put = coordinator.put("/api/v1/privacy/processing/" + b.processing(),
                Api.json(PrivacyTestData.processingBody(Demo.regenboog(jdbc), "Overname", null)));
        assertThat(put.status()).isEqualTo(404);
        assertThat(coordinator.delete("/api/v1/privacy/processing/" + b.processing()).status()).isEqualTo(404);
        assertThat(coordinator.delete("/api/v1/privacy/agreements/" + b.agreement()).status()).isEqualTo(404);
        assertThat(coordinator.delete("/api/v1/privacy/dpias/" + b.dpia()).status()).isEqualTo(404);
        assertThat(coordinator.get("/api/v1/privacy/agreements/" + b.agreement() + "/document").status()).isEqualTo(404);
        assertThat(coordinator.post("/api/v1/privacy/dpias/" + b.dpia() + "/risks",
                "{\"description\": \"x\", \"likelihood\": 1, \"impact\": 1}").status()).isEqualTo(404);
        assertThat(coordinator.put("/api/v1/privacy/dpias/" + b.dpia() + "/decision", "{\"decision\": \"PROCEED\"}").status())
                .isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM privacy_processing WHERE id = ?").param(b.processing()).query(Long.class)
                .single()).isEqualTo(1);
        // creating for school B: "does not exist"
        assertThat(PrivacyTestData.fields(coordinator.post("/api/v1/privacy/processing",
                Api.json(PrivacyTestData.processingBody(schoolB, unique("Inbraak"), null))))).containsExactly("schoolId");
        assertThat(PrivacyTestData.fields(coordinator.post("/api/v1/privacy/breaches",
                Api.json(PrivacyTestData.breachBody(schoolB, "Inbraak", hoursAgo(1)))))).containsExactly("schoolId");

        Browserless web = Browserless.signIn(port, "coordinator", "coordinator");
        for (String page : List.of("/privacy/processing/" + b.processing(), "/privacy/processing/" + b.processing() + "/edit",
                "/privacy/agreements/" + b.agreement(), "/privacy/agreements/" + b.agreement() + "/edit",
                "/privacy/dpias/" + b.dpia(), "/privacy/breaches/" + b.breach(), "/privacy/breaches/" + b.breach() + "/edit",
                "/privacy/processing/" + GUESSED, "/privacy/processing?school=" + schoolB)) {
            assertThat(web.get(page).status()).as(page).isEqualTo(404);
        }
        var post = web.post("/privacy/processing/" + b.processing() + "/delete", Map.of(), "/privacy/processing");
        assertThat(post.status()).isEqualTo(404);
        assertThat(web.post("/privacy/breaches/" + b.breach() + "/reviews", Map.of("kind", "COMMENT", "body", "x"),
                "/privacy/breaches").status()).isEqualTo(404);
    }

    @Test
    void theDpoSeesEverySchoolAndSignsOffButNeitherInventoryNorTickets() {
        SchoolB b = schoolB();
        Api dpo = Api.as("dpo", port, jdbc);
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        long inA = PrivacyTestData.processing(coordinator, a, unique("Regenboog register"), null);
        assertThat(dpo.get("/api/v1/privacy/processing/" + inA).status()).isEqualTo(200);
        assertThat(dpo.get("/api/v1/privacy/processing/" + b.processing()).status()).isEqualTo(200);
        assertThat(dpo.get("/api/v1/privacy/breaches/" + b.breach()).status()).isEqualTo(200);
        assertThat(dpo.post("/api/v1/privacy/dpias/" + b.dpia() + "/reviews", "{\"kind\": \"SIGN_OFF\"}").status()).isEqualTo(201);
        // board-wide records are the DPO's to keep
        assertThat(dpo.post("/api/v1/privacy/processing", Api.json(PrivacyTestData.processingBody(null, unique("Bestuur"), null)))
                .status()).isEqualTo(201);

        for (String path : List.of("/api/v1/assets", "/api/v1/tickets", "/api/v1/inventory/summary", "/api/v1/maintenance/plans")) {
            assertThat(dpo.get(path).status()).as(path).isIn(403, 404);
        }
        long asset = jdbc.sql("SELECT min(id) FROM asset WHERE school_id = ?").param(a).query(Long.class).single();
        assertThat(dpo.get("/api/v1/assets/" + asset).status()).isIn(403, 404);
        Long ticket = jdbc.sql("SELECT min(id) FROM ticket WHERE school_id = ?").param(a).query(Long.class).single();
        if (ticket != null) {
            assertThat(dpo.get("/api/v1/tickets/" + ticket).status()).isIn(403, 404);
        }
        Browserless web = Browserless.signIn(port, "dpo", "dpo");
        for (String page : List.of("/inventory", "/inventory/assets", "/helpdesk/tickets")) {
            assertThat(web.get(page).status()).as(page).isIn(403, 404);
        }
        assertThat(web.get("/privacy").status()).isEqualTo(200);
        assertThat(web.get("/privacy/processing").body()).contains("Regenboog register").contains("Atheneum register");
    }

    @Test
    void staffReportBreachesAndSeeOnlyTheirOwnReports() {
        long a = Demo.regenboog(jdbc);
        Api teacher = Api.as("teacher", port, jdbc);
        Api coordinator = Api.as("coordinator", port, jdbc);
        long others = PrivacyTestData.breach(coordinator, a, unique("Lek van de coördinator"), hoursAgo(1));
        long own = PrivacyTestData.breach(teacher, a, unique("Lek van de leerkracht"), hoursAgo(1));
        JsonNode mine = teacher.get("/api/v1/privacy/breaches/" + own).json();
        assertThat(mine.get("reportedBy").asString()).isEqualTo("Tine Leerkracht");
        // the assessment part of a report by staff is ignored
        Map<String, Object> body = PrivacyTestData.breachBody(a, unique("Zelf beoordeeld"), hoursAgo(1));
        body.put("risk", "NONE");
        body.put("notNotifiedReason", "valt mee");
        var r = teacher.post("/api/v1/privacy/breaches", Api.json(body));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("risk").isNull()).isTrue();

        assertThat(teacher.get("/api/v1/privacy/breaches/" + others).status()).isEqualTo(404);
        assertThat(teacher.get("/api/v1/privacy/breaches?size=200").body()).doesNotContain("Lek van de coördinator")
                .contains("Lek van de leerkracht");
        assertThat(teacher.put("/api/v1/privacy/breaches/" + own, Api.json(PrivacyTestData.breachBody(a, "x", hoursAgo(1))))
                .status()).isEqualTo(403);
        assertThat(teacher.get("/api/v1/privacy/breaches/" + own + "/reviews").status()).isEqualTo(403);
        for (String path : List.of("/api/v1/privacy/processing", "/api/v1/privacy/agreements", "/api/v1/privacy/dpias",
                "/api/v1/privacy/overview", "/api/v1/privacy/agreements/warnings")) {
            assertThat(teacher.get(path).status()).as(path).isEqualTo(403);
        }
        assertThat(teacher.post("/api/v1/privacy/processing", Api.json(PrivacyTestData.processingBody(a, "x", null))).status())
                .isEqualTo(403);

        Browserless web = Browserless.signIn(port, "teacher", "teacher");
        assertThat(web.get("/privacy/breaches/new").status()).isEqualTo(200);
        assertThat(web.get("/privacy/breaches/" + own).body()).contains("Lek van de leerkracht").doesNotContain("review-form");
        assertThat(web.get("/privacy").status()).isEqualTo(403);
        assertThat(web.get("/privacy/processing/new").status()).isEqualTo(403);
    }

    @Test
    void externalTechniciansAndDirectorsHaveTheirLimits() {
        long a = Demo.regenboog(jdbc);
        Api ictdienst = Api.as("ictdienst", port, jdbc);
        assertThat(ictdienst.get("/api/v1/privacy/processing").status()).isEqualTo(403);
        assertThat(ictdienst.get("/api/v1/privacy/breaches").status()).isEqualTo(403);
        assertThat(ictdienst.post("/api/v1/privacy/breaches", Api.json(PrivacyTestData.breachBody(a, "x", hoursAgo(1))))
                .status()).isEqualTo(403);
        Api director = Api.as("director", port, jdbc);
        assertThat(director.get("/api/v1/privacy/processing").status()).isEqualTo(200);
        assertThat(director.post("/api/v1/privacy/processing", Api.json(PrivacyTestData.processingBody(a, "x", null))).status())
                .isEqualTo(403);
        assertThat(director.post("/api/v1/privacy/breaches", Api.json(PrivacyTestData.breachBody(a, unique("Directie"), hoursAgo(1))))
                .status()).isEqualTo(201);
    }
}
