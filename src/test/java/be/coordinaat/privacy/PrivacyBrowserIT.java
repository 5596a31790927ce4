package be.coordinaat.privacy;

import static be.coordinaat.privacy.PrivacyTestData.unique;
import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Browser;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A teacher reports a data breach in the browser and sees the 72-hour deadline counted from the discovery; the
 * coordinator assesses it as a risk; the DPO opens it from the register and signs it off.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivacyBrowserIT {

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

    void setValue(String css, String value) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];", browser.find(css), value);
    }

    void signOut() {
        browser.driver().manage().deleteAllCookies();
    }

    @Test
    void aReportedBreachShowsItsDeadlineAndTheDpoSignsItOff() {
        String title = unique("Toetsresultaten in verkeerde Smartschool-groep");
        LocalDateTime discovered = LocalDateTime.now(PrivacyTestData.BRUSSELS).minusHours(10).truncatedTo(ChronoUnit.MINUTES);
        String deadline = discovered.plusHours(72).format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm"));
        try {
            browser.signIn("teacher", "teacher");
            browser.click("#nav-privacy");
            browser.click("#nav-report-breach");
            browser.find("#breach-form");
            browser.type("#title", title);
            browser.type("#description", "De resultaten van de toets wiskunde van 5A stonden zichtbaar voor 6B.");
            setValue("#discoveredAt", discovered.toString());
            browser.click("#subjectCategories-PUPILS");
            browser.type("#peopleAffected", "22");
            browser.click("#save");
            browser.waitForText("#breach-title", title);
            assertThat(browser.text("#deadline-text")).contains(deadline);
            assertThat(browser.text("#deadline-state")).contains("Nog niet beoordeeld");
            assertThat(browser.all("#review-form")).isEmpty();
            long id = Long.parseLong(browser.path().replaceAll(".*/breaches/(\\d+).*", "$1"));
            assertThat(jdbc.sql("SELECT school_id FROM privacy_breach WHERE id = ?").param(id).query(Long.class).single())
                    .isEqualTo(Demo.regenboog(jdbc));
            signOut();

            browser.signIn("coordinator", "coordinator");
            browser.open("/privacy/breaches/" + id);
            browser.click("#assess-breach");
            new Select(browser.find("#risk")).selectByValue("RISK");
            browser.type("#riskAssessment", "Resultaten van minderjarigen bij andere leerlingen.");
            browser.click("#save");
            browser.waitForText("#breach-risk", "melden bij de toezichthouder");
            assertThat(browser.text("#deadline-state")).contains("om te melden");
            signOut();

            browser.signIn("dpo", "dpo");
            browser.open("/privacy/breaches?open=true");
            browser.click("a[href$='/privacy/breaches/" + id + "']");
            browser.waitForText("#breach-title", title);
            browser.type("#review-body", "Melding bij de VTC is voorbereid; graag vandaag nog versturen.");
            browser.click("#review-signoff");
            browser.waitForText("#review-list", "Melding bij de VTC");
            browser.waitForText("#breach-badges", "goedgekeurd door Dana Privacy");
            browser.waitForText("#history-privacy-breach", "Dana Privacy");
        } catch (RuntimeException | AssertionError e) {
            browser.screenshot("privacy-breach");
            throw e;
        } finally {
            signOut();
        }
    }
}
