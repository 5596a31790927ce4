package be.coordinaat.privacy;

import static be.coordinaat.privacy.PrivacyTestData.hoursAgo;
import static be.coordinaat.privacy.PrivacyTestData.unique;
import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.mail.delivery.OutboxSender;
import be.coordinaat.support.Api;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A new breach reaches the board's DPO at once through a real SMTP server (GreenMail): the mail names the breach, the
 * school and the 72-hour deadline; a report that fails validation mails nobody.
 */
@IntegrationTest
class BreachMailIT {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired OutboxSender sender;

    long board;
    Map<String, Object> saved;

    @BeforeEach
    void pointTheBoardAtGreenMail() {
        board = jdbc.sql("SELECT board_id FROM school WHERE id = ?").param(Demo.regenboog(jdbc)).query(Long.class).single();
        saved = jdbc.sql("SELECT smtp_host, smtp_port, smtp_security, from_address FROM mail_settings WHERE board_id = ?")
                .param(board).query().singleRow();
        jdbc.sql("UPDATE mail_settings SET smtp_host = '127.0.0.1', smtp_port = ?, smtp_security = 'NONE', from_address = ? WHERE board_id = ?")
                .params(greenMail.getSmtp().getPort(), "coordinaat@privacy-test.test", board).update();
    }

    @AfterEach
    void restore() {
        jdbc.sql("UPDATE mail_settings SET smtp_host = ?, smtp_port = ?, smtp_security = ?, from_address = ? WHERE board_id = ?")
                .params(saved.get("smtp_host"), saved.get("smtp_port"), saved.get("smtp_security"), saved.get("from_address"),
                        board).update();
    }

    @Test
    void theDpoIsMailedAtOnceWithTheDeadline() throws Exception {
        String title = unique("Klaslijst op openbare Padlet");
        Api teacher = Api.as("teacher", port, jdbc);
        long id = PrivacyTestData.breach(teacher, Demo.regenboog(jdbc), title, hoursAgo(2));
        // queued in the same transaction as the report
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE thread_ref = ? AND recipient = 'dpo@zonnebeke-demo.be'")
                .param("privacy-breach:" + id).query(Long.class).single()).isEqualTo(1);
        sender.sendDue();

        MimeMessage mail = awaitMail("dpo@zonnebeke-demo.be", title);
        assertThat(mail.getSubject()).isEqualTo("Datalek gemeld: " + title);
        String body = GreenMailUtil.getBody(mail);
        String text = java.net.URLDecoder.decode(body.replace("=\r\n", "").replace("=3D", "="), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(mailText(mail)).contains("Tine Leerkracht").contains("De Regenboog").contains("72 uur");
        String deadline = jdbc.sql("SELECT to_char((discovered_at + interval '72 hours') AT TIME ZONE 'Europe/Brussels', 'DD/MM/YYYY HH24:MI') FROM privacy_breach WHERE id = ?")
                .param(id).query(String.class).single();
        assertThat(mailText(mail)).contains(deadline);
        assertThat(text).isNotNull();
    }

    @Test
    void aRefusedReportMailsNobody() {
        Api teacher = Api.as("teacher", port, jdbc);
        long before = jdbc.sql("SELECT count(*) FROM mail_outbox WHERE thread_ref LIKE 'privacy-breach:%'").query(Long.class).single();
        var r = teacher.post("/api/v1/privacy/breaches", Api.json(PrivacyTestData.breachBody(Demo.regenboog(jdbc), "x", hoursAgo(-30))));
        assertThat(r.status()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE thread_ref LIKE 'privacy-breach:%'").query(Long.class).single())
                .isEqualTo(before);
    }

    private MimeMessage awaitMail(String to, String subjectPart) throws Exception {
        for (int i = 0; i < 100; i++) {
            for (MimeMessage m : greenMail.getReceivedMessages()) {
                boolean forRecipient = Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(to));
                if (forRecipient && m.getSubject() != null && m.getSubject().contains(subjectPart)) {
                    return m;
                }
            }
            sender.sendDue();
            Thread.sleep(100);
        }
        throw new AssertionError("no mail to " + to + " about " + subjectPart + " in " + List.of(greenMail.getReceivedMessages()).size());
    }

    private static String mailText(MimeMessage m) throws Exception {
        StringBuilder out = new StringBuilder();
        walk(m, out);
        return out.toString();
    }

    private static void walk(jakarta.mail.Part p, StringBuilder out) throws Exception {
        if (p.isMimeType("text/plain")) {
            out.append(p.getContent());
        } else if (p.isMimeType("multipart/*")) {
            var mp = (jakarta.mail.Multipart) p.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                walk(mp.getBodyPart(i), out);
            }
        }
    }
}
