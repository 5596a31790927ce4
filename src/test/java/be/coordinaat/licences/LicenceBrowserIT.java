package be.coordinaat.licences;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Browser;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.time.Duration;
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

/** A coordinator registers a licence, assigns it to a device with the search box, and sees it on the device's page. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LicenceBrowserIT {

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

    /** Long forms end below the window: scroll the button to the middle before clicking it. */
    void clickInView(String css) {
        var element = browser.find(css);
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        browser.click(css);
    }

    @Test
    void coordinatorCreatesALicenceAssignsItToAnAssetAndSeesItOnTheAssetPage() {
        long a = Demo.regenboog(jdbc);
        String name = LicenceTestData.unique("GeoGebra");
        long software = LicenceTestData.software(Api.as("coordinator", port, jdbc), name, a);
        long asset = jdbc.sql("SELECT id FROM asset WHERE school_id = ? AND tag = 'RB-000030'").param(a).query(Long.class).single();
        try {
            browser.signIn("coordinator", "coordinator");
            browser.open("/licences");
            browser.click("#new-licence");
            browser.find("#licence-form");
            new Select(browser.find("#softwareId")).selectByValue(String.valueOf(software));
            new Select(browser.find("#type")).selectByValue("PER_DEVICE");
            browser.type("#name", "Documentcamera's");
            browser.type("#seats", "0");
            clickInView("#save");
            browser.waitForText("#seats-error", "moet tussen 1 en");
            browser.type("#seats", "2");
            clickInView("#save");
            browser.waitForText("#licence-title", name + " – Documentcamera's");

            // the asset chooser searches as you type (htmx)
            browser.type("#asset-q", "RB-000030");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(d ->
                    d.findElements(By.cssSelector("#assetId option")).size() == 1);
            new Select(browser.find("#assetId")).selectByValue(String.valueOf(asset));
            clickInView("#assign-asset-submit");
            browser.waitForText("#assignments", "RB-000030");
            assertThat(browser.text("#licence-seats")).startsWith("1 van 2");
            browser.waitForText("#history-licence", "RB-000030");

            browser.open("/inventory/assets/" + asset);
            browser.waitForText("#licences-of-asset", name);
            long licence = jdbc.sql("SELECT l.id FROM licence l WHERE l.software_id = ?").param(software).query(Long.class).single();
            browser.click("#licences-of-asset a[href='/licences/" + licence + "']");
            browser.waitForText("#licence-title", name);
        } catch (RuntimeException | AssertionError e) {
            browser.screenshot("licence-browser");
            throw e;
        }
    }
}
