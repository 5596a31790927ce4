package be.coordinaat.ui;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Browser;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The foundation's flows in a real headless Chromium. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FoundationBrowserIT {

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
    void adminCreatesSchoolAndRoomSwitchesLanguageSeesHistoryAndSignsOut() {
        try {
            browser.signIn("admin", "admin");
            assertThat(browser.path()).isEqualTo("/");
            assertThat(browser.text("h1")).isEqualTo("Welkom, An Beheerder");

            // create a school
            browser.open("/schools");
            browser.click("#new-school");
            String number = Demo.freshInstitutionNumber(jdbc);
            browser.type("#name", "Basisschool Het Kompas");
            browser.type("#institutionNumber", "12AB");
            browser.click("#save");
            assertThat(browser.text("#institutionNumber-error")).isEqualTo("moet uit 6 cijfers bestaan (bv. 012345)");
            browser.type("#institutionNumber", number);
            new Select(browser.find("#level")).selectByValue("PRIMARY");
            browser.type("#city", "Poperinge");
            browser.click("#save");
            browser.waitForText("h1", "Basisschool Het Kompas");
            long schoolId = jdbc.sql("SELECT id FROM school WHERE institution_number = ?").param(number).query(Long.class).single();
            assertThat(browser.path()).isEqualTo("/schools/" + schoolId);

            // its campus, building and room
            browser.click("#new-campus");
            browser.type("#name", "Hoofdvestiging");
            browser.click("#save");
            browser.click("#new-building");
            browser.type("#name", "Gebouw A");
            browser.click("#save");
            browser.click("#new-room");
            browser.type("#name", "Klas 1");
            browser.type("#code", "K1");
            browser.click("#save");
            browser.waitForText("h1", "Klas 1");
            assertThat(jdbc.sql("SELECT count(*) FROM room WHERE school_id = ? AND code = 'K1'").param(schoolId).query(Long.class).single()).isEqualTo(1);

            // the history of the room, loaded by htmx
            browser.waitForText("#history-room", "aangemaakt");
            assertThat(browser.text("#history-room")).contains("An Beheerder").contains("K1");

            // switch to English
            browser.open("/account");
            browser.click("#lang-en");
            browser.waitForText("h1", "My account");
            browser.open("/schools/" + schoolId);
            browser.waitForText("#history-school", "created");
            assertThat(browser.pageText()).contains("Institution number");
            browser.open("/account");
            browser.click("#lang-nl");
            browser.waitForText("h1", "Mijn account");

            // sign out
            browser.click("#nav-account");
            browser.click("#sign-out");
            browser.waitForText("#signed-out", "afgemeld");
            browser.open("/schools");
            assertThat(browser.path()).startsWith("/login");
        } catch (AssertionError | RuntimeException e) {
            browser.screenshot("foundation-flow");
            throw e;
        }
    }

    @Test
    void wrongPasswordShowsAMessage() {
        browser.signIn("coordinator", "not-the-password");
        assertThat(browser.text("#sign-in-error")).isEqualTo("Gebruikersnaam of wachtwoord is fout.");
    }
}
