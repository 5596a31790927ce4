package be.coordinaat.selfevaluation;

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

/** Every page of the module renders for the roles that may see it, and odd input gives a page or a field error, never a 500. */
@IntegrationTest
class SelfEvaluationPagesIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void everyPageRendersForTheCoordinatorAndTheDirectorAndOddParametersAreHarmless() {
        long a = Demo.regenboog(jdbc);
        long demo = jdbc.sql("SELECT id FROM selfeval_round WHERE school_id = ? AND status = 'CLOSED' AND name LIKE 'Zelfevaluatie digitaal leren %' ORDER BY closed_at DESC LIMIT 1")
                .param(a).query(Long.class).single();
        long open = jdbc.sql("SELECT id FROM selfeval_round WHERE school_id = ? AND name = 'Opvolging leerlingen derde graad'")
                .param(a).query(Long.class).single();
        Browserless coordinator = Browserless.signIn(port, "coordinator", "coordinator");
        for (String page : List.of("/self-evaluations", "/self-evaluations?status=CLOSED&school=" + a + "&q=digitaal",
                "/self-evaluations?status=NOPE&school=abc&page=-3&q=%25_", "/self-evaluations/new",
                "/self-evaluations/" + demo, "/self-evaluations/" + demo + "/results", "/self-evaluations/" + demo + "/edit",
                "/self-evaluations/" + open, "/self-evaluations/" + open + "/codes/1", "/self-evaluations/" + open + "/results")) {
            assertThat(coordinator.get(page).status()).as(page).isEqualTo(200);
        }
        var results = coordinator.get("/self-evaluations/" + demo + "/results").document();
        assertThat(results.select("#area-chart")).hasSize(1);
        assertThat(results.select("#previous-round")).hasSize(1);
        assertThat(results.select("#area-table tbody tr")).hasSize(8);
        assertThat(results.select("#area-table td.change").eachText()).anyMatch(t -> t.startsWith("+"));
        var sheet = coordinator.get("/self-evaluations/" + open + "/codes/1").document();
        assertThat(sheet.select("#code-sheet .selfeval-slip").size()).isGreaterThanOrEqualTo(20);
        var csv = coordinator.get("/self-evaluations/" + demo + "/results.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains("Leiderschap").contains("Niveau;Domein");

        Browserless director = Browserless.signIn(port, "director", "director");
        assertThat(director.get("/self-evaluations/" + demo + "/results").status()).isEqualTo(200);
        var round = director.get("/self-evaluations/" + demo);
        assertThat(round.status()).isEqualTo(200);
        assertThat(round.document().select("#links, #codes-form, #edit-round")).isEmpty();
        assertThat(director.get("/self-evaluations/" + open + "/codes/1").status()).isEqualTo(403);
        assertThat(director.get("/self-evaluations/new").status()).isEqualTo(403);
        assertThat(director.get("/").body()).contains("nav-selfevaluation");
        assertThat(Browserless.signIn(port, "teacher", "teacher").get("/").body()).doesNotContain("nav-selfevaluation");
    }

    @Test
    void theFormsShowFieldErrorsAndTheRoundIsRunFromItsPage() {
        Browserless web = Browserless.signIn(port, "coordinator", "coordinator");
        long a = Demo.regenboog(jdbc);
        var empty = web.post("/self-evaluations", Map.of("schoolId", String.valueOf(a), "name", " "), "/self-evaluations/new");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.document().select("#name-error").text()).isNotBlank();
        var noGroups = web.post("/self-evaluations", Map.of("schoolId", String.valueOf(a), "name", "Zonder groepen"), "/self-evaluations/new");
        assertThat(noGroups.status()).isEqualTo(200);
        assertThat(noGroups.document().select("#groups-error").text()).contains("kies minstens één doelgroep");
        var wrongSchool = web.post("/self-evaluations", Map.of("schoolId", "abc", "name", "x", "groups", "PUPILS"), "/self-evaluations/new");
        assertThat(wrongSchool.status()).isEqualTo(200);
        var created = web.post("/self-evaluations", Map.of("schoolId", String.valueOf(a), "name", SurveyTestData.unique("Formulier"),
                "groups", "PUPILS"), "/self-evaluations/new");
        assertThat(created.status()).isEqualTo(302);
        String page = created.location().replaceFirst("^https?://[^/]+", "");
        long id = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));
        var codes = web.post(page + "/codes", Map.of("group", "PUPILS", "count", "0"), page);
        assertThat(codes.status()).isEqualTo(200);
        assertThat(codes.document().select("#count-error").text()).isNotBlank();
        var text = web.post(page + "/codes", Map.of("group", "PUPILS", "count", "veel"), page);
        assertThat(text.status()).isEqualTo(200);
        var statement = web.post(page + "/statements", Map.of("area", "LEADERSHIP", "groups", "PUPILS", "textNl", "x".repeat(301),
                "textEn", ""), page);
        assertThat(statement.status()).isEqualTo(200);
        assertThat(statement.document().select("#textNl-error").text()).isNotBlank();
        assertThat(statement.document().select("#textEn-error").text()).isNotBlank();
        assertThat(web.post(page + "/open", Map.of(), page).status()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT status FROM selfeval_round WHERE id = ?").param(id).query(String.class).single()).isEqualTo("OPEN");
        var stale = web.post(page, Map.of("name", "Nieuwe naam", "groups", "PUPILS", "version", "0"), page + "/edit");
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.body()).contains("Iemand anders wijzigde dit gegeven intussen");
        var groupsFixed = Api.as("coordinator", port, jdbc).put("/api/v1/self-evaluations/" + id,
                "{\"name\":\"x\",\"groups\":[\"TEACHERS\"]}");
        assertThat(groupsFixed.status()).isEqualTo(400);
        assertThat(groupsFixed.body()).contains("groups");
        assertThat(web.post(page + "/close", Map.of(), page).status()).isEqualTo(302);
        assertThat(web.post(page + "/close", Map.of(), page).status()).as("closing twice is a message, not an error").isEqualTo(302);
        assertThat(jdbc.sql("SELECT count(*) FROM history_entry WHERE record_type = 'self-evaluation-round' AND record_id = ?")
                .param(id).query(Long.class).single()).isGreaterThanOrEqualTo(3);
    }
}
