package be.coordinaat.privacy;

import static be.coordinaat.privacy.PrivacyTestData.fields;
import static be.coordinaat.privacy.PrivacyTestData.hoursAgo;
import static be.coordinaat.privacy.PrivacyTestData.unique;
import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The privacy REST API end to end: the register, agreements with their PDF, DPIAs with risks and decision, breaches
 * with their 72-hour clock, reviews and sign-off, history; bad input gets field errors, never a 500.
 */
@IntegrationTest
class PrivacyApiIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void registerEntryIsCreatedChangedSignedOffAndInTheHistory() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        long tool = PrivacyTestData.software(coordinator, unique("Rekentuin"), a);
        String name = unique("Rekentuin oefenen");
        long id = PrivacyTestData.processing(coordinator, a, name, tool);

        JsonNode p = coordinator.get("/api/v1/privacy/processing/" + id).json();
        assertThat(p.get("name").asString()).isEqualTo(name);
        assertThat(p.get("schoolId").asLong()).isEqualTo(a);
        assertThat(p.get("softwareName").asString()).startsWith("Rekentuin");
        assertThat(p.get("legalBasis").asString()).isEqualTo("PUBLIC_TASK");

        Map<String, Object> body = PrivacyTestData.processingBody(a, name, tool);
        body.put("transfersOutsideEu", true);
        body.put("transferSafeguards", "Standaardcontractbepalingen");
        body.put("specialCategories", true);
        body.put("specialCategoriesDetail", "Zorgnoden (art. 9.2.g)");
        body.put("version", p.get("version").asInt());
        var updated = coordinator.put("/api/v1/privacy/processing/" + id, Api.json(body));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("transfersOutsideEu").asBoolean()).isTrue();
        // a stale version is a conflict
        assertThat(coordinator.put("/api/v1/privacy/processing/" + id, Api.json(body)).status()).isEqualTo(409);

        // the coordinator comments, the DPO advises and signs off; the coordinator cannot sign off
        assertThat(coordinator.post("/api/v1/privacy/processing/" + id + "/reviews",
                "{\"kind\": \"COMMENT\", \"body\": \"Graag nakijken\"}").status()).isEqualTo(201);
        assertThat(coordinator.post("/api/v1/privacy/processing/" + id + "/reviews", "{\"kind\": \"SIGN_OFF\"}").status())
                .isEqualTo(403);
        Api dpo = Api.as("dpo", port, jdbc);
        var signed = dpo.post("/api/v1/privacy/processing/" + id + "/reviews", "{\"kind\": \"SIGN_OFF\", \"body\": \"In orde\"}");
        assertThat(signed.status()).as(signed.toString()).isEqualTo(201);
        assertThat(signed.json()).hasSize(2);
        JsonNode signOff = coordinator.get("/api/v1/privacy/processing/" + id).json().get("signOff");
        assertThat(signOff.get("by").asString()).isEqualTo("Dana Privacy");
        assertThat(signOff.get("current").asBoolean()).isTrue();

        assertThat(jdbc.sql("SELECT count(*) FROM history_entry WHERE record_type = 'privacy-processing' AND record_id = ?")
                .param(id).query(Long.class).single()).isGreaterThanOrEqualTo(4);

        assertThat(coordinator.delete("/api/v1/privacy/processing/" + id).status()).isEqualTo(204);
        assertThat(coordinator.get("/api/v1/privacy/processing/" + id).status()).isEqualTo(404);
    }

    @Test
    void registerRefusesHostileAndIncompleteInputWithFieldErrors() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        Map<String, Object> body = PrivacyTestData.processingBody(a, "", null);
        body.put("legalBasis", null);
        body.put("retention", " ");
        assertThat(fields(coordinator.post("/api/v1/privacy/processing", Api.json(body))))
                .contains("name", "legalBasis", "retention");

        body = PrivacyTestData.processingBody(a, unique("Zonder waarborgen"), 987654321L);
        body.put("transfersOutsideEu", true);
        body.put("specialCategories", true);
        body.put("processorName", "X");
        body.put("processorOrganisationId", 987654321L);
        assertThat(fields(coordinator.post("/api/v1/privacy/processing", Api.json(body))))
                .contains("transferSafeguards", "specialCategoriesDetail", "processorName", "softwareId", "processorOrganisationId");

        var unknownField = coordinator.post("/api/v1/privacy/processing", "{\"name\": \"x\", \"hacker\": true}");
        assertThat(unknownField.status()).isEqualTo(400);
        var badEnum = coordinator.post("/api/v1/privacy/processing",
                Api.json(Map.of("name", "x", "purpose", "y", "legalBasis", "BECAUSE", "retention", "z", "status", "ACTIVE")));
        assertThat(badEnum.status()).isEqualTo(400);
        var longName = PrivacyTestData.processingBody(a, "x".repeat(5000), null);
        assertThat(fields(coordinator.post("/api/v1/privacy/processing", Api.json(longName)))).contains("name");
        assertThat(coordinator.get("/api/v1/privacy/processing?status=NOPE").status()).isEqualTo(400);
        assertThat(coordinator.get("/api/v1/privacy/processing?sort=%3Bdrop%20table%20x&q=%25%27").status()).isEqualTo(200);
        // the coordinator of school A has no board-wide PRIVACY_MANAGE: a record without a school is refused
        assertThat(fields(coordinator.post("/api/v1/privacy/processing",
                Api.json(PrivacyTestData.processingBody(null, unique("Bestuur"), null))))).contains("schoolId");
    }

    @Test
    void agreementStatusExpiresWithItsEndDateAndTakesOnlyAPdf() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        long tool = PrivacyTestData.software(coordinator, unique("Klasbord"), a);
        String today = LocalDate.now(PrivacyTestData.BRUSSELS).toString();
        long expired = PrivacyTestData.agreement(coordinator, a, tool, "SIGNED", "2020-09-01",
                LocalDate.now(PrivacyTestData.BRUSSELS).minusDays(1).toString());
        assertThat(coordinator.get("/api/v1/privacy/agreements/" + expired).json().get("state").asString()).isEqualTo("EXPIRED");
        long signed = PrivacyTestData.agreement(coordinator, a, tool, "SIGNED", today, null);
        assertThat(coordinator.get("/api/v1/privacy/agreements/" + signed).json().get("state").asString()).isEqualTo("SIGNED");
        assertThat(coordinator.get("/api/v1/privacy/agreements?state=EXPIRED&software=" + tool).json().get("total").asLong())
                .isEqualTo(1);

        var pdf = PrivacyTestData.upload(coordinator, port, "/api/v1/privacy/agreements/" + signed + "/document",
                "overeenkomst.pdf", "application/pdf", PrivacyTestData.PDF);
        assertThat(pdf.status()).as(pdf.toString()).isEqualTo(200);
        assertThat(pdf.json().get("fileName").asString()).isEqualTo("overeenkomst.pdf");
        var fake = PrivacyTestData.upload(coordinator, port, "/api/v1/privacy/agreements/" + signed + "/document",
                "virus.pdf", "application/pdf", "MZ\u0090\u0000 not a pdf".getBytes());
        assertThat(fields(fake)).containsExactly("file");
        var empty = PrivacyTestData.upload(coordinator, port, "/api/v1/privacy/agreements/" + signed + "/document",
                "leeg.pdf", "application/pdf", new byte[0]);
        assertThat(fields(empty)).containsExactly("file");
        var download = coordinator.get("/api/v1/privacy/agreements/" + signed + "/document");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).isEqualTo("application/pdf");

        assertThat(fields(coordinator.post("/api/v1/privacy/agreements",
                Api.json(PrivacyTestData.agreementBody(a, null, "SIGNED", null, "2020-01-01")))))
                .contains("signedOn");
        Map<String, Object> noParty = PrivacyTestData.agreementBody(a, null, "REQUESTED", null, null);
        noParty.remove("vendorName");
        assertThat(fields(coordinator.post("/api/v1/privacy/agreements", Api.json(noParty)))).contains("softwareId");
        assertThat(fields(coordinator.post("/api/v1/privacy/agreements",
                Api.json(PrivacyTestData.agreementBody(a, tool, "SIGNED", "2024-05-01", "2024-01-01"))))).contains("endDate");
        assertThat(coordinator.post("/api/v1/privacy/agreements", "{\"status\": \"SIGNED\", \"model\": \"VENDOR\", "
                + "\"signedOn\": \"2024-02-30\", \"softwareId\": " + tool + "}").status()).isEqualTo(400);
    }

    @Test
    void toolsInUseWithoutASignedAgreementAreListed() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        long tool = PrivacyTestData.software(coordinator, unique("Quizlet"), a);
        assertThat(warnings(coordinator, a, tool)).containsExactly("NONE");
        long requested = PrivacyTestData.agreement(coordinator, a, tool, "REQUESTED", null, null);
        assertThat(warnings(coordinator, a, tool)).containsExactly("REQUESTED");
        Map<String, Object> body = PrivacyTestData.agreementBody(a, tool, "SIGNED",
                LocalDate.now(PrivacyTestData.BRUSSELS).toString(), null);
        body.put("version", 0);
        assertThat(coordinator.put("/api/v1/privacy/agreements/" + requested, Api.json(body)).status()).isEqualTo(200);
        assertThat(warnings(coordinator, a, tool)).isEmpty();
    }

    private List<String> warnings(Api api, long school, long tool) {
        JsonNode items = api.get("/api/v1/privacy/agreements/warnings?size=200&school=" + school).json().get("items");
        List<String> states = new java.util.ArrayList<>();
        for (JsonNode w : items) {
            if (w.get("softwareId").asLong() == tool) {
                states.add(w.get("state").asString());
            }
        }
        return states;
    }

    @Test
    void dpiaScreeningRisksAndDecision() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        long notNeeded = PrivacyTestData.dpia(coordinator, a, unique("Screening"), null, List.of("LARGE_SCALE"));
        assertThat(coordinator.get("/api/v1/privacy/dpias/" + notNeeded).json().get("needed").asBoolean()).isFalse();
        long id = PrivacyTestData.dpia(coordinator, a, unique("DPIA leerplatform"), null,
                List.of("VULNERABLE_SUBJECTS", "LARGE_SCALE", "VULNERABLE_SUBJECTS"));
        JsonNode d = coordinator.get("/api/v1/privacy/dpias/" + id).json();
        assertThat(d.get("needed").asBoolean()).isTrue();
        assertThat(d.get("criteria")).hasSize(2);

        var risk = coordinator.post("/api/v1/privacy/dpias/" + id + "/risks",
                "{\"description\": \"Profilering\", \"likelihood\": 3, \"impact\": 4, \"measures\": \"Uitzetten\"}");
        assertThat(risk.status()).as(risk.toString()).isEqualTo(201);
        JsonNode r = risk.json().get("risks").get(0);
        assertThat(r.get("likelihood").asInt() * r.get("impact").asInt()).isEqualTo(12);
        assertThat(fields(coordinator.post("/api/v1/privacy/dpias/" + id + "/risks",
                "{\"description\": \"\", \"likelihood\": 5, \"impact\": 0}"))).contains("description", "likelihood", "impact");

        assertThat(fields(coordinator.put("/api/v1/privacy/dpias/" + id + "/decision",
                "{\"decision\": \"PROCEED_WITH_MEASURES\"}"))).containsExactly("note");
        var decided = coordinator.put("/api/v1/privacy/dpias/" + id + "/decision",
                "{\"decision\": \"PROCEED_WITH_MEASURES\", \"note\": \"Extra diensten uit\"}");
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        assertThat(decided.json().get("decidedBy").asString()).isEqualTo("Koen Coördinator");

        // the DPO's advice is a review of kind ADVICE; an empty advice is refused
        Api dpo = Api.as("dpo", port, jdbc);
        assertThat(fields(dpo.post("/api/v1/privacy/dpias/" + id + "/reviews", "{\"kind\": \"ADVICE\", \"body\": \" \"}")))
                .containsExactly("body");
        assertThat(dpo.post("/api/v1/privacy/dpias/" + id + "/reviews", "{\"kind\": \"ADVICE\", \"body\": \"Positief\"}").status())
                .isEqualTo(201);
        assertThat(dpo.post("/api/v1/privacy/dpias/" + id + "/reviews", "{\"kind\": \"LIKE\"}").status()).isEqualTo(400);
    }

    @Test
    void breachClockAssessmentNotificationAndClosing() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        long id = PrivacyTestData.breach(coordinator, a, unique("Lijst naar verkeerde ouders"), hoursAgo(80));
        JsonNode b = coordinator.get("/api/v1/privacy/breaches/" + id).json();
        assertThat(b.get("state").asString()).isEqualTo("OVERDUE");
        assertThat(java.time.Duration.between(java.time.Instant.parse(b.get("discoveredAt").asString()),
                java.time.Instant.parse(b.get("deadline").asString())).toHours()).isEqualTo(72);

        Map<String, Object> body = PrivacyTestData.breachBody(a, b.get("title").asString(), hoursAgo(80));
        body.put("version", b.get("version").asInt());
        body.put("risk", "HIGH");
        body.put("authorityNotifiedAt", hoursAgo(1).toString());
        body.put("closed", true);
        // late, without a reason; people not informed yet: not closable
        assertThat(fields(coordinator.put("/api/v1/privacy/breaches/" + id, Api.json(body))))
                .contains("delayReason", "peopleInformedAt");
        body.put("delayReason", "Pas na het weekend vastgesteld wie betrokken was");
        body.put("authorityReference", "VTC-2026-0042");
        body.put("peopleInformedAt", hoursAgo(1).toString());
        var ok = coordinator.put("/api/v1/privacy/breaches/" + id, Api.json(body));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.json().get("state").asString()).isEqualTo("NOTIFIED");
        assertThat(ok.json().get("closedAt").isNull()).isFalse();

        // low risk is logged with the reason why it is not notified
        long low = PrivacyTestData.breach(coordinator, a, unique("Versleutelde stick kwijt"), hoursAgo(2));
        Map<String, Object> lowBody = PrivacyTestData.breachBody(a, "Versleutelde stick kwijt", hoursAgo(2));
        lowBody.put("risk", "LOW");
        lowBody.put("version", 0);
        assertThat(fields(coordinator.put("/api/v1/privacy/breaches/" + low, Api.json(lowBody)))).containsExactly("notNotifiedReason");
        lowBody.put("notNotifiedReason", "Versleuteld");
        assertThat(coordinator.put("/api/v1/privacy/breaches/" + low, Api.json(lowBody)).json().get("state").asString())
                .isEqualTo("NOT_REQUIRED");
    }

    @Test
    void breachReportsRefuseImpossibleTimesAndHostileInput() {
        Api teacher = Api.as("teacher", port, jdbc);
        long a = Demo.regenboog(jdbc);
        Map<String, Object> future = PrivacyTestData.breachBody(a, "Toekomst", hoursAgo(-48));
        assertThat(fields(teacher.post("/api/v1/privacy/breaches", Api.json(future)))).containsExactly("discoveredAt");
        Map<String, Object> before = PrivacyTestData.breachBody(a, "Volgorde", hoursAgo(5));
        before.put("occurredAt", hoursAgo(1).toString());
        assertThat(fields(teacher.post("/api/v1/privacy/breaches", Api.json(before)))).containsExactly("occurredAt");
        Map<String, Object> missing = PrivacyTestData.breachBody(a, " ", hoursAgo(1));
        missing.remove("discoveredAt");
        missing.put("peopleAffected", -3);
        assertThat(fields(teacher.post("/api/v1/privacy/breaches", Api.json(missing))))
                .contains("title", "discoveredAt", "peopleAffected");
        assertThat(teacher.post("/api/v1/privacy/breaches", "{\"title\": \"x\", \"description\": \"y\", "
                + "\"discoveredAt\": \"gisteren\"}").status()).isEqualTo(400);
        assertThat(teacher.post("/api/v1/privacy/breaches", "{\"title\": \"x\\u0000\", \"description\": \"y\", "
                + "\"discoveredAt\": \"2026-01-01T10:00\", \"schoolId\": " + a + "}").status()).isLessThan(500);
        assertThat(teacher.post("/api/v1/privacy/breaches", "[1, 2]").status()).isEqualTo(400);
    }
}
