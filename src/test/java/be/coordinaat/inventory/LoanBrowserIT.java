package be.coordinaat.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Browser;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Lending in a real headless Chromium. */
@IntegrationTest
class LoanBrowserIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    static void click(Browser browser, String css) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();",
                browser.find(css));
    }

    @Test
    void addAnAssetLoanItToAPupilOpenTheAgreementTakeItBackWithDamage() throws Exception {
        try (Browser browser = new Browser(port)) {
            try {
                browser.signIn("coordinator", "coordinator");
                long school = Demo.regenboog(jdbc);
                browser.open("/inventory/assets/new?school=" + school + "&kind=CHROMEBOOK");
                String serial = "NXBROWSER" + System.nanoTime();
                browser.type("#serial", serial);
                click(browser, "#save");
                browser.waitForText("#asset-status", "");
                long asset = jdbc.sql("SELECT id FROM asset WHERE serial = ?").param(serial).query(Long.class).single();

                // the loans panel is loaded by htmx
                click(browser, "#checkout-asset");
                browser.find("#checkout-form");
                long pupil = jdbc.sql("""
                        SELECT p.id FROM person p JOIN person_school ps ON ps.person_id = p.id AND ps.school_id = ?
                        WHERE p.kind = 'PUPIL' AND p.class_name = '6B' ORDER BY p.id LIMIT 1""").param(school).query(Long.class).single();
                new Select(browser.find("#personId")).selectByValue(String.valueOf(pupil));
                click(browser, "#checkout");
                browser.find("#loan-open");
                assertThat(jdbc.sql("SELECT status FROM asset WHERE id = ?").param(asset).query(String.class).single()).isEqualTo("ON_LOAN");
                String agreement = browser.find("#agreement").getAttribute("href");
                Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
                HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(agreement))
                        .header("Cookie", "JSESSIONID=" + session.getValue()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                assertThat(pdf.statusCode()).isEqualTo(200);
                assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");

                // take it back with damage: the notes are required
                new Select(browser.find("#condition")).selectByValue("DAMAGED");
                click(browser, "#checkin");
                browser.find("#damageNotes-error");
                browser.type("#damageNotes", "Scharnier gebroken");
                click(browser, "#checkin");
                browser.waitForText("#loan-condition", "Beschadigd");
                assertThat(browser.text("#loan-damage")).isEqualTo("Scharnier gebroken");
                assertThat(jdbc.sql("SELECT status FROM asset WHERE id = ?").param(asset).query(String.class).single()).isEqualTo("IN_REPAIR");
                browser.open("/inventory/assets/" + asset);
                browser.waitForText("#asset-loans", "Scharnier gebroken");
            } catch (AssertionError | RuntimeException e) {
                browser.screenshot("loan-browser");
                throw e;
            }
        }
    }
}
