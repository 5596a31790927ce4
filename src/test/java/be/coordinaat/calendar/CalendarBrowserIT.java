package be.coordinaat.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Browser;
import be.coordinaat.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** In Chromium: from the school's page to its calendar, own hours with a split day, the Flemish holidays, a study day. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalendarBrowserIT {

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

    @Test
    void boardAdminSetsUpTheCalendarOfANewSchool() {
        long school = CalendarTestData.freshSchool(Api.as("admin", port, jdbc), jdbc);
        try {
            browser.signIn("admin", "admin");
            browser.open("/schools/" + school);
            browser.click("#school-calendar");
            browser.find("#week-hours");
            assertThat(browser.text("#hours-origin")).isEqualTo("Overgenomen van het schoolbestuur");

            browser.click("#edit-hours");
            new Select(browser.find("#ownHours")).selectByValue("true");
            browser.type("#monday", "08:30-12:00, 13:00-16:00");
            browser.type("#wednesday", "08:30-12:00");
            browser.type("#friday", "08:30-12:00 13:00-15:00");
            browser.click("#save-hours");
            browser.waitForText("#friday-error", "08:15-12:05");
            browser.type("#friday", "08:30-12:00, 13:00-15:00");
            browser.click("#save-hours");
            browser.waitForText("#hours-origin", "Eigen openingsuren");
            assertThat(browser.all("#week-hours tr").get(4).getText()).contains("08:30–12:00, 13:00–15:00");

            new Select(browser.find("#year")).selectByValue("2026-2027");
            browser.click("form[method=get] button[type=submit]");
            browser.click("#generate");
            browser.waitForText("#generated", "2026-2027");
            assertThat(browser.text("#closures")).contains("Krokusvakantie", "08/02/2027");

            browser.click("#new-closure");
            browser.type("#name", "Pedagogische studiedag");
            ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("document.getElementById('firstDay').value = '2027-01-27';");
            browser.click("#save-closure");
            browser.waitForText("#closures", "Pedagogische studiedag");
            browser.screenshot("calendar-school");
        } catch (RuntimeException | AssertionError e) {
            browser.screenshot("calendar-failure");
            throw e;
        }
    }
}
