package be.coordinaat.mail;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Browser;
import be.coordinaat.support.IntegrationTest;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The board admin finds the e-mail settings in the menu, sets the SMTP server, sends a test mail that arrives, and
 * sees it as sent in the outbox; afterwards the demo board has no server again.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailBrowserIT {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

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

    void clickInView(String css) {
        var element = browser.find(css);
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        browser.click(css);
    }

    @Test
    void boardAdminConfiguresSmtpAndSendsATestMail() throws Exception {
        long board = jdbc.sql("SELECT board_id FROM app_user WHERE username = 'admin'").query(Long.class).single();
        try {
            browser.signIn("admin", "admin");
            browser.click("#nav-organisation");
            browser.click("#nav-mail");
            assertThat(browser.path()).isEqualTo("/mail");
            assertThat(browser.find("#not-configured").isDisplayed()).isTrue();
            browser.screenshot("mail-settings-empty");
            browser.type("#smtpHost", "127.0.0.1");
            browser.type("#smtpPort", String.valueOf(greenMail.getSmtp().getPort()));
            new Select(browser.find("#smtpSecurity")).selectByValue("NONE");
            browser.type("#smtpPassword", "zeer-geheim-wachtwoord");
            browser.type("#fromAddress", "ict@zonnebeke-demo.be");
            clickInView("#save-settings");
            browser.waitForText("main", "Opgeslagen");
            assertThat(browser.driver().getPageSource()).doesNotContain("zeer-geheim-wachtwoord");
            assertThat(browser.all("#not-configured")).isEmpty();
            String to = MailTestData.unique("browser") + "@example.test";
            browser.type("#test-to", to);
            clickInView("#send-test");
            browser.waitForText("main", "De testmail is verstuurd.");
            browser.screenshot("mail-settings-configured");
            assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
            assertThat(java.util.Arrays.stream(greenMail.getReceivedMessages()).anyMatch(m -> {
                try {
                    return m.getAllRecipients()[0].toString().equals(to) && m.getSubject().equals("Testmail van Coordinaat");
                } catch (Exception e) {
                    return false;
                }
            })).isTrue();
            clickInView("#open-outbox");
            assertThat(browser.pageText()).contains(to).contains("Verstuurd");
            browser.screenshot("mail-outbox");
        } finally {
            jdbc.sql("UPDATE mail_settings SET smtp_host = NULL, smtp_port = NULL, smtp_password = NULL, from_address = NULL WHERE board_id = ?")
                    .param(board).update();
        }
    }
}
