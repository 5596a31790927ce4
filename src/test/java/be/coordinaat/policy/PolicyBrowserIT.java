package be.coordinaat.policy;

import static be.coordinaat.policy.PolicyTestData.map;
import static be.coordinaat.policy.PolicyTestData.ok;
import static be.coordinaat.policy.PolicyTestData.unique;
import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Browser;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In headless Chromium: the coordinator writes a policy plan with a goal and an action and submits it, the director
 * approves it, and the approved plan's PDF carries its text; a teacher acknowledges the acceptable-use policy from the
 * banner on the home page.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolicyBrowserIT {

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

    void signInAs(String user) {
        browser.driver().manage().deleteAllCookies();
        browser.signIn(user, user);
    }

    @Test
    void coordinatorWritesAPlanTheDirectorApprovesItAndThePdfCarriesIt() {
        long a = Demo.regenboog(jdbc);
        String title = unique("Beleidsplan browser");
        try {
            signInAs("coordinator");
            browser.open("/");
            browser.click("#nav-policy-group");
            browser.click("#nav-policy");
            browser.click("#tab-plans");
            browser.click("#new-plan");
            browser.type("#title", title);
            browser.type("#startYear", "2026");
            browser.type("#endYear", "2040");
            browser.click("#save");
            browser.waitForText("#endYear-error", "10 jaar");
            browser.type("#endYear", "2029");
            browser.click("#save");
            browser.waitForText("#plan-title", title);
            browser.waitForText("#plan-status", "Ontwerp");

            browser.click("#add-goal");
            browser.type("#title", "Elke klas werkt wekelijks met het leerplatform");
            browser.type("#measure", "Aantal klassen met wekelijkse taken");
            browser.type("#target", "Alle klassen");
            new Select(browser.find("#area")).selectByValue("PEDAGOGY_IMPLEMENTATION");
            browser.click("input[name=themes][value=A2]");
            browser.click("#save");
            browser.waitForText(".policy-goal .goal-title", "Elke klas werkt wekelijks");

            browser.click(".policy-goal a[href$='/actions/new']");
            browser.type("#title", "Startvorming voor het hele team");
            new Select(browser.find("#ownerUserId")).selectByVisibleText("Tine Leerkracht");
            browser.type("#amount", "450");
            browser.click("#save");
            browser.waitForText(".policy-actions", "Startvorming voor het hele team");

            browser.type("#comment-body", "Graag je akkoord voor de vorming.");
            browser.click("#add-comment");
            browser.waitForText("#comments", "Graag je akkoord");
            browser.click("#submit-plan");
            browser.waitForText("#plan-status", "Ter goedkeuring");
            long plan = jdbc.sql("SELECT id FROM policy_plan WHERE title = ?").param(title).query(Long.class).single();

            signInAs("director");
            browser.open("/policy/plans/" + plan);
            browser.type("#remarks", "Akkoord, mooi plan.");
            browser.click("#approve-plan");
            browser.waitForText("#plan-status", "Goedgekeurd");
            assertThat(browser.text("#plan-versions")).contains("versie 1");

            // the PDF link, fetched by the browser in the director's session
            String href = browser.find("#pdf-nl").getAttribute("href");
            String base64 = (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                    var done = arguments[arguments.length - 1];
                    fetch(arguments[0]).then(function (r) { return r.arrayBuffer(); }).then(function (b) {
                      var s = ''; var u = new Uint8Array(b);
                      for (var i = 0; i < u.length; i++) { s += String.fromCharCode(u[i]); }
                      done(btoa(s));
                    }).catch(function (e) { done('ERR ' + e); });""", href);
            assertThat(base64).doesNotStartWith("ERR");
            String text = PolicyTestData.pdfText(Base64.getDecoder().decode(base64));
            assertThat(text).contains(title).contains("Goedgekeurd door Dirk Directeur").contains("Elke klas werkt wekelijks met het leerplatform")
                    .contains("Startvorming voor het hele team").contains("Tine Leerkracht").contains("Tijdlijn").contains("450,00");
        } catch (RuntimeException | AssertionError e) {
            browser.screenshot("policy-plan");
            throw e;
        }
    }

    @Test
    void teacherAcknowledgesTheAcceptableUsePolicyFromTheHomePageBanner() {
        long a = Demo.regenboog(jdbc);
        String title = unique("ICT-reglement personeel");
        Api coordinator = Api.as("coordinator", port, jdbc);
        long id = ok(coordinator.put("/api/v1/policy/aup", Api.json(map("schoolId", a, "audience", "STAFF", "title", title,
                "body", "1. Je wachtwoord is persoonlijk.\n\n2. Meld een datalek meteen."))), 200).get("id").asLong();
        ok(coordinator.post("/api/v1/policy/aup/" + id + "/publish", ""), 200);
        try {
            signInAs("teacher");
            browser.open("/");
            browser.waitForText("#aup-banner", title);
            browser.click("#aup-banner .aup-banner-link");
            browser.waitForText("#aup-title", title);
            assertThat(browser.text("#aup-text")).contains("Meld een datalek meteen.");
            browser.click("#acknowledge-button");
            browser.waitForText("#acknowledged", "bevestigd");
            browser.open("/");
            browser.find("#nav-policy");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(d ->
                    d.findElements(By.cssSelector("#aup-banner")).stream().noneMatch(e -> e.getText().contains(title)));
            assertThat(jdbc.sql("SELECT count(*) FROM policy_aup_ack k JOIN app_user u ON u.id = k.user_id WHERE k.aup_id = ? AND u.username = 'teacher'")
                    .param(id).query(Long.class).single()).isEqualTo(1);

            signInAs("coordinator");
            browser.open("/policy/aup/" + id);
            browser.waitForText("#acknowledged-staff", "Tine Leerkracht");
            assertThat(browser.text("#pending-staff")).doesNotContain("Tine Leerkracht").contains("Dirk Directeur");
        } catch (RuntimeException | AssertionError e) {
            browser.screenshot("policy-aup");
            throw e;
        }
    }
}
