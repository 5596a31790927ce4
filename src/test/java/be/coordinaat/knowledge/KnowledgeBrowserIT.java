package be.coordinaat.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Browser;
import be.coordinaat.support.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A coordinator writes and publishes a how-to with a heading and a list (seeing the preview as they type); a teacher
 * of the school finds it by typing a word of it without its accents.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KnowledgeBrowserIT {

    @LocalServerPort int port;
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
    void coordinatorPublishesAHowToAndATeacherFindsItWithoutAccents() {
        String token = "turnzaal" + System.nanoTime() % 100000;
        String title = "Het digibord in de " + token + " gebruiken";
        try {
            browser.signIn("coordinator", "coordinator");
            browser.open("/");
            browser.click("#nav-knowledge");
            browser.click("#new-article");
            browser.find("#article-form");
            browser.type("#title", title);
            browser.type("#summary", "Zo toon je je scherm op het digibord.");
            browser.type("#body", "## Aansluiten\n\n- Steek de HDMI-kabel in je laptop\n- Controleer of de driver geïnstalleerd is\n");
            browser.waitForText("#preview", "Aansluiten");
            assertThat(browser.all("#preview h2")).hasSize(1);
            browser.type("#tags", "digibord, hdmi");
            browser.click("#save-publish");
            browser.waitForText("#article-title", title);
            assertThat(browser.text("#article-status")).isEqualTo("Gepubliceerd");
            assertThat(browser.text("#article-body h2")).isEqualTo("Aansluiten");
            assertThat(browser.all("#article-body ul li")).hasSize(2);

            browser.driver().manage().deleteAllCookies();
            browser.signIn("teacher", "teacher");
            browser.open("/knowledge");
            browser.type("#q", "geinstalleerd " + token);
            browser.waitForText("#kb-list", title);
            assertThat(browser.text("#kb-list .kb-snippet mark")).isEqualTo("geïnstalleerd");
            browser.screenshot("knowledge-search");
            browser.click("#kb-list .kb-link");
            browser.waitForText("#article-title", title);
            assertThat(browser.text("#article-body")).contains("Controleer of de driver geïnstalleerd is");
            browser.screenshot("knowledge-article");
            browser.click("#vote-yes");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(d -> !browser.all("#my-vote").isEmpty());
        } catch (RuntimeException | AssertionError e) {
            browser.screenshot("knowledge-browser");
            throw e;
        }
    }
}
