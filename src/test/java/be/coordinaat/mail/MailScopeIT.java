package be.coordinaat.mail;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Browserless;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who sees what: only the board admin reads and changes the SMTP settings and the outbox; a school's mailboxes are
 * configured by those who configure its helpdesk, and a mailbox of another school is not found, whatever id is tried.
 * Passwords never come back. Hostile input gets field errors, never a 500.
 */
@IntegrationTest
class MailScopeIT {

    static final long GUESSED = 987654321L;

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    String mailboxBody(long school, String name, Integer version) {
        return """
                {"schoolId": %d, "name": "%s", "channel": "helpdesk", "host": "imap.example.test", "port": 993, "ssl": true,
                 "username": "helpdesk@example.test", "password": "imap-geheim", "folder": "INBOX", "pollMinutes": 5,
                 "enabled": false%s}""".formatted(school, name, version == null ? "" : ", \"version\": " + version);
    }

    long mailboxOfSchoolB() {
        Api admin = Api.as("admin", port, jdbc);
        var created = admin.post("/api/v1/mail/mailboxes", mailboxBody(Demo.atheneum(jdbc), MailTestData.unique("Atheneum"), null));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("imap-geheim");
        assertThat(created.json().get("passwordSet").asBoolean()).isTrue();
        return created.json().get("id").asLong();
    }

    @Test
    void onlyTheBoardAdminSeesAndChangesTheSettingsAndTheOutbox() {
        for (String user : new String[] {"coordinator", "director", "teacher", "technician", "ictdienst", "dpo"}) {
            Api api = Api.as(user, port, jdbc);
            assertThat(api.get("/api/v1/mail/settings").status()).as(user).isEqualTo(403);
            assertThat(api.put("/api/v1/mail/settings", "{\"smtpHost\": \"evil.example\", \"version\": 0}").status()).as(user).isEqualTo(403);
            assertThat(api.post("/api/v1/mail/settings/test-mail", "{\"to\": \"x@example.test\"}").status()).as(user).isEqualTo(403);
            assertThat(api.post("/api/v1/mail/settings/test-connection", "").status()).as(user).isEqualTo(403);
            assertThat(api.get("/api/v1/mail/outbox").status()).as(user).isEqualTo(403);
            assertThat(api.get("/api/v1/mail/outbox/" + GUESSED).status()).as(user).isEqualTo(403);
            assertThat(api.post("/api/v1/mail/outbox/" + GUESSED + "/retry", "").status()).as(user).isEqualTo(403);
        }
        Api admin = Api.as("admin", port, jdbc);
        assertThat(admin.get("/api/v1/mail/settings").status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/mail/outbox").status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/mail/outbox/" + GUESSED).status()).isEqualTo(404);
        // another board's mail is not found either
        long otherBoard = MailTestData.board(jdbc);
        long foreign = jdbc.sql("""
                INSERT INTO mail_outbox (board_id, recipient, recipient_locale, subject, body_text, message_id)
                VALUES (?, 'x@example.test', 'en', 'Vreemd', 'x', ?) RETURNING id""")
                .params(otherBoard, MailTestData.unique("foreign") + "@x.test").query(Long.class).single();
        assertThat(admin.get("/api/v1/mail/outbox/" + foreign).status()).isEqualTo(404);
        assertThat(admin.post("/api/v1/mail/outbox/" + foreign + "/retry", "").status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/mail/outbox?q=Vreemd").json().get("total").asLong()).isZero();

        Browserless coordinator = Browserless.signIn(port, "coordinator", "coordinator");
        assertThat(coordinator.get("/mail/outbox").status()).isEqualTo(403);
        var page = coordinator.get("/mail");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().getElementById("settings-form")).as("no SMTP form for a coordinator").isNull();
        assertThat(coordinator.post("/mail/settings", Map.of("smtpHost", "evil.example", "version", "0"), "/mail").status()).isEqualTo(403);
        assertThat(Browserless.signIn(port, "teacher", "teacher").get("/mail").status()).isEqualTo(403);
        var adminPage = Browserless.signIn(port, "admin", "admin").get("/mail");
        assertThat(adminPage.status()).isEqualTo(200);
        assertThat(adminPage.document().getElementById("settings-form")).isNotNull();
    }

    @Test
    void aCoordinatorOfSchoolADoesNotSeeSchoolBsMailboxesWhateverIdIsTried() {
        long b = mailboxOfSchoolB();
        Api coordinator = Api.as("coordinator", port, jdbc);
        assertThat(coordinator.get("/api/v1/mail/mailboxes").body()).doesNotContain("\"id\":" + b + ",");
        for (long id : new long[] {b, GUESSED}) {
            assertThat(coordinator.get("/api/v1/mail/mailboxes/" + id).status()).isEqualTo(404);
            assertThat(coordinator.put("/api/v1/mail/mailboxes/" + id, mailboxBody(Demo.atheneum(jdbc), "Overgenomen", 0)).status()).isEqualTo(404);
            assertThat(coordinator.delete("/api/v1/mail/mailboxes/" + id).status()).isEqualTo(404);
            assertThat(coordinator.post("/api/v1/mail/mailboxes/" + id + "/poll", "").status()).isEqualTo(404);
            assertThat(coordinator.post("/api/v1/mail/mailboxes/" + id + "/test-connection", "").status()).isEqualTo(404);
            assertThat(coordinator.get("/api/v1/mail/mailboxes/" + id + "/received").status()).isEqualTo(404);
        }
        var intoB = coordinator.post("/api/v1/mail/mailboxes", mailboxBody(Demo.atheneum(jdbc), "In B", null));
        assertThat(intoB.status()).isEqualTo(400);
        assertThat(intoB.body()).contains("schoolId");
        Browserless web = Browserless.signIn(port, "coordinator", "coordinator");
        assertThat(web.get("/mail/mailboxes/" + b).status()).isEqualTo(404);
        assertThat(web.get("/mail/mailboxes/" + b + "/edit").status()).isEqualTo(404);
        assertThat(web.post("/mail/mailboxes/" + b + "/delete", Map.of(), "/mail").status()).isEqualTo(404);
        assertThat(web.post("/mail/mailboxes/" + b + "/poll", Map.of(), "/mail").status()).isEqualTo(404);
        assertThat(web.get("/mail").body()).doesNotContain("/mail/mailboxes/" + b + "\"");
        assertThat(jdbc.sql("SELECT count(*) FROM mailbox WHERE id = ?").param(b).query(Long.class).single()).isEqualTo(1);

        // the coordinator configures the mailboxes of their own school
        String name = MailTestData.unique("Regenboog");
        var own = coordinator.post("/api/v1/mail/mailboxes", mailboxBody(Demo.regenboog(jdbc), name, null));
        assertThat(own.status()).as(own.toString()).isEqualTo(201);
        long ownId = own.json().get("id").asLong();
        var changed = coordinator.put("/api/v1/mail/mailboxes/" + ownId, """
                {"name": "%s", "channel": "helpdesk", "host": "imap2.example.test", "port": 143, "ssl": false,
                 "username": "helpdesk@example.test", "folder": "INBOX", "pollMinutes": 10, "enabled": false, "version": 0}"""
                .formatted(name));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("passwordSet").asBoolean()).as("an absent password keeps the stored one").isTrue();
        assertThat(coordinator.put("/api/v1/mail/mailboxes/" + ownId, mailboxBody(Demo.regenboog(jdbc), name, 0)).status())
                .as("stale version").isEqualTo(409);
        String history = jdbc.sql("SELECT string_agg(changes::text, ' ') FROM history_entry WHERE record_type = 'mailbox' AND record_id = ?")
                .param(ownId).query(String.class).single();
        assertThat(history).contains("imap2.example.test").contains("password").doesNotContain("imap-geheim");
        assertThat(coordinator.delete("/api/v1/mail/mailboxes/" + ownId).status()).isEqualTo(204);

        for (String user : new String[] {"teacher", "director", "technician", "ictdienst", "dpo"}) {
            Api api = Api.as(user, port, jdbc);
            assertThat(api.get("/api/v1/mail/mailboxes").status()).as(user).isEqualTo(403);
            assertThat(api.get("/api/v1/mail/mailboxes/" + b).status()).as(user).isIn(403, 404);
            assertThat(api.post("/api/v1/mail/mailboxes", mailboxBody(Demo.regenboog(jdbc), "X", null)).status()).as(user).isIn(400, 403);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM mailbox WHERE name = 'X'").query(Long.class).single()).isZero();
    }

    @Test
    void hostileInputGetsFieldErrorsNeverA500() {
        Api admin = Api.as("admin", port, jdbc);
        long school = Demo.regenboog(jdbc);
        var bad = admin.post("/api/v1/mail/mailboxes", """
                {"schoolId": %d, "name": "ab\\nc", "channel": "Helpdesk; DROP", "host": "evil host/..", "port": 70000,
                 "username": "", "folder": "INBOX", "pollMinutes": 0}""".formatted(school));
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.body()).contains("port").contains("pollMinutes");
        var nul = admin.post("/api/v1/mail/mailboxes", "{\"schoolId\": " + school + ", \"name\": \"a\\u0000b\"}");
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.body()).contains("name");
        var bad2 = admin.post("/api/v1/mail/mailboxes", """
                {"schoolId": %d, "name": "ok", "channel": "Helpdesk; DROP", "host": "evil host/..", "port": 993,
                 "username": "", "folder": "INBOX", "pollMinutes": 5}""".formatted(school));
        assertThat(bad2.status()).isEqualTo(400);
        assertThat(bad2.body()).contains("channel").contains("host").contains("username");
        assertThat(admin.post("/api/v1/mail/mailboxes", "{\"schoolId\": " + school + ", \"unknown\": 1}").status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/mail/mailboxes", "{\"schoolId\": " + GUESSED + ", \"name\": \"x\"}").status()).isEqualTo(400);
        long version = admin.get("/api/v1/mail/settings").json().get("version").asLong();
        var settings = admin.put("/api/v1/mail/settings", """
                {"smtpHost": "smtp.example.test", "smtpPort": 587, "fromAddress": "niet-een-adres", "baseUrl": "javascript:alert(1)",
                 "fromName": "a\\r\\nBcc: evil@example.test", "version": %d}""".formatted(version));
        assertThat(settings.status()).as(settings.toString()).isEqualTo(400);
        assertThat(settings.body()).contains("fromAddress").contains("baseUrl").contains("fromName");
        assertThat(admin.put("/api/v1/mail/settings", "{\"smtpHost\": null, \"version\": " + (version + 5) + "}").status()).isEqualTo(409);
        assertThat(admin.get("/api/v1/mail/outbox?status=NOPE&page=-3&size=100000").status()).isEqualTo(200);
    }
}
