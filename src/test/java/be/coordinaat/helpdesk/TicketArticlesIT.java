package be.coordinaat.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The knowledge base on a ticket: suggestions for the staff who work it, the reply text that hands over an article,
 * and linked articles with their scope: an article the user may not read cannot be linked, a ticket of another
 * school answers 404, a reporter cannot link.
 */
@IntegrationTest
class TicketArticlesIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    long ticket(Api api, long school, String title, String description) {
        var r = api.post("/api/v1/tickets", Api.json(Map.of("schoolId", school, "title", title, "description", description)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    long article(String title) {
        return jdbc.sql("SELECT id FROM kb_article WHERE title = ? AND status = 'PUBLISHED' ORDER BY id LIMIT 1").param(title)
                .query(Long.class).single();
    }

    @Test
    void suggestionsAndTheReplyTextHandOverTheArticle() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long school = Demo.regenboog(jdbc);
        long id = ticket(coordinator, school, "Wachtwoord Smartschool vergeten", "Een leerkracht kan niet meer aanmelden op Smartschool.");
        long smartschool = article("Wachtwoord Smartschool resetten");

        var suggested = coordinator.get("/api/v1/tickets/" + id + "/suggested-articles");
        assertThat(suggested.status()).isEqualTo(200);
        assertThat(ids(suggested.json())).contains(smartschool).hasSizeLessThanOrEqualTo(5);

        var text = coordinator.get("/api/v1/tickets/" + id + "/articles/" + smartschool + "/reply-text");
        assertThat(text.status()).as(text.toString()).isEqualTo(200);
        assertThat(text.json().get("body").asString()).startsWith("Wachtwoord Smartschool resetten\n\n")
                .contains("Je wachtwoord van Smartschool vergeten? Zo kies je zelf een nieuw.")
                .contains("Meer lezen: ").contains("/public/kb/" + smartschool + "/");

        // a reporter without TICKETS_WORK gets no suggestions and no reply text
        Api teacher = Api.as("teacher", port, jdbc);
        long own = ticket(teacher, school, "Smartschool wachtwoord", "Ik kan niet aanmelden op Smartschool.");
        assertThat(teacher.get("/api/v1/tickets/" + own + "/suggested-articles").json()).isEmpty();
        assertThat(teacher.get("/api/v1/tickets/" + own + "/articles/" + smartschool + "/reply-text").status()).isEqualTo(403);
    }

    @Test
    void linkedArticlesAreScoped() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long school = Demo.regenboog(jdbc);
        long other = Demo.atheneum(jdbc);
        long id = ticket(coordinator, school, "Beamer lokaal 3", "De beamer toont geen beeld.");
        long smartschool = article("Wachtwoord Smartschool resetten");

        var linked = coordinator.post("/api/v1/tickets/" + id + "/articles", Api.json(Map.of("articleId", smartschool)));
        assertThat(linked.status()).as(linked.toString()).isEqualTo(201);
        assertThat(ids(linked.json(), "articleId")).containsExactly(smartschool);
        // linking twice keeps one link
        assertThat(coordinator.post("/api/v1/tickets/" + id + "/articles", Api.json(Map.of("articleId", smartschool))).status()).isEqualTo(201);
        assertThat(ids(coordinator.get("/api/v1/tickets/" + id + "/articles").json(), "articleId")).containsExactly(smartschool);
        assertThat(jdbc.sql("SELECT count(*) FROM history_entry WHERE record_type = 'ticket' AND record_id = ? AND changes::text LIKE '%article%'")
                .param(id).query(Long.class).single()).isEqualTo(1);

        // an article of another school, readable only there: refused, nothing stored
        Long foreign = jdbc.sql("""
                SELECT id FROM kb_article WHERE school_id = ? AND status = 'PUBLISHED' AND audience = 'SCHOOL' ORDER BY id LIMIT 1""")
                .param(other).query(Long.class).optional().orElseGet(() -> jdbc.sql("""
                        INSERT INTO kb_article (board_id, school_id, slug, title, body, body_text, audience, status)
                        SELECT board_id, id, 'intern', 'Intern', 'x', 'x', 'SCHOOL', 'PUBLISHED' FROM school WHERE id = ? RETURNING id""")
                        .param(other).query(Long.class).single());
        var refused = coordinator.post("/api/v1/tickets/" + id + "/articles", Api.json(Map.of("articleId", foreign)));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("articleId");
        assertThat(coordinator.post("/api/v1/tickets/" + id + "/articles", Api.json(Map.of("articleId", 987654321L))).status()).isEqualTo(400);
        assertThat(coordinator.get("/api/v1/tickets/" + id + "/articles/" + foreign + "/reply-text").status()).isEqualTo(400);
        assertThat(coordinator.post("/api/v1/tickets/" + id + "/articles", "{}").status()).isEqualTo(400);
        assertThat(coordinator.post("/api/v1/tickets/" + id + "/articles", "{\"articleId\": 1, \"extra\": 2}").status()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM ticket_article WHERE ticket_id = ?").param(id).query(Long.class).single()).isEqualTo(1);

        // a ticket of another school is not there, even by guessing its id
        long foreignTicket = ticket(Api.as("technician", port, jdbc), other, "Printer", "Papierstoring");
        assertThat(coordinator.get("/api/v1/tickets/" + foreignTicket + "/articles").status()).isEqualTo(404);
        assertThat(coordinator.post("/api/v1/tickets/" + foreignTicket + "/articles", Api.json(Map.of("articleId", smartschool))).status())
                .isEqualTo(404);
        assertThat(coordinator.delete("/api/v1/tickets/" + foreignTicket + "/articles/" + smartschool).status()).isEqualTo(404);
        assertThat(coordinator.get("/api/v1/tickets/" + foreignTicket + "/suggested-articles").status()).isEqualTo(404);
        // a colleague who only reports cannot see or change another's ticket
        Api teacher = Api.as("teacher", port, jdbc);
        assertThat(teacher.post("/api/v1/tickets/" + id + "/articles", Api.json(Map.of("articleId", smartschool))).status()).isEqualTo(404);
        assertThat(teacher.delete("/api/v1/tickets/" + id + "/articles/" + smartschool).status()).isEqualTo(404);

        assertThat(coordinator.delete("/api/v1/tickets/" + id + "/articles/" + smartschool).status()).isEqualTo(204);
        assertThat(coordinator.delete("/api/v1/tickets/" + id + "/articles/" + smartschool).status()).isEqualTo(404);
        assertThat(coordinator.get("/api/v1/tickets/" + id + "/articles").json()).isEmpty();
    }

    @Test
    void theTicketPageSuggestsArticlesAndFillsTheReplyWithOne() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long school = Demo.regenboog(jdbc);
        long id = ticket(coordinator, school, "Wachtwoord Smartschool kwijt", "Leerling kan niet aanmelden op Smartschool.");
        long smartschool = article("Wachtwoord Smartschool resetten");
        var web = be.coordinaat.support.Browserless.signIn(port, "coordinator", "coordinator");

        var page = web.get("/helpdesk/tickets/" + id).document();
        assertThat(page.select("#suggested-articles .suggested-article a").eachText()).contains("Wachtwoord Smartschool resetten");
        assertThat(page.select("#suggested-articles a.reply-with-article").eachAttr("href"))
                .anyMatch(h -> h.contains("article=" + smartschool));
        assertThat(page.select("#body").text()).isEmpty();

        var filled = web.get("/helpdesk/tickets/" + id + "?article=" + smartschool).document();
        assertThat(filled.select("textarea#body").first().wholeText()).startsWith("Wachtwoord Smartschool resetten")
                .contains("Zo kies je zelf een nieuw.").contains("/public/kb/" + smartschool + "/");

        // linking through the page; a teacher sees neither the suggestions nor someone else's ticket
        var linked = web.post("/helpdesk/tickets/" + id + "/articles", Map.of("articleId", String.valueOf(smartschool)),
                "/helpdesk/tickets/" + id);
        assertThat(linked.status()).isEqualTo(302);
        assertThat(web.get("/helpdesk/tickets/" + id).document().select("#linked-articles a").eachText())
                .contains("Wachtwoord Smartschool resetten");
        var teacher = be.coordinaat.support.Browserless.signIn(port, "teacher", "teacher");
        assertThat(teacher.get("/helpdesk/tickets/" + id + "?article=" + smartschool).status()).isEqualTo(404);
    }

    static List<Long> ids(JsonNode array) {
        return ids(array, "id");
    }

    static List<Long> ids(JsonNode array, String field) {
        List<Long> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asLong()));
        return out;
    }
}
