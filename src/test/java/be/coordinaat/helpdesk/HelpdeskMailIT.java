package be.coordinaat.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.mail.Mailboxes;
import be.coordinaat.mail.delivery.OutboxSender;
import be.coordinaat.mail.inbound.MailboxPoller;
import be.coordinaat.support.Api;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
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
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The helpdesk's e-mail through a real mail server (GreenMail, SMTP and IMAP): a mail to the school's helpdesk mailbox
 * opens a ticket whose confirmation arrives in Dutch with the number, Reply-To the mailbox and threaded; answering the
 * confirmation adds a reply to that ticket instead of a new one; a staff reply is mailed to the requester, an internal
 * note is not; an account in English gets English mail.
 */
@IntegrationTest
class HelpdeskMailIT {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired MailboxPoller poller;
    @Autowired OutboxSender sender;
    @Autowired Mailboxes mailboxes;

    long school;
    long board;
    String helpdesk;
    GreenMailUser helpdeskUser;
    long mailbox;
    Map<String, Object> savedSettings;

    @BeforeEach
    void setUp() {
        school = Demo.regenboog(jdbc);
        board = jdbc.sql("SELECT board_id FROM school WHERE id = ?").param(school).query(Long.class).single();
        savedSettings = jdbc.sql("SELECT smtp_host, smtp_port, smtp_security, from_address FROM mail_settings WHERE board_id = ?")
                .param(board).query().singleRow();
        jdbc.sql("UPDATE mail_settings SET smtp_host = '127.0.0.1', smtp_port = ?, smtp_security = 'NONE', from_address = ? WHERE board_id = ?")
                .params(greenMail.getSmtp().getPort(), "coordinaat@regenboog-helpdesk.test", board).update();
        helpdesk = "helpdesk-" + unique() + "@regenboog-helpdesk.test";
        helpdeskUser = greenMail.setUser(helpdesk, helpdesk, "pw");
        // enabled, so that it is the school's reply address; older test mailboxes of the school are switched off
        jdbc.sql("UPDATE mailbox SET enabled = FALSE WHERE school_id = ? AND channel = 'helpdesk'").param(school).update();
        mailbox = jdbc.sql("""
                INSERT INTO mailbox (board_id, school_id, name, channel, host, port, ssl, username, password, folder, poll_minutes, enabled)
                VALUES (?, ?, 'Helpdesk test', 'helpdesk', '127.0.0.1', ?, FALSE, ?, 'pw', 'INBOX', 60, TRUE) RETURNING id""")
                .params(board, school, greenMail.getImap().getPort(), helpdesk).query(Long.class).single();
    }

    @AfterEach
    void restore() {
        jdbc.sql("UPDATE mailbox SET enabled = FALSE WHERE id = ?").param(mailbox).update();
        jdbc.sql("UPDATE mail_settings SET smtp_host = ?, smtp_port = ?, smtp_security = ?, from_address = ? WHERE board_id = ?")
                .params(savedSettings.get("smtp_host"), savedSettings.get("smtp_port"), savedSettings.get("smtp_security"),
                        savedSettings.get("from_address"), board).update();
    }

    @Test
    void aMailOpensATicketIsConfirmedInDutchAndAnAnswerToTheConfirmationBecomesAReply() throws Exception {
        String parent = "ouder-" + unique() + "@example.test";
        greenMail.setUser(parent, parent, "pw");
        String first = unique() + "@mail.example.test";
        deliver(mail(parent, "Ouder Peeters", "Laptop van mijn zoon start niet", "Het scherm blijft zwart.", first, null));
        poller.poll(mailbox);

        long ticket = jdbc.sql("SELECT id FROM ticket WHERE requester_email = ? AND source = 'MAIL'").param(parent)
                .query(Long.class).single();
        String number = jdbc.sql("SELECT number FROM ticket WHERE id = ?").param(ticket).query(String.class).single();
        assertThat(jdbc.sql("SELECT school_id FROM ticket WHERE id = ?").param(ticket).query(Long.class).single()).isEqualTo(school);

        MimeMessage confirmation = awaitMail(parent, m -> subject(m).contains(number));
        assertThat(confirmation.getSubject()).isEqualTo("[" + number + "] Laptop van mijn zoon start niet");
        assertThat(text(confirmation)).contains("We hebben uw melding goed ontvangen").contains(number);
        assertThat(confirmation.getReplyTo()[0].toString()).isEqualTo(mailboxes.replyAddress(school, "helpdesk").orElseThrow())
                .isEqualTo(helpdesk);
        assertThat(confirmation.getHeader("In-Reply-To")[0]).isEqualTo("<" + first + ">");

        // the answer carries no number in its subject: only its In-Reply-To ties it to the ticket
        String answer = unique() + "@mail.example.test";
        deliver(mail(parent, "Ouder Peeters", "Re: nog een vraag", "Het gaat om de laptop met sticker 123.", answer,
                confirmation.getMessageID()));
        poller.poll(mailbox);

        assertThat(jdbc.sql("SELECT count(*) FROM ticket WHERE requester_email = ?").param(parent).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT body FROM ticket_reply WHERE ticket_id = ? AND source = 'MAIL'").param(ticket)
                .query(String.class).list()).containsExactly("Het gaat om de laptop met sticker 123.");

        // a reply by subject number alone works too
        deliver(mail(parent, "Ouder Peeters", "Re: [" + number + "] Laptop", "Nog iets.", unique() + "@mail.example.test", null));
        poller.poll(mailbox);
        assertThat(jdbc.sql("SELECT count(*) FROM ticket_reply WHERE ticket_id = ?").param(ticket).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM ticket WHERE requester_email = ?").param(parent).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aStaffReplyIsMailedToTheRequesterAnInternalNoteIsNot() throws Exception {
        String parent = "ouder-" + unique() + "@example.test";
        greenMail.setUser(parent, parent, "pw");
        deliver(mail(parent, "Ouder Janssens", "Wachtwoord Smartschool vergeten", "Kan iemand helpen?", unique() + "@x.test", null));
        poller.poll(mailbox);
        long ticket = jdbc.sql("SELECT id FROM ticket WHERE requester_email = ?").param(parent).query(Long.class).single();
        String number = jdbc.sql("SELECT number FROM ticket WHERE id = ?").param(ticket).query(String.class).single();
        MimeMessage confirmation = awaitMail(parent, m -> subject(m).contains(number));

        Api coordinator = Api.as("coordinator", port, jdbc);
        assertThat(coordinator.post("/api/v1/tickets/" + ticket + "/notes", "{\"body\": \"Intern: ouder belt vaak\"}").status()).isEqualTo(201);
        assertThat(coordinator.post("/api/v1/tickets/" + ticket + "/replies", "{\"body\": \"U krijgt een nieuw wachtwoord via de klastitularis.\"}")
                .status()).isEqualTo(201);

        MimeMessage reply = awaitMail(parent, m -> text(m).contains("nieuw wachtwoord"));
        assertThat(reply.getSubject()).isEqualTo("[" + number + "] Wachtwoord Smartschool vergeten");
        assertThat(reply.getHeader("In-Reply-To")[0]).isEqualTo(confirmation.getMessageID());
        assertThat(reply.getHeader("References")[0]).contains(confirmation.getMessageID());
        sender.sendDue();
        assertThat(readOverImap(parent)).noneMatch(m -> text(m).contains("ouder belt vaak"));
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE body_text LIKE '%ouder belt vaak%'").query(Long.class).single()).isZero();
    }

    @Test
    void anEnglishAccountGetsEnglishMail() throws Exception {
        String name = "emma-" + unique();
        String email = name + "@example.test";
        greenMail.setUser(email, email, "pw");
        long user = jdbc.sql("""
                INSERT INTO app_user (board_id, username, password_hash, display_name, email, locale)
                VALUES (?, ?, '{noop}x', 'Emma English', ?, 'en') RETURNING id""").params(board, name, email).query(Long.class).single();
        jdbc.sql("INSERT INTO role_grant (user_id, board_id, school_id, role) VALUES (?, ?, ?, 'STAFF')").params(user, board, school).update();

        deliver(mail(email, "Emma English", "Projector room 12 is flickering", "Since this morning.", unique() + "@x.test", null));
        poller.poll(mailbox);
        long ticket = jdbc.sql("SELECT id FROM ticket WHERE requester_user_id = ?").param(user).query(Long.class).single();
        String number = jdbc.sql("SELECT number FROM ticket WHERE id = ?").param(ticket).query(String.class).single();

        MimeMessage confirmation = awaitMail(email, m -> subject(m).contains(number));
        assertThat(text(confirmation)).contains("has received your report").contains(number).doesNotContain("ontvangen");
    }

    @Test
    void nobodyIsMailedAboutTheirOwnChangeAndASolvedTicketAsksTheRequesterToConfirm() {
        String name = "staff-" + unique();
        String email = name + "@example.test";
        long user = jdbc.sql("""
                INSERT INTO app_user (board_id, username, password_hash, display_name, email) VALUES (?, ?, '{noop}x', 'Sofie Staff', ?)
                RETURNING id""").params(board, name, email).query(Long.class).single();
        jdbc.sql("INSERT INTO role_grant (user_id, board_id, school_id, role) VALUES (?, ?, ?, 'STAFF')").params(user, board, school).update();
        Api staff = Api.as(name, port, jdbc);
        var created = staff.post("/api/v1/tickets", Api.json(Map.of("schoolId", school, "title", "Geen wifi in lokaal 4",
                "description", "Sinds vanmorgen.")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long ticket = created.json().get("id").asLong();
        String number = created.json().get("number").asString();
        assertThat(outbox(ticket)).as("the requester made the ticket: no confirmation").isEmpty();

        Api coordinator = Api.as("coordinator", port, jdbc);
        assertThat(coordinator.put("/api/v1/tickets/" + ticket + "/status", "{\"status\": \"SOLVED\"}").status()).isEqualTo(200);
        assertThat(outbox(ticket)).singleElement().satisfies(m -> {
            assertThat(m.get("recipient")).isEqualTo(email);
            assertThat(m.get("subject")).isEqualTo("[" + number + "] Geen wifi in lokaal 4");
            assertThat((String) m.get("body_text")).contains("is opgelost").contains("/helpdesk/tickets/" + ticket);
            assertThat(m.get("reply_to")).isEqualTo(helpdesk);
        });

        // the requester answers on the web: they get no mail about it, and there is no assignee to tell
        assertThat(staff.post("/api/v1/tickets/" + ticket + "/replies", "{\"body\": \"Nog steeds geen wifi.\"}").status()).isEqualTo(201);
        assertThat(outbox(ticket)).hasSize(1);
    }

    List<Map<String, Object>> outbox(long ticket) {
        return jdbc.sql("SELECT recipient, subject, body_text, reply_to FROM mail_outbox WHERE thread_ref = ? ORDER BY id")
                .param("ticket:" + ticket).query().listOfRows();
    }

    // ---- helpers ----

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    void deliver(byte[] raw) throws Exception {
        helpdeskUser.deliver(new MimeMessage(Session.getInstance(new Properties()), new java.io.ByteArrayInputStream(raw)));
    }

    byte[] mail(String from, String fromName, String subject, String text, String messageId, String inReplyTo) throws Exception {
        String headers = "From: \"" + fromName + "\" <" + from + ">\r\nTo: " + helpdesk + "\r\nSubject: "
                + jakarta.mail.internet.MimeUtility.encodeText(subject, "UTF-8", "Q") + "\r\nMessage-ID: <" + messageId + ">\r\n"
                + (inReplyTo == null ? "" : "In-Reply-To: " + inReplyTo + "\r\nReferences: " + inReplyTo + "\r\n")
                + "Date: Mon, 2 Mar 2026 09:00:00 +0100\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\n" + text + "\r\n";
        return headers.getBytes(StandardCharsets.UTF_8);
    }

    MimeMessage awaitMail(String user, Predicate<MimeMessage> match) throws Exception {
        long end = System.currentTimeMillis() + 30_000;
        while (true) {
            sender.sendDue();
            for (MimeMessage m : readOverImap(user)) {
                if (match.test(m)) {
                    return m;
                }
            }
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("no matching mail for " + user + "; outbox: " + jdbc.sql(
                        "SELECT string_agg(status || ' ' || subject || ' ' || coalesce(last_error, ''), ' | ') FROM mail_outbox WHERE recipient = ?")
                        .param(user).query(String.class).single());
            }
            Thread.sleep(300);
        }
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject() == null ? "" : m.getSubject();
        } catch (Exception e) {
            return "";
        }
    }

    static String text(Part p) {
        try {
            if (p.isMimeType("text/plain")) {
                return (String) p.getContent();
            }
            if (p.isMimeType("multipart/*")) {
                Multipart mp = (Multipart) p.getContent();
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < mp.getCount(); i++) {
                    b.append(text(mp.getBodyPart(i)));
                }
                return b.toString();
            }
            return "";
        } catch (Exception e) {
            return "";
        }
    }

    static List<MimeMessage> readOverImap(String user) throws Exception {
        Session session = Session.getInstance(new Properties());
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
}
