package be.coordinaat.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Browser;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The helpdesk in Chromium: the public QR report on a phone, a coordinator working a ticket to solved with a canned
 * reply, and the municipal ICT service's technician working an escalated ticket.
 */
@IntegrationTest
class HelpdeskBrowserIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired PublicReports reports;
    Browser browser;

    @BeforeEach
    void start() {
        reports.resetLimits();
        browser = new Browser(port);
    }

    @AfterEach
    void stop() {
        browser.close();
    }

    @Test
    void qrReportOnAPhone() throws InterruptedException {
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        long a = Demo.regenboog(jdbc);
        browser.open("/a/" + a + "/RB-000029");
        assertThat(browser.path()).isEqualTo("/report/a/" + a + "/RB-000029");
        String text = "Beamer geeft geen beeld " + UUID.randomUUID().toString().substring(0, 6);
        browser.type("#description", text);
        browser.type("#name", "Juf Sarah");
        Thread.sleep(2100);
        browser.click("#report-submit");
        String number = browser.text("#report-number");
        assertThat(number).startsWith("T-");
        assertThat(browser.pageText()).doesNotContain("Epson");
        browser.click("#follow-link");
        assertThat(browser.text("#follow-number")).isEqualTo(number);
        Long width = (Long) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("return document.documentElement.scrollWidth;");
        assertThat(width).as("no sideways scrolling on a phone").isLessThanOrEqualTo(390);
        assertThat(jdbc.sql("SELECT count(*) FROM ticket WHERE number = ? AND description = ? AND asset_id IS NOT NULL")
                .params(number, text).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void coordinatorWorksATicketToSolved() {
        long a = Demo.regenboog(jdbc);
        String title = "Smartboard reageert niet " + UUID.randomUUID().toString().substring(0, 6);
        long id = Api.as("teacher", port, jdbc).post("/api/v1/tickets", "{\"schoolId\":" + a + ",\"title\":\"" + title
                + "\",\"description\":\"Aanraken werkt niet meer.\"}").json().get("id").asLong();
        browser.signIn("coordinator", "coordinator");
        browser.open("/helpdesk/tickets?open=true");
        browser.type("#q", title.substring(title.length() - 6));
        browser.waitForText("#ticket-list", title);
        browser.click("#tickets a.ticket-title");
        assertThat(browser.text("#ticket-title")).isEqualTo(title);
        new Select(browser.find("#canned")).selectByIndex(1);
        assertThat(browser.find("#body").getAttribute("value")).isNotBlank();
        browser.click("#reply-submit");
        browser.waitForText("#replies", "Bedankt");
        new Select(browser.find("#status")).selectByValue("SOLVED");
        browser.click("#status-submit");
        browser.waitForText("#ticket-status", "Opgelost");
        assertThat(jdbc.sql("SELECT status FROM ticket WHERE id = ?").param(id).query(String.class).single()).isEqualTo("SOLVED");
    }

    @Test
    void ictServiceTechnicianWorksAnEscalatedTicket() {
        long a = Demo.regenboog(jdbc);
        Api coordinator = Api.as("coordinator", port, jdbc);
        long asset = jdbc.sql("SELECT id FROM asset WHERE school_id = ? AND tag = 'RB-000031'").param(a).query(Long.class).single();
        String title = "Access point valt uit " + UUID.randomUUID().toString().substring(0, 6);
        long id = coordinator.post("/api/v1/tickets", "{\"schoolId\":" + a + ",\"title\":\"" + title
                + "\",\"description\":\"Geen wifi in klas 101.\",\"assetId\":" + asset + "}").json().get("id").asLong();
        long org = jdbc.sql("SELECT organisation_id FROM app_user WHERE username = 'ictdienst'").query(Long.class).single();
        coordinator.post("/api/v1/tickets/" + id + "/escalations", "{\"organisationId\":" + org + ",\"reference\":\"ICT-77\"}");

        browser.signIn("ictdienst", "ictdienst");
        browser.click("#nav-helpdesk");
        browser.click("#nav-tickets");
        browser.waitForText("#ticket-list", title);
        browser.open("/helpdesk/tickets/" + id);
        assertThat(browser.text("#asset-card")).contains("RB-000031").contains("U6 Lite");
        assertThat(browser.all("#ticket-asset a")).as("no link into the inventory").isEmpty();
        browser.type("#body", "Access point vervangen door reservetoestel.");
        browser.click("#reply-submit");
        browser.waitForText("#replies", "reservetoestel");
        browser.type("#hand-back-note", "Opgelost aan onze kant.");
        browser.click("#hand-back");
        browser.waitForText("#escalations", "ICT-77");
        assertThat(jdbc.sql("SELECT status FROM ticket WHERE id = ?").param(id).query(String.class).single()).isEqualTo("IN_PROGRESS");
        browser.open("/inventory/assets/" + asset);
        assertThat(browser.pageText()).doesNotContain("U6 Lite");
    }
}
