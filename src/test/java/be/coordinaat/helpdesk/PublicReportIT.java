package be.coordinaat.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Browserless;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public problem report behind the QR code: the same page for existing and unknown tags, honeypot, minimum fill
 * time, rate limit, the follow link, and stored input escaped when a coordinator opens the ticket.
 */
@IntegrationTest
class PublicReportIT {

    /** A page with the session's CSRF token that does not restart the report form's fill timer. */
    static final String CSRF = "/login";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired PublicReports reports;

    @BeforeEach
    void reset() {
        reports.resetLimits();
    }

    static void pause() {
        try {
            Thread.sleep(2100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void shortLinkSendsVisitorsToTheReportAndStaffToTheAsset() {
        long a = Demo.regenboog(jdbc);
        var visitor = Browserless.anonymous(port).get("/a/" + a + "/RB-000028");
        assertThat(visitor.status()).isEqualTo(302);
        assertThat(visitor.location()).endsWith("/report/a/" + a + "/RB-000028");
        var staff = Browserless.signIn(port, "coordinator", "coordinator").get("/a/" + a + "/RB-000028");
        assertThat(staff.location()).contains("/inventory/assets/");
    }

    @Test
    void samePageForExistingAndUnknownTags() {
        long a = Demo.regenboog(jdbc);
        Browserless anon = Browserless.anonymous(port);
        var first = anon.get("/report/a/" + a + "/RB-000028");
        assertThat(first.status()).as(first.location()).isEqualTo(200);
        assertThat(first.body()).contains("report-form");
        String known = anon.get("/report/a/" + a + "/RB-000028").document().select("main").html();
        String unknown = anon.get("/report/a/" + a + "/NOPE-999").document().select("main").html();
        assertThat(known.replace("RB-000028", "X").replaceAll("name=\"_csrf\" value=\"[^\"]*\"", ""))
                .isEqualTo(unknown.replace("NOPE-999", "X").replaceAll("name=\"_csrf\" value=\"[^\"]*\"", ""));
        assertThat(known).doesNotContain("Epson").doesNotContain("B1").doesNotContain("X8JK0");
    }

    @Test
    void reportIsEscapedAndFollowable() {
        long a = Demo.regenboog(jdbc);
        Browserless anon = Browserless.anonymous(port);
        anon.get("/report/a/" + a + "/RB-000028");
        pause();
        String script = "<script>alert('x')</script> beamer kapot";
        var done = anon.post("/report/a/" + a + "/RB-000028", Map.of("description", script, "name", "<b>Lotte</b>",
                "email", "lotte@example.be", "website", ""), CSRF);
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        String number = done.document().selectFirst("#report-number").text();
        assertThat(number).startsWith("T-");
        String follow = done.document().selectFirst("#follow-link").attr("href");
        long id = jdbc.sql("SELECT id FROM ticket WHERE number = ? AND school_id = ?").params(number, a).query(Long.class).single();
        assertThat(jdbc.sql("SELECT asset_id IS NOT NULL FROM ticket WHERE id = ?").param(id).query(Boolean.class).single()).isTrue();

        var page = Browserless.signIn(port, "coordinator", "coordinator").get("/helpdesk/tickets/" + id);
        assertThat(page.body()).doesNotContain("<script>alert").contains("&lt;script&gt;alert")
                .doesNotContain("<b>Lotte</b>");
        // the follow page shows the ticket and takes a reply
        Browserless other = Browserless.anonymous(port);
        assertThat(other.get(follow).body()).contains(number);
        assertThat(other.get("/report/t/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").status()).isEqualTo(404);
        pause();
        var reply = other.post(follow, Map.of("body", "Nog steeds kapot", "website", ""), CSRF);
        assertThat(reply.status()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT count(*) FROM ticket_reply WHERE ticket_id = ? AND body = 'Nog steeds kapot'").param(id)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void unknownTagGivesAFlaggedTicketAndBotsAreRefused() {
        long a = Demo.regenboog(jdbc);
        Browserless anon = Browserless.anonymous(port);
        String path = "/report/a/" + a + "/ONBEKEND-1";
        anon.get(path);
        var tooFast = anon.post(path, Map.of("description", "Scherm is zwart", "website", ""), path);
        assertThat(tooFast.document().select("#report-refused")).isNotEmpty();
        pause();
        var bot = anon.post(path, Map.of("description", "Scherm is zwart", "website", "http://spam"), CSRF);
        assertThat(bot.document().select("#report-refused")).isNotEmpty();
        pause();
        var empty = anon.post(path, Map.of("description", "", "website", ""), CSRF);
        assertThat(empty.document().select(".invalid-feedback")).isNotEmpty();
        var ok = anon.post(path, Map.of("description", "Scherm is zwart", "website", ""), CSRF);
        String number = ok.document().selectFirst("#report-number").text();
        assertThat(jdbc.sql("SELECT unknown_asset_tag FROM ticket WHERE number = ? AND school_id = ?").params(number, a)
                .query(String.class).single()).isEqualTo("ONBEKEND-1");
        assertThat(anon.postRaw(path, Map.of("description", "zonder csrf")).status()).isEqualTo(403);
        // rate limit per label
        int refused = 0;
        for (int i = 0; i < 6; i++) {
            anon.get(path);
            pause();
            var r = anon.post(path, Map.of("description", "Nog een melding " + i, "website", ""), CSRF);
            if (!r.document().select("#report-refused").isEmpty()) {
                refused++;
            }
        }
        assertThat(refused).isPositive();
    }
}
