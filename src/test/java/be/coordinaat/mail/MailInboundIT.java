package be.coordinaat.mail;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.mail.Views.PollResult;
import be.coordinaat.mail.inbound.MailboxPoller;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Incoming mail from a real IMAP server (GreenMail): mails of many shapes are handed to the handler once, loops and
 * bulk mail are ignored with their reason, everything processed is marked seen on the server, a handler that throws
 * gets the mail again on the next poll with nothing of its first try kept, and duplicates are never handled twice.
 */
@IntegrationTest
class MailInboundIT {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @Autowired JdbcClient jdbc;
    @Autowired MailboxPoller poller;

    String address;
    GreenMailUser user;
    long mailbox;

    @BeforeEach
    void mailbox() {
        address = MailTestData.unique("helpdesk") + "@regenboog.test";
        user = greenMail.setUser(address, address, "imap-pw");
        // disabled: only this test polls it (the scheduler polls enabled mailboxes only)
        mailbox = jdbc.sql("""
                INSERT INTO mailbox (board_id, school_id, name, channel, host, port, ssl, username, password, folder, poll_minutes, enabled)
                SELECT board_id, id, 'Test', ?, '127.0.0.1', ?, FALSE, ?, 'imap-pw', 'INBOX', 5, FALSE FROM school WHERE id = ?
                RETURNING id""")
                .params(RecordingHandler.CHANNEL, greenMail.getImap().getPort(), address, Demo.regenboog(jdbc))
                .query(Long.class).single();
    }

    void deliver(byte[] raw) {
        user.deliver(MailFixtures.message(raw));
    }

    String id(String name) {
        return MailTestData.unique(name) + "@sender.test";
    }

    @Test
    void mailsOfManyShapesAreHandledOrIgnoredEachExactlyOnce() throws Exception {
        String plain = id("plain");
        String html = id("html");
        String w1252 = id("w1252");
        String attach = id("attach");
        String huge = id("huge");
        String malformed = id("malformed");
        String auto = id("auto");
        String list = id("list");
        String own = id("own");
        String ownAddress = id("ownaddress");
        deliver(MailFixtures.plain("Jan Peeters <jan@sender.test>", "Printer lokaal 12", "De printer doet het niet.", "<" + plain + ">", ""));
        deliver(MailFixtures.raw("From: an@sender.test\r\nTo: " + address + "\r\nSubject: Beamer\r\nMessage-ID: <" + html + ">\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n<p>De <b>beamer</b> flikkert.</p>\r\n", true));
        deliver(MimeParserTest.concat(MailFixtures.raw("From: piet@sender.test\r\nTo: " + address + "\r\nSubject: Caf\u00e9\r\n"
                + "Message-ID: <" + w1252 + ">\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=windows-1252\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\n", false), "Kost 20 \u20ac \u2013 dringend".getBytes(Charset.forName("windows-1252"))));
        byte[] attachment = withId(MailFixtures.withAttachment("lies@sender.test", "Foto van het scherm", "Zie foto.",
                "<p>Zie foto.</p>", "scherm.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3}), attach);
        deliver(attachment);
        deliver(withId(MailFixtures.withAttachment("groot@sender.test", "Video", "Te groot.", null, "video.mp4", "video/mp4",
                new byte[be.coordinaat.mail.inbound.MimeParser.MAX_ATTACHMENT_BYTES + 1]), huge));
        deliver(MailFixtures.raw("From: \"kapot <<@@ <kapot@sender.test>\r\nSubject: half\r\nMessage-ID: <" + malformed + ">\r\n"
                + "Content-Type: multipart/mixed; boundary=\"zz\"\r\n\r\n--zz\r\nContent-Type: text/plain\r\n\r\nEerste deel\r\n--zz\r\n"
                + "Content-Type: ;;;\r\n", false));
        deliver(MailFixtures.plain("jan@sender.test", "Afwezig", "Ik ben afwezig.", "<" + auto + ">", "Auto-Submitted: auto-replied\n"));
        deliver(MailFixtures.plain("nieuws@sender.test", "Nieuwsbrief", "Nieuws", "<" + list + ">", "List-Id: <nieuws.sender.test>\nPrecedence: bulk\n"));
        deliver(MailFixtures.plain("MAILER-DAEMON@mx.sender.test", "Undelivered Mail Returned to Sender", "Bounce", "<" + id("bounce") + ">", ""));
        deliver(MailFixtures.plain("coordinaat@zonnebeke-demo.be", "Re: uw ticket", "Eigen mail", "<" + own + ">", "X-Coordinaat-Mail: 17\n"));
        deliver(MailFixtures.plain(address, "Van onszelf", "Eigen adres", "<" + ownAddress + ">", ""));

        PollResult r = poller.poll(mailbox);
        assertThat(r.error()).isNull();
        assertThat(r.fetched()).isEqualTo(11);
        assertThat(r.handled()).isEqualTo(6);
        assertThat(r.ignored()).isEqualTo(5);

        assertThat(handled(plain).text()).isEqualTo("De printer doet het niet.");
        assertThat(handled(plain).from()).isEqualTo("jan@sender.test");
        assertThat(handled(plain).fromName()).isEqualTo("Jan Peeters");
        assertThat(handled(plain).schoolId()).isEqualTo(Demo.regenboog(jdbc));
        assertThat(handled(html).text()).isEqualTo("De beamer flikkert.");
        assertThat(handled(w1252).text()).isEqualTo("Kost 20 \u20ac \u2013 dringend");
        assertThat(handled(attach).attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("scherm.png");
            assertThat(a.contentType()).isEqualTo("image/png");
            assertThat(a.size()).isEqualTo(7);
        });
        assertThat(handled(huge).attachments()).isEmpty();
        assertThat(handled(huge).skippedAttachments()).containsExactly("video.mp4");
        assertThat(handled(malformed).text()).contains("Eerste deel");
        assertThat(reason(auto)).isEqualTo("AUTO_REPLY");
        assertThat(reason(list)).isEqualTo("BULK");
        assertThat(reason(own)).isEqualTo("OWN_MAIL");
        assertThat(reason(ownAddress)).isEqualTo("OWN_ADDRESS");
        assertThat(jdbc.sql("SELECT count(*) FROM mail_inbound WHERE mailbox_id = ? AND reason = 'BOUNCE'").param(mailbox)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(unseenOnServer()).isZero();

        // a second poll finds nothing new; a duplicate delivery of a handled mail is not handled again
        deliver(MailFixtures.plain("Jan Peeters <jan@sender.test>", "Printer lokaal 12", "De printer doet het niet.", "<" + plain + ">", ""));
        PollResult again = poller.poll(mailbox);
        assertThat(again.handled()).isZero();
        assertThat(RecordingHandler.handledCount(plain)).isEqualTo(1);
        assertThat(unseenOnServer()).isZero();

        var status = jdbc.sql("SELECT handled_count, ignored_count, last_error, last_poll_at IS NOT NULL FROM mailbox WHERE id = ?")
                .param(mailbox).query((rs, n) -> rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getString(3) + "/" + rs.getBoolean(4)).single();
        assertThat(status).isEqualTo("6/5/null/true");
    }

    @Test
    void aFailingHandlerGetsTheMailAgainOnTheNextPollAndItsFirstTryLeavesNothing() throws Exception {
        String once = id("once");
        String always = id("always");
        deliver(MailFixtures.plain("jan@sender.test", "Scherm kapot [fail-once]", "Tekst", "<" + once + ">", ""));
        deliver(MailFixtures.plain("jan@sender.test", "Nooit [always-fail]", "Tekst", "<" + always + ">", ""));

        PollResult first = poller.poll(mailbox);
        assertThat(first.failed()).isEqualTo(2);
        assertThat(RecordingHandler.handledCount(once)).isZero();
        assertThat(historyOf(once)).as("the failed try's writes were rolled back").isZero();
        assertThat(statusOf(once)).isEqualTo("FAILED/1");
        assertThat(unseenOnServer()).as("failed mails stay unseen").isEqualTo(2);

        PollResult second = poller.poll(mailbox);
        assertThat(second.handled()).isEqualTo(1);
        assertThat(RecordingHandler.handledCount(once)).isEqualTo(1);
        assertThat(historyOf(once)).isEqualTo(1);
        assertThat(statusOf(once)).isEqualTo("HANDLED/2");
        assertThat(statusOf(always)).isEqualTo("FAILED/2");
        assertThat(unseenOnServer()).isEqualTo(1);

        for (int i = 2; i < MailboxPoller.MAX_HANDLER_ATTEMPTS; i++) {
            poller.poll(mailbox);
        }
        assertThat(statusOf(always)).isEqualTo("GAVE_UP/" + MailboxPoller.MAX_HANDLER_ATTEMPTS);
        assertThat(unseenOnServer()).isZero();
        assertThat(RecordingHandler.handledCount(once)).isEqualTo(1);
        assertThat(historyOf(always)).isZero();
    }

    @Test
    void aFloodFromOneSenderIsCutOffByTheRateLimit() throws Exception {
        String sender = MailTestData.unique("flood") + "@sender.test";
        int n = MailboxPoller.MAX_PER_SENDER_PER_HOUR + 2;
        for (int i = 0; i < n; i++) {
            deliver(MailFixtures.plain(sender, "Mail " + i, "Tekst " + i, "<" + id("flood" + i) + ">", ""));
        }
        PollResult r = poller.poll(mailbox);
        assertThat(r.handled()).isEqualTo(MailboxPoller.MAX_PER_SENDER_PER_HOUR);
        assertThat(r.ignored()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM mail_inbound WHERE mailbox_id = ? AND reason = 'RATE_LIMIT'").param(mailbox)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aWrongPasswordIsAVisibleErrorNotACrash() {
        jdbc.sql("UPDATE mailbox SET password = 'fout' WHERE id = ?").param(mailbox).update();
        deliver(MailFixtures.plain("jan@sender.test", "x", "x", "<" + id("pw") + ">", ""));
        PollResult r = poller.poll(mailbox);
        assertThat(r.error()).isNotNull();
        assertThat(jdbc.sql("SELECT last_error FROM mailbox WHERE id = ?").param(mailbox).query(String.class).single()).isNotBlank();
        assertThat(poller.test(mailbox).ok()).isFalse();
        jdbc.sql("UPDATE mailbox SET password = 'imap-pw' WHERE id = ?").param(mailbox).update();
        assertThat(poller.test(mailbox).ok()).isTrue();
        assertThat(poller.poll(mailbox).handled()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT last_error FROM mailbox WHERE id = ?").param(mailbox).query((rs, n) -> java.util.Optional.ofNullable(rs.getString(1))).single()).isEmpty();
    }

    @Test
    void aMailboxOfAChannelNobodyHandlesLeavesItsMailAlone() throws Exception {
        jdbc.sql("UPDATE mailbox SET channel = 'nobody-handles-this' WHERE id = ?").param(mailbox).update();
        deliver(MailFixtures.plain("jan@sender.test", "x", "x", "<" + id("nobody") + ">", ""));
        PollResult r = poller.poll(mailbox);
        assertThat(r.error()).contains("nobody-handles-this");
        assertThat(unseenOnServer()).isEqualTo(1);
    }

    InboundMail handled(String messageId) {
        return RecordingHandler.HANDLED.stream().filter(m -> m.messageId().equals(messageId)).reduce((a, b) -> {
            throw new AssertionError("handled twice: " + messageId);
        }).orElseThrow(() -> new AssertionError("not handled: " + messageId + "; rows: "
                + jdbc.sql("SELECT status || ' ' || coalesce(reason, '') || ' ' || coalesce(error, '') FROM mail_inbound WHERE message_key = ?")
                        .param(messageId).query(String.class).list()));
    }

    String reason(String messageId) {
        return jdbc.sql("SELECT status || ':' || reason FROM mail_inbound WHERE mailbox_id = ? AND message_key = ?")
                .params(mailbox, messageId).query(String.class).single().replace("IGNORED:", "");
    }

    String statusOf(String messageId) {
        return jdbc.sql("SELECT status || '/' || attempts FROM mail_inbound WHERE mailbox_id = ? AND message_key = ?")
                .params(mailbox, messageId).query(String.class).single();
    }

    long historyOf(String messageId) {
        return jdbc.sql("SELECT count(*) FROM history_entry WHERE record_type = 'test-inbound-mail' AND label = ?")
                .param(messageId).query(Long.class).single();
    }

    int unseenOnServer() throws Exception {
        Session session = Session.getInstance(new Properties());
        try (Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", greenMail.getImap().getPort(), address, "imap-pw");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            int unseen = 0;
            for (Message m : inbox.getMessages()) {
                if (!m.isSet(Flags.Flag.SEEN)) {
                    unseen++;
                }
            }
            inbox.close(false);
            return unseen;
        }
    }

    static byte[] withId(byte[] raw, String messageId) {
        String s = new String(raw, StandardCharsets.ISO_8859_1);
        s = s.replaceFirst("(?m)^Message-ID: .*\r\n", "");
        return ("Message-ID: <" + messageId + ">\r\n" + s).getBytes(StandardCharsets.ISO_8859_1);
    }
}
