package be.coordinaat.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Browser;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The inventory in a real headless Chromium: register an asset, add a photo, find it with the live filter. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InventoryBrowserIT {

    /** A real 1×1 PNG, so the thumbnail renders. */
    static final byte[] PIXEL = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

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

    /** Clicks a button that may lie below the fold of the long form. */
    void press(String css) {
        var button = browser.find(css);
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        browser.click(css);
    }

    @Test
    void coordinatorAddsAnAssetAndSeesItInTheFilteredList() throws Exception {
        try {
            browser.signIn("coordinator", "coordinator");
            browser.click("#nav-technical");
            browser.click("#nav-assets");
            browser.waitForText("h1", "Toestellen");
            browser.click("#new-asset");
            browser.waitForText("h1", "Nieuw toestel");

            // the custom fields follow the kind (htmx)
            new Select(browser.find("#kind")).selectByValue("LAPTOP");
            browser.find("#extra-os");
            String serial = "BROWSER-" + System.nanoTime();
            new Select(browser.find("#modelId")).selectByVisibleText("HP ProBook 450 G9");
            browser.type("#serial", serial);
            new Select(browser.find("#status")).selectByValue("IN_USE");
            new Select(browser.find("#roomId")).selectByValue(String.valueOf(Demo.roomOf(jdbc, Demo.regenboog(jdbc))));
            browser.type("#extra-ram_gb", "16");
            press("#save");
            assertThat(browser.text("#extra-os-error")).isEqualTo("is verplicht");
            new Select(browser.find("#extra-os")).selectByValue("Ubuntu");
            press("#save");
            browser.waitForText("#asset-status", "in gebruik");
            String tag = browser.text("#asset-tag");
            assertThat(tag).matches("RB-\\d{6}");
            assertThat(browser.text("#asset-fields")).contains(serial).contains("HP ProBook 450 G9").contains("Ubuntu");

            // a photo
            Path photo = Files.createTempFile("laptop", ".png");
            Files.write(photo, PIXEL);
            browser.find("#file").sendKeys(photo.toAbsolutePath().toString());
            press("#upload");
            browser.find("#attachments img");
            assertThat(browser.find("#attachments img").getDomProperty("naturalWidth")).as("the thumbnail loads").isEqualTo("1");
            Files.deleteIfExists(photo);
            browser.waitForText("#history-asset", "aangemaakt");

            // the live filter finds it as you type, and keeps the address in step
            browser.open("/inventory/assets");
            browser.type("#q", serial.toLowerCase());
            browser.waitForExactText("#asset-count", "1 toestel");
            assertThat(browser.text("#assets tbody")).contains(tag).contains("in gebruik");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> browser.path().contains("q=" + serial.toLowerCase()));
            new Select(browser.find("#f-status")).selectByValue("IN_REPAIR");
            browser.waitForText("#asset-count", "geen toestellen");
            new Select(browser.find("#f-status")).selectByValue("IN_USE");
            browser.waitForExactText("#asset-count", "1 toestel");

            // and the filter can be kept as a quick link
            browser.type("#filter-name", "Mijn testlaptop");
            press("#save-filter");
            browser.waitForText("#saved-filters", "Mijn testlaptop");
            browser.open("/inventory/assets");
            browser.click("a.saved-filter[href*='browser-']");
            browser.waitForExactText("#asset-count", "1 toestel");
            assertThat(browser.text("#assets tbody")).contains(tag);
        } catch (AssertionError | RuntimeException e) {
            browser.screenshot("inventory-flow");
            throw e;
        }
    }
}
