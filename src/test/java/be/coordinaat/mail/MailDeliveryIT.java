package be.coordinaat.mail;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.mail.Views.QueuedMail;
import be.coordinaat.mail.delivery.OutboxSender;
import be.coordinaat.support.Api;
import be.coordinaat.support.IntegrationTest;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Outgoing mail through a real SMTP server (GreenMail), read back over IMAP: nothing of a rolled-back transaction is
 * sent; a queued mail arrives once, in the recipient's language, with our headers, the plain-text alternative and the
 * attachment; a server that refuses leads to retries with the error visible, then FAILED, and a retry delivers it.
 */
@IntegrationTest
class MailDeliveryIT {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Mailer mailer;
    @Autowired OutboxSender sender;
    @Autowired TransactionTemplate tx;

    int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    @Test
    void mailQueuedInARolledBackTransactionIsNeverSent() {
        long board = MailTestData.board(jdbc);
        MailTestData.smtp(jdbc, board, smtpPort(), "coordinaat@rollback.test");
        String to = MailTestData.unique("rollback") + "@example.test";
        tx.executeWithoutResult(s -> {
            mailer.queue(OutgoingMail.to(to, "nl-BE").board(board).template("test", Map.of("requestedBy", "X")).build());
            s.setRollbackOnly();
        });
        sender.sendDue();
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = ?").param(to).query(Long.class).single()).isZero();
        assertThat(List.of(greenMail.getReceivedMessages())).noneMatch(m -> recipients(m).contains(to));
    }

    @Test
    void queuedMailIsDeliveredInTheRecipientsLanguageWithHeadersAlternativeAndAttachment() throws Exception {
        long board = MailTestData.board(jdbc);
        long school = MailTestData.school(jdbc, board);
        MailTestData.smtp(jdbc, board, smtpPort(), "helpdesk@regenboog-mail.test");
        String en = MailTestData.unique("english") + "@example.test";
        String nl = MailTestData.unique("nederlands") + "@example.test";
        greenMail.setUser(en, en, "pw");
        greenMail.setUser(nl, nl, "pw");
        byte[] pdf = "%PDF-1.4 offerte".getBytes(StandardCharsets.US_ASCII);
        QueuedMail english = tx.execute(s -> mailer.queue(OutgoingMail.to(en, "en").school(school).name("Emma Engels")
                .template("test", Map.of("requestedBy", "An Beheerder")).attach("offerte.pdf", "application/pdf", pdf)
                .replyTo("helpdesk+42@regenboog-mail.test").inReplyTo("<earlier@example.test>")
                .references(List.of("first@example.test", "<earlier@example.test>")).thread("ticket:42").build()));
        QueuedMail dutch = tx.execute(s -> mailer.queue(OutgoingMail.to(nl, "nl-BE").school(school)
                .template("test", Map.of("requestedBy", "An Beheerder")).build()));
        assertThat(english.messageId()).endsWith("@regenboog-mail.test");

        sender.sendDue();

        assertThat(status(english.id())).isEqualTo("SENT");
        assertThat(status(dutch.id())).isEqualTo("SENT");
        List<MimeMessage> enBox = readOverImap(en);
        assertThat(enBox).hasSize(1);
        MimeMessage m = enBox.get(0);
        assertThat(m.getSubject()).isEqualTo("Test mail from Coordinaat");
        assertThat(m.getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
        assertThat(m.getHeader("X-Coordinaat-Mail")[0]).isEqualTo(String.valueOf(english.id()));
        assertThat(m.getMessageID()).isEqualTo("<" + english.messageId() + ">");
        assertThat(m.getHeader("In-Reply-To")[0]).isEqualTo("<earlier@example.test>");
        assertThat(m.getHeader("References")[0]).isEqualTo("<first@example.test> <earlier@example.test>");
        assertThat(m.getReplyTo()[0].toString()).isEqualTo("helpdesk+42@regenboog-mail.test");
        assertThat(m.getFrom()[0].toString()).contains("helpdesk@regenboog-mail.test").contains("Coordinaat Test");
        List<String> types = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<byte[]> files = new ArrayList<>();
        walk(m, types, texts, files);
        assertThat(types).contains("text/plain", "text/html", "application/pdf");
        assertThat(texts).anyMatch(t -> t.contains("This test mail proves") && t.contains("Requested by An Beheerder."));
        assertThat(files).hasSize(1);
        assertThat(files.get(0)).isEqualTo(pdf);

        List<MimeMessage> nlBox = readOverImap(nl);
        assertThat(nlBox).hasSize(1);
        assertThat(nlBox.get(0).getSubject()).isEqualTo("Testmail van Coordinaat");

        // sent once: another run sends nothing again
        sender.sendDue();
        assertThat(readOverImap(en)).hasSize(1);
    }

    @Test
    void aRefusingServerLeadsToRetriesAVisibleFailureAndNoLoss() throws Exception {
        long board = MailTestData.board(jdbc);
        MailTestData.smtp(jdbc, board, MailTestData.closedPort(), "coordinaat@failing.test");
        String to = MailTestData.unique("retry") + "@example.test";
        greenMail.setUser(to, to, "pw");
        QueuedMail q = tx.execute(s -> mailer.queue(OutgoingMail.to(to, "nl-BE").board(board)
                .content("Herinnering", "Tekst van de herinnering", null).build()));

        sender.sendDue();
        var first = jdbc.sql("SELECT status, attempts, last_error, next_attempt_at > now() AS later FROM mail_outbox WHERE id = ?")
                .param(q.id()).query((rs, n) -> new Object[] {rs.getString(1), rs.getInt(2), rs.getString(3), rs.getBoolean(4)}).single();
        assertThat(first[0]).isEqualTo("PENDING");
        assertThat((Integer) first[1]).isGreaterThanOrEqualTo(1);
        assertThat((String) first[2]).containsIgnoringCase("connect");
        assertThat((Boolean) first[3]).as("the next attempt waits (backoff)").isTrue();

        for (int i = 0; i < 20 && !"FAILED".equals(status(q.id())); i++) {
            jdbc.sql("UPDATE mail_outbox SET next_attempt_at = now() WHERE id = ? AND status = 'PENDING'").param(q.id()).update();
            sender.sendDue();
        }
        assertThat(status(q.id())).isEqualTo("FAILED");
        assertThat(jdbc.sql("SELECT attempts FROM mail_outbox WHERE id = ?").param(q.id()).query(Integer.class).single())
                .isEqualTo(OutboxSender.MAX_ATTEMPTS);

        // the server is fixed; the failed mail is still there and a retry delivers it, once
        MailTestData.smtp(jdbc, board, smtpPort(), "coordinaat@failing.test");
        assertThat(sender.sendNow(board, q.id()).ok()).isTrue();
        assertThat(status(q.id())).isEqualTo("SENT");
        List<MimeMessage> box = readOverImap(to);
        assertThat(box).hasSize(1);
        assertThat(box.get(0).getSubject()).isEqualTo("Herinnering");
    }

    @Test
    void mailOfABoardWithoutServerWaitsInTheOutbox() {
        long board = MailTestData.board(jdbc);
        String to = MailTestData.unique("waiting") + "@example.test";
        QueuedMail q = tx.execute(s -> mailer.queue(OutgoingMail.to(to, "en").board(board).content("S", "T", null).build()));
        sender.sendDue();
        var row = jdbc.sql("SELECT status, attempts FROM mail_outbox WHERE id = ?").param(q.id())
                .query((rs, n) -> rs.getString(1) + "/" + rs.getInt(2)).single();
        assertThat(row).isEqualTo("PENDING/0");
    }

    @Test
    void boardAdminSendsATestMailThroughTheApiAndSeesItInTheOutbox() throws Exception {
        Api admin = Api.as("admin", port, jdbc);
        var before = admin.get("/api/v1/mail/settings");
        assertThat(before.status()).isEqualTo(200);
        long version = before.json().get("version").asLong();
        String to = MailTestData.unique("admin-test") + "@example.test";
        greenMail.setUser(to, to, "pw");
        try {
            var put = admin.put("/api/v1/mail/settings", """
                    {"smtpHost": "127.0.0.1", "smtpPort": %d, "smtpSecurity": "NONE", "smtpUsername": null,
                     "smtpPassword": "geheim-wachtwoord", "fromAddress": "coordinaat@zonnebeke-demo.be",
                     "fromName": "Coordinaat", "baseUrl": "https://coordinaat.example.be", "digestEnabled": false,
                     "version": %d}""".formatted(smtpPort(), version));
            assertThat(put.status()).as(put.toString()).isEqualTo(200);
            assertThat(put.body()).doesNotContain("geheim-wachtwoord");
            assertThat(put.json().get("passwordSet").asBoolean()).isTrue();
            assertThat(put.json().get("configured").asBoolean()).isTrue();
            assertThat(admin.post("/api/v1/mail/settings/test-connection", "").json().get("ok").asBoolean()).isTrue();
            var sent = admin.post("/api/v1/mail/settings/test-mail", "{\"to\": \"" + to + "\"}");
            assertThat(sent.json().get("ok").asBoolean()).as(sent.toString()).isTrue();
            List<MimeMessage> box = readOverImap(to);
            assertThat(box).hasSize(1);
            assertThat(box.get(0).getSubject()).isEqualTo("Testmail van Coordinaat");
            var outbox = admin.get("/api/v1/mail/outbox?q=" + to);
            assertThat(outbox.json().get("items").get(0).get("status").asText()).isEqualTo("SENT");
            // the history says the password changed, never what it is
            String history = jdbc.sql("SELECT string_agg(changes::text, ' ') FROM history_entry WHERE record_type = 'mail-settings'")
                    .query(String.class).single();
            assertThat(history).contains("smtpPassword").doesNotContain("geheim-wachtwoord");
            var bad = admin.post("/api/v1/mail/settings/test-mail", "{\"to\": \"not an address\"}");
            assertThat(bad.status()).isEqualTo(400);
        } finally {
            long v = admin.get("/api/v1/mail/settings").json().get("version").asLong();
            admin.put("/api/v1/mail/settings", """
                    {"smtpHost": null, "clearPassword": true, "fromAddress": null, "fromName": "Coordinaat",
                     "baseUrl": "http://localhost:8080", "digestEnabled": false, "version": %d}""".formatted(v));
        }
    }

    String status(long id) {
        return jdbc.sql("SELECT status FROM mail_outbox WHERE id = ?").param(id).query(String.class).single();
    }

    static List<String> recipients(MimeMessage m) {
        try {
            return java.util.Arrays.stream(m.getAllRecipients()).map(Object::toString).toList();
        } catch (Exception e) {
            return List.of();
        }
    }

    /** The mails in the user's INBOX, fetched over IMAP like a mail client. */
    static List<MimeMessage> readOverImap(String user) throws Exception {
        Properties p = new Properties();
        Session session = Session.getInstance(p);
        try (Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", greenMail.getImap().getPort(), user, "pw");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<MimeMessage> out = new ArrayList<>();
            for (Message m : inbox.getMessages()) {
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                m.writeTo(raw);
                out.add(new MimeMessage(session, new java.io.ByteArrayInputStream(raw.toByteArray())));
            }
            inbox.close(false);
            return out;
        }
    }

    static void walk(Part part, List<String> types, List<String> texts, List<byte[]> files) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                walk(mp.getBodyPart(i), types, texts, files);
            }
            return;
        }
        String type = part.getContentType().split(";")[0].strip().toLowerCase();
        types.add(type);
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            files.add(part.getInputStream().readAllBytes());
        } else if (type.startsWith("text/")) {
            texts.add((String) part.getContent());
        }
    }

    static boolean seen(Message m) throws Exception {
        return m.isSet(Flags.Flag.SEEN);
    }
}
