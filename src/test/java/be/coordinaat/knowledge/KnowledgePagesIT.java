package be.coordinaat.knowledge;

import static be.coordinaat.knowledge.KnowledgeTestData.PNG;
import static be.coordinaat.knowledge.KnowledgeTestData.draft;
import static be.coordinaat.knowledge.KnowledgeTestData.published;
import static be.coordinaat.knowledge.KnowledgeTestData.unique;
import static be.coordinaat.knowledge.KnowledgeTestData.upload;
import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Browserless;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The knowledge base pages without a browser: the forms, the served HTML of hostile articles, and page scope. */
@IntegrationTest
class KnowledgePagesIT {

    static final String HOSTILE = """
            # Titel
            <script>alert('xss')</script>
            <img src=x onerror="alert(1)">
            <iframe src="https://evil.example/"></iframe>
            [klik hier](javascript:alert(2))
            <a href="javascript:alert(3)" onclick="alert(4)">link</a>
            ![foto](https://tracker.example/p.gif)
            <p style="x" onmouseover="alert(5)">hover</p>
            """;

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    /** The article's text as served: nothing in it can run. */
    static void assertHarmless(Element body) {
        assertThat(body).as("article body").isNotNull();
        assertThat(body.select("script, iframe, object, embed, svg, style, form")).isEmpty();
        assertThat(body.getAllElements().stream().flatMap(e -> e.attributes().asList().stream())
                .filter(a -> a.getKey().toLowerCase().startsWith("on") || a.getKey().equals("style"))).isEmpty();
        assertThat(body.select("[href]").eachAttr("href")).noneMatch(h -> h.toLowerCase().contains("javascript"));
        assertThat(body.select("img")).isEmpty();
        assertThat(body.html()).doesNotContain("<script");
    }

    @Test
    void hostileMarkdownIsServedHarmlessOnTheArticlePagePublicPageAndVersionPage() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        long id = published(coordinator, a, unique("Onschuldig"), HOSTILE, "PUBLIC");
        var web = Browserless.signIn(port, "coordinator", "coordinator");
        var redirect = web.get("/knowledge/articles/" + id);
        assertThat(redirect.status()).isEqualTo(302);
        var page = web.get(redirect.location().replaceFirst("^https?://[^/]+", ""));
        assertThat(page.status()).isEqualTo(200);
        Document doc = page.document();
        assertHarmless(doc.selectFirst("#article-body"));
        assertThat(doc.selectFirst("#article-body").text()).contains("<script>alert('xss')</script>");
        // the whole page has no script but the application's own files
        assertThat(doc.select("script").eachAttr("src")).allMatch(src -> src.startsWith("/"));
        assertThat(doc.select("script:not([src])")).isEmpty();

        var publicPage = Browserless.anonymous(port).get(Browserless.anonymous(port).get("/public/kb/" + id).location()
                .replaceFirst("^https?://[^/]+", ""));
        assertThat(publicPage.status()).isEqualTo(200);
        assertHarmless(publicPage.document().selectFirst("#article-body"));

        // an old version is rendered the same way
        var edit = KnowledgeTestData.body(a, "Onschuldig", "Nieuwe tekst", "PUBLIC");
        assertThat(coordinator.put("/api/v1/knowledge/articles/" + id, Api.json(edit)).status()).isEqualTo(200);
        var old = web.get("/knowledge/articles/" + id + "/versions/1");
        assertThat(old.status()).isEqualTo(200);
        assertHarmless(old.document().selectFirst("#old-body"));
        assertThat(old.document().select("#diff script")).isEmpty();
        assertThat(old.document().selectFirst("#diff").text()).contains("<script>alert('xss')</script>");

        // the editor's preview too
        var preview = web.post("/knowledge/preview", Map.of("body", HOSTILE), "/knowledge/articles/" + id + "/edit");
        assertThat(preview.status()).isEqualTo(200);
        assertHarmless(org.jsoup.Jsoup.parseBodyFragment(preview.body()).body());
    }

    @Test
    void aCoordinatorWritesAnArticleThroughTheFormsWithFieldErrorsFirst() {
        long a = Demo.regenboog(jdbc);
        var web = Browserless.signIn(port, "coordinator", "coordinator");
        var form = web.get("/knowledge/articles/new");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.document().select("#schoolId option[selected]").attr("value")).isEqualTo(String.valueOf(a));

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("schoolId", String.valueOf(a));
        fields.put("title", "");
        fields.put("body", "x".repeat(Forms.MAX_BODY + 1));
        fields.put("audience", "SCHOOL");
        fields.put("tags", "wifi, Netwerk ,  ");
        fields.put("reviewMonths", "abc");
        var invalid = web.post("/knowledge/articles", fields, "/knowledge/articles/new");
        assertThat(invalid.status()).isEqualTo(200);
        Document errors = invalid.document();
        assertThat(errors.select("#title.is-invalid")).hasSize(1);
        assertThat(errors.select("#body.is-invalid")).hasSize(1);
        assertThat(errors.select("#reviewMonths.is-invalid")).hasSize(1);

        String title = unique("Via het formulier");
        fields.put("title", title);
        fields.put("body", "## Stap\n\n- een\n- twee");
        fields.put("reviewMonths", "6");
        fields.put("action", "publish");
        var saved = web.post("/knowledge/articles", fields, "/knowledge/articles/new");
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        long id = jdbc.sql("SELECT id FROM kb_article WHERE title = ?").param(title).query(Long.class).single();
        var row = jdbc.sql("SELECT status, tags, review_months FROM kb_article WHERE id = ?").param(id)
                .query((rs, n) -> List.of(rs.getString(1), List.of((String[]) rs.getArray(2).getArray()), rs.getInt(3))).single();
        assertThat(row).containsExactly("PUBLISHED", List.of("wifi", "netwerk"), 6);

        var page = web.get(saved.location().replaceFirst("^https?://[^/]+", ""));
        assertThat(page.document().select("#article-body h2").text()).isEqualTo("Stap");
        assertThat(page.document().select("#article-status").text()).isEqualTo("Gepubliceerd");

        // a stale version in the form: a conflict message, nothing overwritten
        fields.put("version", "0");
        fields.put("body", "Overschreven?");
        fields.remove("action");
        var stale = web.post("/knowledge/articles/" + id, fields, "/knowledge/articles/" + id + "/edit");
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.document().select(".alert-danger").text()).isNotBlank();
        assertThat(jdbc.sql("SELECT body FROM kb_article WHERE id = ?").param(id).query(String.class).single()).contains("Stap");

        // image upload through the page form, judged by content
        var bad = web.postFile("/knowledge/articles/" + id + "/images", "file", "x.png", "image/png", "GIF? no".getBytes(),
                "/knowledge/articles/" + id + "/edit");
        assertThat(bad.status()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT count(*) FROM kb_attachment WHERE article_id = ?").param(id).query(Long.class).single()).isZero();
        var good = web.postFile("/knowledge/articles/" + id + "/images", "file", "ok.png", "image/png", PNG,
                "/knowledge/articles/" + id + "/edit");
        assertThat(good.status()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT count(*) FROM kb_attachment WHERE article_id = ?").param(id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void everyPageAnswersItsReadersAndHidesOtherSchools() {
        Api admin = Api.as("admin", port, jdbc);
        long b = Demo.atheneum(jdbc);
        long bInternal = published(admin, b, unique("Intern atheneum"), "x", "SCHOOL");
        long bDraft = draft(admin, b, unique("Concept atheneum"), "x", "SCHOOL");
        var up = upload(admin, port, "/api/v1/knowledge/articles/" + bInternal + "/attachments", "b.png", "image/png", PNG);
        long image = up.json().get("id").asLong();
        long a = Demo.regenboog(jdbc);
        long aArticle = published(Api.as("coordinator", port, jdbc), a, unique("Leesbaar voor A"), "x", "SCHOOL");

        var coordinator = Browserless.signIn(port, "coordinator", "coordinator");
        for (String path : List.of("/knowledge", "/knowledge/categories", "/knowledge/insights", "/knowledge/articles/new",
                "/knowledge/articles/" + aArticle + "/edit", "/knowledge/articles/" + aArticle + "/versions",
                "/knowledge/articles/" + aArticle + "/versions/1", "/public/kb")) {
            assertThat(coordinator.get(path).status()).as(path).isEqualTo(200);
        }
        for (long id : new long[] {bInternal, bDraft}) {
            for (String sub : List.of("", "/x", "/edit", "/versions", "/versions/1", "/images/" + image)) {
                assertThat(coordinator.get("/knowledge/articles/" + id + sub).status()).as(id + sub).isEqualTo(404);
            }
            for (String action : List.of("/publish", "/archive", "/review", "/delete", "/versions/1/restore", "/feedback",
                    "/images/" + image + "/delete")) {
                assertThat(coordinator.post("/knowledge/articles/" + id + action, Map.of("helpful", "true"), "/knowledge").status())
                        .as(id + action).isEqualTo(404);
            }
        }
        assertThat(coordinator.get("/knowledge").body()).doesNotContain("Intern atheneum").doesNotContain("Concept atheneum");

        var teacher = Browserless.signIn(port, "teacher", "teacher");
        assertThat(teacher.get("/knowledge").status()).isEqualTo(200);
        assertThat(teacher.get("/knowledge").document().select("#new-article")).isEmpty();
        assertThat(teacher.get("/knowledge/articles/new").status()).isEqualTo(403);
        assertThat(teacher.get("/knowledge/insights").status()).isEqualTo(403);
        assertThat(teacher.get("/knowledge/articles/" + aArticle + "/edit").status()).isEqualTo(403);
        assertThat(teacher.get("/knowledge/articles/" + aArticle + "/versions").status()).isEqualTo(403);
        assertThat(teacher.post("/knowledge/articles/" + aArticle + "/archive", Map.of(), "/knowledge").status()).isEqualTo(403);
        assertThat(teacher.post("/knowledge/categories", Map.of("name", "x", "schoolId", String.valueOf(a)), "/knowledge").status())
                .isEqualTo(403);
        // the teacher votes on the page
        var vote = teacher.post("/knowledge/articles/" + aArticle + "/feedback", Map.of("helpful", "true", "comment", "Top"),
                "/knowledge");
        assertThat(vote.status()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT count(*) FROM kb_feedback f JOIN app_user u ON u.id = f.user_id WHERE f.article_id = ? AND u.username = 'teacher'")
                .param(aArticle).query(Long.class).single()).isEqualTo(1);
        var page = teacher.get(teacher.get("/knowledge/articles/" + aArticle).location().replaceFirst("^https?://[^/]+", ""));
        assertThat(page.document().select("#my-vote").text()).isNotBlank();
        assertThat(page.document().select("#edit-article, #versions, #images")).isEmpty();
        assertThat(jdbc.sql("SELECT views FROM kb_article_views WHERE article_id = ?").param(aArticle).query(Long.class).single())
                .isGreaterThanOrEqualTo(1);
        // the menu shows the knowledge base to staff
        assertThat(page.document().select("#nav-knowledge")).hasSize(1);
    }
}
