package be.coordinaat.inventory;

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
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The phone page of a stocktake in headless Chromium: typed tags update the lists without a reload. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StocktakeBrowserIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    Browser browser;

    @BeforeAll
    void open() {
        browser = new Browser(port);
    }

    @AfterAll
    void close() {
        browser.close();
    }

    @Test
    void stocktakeARoomByTypingTags() {
        long a = Demo.regenboog(jdbc);
        String name = "Browserlokaal " + System.nanoTime();
        long room = jdbc.sql("INSERT INTO room (school_id, building_id, name) VALUES (?, ?, ?) RETURNING id")
                .params(a, Demo.buildingOf(jdbc, a), name).query(Long.class).single();
        long elsewhere = Demo.roomOf(jdbc, a);
        Api api = Api.as("coordinator", port, jdbc);
        String[] tags = new String[4];
        for (int i = 0; i < 4; i++) {
            var r = api.post("/api/v1/assets", "{\"schoolId\":" + a + ",\"kind\":\"PROJECTOR\",\"roomId\":" + (i == 3 ? elsewhere : room) + "}");
            tags[i] = r.json().get("tag").asString();
        }
        try {
            browser.signIn("coordinator", "coordinator");
            browser.open("/inventory/stocktakes");
            new org.openqa.selenium.support.ui.Select(browser.find("#roomId")).selectByValue(String.valueOf(room));
            browser.click("#start-stocktake");
            browser.waitForText("#stocktake-room", name);
            assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("scan-code");
            assertThat(browser.find("#camera-unavailable").isDisplayed() || browser.find("#camera-start").isDisplayed()).isTrue();
            String marker = "no reload";
            ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("window.stocktakeMarker = arguments[0]", marker);

            type(tags[0]);
            browser.waitForText("#found-list", tags[0]);
            type(tags[1]);
            browser.waitForText("#found-list", tags[1]);
            type(tags[3]);
            browser.waitForText("#unexpected-list", tags[3]);
            type("ONBEKEND-1");
            browser.waitForText("#unknown-list", "ONBEKEND-1");
            assertThat(browser.text("#not-found-list")).contains(tags[2]).doesNotContain(tags[0]);
            assertThat(browser.text("#stocktake-counts")).contains("3").contains("2").contains("1");
            assertThat(((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("return window.stocktakeMarker"))
                    .isEqualTo(marker);
            assertThat(browser.find("#scan-code").getAttribute("value")).isEmpty();

            browser.click("#finish-stocktake");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent());
            browser.driver().switchTo().alert().accept();
            browser.waitForText("#stocktake-status", "Afgerond");
            assertThat(jdbc.sql("SELECT count(*) FROM asset WHERE room_id = ? AND last_audit_at IS NOT NULL").param(room)
                    .query(Long.class).single()).isEqualTo(2);
        } catch (RuntimeException | AssertionError e) {
            browser.screenshot("stocktake-typing");
            throw e;
        }
    }

    private void type(String code) {
        var input = browser.find("#scan-code");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> input.getAttribute("value").isEmpty());
        input.sendKeys(code);
        input.sendKeys(Keys.ENTER);
    }
}
