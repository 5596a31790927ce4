package be.coordinaat.licences;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Browser;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole life of a tool in the browser: a teacher proposes it, the coordinator invites the teacher, both score it,
 * a missing processor agreement blocks the coordinator's adoption, and the director adopts it with a reason; the
 * teacher then finds it in the approved catalogue with "maths in grade 5".
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ToolBrowserIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    Browser browser;

    @BeforeAll
    void start() {
        browser = new Browser(port);
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    void signOut() {
        browser.click("#nav-account");
        browser.click("#sign-out");
        browser.find("#username");
    }

    void score(int score, String recommendation) {
        for (ToolCriterion c : ToolCriterion.values()) {
            browser.click("#" + c.field() + "-" + score);
        }
        browser.type("#pedagogyComment", "Sluit aan bij de leerplandoelen");
        browser.click("#recommendation-" + recommendation);
        browser.click("#save");
    }

    @Test
    void teacherProposesTeachersEvaluateAndTheDirectorOverridesAMissingProcessorAgreement() {
        long a = Demo.regenboog(jdbc);
        String name = LicenceTestData.unique("Rekenkoning");
        try {
            // the teacher proposes a new tool
            browser.signIn("teacher", "teacher");
            browser.click("#nav-policy-group");
            browser.click("#nav-tools");
            browser.find("#tool-tabs");
            browser.click("#propose-tool");
            browser.find("#tool-form");
            browser.click("#save");
            browser.waitForText("#purpose-error", "waarvoor");
            browser.type("#name", name);
            browser.type("#vendorName", "Rekenuitgeverij");
            browser.type("#website", "https://rekenkoning.example");
            browser.click("#subject-MATHS");
            browser.click("#grade-PRIMARY_5");
            new Select(browser.find("#costModel")).selectByValue("PER_PUPIL");
            browser.type("#purpose", "Hoofdrekenen automatiseren in het vijfde leerjaar");
            browser.click("#save");
            browser.waitForText("#tool-name", name);
            assertThat(browser.text("#tool-status")).contains("Voorgesteld");
            assertThat(browser.text("#tool-subjects")).isEqualTo("Wiskunde");
            assertThat(browser.text("#tool-grades")).isEqualTo("5e leerjaar");
            long id = Long.parseLong(browser.path().replaceAll("\\D+", ""));
            long software = jdbc.sql("SELECT software_id FROM tool WHERE id = ?").param(id).query(Long.class).single();
            // the privacy module's real checks are open for this new tool (no register entry, no agreement)
            assertThat(software).isPositive();
            signOut();

            // the coordinator invites the teacher and himself, and scores
            browser.signIn("coordinator", "coordinator");
            browser.open("/tools?view=progress");
            browser.click("#tab-progress");
            browser.waitForText("#tool-list", name);
            browser.open("/tools/" + id);
            browser.waitForText("#privacy-open", "geen ondertekende verwerkersovereenkomst");
            new Select(browser.find("#invite-user")).selectByVisibleText("Tine Leerkracht");
            browser.click("#invite");
            browser.waitForText("#evaluator-list", "Tine Leerkracht");
            new Select(browser.find("#invite-user")).selectByVisibleText("Koen Coördinator");
            browser.click("#invite");
            browser.waitForText("#evaluator-list", "Koen Coördinator");
            assertThat(browser.text("#tool-status")).contains("In beoordeling");
            browser.click("#evaluate-tool");
            browser.find("#evaluation-form");
            score(3, "PILOT");
            browser.waitForText("#evaluation-count", "1 beoordeling");
            signOut();

            // the teacher finds it under "to evaluate" and scores
            browser.signIn("teacher", "teacher");
            browser.open("/tools");
            browser.click("#tab-mine");
            browser.waitForText("#tool-list", name);
            browser.open("/tools/" + id);
            browser.click("#evaluate-tool");
            browser.find("#evaluation-form");
            browser.click("#save");
            browser.waitForText("#recommendation-error", "verplicht");
            score(5, "ADOPT");
            browser.waitForText("#evaluation-count", "2 beoordelingen");
            browser.waitForText("#average-PEDAGOGY", "4,0");
            browser.waitForText("#average-overall", "4,0");
            signOut();

            // the coordinator may not adopt while the processor agreement is missing
            browser.signIn("coordinator", "coordinator");
            browser.open("/tools/" + id);
            new Select(browser.find("#status")).selectByValue("ADOPTED");
            browser.type("#reason", "Positief beoordeeld door twee leerkrachten");
            browser.click("#decide");
            browser.waitForText("#decision-form", "Alleen de directeur");
            assertThat(browser.all("#overrideReason")).as("only the director overrides").isEmpty();
            assertThat(browser.text("#tool-status")).contains("In beoordeling");
            signOut();

            // the director adopts it with a recorded reason
            browser.signIn("director", "director");
            browser.open("/tools/" + id);
            new Select(browser.find("#status")).selectByValue("ADOPTED");
            browser.type("#reason", "Positief beoordeeld door twee leerkrachten");
            browser.click("#decide");
            browser.waitForText("#overrideReason-error", "reden");
            browser.type("#overrideReason", "Overeenkomst wordt ondertekend; tot dan zonder leerlingnamen");
            browser.click("#decide");
            browser.waitForText("#tool-status", "Goedgekeurd");
            browser.waitForText("#tool-override", "Overeenkomst wordt ondertekend");
            browser.waitForText("#tool-life", "Toch goedgekeurd omdat");
            assertThat(browser.text("#tool-life")).contains("Dirk Directeur");
            signOut();

            // every teacher finds it in the approved catalogue: maths in the fifth year
            browser.signIn("teacher", "teacher");
            browser.open("/tools");
            new Select(browser.find("#f-subject")).selectByValue("MATHS");
            new Select(browser.find("#f-grade")).selectByValue("PRIMARY_5");
            browser.type("#q", name);
            browser.waitForExactText("#tool-count", "1 middel");
            assertThat(browser.driver().getCurrentUrl()).as("the pushed URL carries each filter once")
                    .containsOnlyOnce("grade=PRIMARY_5");
            assertThat(browser.text("#tool-table")).contains(name).contains("Goedgekeurd").contains("4,0 / 5 (2)");
            signOut();
        } catch (RuntimeException | AssertionError e) {
            browser.screenshot("tool-lifecycle");
            throw e;
        }
    }

    @Test
    void coordinatorPilotsAToolUntilAnEndDate() {
        long a = Demo.regenboog(jdbc);
        var api = be.coordinaat.support.Api.as("coordinator", port, jdbc);
        long id = ToolTestData.propose(api, LicenceTestData.unique("Pilotmiddel"), a).get("id").asLong();
        be.coordinaat.support.PrivacyRecords.inOrderForTool(api, id);
        try {
            browser.signIn("coordinator", "coordinator");
            browser.open("/tools/" + id);
            new Select(browser.find("#status")).selectByValue("UNDER_EVALUATION");
            browser.click("#decide");
            browser.waitForText("#tool-status", "In beoordeling");
            new Select(browser.find("#status")).selectByValue("PILOTING");
            browser.type("#reason", "Eerst in 5A");
            browser.click("#decide");
            browser.waitForText("#pilotEnd-error", "einddatum");
            LocalDate end = LocalDate.now().plusMonths(2);
            ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("document.getElementById('pilotEnd').value = arguments[0];", end.toString());
            browser.click("#decide");
            browser.waitForText("#tool-status", "Pilot");
            assertThat(browser.text("#tool-status")).contains(String.format("%02d/%02d/%d", end.getDayOfMonth(),
                    end.getMonthValue(), end.getYear()));
            signOut();
        } catch (RuntimeException | AssertionError e) {
            browser.screenshot("tool-pilot");
            throw e;
        }
    }
}
