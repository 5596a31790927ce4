package be.coordinaat.knowledge;

import static be.coordinaat.knowledge.KnowledgeTestData.PNG;
import static be.coordinaat.knowledge.KnowledgeTestData.body;
import static be.coordinaat.knowledge.KnowledgeTestData.draft;
import static be.coordinaat.knowledge.KnowledgeTestData.enc;
import static be.coordinaat.knowledge.KnowledgeTestData.ids;
import static be.coordinaat.knowledge.KnowledgeTestData.published;
import static be.coordinaat.knowledge.KnowledgeTestData.unique;
import static be.coordinaat.knowledge.KnowledgeTestData.upload;
import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The knowledge base through its REST API: the life of an article, search, versions, images, votes, categories. */
@IntegrationTest
class KnowledgeApiIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void anArticleIsWrittenPublishedChangedRestoredAndArchivedWithHistory() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        String title = unique("Het digibord kalibreren");
        long id = draft(coordinator, a, title, "## Stappen\n\n1. Open het menu\n2. Kies **Kalibreren**", "SCHOOL");

        JsonNode article = coordinator.get("/api/v1/knowledge/articles/" + id).json();
        assertThat(article.get("status").asText()).isEqualTo("DRAFT");
        assertThat(article.get("revision").asInt()).isEqualTo(1);
        assertThat(article.get("authorName").asText()).isEqualTo("Koen Coördinator");
        assertThat(article.get("html").asText()).contains("<h2>Stappen</h2>").contains("<strong>Kalibreren</strong>");
        assertThat(article.get("slug").asText()).startsWith("het-digibord-kalibreren");
        assertThat(article.get("path").asText()).isEqualTo("/knowledge/articles/" + id + "/" + article.get("slug").asText());
        assertThat(article.get("publicPath").isNull()).isTrue();
        assertThat(article.get("tags").toString()).contains("handleiding");

        // a draft is for managers only
        Api teacher = Api.as("teacher", port, jdbc);
        assertThat(teacher.get("/api/v1/knowledge/articles/" + id).status()).isEqualTo(404);

        var pub = coordinator.post("/api/v1/knowledge/articles/" + id + "/publish", "");
        assertThat(pub.status()).isEqualTo(200);
        assertThat(pub.json().get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(pub.json().get("lastReviewedOn").isNull()).isFalse();
        assertThat(coordinator.post("/api/v1/knowledge/articles/" + id + "/publish", "").status()).isEqualTo(409);
        assertThat(teacher.get("/api/v1/knowledge/articles/" + id).status()).isEqualTo(200);

        // change the text: a second version; a change with the old version number is refused
        int version = pub.json().get("version").asInt();
        Map<String, Object> edit = body(a, title, "## Stappen\n\n1. Open het menu\n2. Kies **Kalibreren**\n3. Tik de vier kruisjes aan", "SCHOOL");
        edit.put("version", version);
        edit.put("note", "stap 3 toegevoegd");
        var updated = coordinator.put("/api/v1/knowledge/articles/" + id, Api.json(edit));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("revision").asInt()).isEqualTo(2);
        assertThat(coordinator.put("/api/v1/knowledge/articles/" + id, Api.json(edit)).status()).isEqualTo(409);

        JsonNode versions = coordinator.get("/api/v1/knowledge/articles/" + id + "/versions").json();
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("revision").asInt()).isEqualTo(2);
        assertThat(versions.get(0).get("note").asText()).isEqualTo("stap 3 toegevoegd");
        JsonNode old = coordinator.get("/api/v1/knowledge/articles/" + id + "/versions/1").json();
        assertThat(old.get("body").asText()).doesNotContain("kruisjes");
        assertThat(old.get("changesToCurrent").toString()).contains("ADDED").contains("kruisjes");
        assertThat(coordinator.get("/api/v1/knowledge/articles/" + id + "/versions/99").status()).isEqualTo(404);
        assertThat(teacher.get("/api/v1/knowledge/articles/" + id + "/versions").status()).isEqualTo(403);

        var restored = coordinator.post("/api/v1/knowledge/articles/" + id + "/versions/1/restore",
                "{\"version\":" + updated.json().get("version").asInt() + "}");
        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        assertThat(restored.json().get("revision").asInt()).isEqualTo(3);
        assertThat(restored.json().get("body").asText()).doesNotContain("kruisjes");
        assertThat(coordinator.post("/api/v1/knowledge/articles/" + id + "/versions/1/restore", "{\"version\":0}").status())
                .isEqualTo(409);

        var reviewed = coordinator.post("/api/v1/knowledge/articles/" + id + "/review", "");
        assertThat(reviewed.status()).isEqualTo(200);

        assertThat(coordinator.delete("/api/v1/knowledge/articles/" + id).status()).as("published: archive first").isEqualTo(409);
        assertThat(coordinator.post("/api/v1/knowledge/articles/" + id + "/archive", "").json().get("status").asText())
                .isEqualTo("ARCHIVED");
        assertThat(teacher.get("/api/v1/knowledge/articles/" + id).status()).isEqualTo(404);

        long history = jdbc.sql("SELECT count(*) FROM history_entry WHERE record_type = 'article' AND record_id = ?").param(id)
                .query(Long.class).single();
        assertThat(history).as("create, publish, update, restore, review, archive").isGreaterThanOrEqualTo(6);
        assertThat(coordinator.delete("/api/v1/knowledge/articles/" + id).status()).isEqualTo(204);
        assertThat(coordinator.get("/api/v1/knowledge/articles/" + id).status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM kb_article_revision WHERE article_id = ?").param(id).query(Long.class).single())
                .isZero();
    }

    @Test
    void searchIgnoresAccentsAndCaseToleratesATypoInTheTitleRanksAndHighlights() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        String word = "zqx" + System.nanoTime() % 100000;
        long titleHit = published(coordinator, a, "Het " + word + "-scherm geïnstalleerd", "Niets bijzonders.", "SCHOOL");
        long bodyHit = published(coordinator, a, unique("Andere handleiding"),
                "Een lange tekst. De coördinator heeft het " + word + " scherm <script>x</script> gisteren geïnstalleerd.", "SCHOOL");

        var r = coordinator.get("/api/v1/knowledge/articles?q=" + enc(word.toUpperCase() + " GEINSTALLEERD"));
        assertThat(ids(r)).containsExactly(titleHit, bodyHit);
        JsonNode second = r.json().get("items").get(1);
        String snippet = second.get("snippet").asText();
        assertThat(snippet).contains("<mark>geïnstalleerd</mark>").doesNotContain("<script");
        assertThat(r.json().get("total").asLong()).isEqualTo(2);

        // prefixes: the first letters of a word are enough
        assertThat(ids(coordinator.get("/api/v1/knowledge/articles?q=" + enc(word + " coordinat")))).containsExactly(bodyHit);
        // a typo in a title word still finds the title, when the words themselves find nothing
        String typo = word.substring(0, word.length() - 1) + "w";
        assertThat(ids(coordinator.get("/api/v1/knowledge/articles?q=" + enc(typo + "-scherm")))).contains(titleHit)
                .doesNotContain(bodyHit);
        // hostile query text is just words
        assertThat(coordinator.get("/api/v1/knowledge/articles?q=" + enc("' & | ! :* (<->) \\")).status()).isEqualTo(200);
        assertThat(coordinator.get("/api/v1/knowledge/articles?q=" + enc("x".repeat(5000))).status()).isEqualTo(200);
        // filters and paging in SQL
        assertThat(ids(coordinator.get("/api/v1/knowledge/articles?size=1&q=" + enc(word)))).hasSize(1);
        assertThat(ids(coordinator.get("/api/v1/knowledge/articles?tag=handleiding&q=" + enc(word)))).hasSize(2);
        assertThat(ids(coordinator.get("/api/v1/knowledge/articles?tag=nope&q=" + enc(word)))).isEmpty();
        assertThat(ids(coordinator.get("/api/v1/knowledge/articles?status=DRAFT&q=" + enc(word)))).isEmpty();
        assertThat(ids(coordinator.get("/api/v1/knowledge/articles?sort=-title&q=" + enc(word)))).containsExactly(titleHit, bodyHit);
        assertThat(coordinator.get("/api/v1/knowledge/articles?status=NOPE").status()).isEqualTo(400);
    }

    @Test
    void imagesAreCheckedByContentAndShownInTheArticleOnly() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        long id = draft(coordinator, a, unique("Met foto"), "Zie hieronder.", "SCHOOL");
        String path = "/api/v1/knowledge/articles/" + id + "/attachments";
        var up = upload(coordinator, port, path, "kabel.png", "image/png", PNG);
        assertThat(up.status()).as(up.toString()).isEqualTo(201);
        long image = up.json().get("id").asLong();
        assertThat(up.json().get("markdown").asText()).isEqualTo("![kabel](attachment:" + image + ")");

        var fake = upload(coordinator, port, path, "foto.png", "image/png", "<svg onload=alert(1)>".getBytes());
        assertThat(fake.status()).as(fake.toString()).isEqualTo(400);
        assertThat(fake.json().has("errors")).as(fake.toString()).isTrue();
        assertThat(fake.json().get("errors").get(0).path("field").asText()).as(fake.toString()).isEqualTo("file");
        assertThat(upload(coordinator, port, path, "leeg.png", "image/png", new byte[0]).status()).isEqualTo(400);
        byte[] big = new byte[(int) Articles.MAX_IMAGE_BYTES + 1];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        assertThat(upload(coordinator, port, path, "groot.png", "image/png", big).status()).isEqualTo(400);

        Map<String, Object> edit = body(a, "Met foto", "Zie hieronder.\n\n![kabel](attachment:" + image + ")", "SCHOOL");
        var updated = coordinator.put("/api/v1/knowledge/articles/" + id, Api.json(edit));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(Jsoup.parse(updated.json().get("html").asText()).select("img").attr("src"))
                .isEqualTo("/knowledge/articles/" + id + "/images/" + image);
        var file = coordinator.get(path + "/" + image);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.contentType()).isEqualTo("image/png");

        // another article's image id is not shown, and not served under this article
        long other = draft(coordinator, a, unique("Ander artikel"), "![x](attachment:" + image + ")", "SCHOOL");
        assertThat(coordinator.get("/api/v1/knowledge/articles/" + other).json().get("html").asText()).doesNotContain("<img");
        assertThat(coordinator.get("/api/v1/knowledge/articles/" + other + "/attachments/" + image).status()).isEqualTo(404);

        assertThat(coordinator.delete(path + "/" + image).status()).isEqualTo(204);
        assertThat(coordinator.get(path).json()).isEmpty();
    }

    @Test
    void readersVoteOncePerAccountAndManagersSeeTheOverview() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        long id = published(coordinator, a, unique("Nuttig of niet"), "Tekst.", "SCHOOL");
        Api teacher = Api.as("teacher", port, jdbc);
        String vote = "/api/v1/knowledge/articles/" + id + "/feedback";
        assertThat(teacher.put(vote, "{\"helpful\":true}").json().get("helpful").asLong()).isEqualTo(1);
        var changed = teacher.put(vote, "{\"helpful\":false,\"comment\":\"De stappen kloppen niet meer\"}");
        assertThat(changed.json().get("helpful").asLong()).isZero();
        assertThat(changed.json().get("notHelpful").asLong()).isEqualTo(1);
        assertThat(changed.json().get("myVote").asBoolean()).isFalse();
        assertThat(teacher.put(vote, "{}").status()).isEqualTo(400);
        assertThat(teacher.put(vote, "{\"helpful\":true,\"comment\":\"" + "x".repeat(1001) + "\"}").status()).isEqualTo(400);

        JsonNode insights = coordinator.get("/api/v1/knowledge/insights").json();
        assertThat(insights.get("leastHelpful").toString()).contains("\"id\":" + id);
        assertThat(insights.has("mostViewed")).isTrue();
        assertThat(teacher.get("/api/v1/knowledge/insights").status()).isEqualTo(403);

        long draft = draft(coordinator, a, unique("Concept"), "x", "SCHOOL");
        assertThat(coordinator.put("/api/v1/knowledge/articles/" + draft + "/feedback", "{\"helpful\":true}").status()).isEqualTo(409);
    }

    @Test
    void categoriesFormATreePerSchoolAndTheBoardsAreShared() {
        Api admin = Api.as("admin", port, jdbc);
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        long b = Demo.atheneum(jdbc);
        var board = admin.post("/api/v1/knowledge/categories", "{\"name\":\"" + unique("Bestuur") + "\"}");
        assertThat(board.status()).as(board.toString()).isEqualTo(201);
        long boardCat = board.json().get("id").asLong();
        assertThat(coordinator.post("/api/v1/knowledge/categories", "{\"name\":\"Zonder school\"}").status()).isEqualTo(400);
        var own = coordinator.post("/api/v1/knowledge/categories",
                "{\"name\":\"" + unique("Eigen") + "\",\"schoolId\":" + a + "}");
        assertThat(own.status()).isEqualTo(201);
        long ownCat = own.json().get("id").asLong();
        var child = coordinator.post("/api/v1/knowledge/categories",
                "{\"name\":\"" + unique("Kind") + "\",\"schoolId\":" + a + ",\"parentId\":" + ownCat + "}");
        assertThat(child.status()).isEqualTo(201);
        long childCat = child.json().get("id").asLong();
        assertThat(child.json().get("depth").asInt()).isEqualTo(1);
        // a parent of the board under a school category: another tree
        assertThat(coordinator.post("/api/v1/knowledge/categories",
                "{\"name\":\"X\",\"schoolId\":" + a + ",\"parentId\":" + boardCat + "}").status()).isEqualTo(400);
        // no cycles
        var cycle = coordinator.put("/api/v1/knowledge/categories/" + ownCat,
                "{\"name\":\"Eigen\",\"schoolId\":" + a + ",\"parentId\":" + childCat + "}");
        assertThat(cycle.status()).isEqualTo(400);
        assertThat(cycle.json().get("errors").get(0).get("field").asText()).isEqualTo("parentId");
        // a school B category is out of reach
        assertThat(coordinator.post("/api/v1/knowledge/categories", "{\"name\":\"B\",\"schoolId\":" + b + "}").status()).isEqualTo(400);
        assertThat(coordinator.put("/api/v1/knowledge/categories/" + boardCat, "{\"name\":\"Hernoemd\"}").status()).isEqualTo(403);

        // an article in the child category is found through the parent
        Map<String, Object> art = body(a, unique("In categorie"), "Tekst", "SCHOOL");
        art.put("categoryId", childCat);
        long article = coordinator.post("/api/v1/knowledge/articles", Api.json(art)).json().get("id").asLong();
        assertThat(ids(coordinator.get("/api/v1/knowledge/articles?category=" + ownCat))).containsExactly(article);
        assertThat(coordinator.delete("/api/v1/knowledge/categories/" + childCat).status()).isEqualTo(409);
        Map<String, Object> wrong = body(a, unique("Verkeerde categorie"), "Tekst", "SCHOOL");
        long bCat = admin.post("/api/v1/knowledge/categories", "{\"name\":\"" + unique("B-cat") + "\",\"schoolId\":" + b + "}")
                .json().get("id").asLong();
        wrong.put("categoryId", bCat);
        assertThat(coordinator.post("/api/v1/knowledge/articles", Api.json(wrong)).status()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM history_entry WHERE record_type = 'kb_category' AND record_id = ?")
                .param(ownCat).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void hostileInputGetsCleanErrors() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        String url = "/api/v1/knowledge/articles";
        var huge = coordinator.post(url, Api.json(body(a, "Groot", "x".repeat(Forms.MAX_BODY + 1), "SCHOOL")));
        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.contentType()).startsWith("application/problem+json");
        assertThat(huge.json().get("errors").get(0).get("field").asText()).isEqualTo("body");
        var nul = coordinator.post(url, Api.json(body(a, "Met \u0000 NUL", "tekst", "SCHOOL")));
        assertThat(nul.status()).isEqualTo(400);
        assertThat(coordinator.post(url, "{\"title\":\"x\",\"body\":\"y\",\"audience\":\"SCHOOL\",\"schoolId\":" + a
                + ",\"hacker\":1}").status()).isEqualTo(400);
        assertThat(coordinator.post(url, "{\"title\":\"x\",\"body\":\"y\",\"audience\":\"EVERYONE\",\"schoolId\":" + a + "}")
                .status()).isEqualTo(400);
        var blank = coordinator.post(url, Api.json(body(a, "   ", "y", "SCHOOL")));
        assertThat(blank.status()).isEqualTo(400);
        var noSchool = coordinator.post(url, Api.json(body(null, "Zonder school", "y", "SCHOOL")));
        assertThat(noSchool.status()).isEqualTo(400);
        assertThat(noSchool.json().get("errors").get(0).get("field").asText()).isEqualTo("schoolId");
        assertThat(coordinator.post(url, "not json").status()).isEqualTo(400);
        Map<String, Object> many = body(a, "Veel tags", "y", "SCHOOL");
        many.put("tags", java.util.Collections.nCopies(21, "t"));
        assertThat(coordinator.post(url, Api.json(many)).status()).isEqualTo(400);
        // a very deep text is stored and shown, or refused with a field error: never a 500
        var deep = coordinator.post(url, Api.json(body(a, unique("Diep"), ">".repeat(90_000) + " x", "SCHOOL")));
        assertThat(deep.status()).as(deep.toString()).isIn(201, 400);
        // control characters other than line breaks and tabs are dropped from the text, never stored
        long id = draft(coordinator, a, unique("Belletje"), "a\u0007b\u001bc", "SCHOOL");
        assertThat(coordinator.get(url + "/" + id).json().get("body").asText()).isEqualTo("abc");
    }
}
