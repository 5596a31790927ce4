package be.coordinaat.privacy;

import static be.coordinaat.privacy.PrivacyTestData.hoursAgo;
import static be.coordinaat.privacy.PrivacyTestData.unique;
import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Browserless;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every privacy page renders for the coordinator and the DPO; forms show field errors for bad input, never a 500. */
@IntegrationTest
class PrivacyPagesIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void everyPageRendersForTheCoordinatorAndTheDpo() {
        long a = Demo.regenboog(jdbc);
        Api coordinator = Api.as("coordinator", port, jdbc);
        long tool = PrivacyTestData.software(coordinator, unique("Padlet"), a);
        long p = PrivacyTestData.processing(coordinator, a, unique("Padlet register"), tool);
        long ag = PrivacyTestData.agreement(coordinator, a, tool, "SIGNED", "2024-09-01", null);
        long d = PrivacyTestData.dpia(coordinator, a, unique("Padlet DPIA"), tool, List.of("LARGE_SCALE", "VULNERABLE_SUBJECTS"));
        coordinator.post("/api/v1/privacy/dpias/" + d + "/risks", "{\"description\": \"Openbare muren\", \"likelihood\": 2, \"impact\": 3}");
        long br = PrivacyTestData.breach(coordinator, a, unique("Padlet-muur openbaar"), hoursAgo(5));
        for (String user : List.of("coordinator", "dpo", "admin")) {
            Browserless web = Browserless.signIn(port, user, user);
            for (String page : List.of("/privacy", "/privacy/processing", "/privacy/processing?reviewDue=true&status=ACTIVE&sort=-review",
                    "/privacy/processing/new", "/privacy/processing/" + p, "/privacy/processing/" + p + "/edit",
                    "/privacy/agreements", "/privacy/agreements?state=EXPIRED&sort=end", "/privacy/agreements/warnings",
                    "/privacy/agreements/new?software=" + tool, "/privacy/agreements/" + ag, "/privacy/agreements/" + ag + "/edit",
                    "/privacy/dpias", "/privacy/dpias?decision=PENDING&sort=title", "/privacy/dpias/new", "/privacy/dpias/" + d,
                    "/privacy/dpias/" + d + "/edit", "/privacy/breaches", "/privacy/breaches?open=true&state=DUE",
                    "/privacy/breaches/new", "/privacy/breaches/" + br, "/privacy/breaches/" + br + "/edit",
                    "/privacy/processing?status=NOPE&school=abc&page=-4")) {
                var r = web.get(page);
                assertThat(r.status()).as(user + " " + page).isEqualTo(200);
                assertThat(r.body()).as(page).contains("nav-privacy");
            }
        }
        // the demo data is there for the DPO: both schools
        Browserless dpo = Browserless.signIn(port, "dpo", "dpo");
        assertThat(dpo.get("/privacy/processing?size=200").body()).contains("Smartschool").contains("Google Workspace");
        assertThat(dpo.get("/privacy/breaches").body()).contains("E-mail met zorgverslag");
    }

    @Test
    void formsShowFieldErrorsForBadInput() {
        long a = Demo.regenboog(jdbc);
        Browserless web = Browserless.signIn(port, "coordinator", "coordinator");
        Map<String, String> breach = new LinkedHashMap<>();
        breach.put("schoolId", String.valueOf(a));
        breach.put("title", "");
        breach.put("description", "Iets");
        breach.put("discoveredAt", "gisteren");
        breach.put("peopleAffected", "veel");
        var r = web.post("/privacy/breaches", breach, "/privacy/breaches/new");
        assertThat(r.status()).isEqualTo(200);
        var doc = r.document();
        assertThat(doc.select("#discoveredAt.is-invalid")).isNotEmpty();
        assertThat(doc.select("#peopleAffected.is-invalid")).isNotEmpty();
        breach.put("discoveredAt", "2026-01-05T08:30");
        breach.put("peopleAffected", "-1");
        doc = web.post("/privacy/breaches", breach, "/privacy/breaches/new").document();
        assertThat(doc.select("#title.is-invalid")).isNotEmpty();
        assertThat(doc.select("#peopleAffected.is-invalid")).isNotEmpty();
        assertThat(doc.select("#discoveredAt").attr("value")).isEqualTo("2026-01-05T08:30");

        Map<String, String> processing = new LinkedHashMap<>();
        processing.put("schoolId", String.valueOf(a));
        processing.put("name", "Zonder waarborgen");
        processing.put("purpose", "Test");
        processing.put("legalBasis", "PUBLIC_TASK");
        processing.put("retention", "1 jaar");
        processing.put("status", "ACTIVE");
        processing.put("transfersOutsideEu", "true");
        processing.put("reviewDate", "2026-02-31");
        processing.put("subjectCategories", "ALIENS");
        r = web.post("/privacy/processing", processing, "/privacy/processing/new");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.document().select(".is-invalid, .invalid-feedback")).isNotEmpty();
        processing.put("reviewDate", "2027-02-01");
        processing.remove("subjectCategories");
        r = web.post("/privacy/processing", processing, "/privacy/processing/new");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.document().select("#transferSafeguards.is-invalid")).isNotEmpty();
        processing.put("transferSafeguards", "Standaardcontractbepalingen");
        r = web.post("/privacy/processing", processing, "/privacy/processing/new");
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.location()).contains("/privacy/processing/");
    }
}
