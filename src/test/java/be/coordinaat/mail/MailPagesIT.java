package be.coordinaat.mail;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Browserless;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The mail pages through the real sign-in and forms: the settings page with its notice while no server is set, field
 * errors without the password shown back, a mailbox created, shown, edited and read through the forms, the outbox
 * with a failed mail and its retry.
 */
@IntegrationTest
class MailPagesIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void settingsPageShowsTheNoticeAndKeepsPasswordsSecret() {
        Browserless admin = Browserless.signIn(port, "admin", "admin");
        var page = admin.get("/mail");
        assertThat(page.status()).isEqualTo(200);
        var doc = page.document();
        assertThat(doc.getElementById("not-configured")).as("no server in the demo").isNotNull();
        assertThat(doc.getElementById("nav-mail")).isNotNull();
        String version = doc.selectFirst("#settings-form input[name=version]").attr("value");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("smtpHost", "smtp.example.test");
        form.put("smtpPort", "587");
        form.put("smtpSecurity", "STARTTLS");
        form.put("smtpPassword", "heel-geheim-123");
        form.put("fromAddress", "geen adres");
        form.put("version", version);
        var invalid = admin.post("/mail/settings", form, "/mail");
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.body()).doesNotContain("heel-geheim-123");
        assertThat(invalid.document().select("#fromAddress.is-invalid")).hasSize(1);
        assertThat(admin.get("/mail").document().getElementById("not-configured")).as("nothing was saved").isNotNull();
    }

    @Test
    void aMailboxIsCreatedShownEditedAndReadThroughTheForms() {
        Browserless coordinator = Browserless.signIn(port, "coordinator", "coordinator");
        var form = coordinator.get("/mail/mailboxes/new");
        assertThat(form.status()).isEqualTo(200);
        String name = MailTestData.unique("Helpdesk");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("schoolId", String.valueOf(Demo.regenboog(jdbc)));
        fields.put("name", name);
        fields.put("channel", "helpdesk");
        fields.put("host", "127.0.0.1");
        fields.put("port", String.valueOf(MailTestData.closedPort()));
        fields.put("username", "helpdesk@regenboog.test");
        fields.put("password", "imap-wachtwoord-9");
        fields.put("folder", "INBOX");
        fields.put("pollMinutes", "5");
        fields.put("version", "0");
        var created = coordinator.post("/mail/mailboxes", fields, "/mail/mailboxes/new");
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        String location = created.location();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        var shown = coordinator.get("/mail/mailboxes/" + id);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body()).contains(name).doesNotContain("imap-wachtwoord-9");
        var edit = coordinator.get("/mail/mailboxes/" + id + "/edit");
        assertThat(edit.status()).isEqualTo(200);
        assertThat(edit.body()).doesNotContain("imap-wachtwoord-9");
        var polled = coordinator.post("/mail/mailboxes/" + id + "/poll", Map.of(), "/mail/mailboxes/" + id);
        assertThat(polled.status()).isEqualTo(302);
        var after = coordinator.get("/mail/mailboxes/" + id);
        assertThat(after.document().getElementById("last-error")).as("the connection error is shown").isNotNull();
        assertThat(coordinator.get("/mail").body()).contains(name);
        assertThat(coordinator.post("/mail/mailboxes/" + id + "/delete", Map.of(), "/mail/mailboxes/" + id).status()).isEqualTo(302);
        assertThat(coordinator.get("/mail/mailboxes/" + id).status()).isEqualTo(404);
    }

    @Test
    void theOutboxShowsAFailedMailAndRetriesIt() {
        long board = jdbc.sql("SELECT board_id FROM school WHERE id = ?").param(Demo.regenboog(jdbc)).query(Long.class).single();
        String subject = MailTestData.unique("Mislukte herinnering");
        long id = jdbc.sql("""
                INSERT INTO mail_outbox (board_id, recipient, recipient_locale, subject, body_text, message_id, status, attempts, last_error)
                VALUES (?, 'x@example.test', 'nl-BE', ?, 'Tekst', ?, 'FAILED', 8, '550 mailbox unavailable') RETURNING id""")
                .params(board, subject, MailTestData.unique("m") + "@x.test").query(Long.class).single();
        try {
            Browserless admin = Browserless.signIn(port, "admin", "admin");
            var list = admin.get("/mail/outbox?status=FAILED");
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.body()).contains(subject).contains("550 mailbox unavailable");
            var detail = admin.get("/mail/outbox/" + id);
            assertThat(detail.status()).isEqualTo(200);
            assertThat(detail.document().getElementById("mail-error").text()).contains("550");
            assertThat(admin.post("/mail/outbox/" + id + "/retry", Map.of(), "/mail/outbox/" + id).status()).isEqualTo(302);
            assertThat(jdbc.sql("SELECT status || '/' || attempts FROM mail_outbox WHERE id = ?").param(id).query(String.class).single())
                    .isEqualTo("PENDING/0");
            assertThat(admin.get("/mail/outbox?q=" + java.net.URLEncoder.encode(subject.substring(0, 10), java.nio.charset.StandardCharsets.UTF_8) + "&page=0").status()).isEqualTo(200);
        } finally {
            jdbc.sql("DELETE FROM mail_outbox WHERE id = ?").param(id).update();
        }
    }
}
