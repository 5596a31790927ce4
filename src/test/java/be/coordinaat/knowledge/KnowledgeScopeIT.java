package be.coordinaat.knowledge;

import static be.coordinaat.knowledge.KnowledgeTestData.PNG;
import static be.coordinaat.knowledge.KnowledgeTestData.account;
import static be.coordinaat.knowledge.KnowledgeTestData.body;
import static be.coordinaat.knowledge.KnowledgeTestData.draft;
import static be.coordinaat.knowledge.KnowledgeTestData.enc;
import static be.coordinaat.knowledge.KnowledgeTestData.ids;
import static be.coordinaat.knowledge.KnowledgeTestData.published;
import static be.coordinaat.knowledge.KnowledgeTestData.school;
import static be.coordinaat.knowledge.KnowledgeTestData.unique;
import static be.coordinaat.knowledge.KnowledgeTestData.upload;
import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.access.CurrentUser;
import be.coordinaat.access.Grant;
import be.coordinaat.access.Role;
import be.coordinaat.support.Api;
import be.coordinaat.support.Browserless;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who sees what, through every endpoint: school A against school B whatever id is tried, sharing with the school
 * community only for schools in that community, staff read-only, external accounts, and no account at all.
 */
@IntegrationTest
class KnowledgeScopeIT {

    static final long GUESSED = 987654321L;

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired KnowledgeBase knowledgeBase;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** An article of school B in each audience, and a draft, written by the board admin; one with an image. */
    record SchoolB(long internal, long community, long open, long draft, long image) {}

    SchoolB schoolB(String word) {
        Api admin = Api.as("admin", port, jdbc);
        long b = Demo.atheneum(jdbc);
        long internal = published(admin, b, unique("Intern B " + word), "Alleen voor het atheneum. " + word, "SCHOOL");
        long community = published(admin, b, unique("Gedeeld B " + word), "Voor de scholengemeenschap. " + word, "COMMUNITY");
        long open = published(admin, b, unique("Openbaar B " + word), "Voor iedereen. " + word, "PUBLIC");
        long draft = draft(admin, b, unique("Concept B " + word), "Nog niet klaar. " + word, "PUBLIC");
        var up = upload(admin, port, "/api/v1/knowledge/articles/" + internal + "/attachments", "b.png", "image/png", PNG);
        assertThat(up.status()).isEqualTo(201);
        return new SchoolB(internal, community, open, draft, up.json().get("id").asLong());
    }

    @Test
    void coordinatorOfAGets404ForSchoolBsInternalArticlesAndDraftsThroughEveryEndpoint() {
        String word = "scopeword" + System.nanoTime() % 100000;
        SchoolB b = schoolB(word);
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        String edit = Api.json(body(Demo.atheneum(jdbc), "Overgenomen", "x", "SCHOOL"));
        for (long id : new long[] {b.internal(), b.draft(), GUESSED}) {
            String p = "/api/v1/knowledge/articles/" + id;
            assertThat(coordinator.get(p).status()).as(p).isEqualTo(404);
            assertThat(coordinator.get(p).contentType()).startsWith("application/problem+json");
            assertThat(coordinator.put(p, edit).status()).as("PUT " + p).isEqualTo(404);
            assertThat(coordinator.delete(p).status()).isEqualTo(404);
            for (String action : List.of("/publish", "/archive", "/review", "/versions/1/restore")) {
                assertThat(coordinator.post(p + action, "").status()).as(p + action).isEqualTo(404);
            }
            assertThat(coordinator.get(p + "/versions").status()).isEqualTo(404);
            assertThat(coordinator.get(p + "/versions/1").status()).isEqualTo(404);
            assertThat(coordinator.get(p + "/attachments").status()).isEqualTo(404);
            assertThat(coordinator.get(p + "/attachments/" + b.image()).status()).isEqualTo(404);
            assertThat(coordinator.delete(p + "/attachments/" + b.image()).status()).isEqualTo(404);
            assertThat(upload(coordinator, port, p + "/attachments", "x.png", "image/png", PNG).status()).isEqualTo(404);
            assertThat(coordinator.get(p + "/feedback").status()).isEqualTo(404);
            assertThat(coordinator.put(p + "/feedback", "{\"helpful\":true}").status()).isEqualTo(404);
        }
        // B's image under an article of A
        long ownArticle = draft(coordinator, a, unique("Van A"), "x", "SCHOOL");
        assertThat(coordinator.get("/api/v1/knowledge/articles/" + ownArticle + "/attachments/" + b.image()).status()).isEqualTo(404);
        // shared and public articles of B are readable, but not writable (403: their existence is no secret)
        for (long id : new long[] {b.community(), b.open()}) {
            String p = "/api/v1/knowledge/articles/" + id;
            assertThat(coordinator.get(p).status()).isEqualTo(200);
            assertThat(coordinator.put(p, edit).status()).isEqualTo(403);
            assertThat(coordinator.post(p + "/archive", "").status()).isEqualTo(403);
            assertThat(coordinator.get(p + "/versions").status()).isEqualTo(403);
            assertThat(upload(coordinator, port, p + "/attachments", "x.png", "image/png", PNG).status()).isEqualTo(403);
        }
        // the list and search show exactly the shared and public ones
        assertThat(ids(coordinator.get("/api/v1/knowledge/articles?size=200&q=" + word)))
                .containsExactlyInAnyOrder(b.community(), b.open());
        assertThat(ids(coordinator.get("/api/v1/knowledge/articles?size=200&school=" + Demo.atheneum(jdbc) + "&q=" + word)))
                .containsExactlyInAnyOrder(b.community(), b.open());
        // creating for school B is refused as an unknown school
        var create = coordinator.post("/api/v1/knowledge/articles", edit);
        assertThat(create.status()).isEqualTo(400);
        assertThat(create.json().get("errors").get(0).get("field").asText()).isEqualTo("schoolId");
        // B's categories are not A's
        long bCategory = Api.as("admin", port, jdbc).post("/api/v1/knowledge/categories",
                "{\"name\":\"" + unique("Cat B") + "\",\"schoolId\":" + Demo.atheneum(jdbc) + "}").json().get("id").asLong();
        assertThat(coordinator.get("/api/v1/knowledge/categories/" + bCategory).status()).isEqualTo(404);
        assertThat(coordinator.put("/api/v1/knowledge/categories/" + bCategory, "{\"name\":\"x\",\"schoolId\":"
                + Demo.atheneum(jdbc) + "}").status()).isEqualTo(404);
        assertThat(coordinator.delete("/api/v1/knowledge/categories/" + bCategory).status()).isEqualTo(404);
        assertThat(coordinator.get("/api/v1/knowledge/categories").body()).doesNotContain("\"id\":" + bCategory + ",");
    }

    @Test
    void communitySharingReachesOnlySchoolsOfTheSameCommunity() {
        String word = "commword" + System.nanoTime() % 100000;
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        long shared = published(coordinator, a, unique("Gedeeld A " + word), word, "COMMUNITY");
        long internal = published(coordinator, a, unique("Intern A " + word), word, "SCHOOL");
        long open = published(coordinator, a, unique("Openbaar A " + word), word, "PUBLIC");

        Api staffOfB = Api.as(account(jdbc, "STAFF", Demo.atheneum(jdbc), false), port, jdbc);
        Api staffOfOutsider = Api.as(account(jdbc, "STAFF", school(jdbc, false), false), port, jdbc);
        long sameCommunity = school(jdbc, true);
        Api staffOfNewMember = Api.as(account(jdbc, "STAFF", sameCommunity, false), port, jdbc);

        assertThat(ids(staffOfB.get("/api/v1/knowledge/articles?q=" + word))).containsExactlyInAnyOrder(shared, open);
        assertThat(ids(staffOfNewMember.get("/api/v1/knowledge/articles?q=" + word))).containsExactlyInAnyOrder(shared, open);
        assertThat(ids(staffOfOutsider.get("/api/v1/knowledge/articles?q=" + word))).containsExactly(open);
        assertThat(staffOfOutsider.get("/api/v1/knowledge/articles/" + shared).status()).isEqualTo(404);
        assertThat(staffOfB.get("/api/v1/knowledge/articles/" + internal).status()).isEqualTo(404);
        assertThat(staffOfB.get("/api/v1/knowledge/articles/" + shared).status()).isEqualTo(200);

        // once the school leaves the community, its staff no longer see what A shares
        jdbc.sql("UPDATE school SET community_id = NULL WHERE id = ?").param(sameCommunity).update();
        assertThat(ids(staffOfNewMember.get("/api/v1/knowledge/articles?q=" + word))).containsExactly(open);
        // and back to the school's own staff only
        var back = coordinator.put("/api/v1/knowledge/articles/" + shared, Api.json(body(a, "Gedeeld A " + word, word, "SCHOOL")));
        assertThat(back.status()).isEqualTo(200);
        assertThat(staffOfB.get("/api/v1/knowledge/articles/" + shared).status()).isEqualTo(404);
    }

    @Test
    void staffReadPublishedArticlesButWriteNothing() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        long id = published(coordinator, a, unique("Voor leerkrachten"), "Tekst", "SCHOOL");
        long draft = draft(coordinator, a, unique("Nog een concept"), "Tekst", "SCHOOL");
        Api teacher = Api.as("teacher", port, jdbc);
        String p = "/api/v1/knowledge/articles/" + id;
        assertThat(teacher.get(p).status()).isEqualTo(200);
        assertThat(teacher.get("/api/v1/knowledge/articles/" + draft).status()).isEqualTo(404);
        assertThat(teacher.post("/api/v1/knowledge/articles", Api.json(body(a, "Van leerkracht", "x", "SCHOOL"))).status())
                .isEqualTo(403);
        assertThat(teacher.put(p, Api.json(body(a, "Gewijzigd", "x", "SCHOOL"))).status()).isEqualTo(403);
        assertThat(teacher.delete(p).status()).isEqualTo(403);
        assertThat(teacher.post(p + "/archive", "").status()).isEqualTo(403);
        assertThat(teacher.post(p + "/review", "").status()).isEqualTo(403);
        assertThat(teacher.get(p + "/versions").status()).isEqualTo(403);
        assertThat(teacher.post(p + "/versions/1/restore", "").status()).isEqualTo(403);
        assertThat(upload(teacher, port, p + "/attachments", "x.png", "image/png", PNG).status()).isEqualTo(403);
        assertThat(teacher.post("/api/v1/knowledge/categories", "{\"name\":\"x\",\"schoolId\":" + a + "}").status()).isEqualTo(403);
        assertThat(teacher.get("/api/v1/knowledge/categories").status()).isEqualTo(200);
        assertThat(teacher.put(p + "/feedback", "{\"helpful\":true}").status()).isEqualTo(200);
        assertThat(ids(teacher.get("/api/v1/knowledge/articles?size=200&status=DRAFT"))).doesNotContain(draft);
        // a role without KNOWLEDGE_READ: nothing
        Api evaluator = Api.as(account(jdbc, "EVALUATOR", a, false), port, jdbc);
        assertThat(evaluator.get("/api/v1/knowledge/articles").status()).isEqualTo(403);
        assertThat(evaluator.get(p).status()).isIn(403, 404);
        assertThat(Api.anonymous(port).get("/api/v1/knowledge/articles").status()).isEqualTo(401);
    }

    @Test
    void externalAccountsReadTheirSchoolsButNotWhatOtherSchoolsShareWithTheCommunity() {
        String word = "extword" + System.nanoTime() % 100000;
        Api admin = Api.as("admin", port, jdbc);
        long a = Demo.regenboog(jdbc);
        long member = school(jdbc, true);
        long ownInternal = published(admin, a, unique("Intern A " + word), word, "SCHOOL");
        long otherShared = published(admin, member, unique("Gedeeld door ander " + word), word, "COMMUNITY");
        long otherInternal = published(admin, member, unique("Intern ander " + word), word, "SCHOOL");
        Api ictdienst = Api.as("ictdienst", port, jdbc);
        List<Long> seen = ids(ictdienst.get("/api/v1/knowledge/articles?q=" + word));
        assertThat(seen).contains(ownInternal).doesNotContain(otherShared, otherInternal);
        assertThat(ictdienst.get("/api/v1/knowledge/articles/" + otherShared).status()).isEqualTo(404);
        assertThat(ictdienst.post("/api/v1/knowledge/articles", Api.json(body(a, "Extern", "x", "SCHOOL"))).status())
                .isEqualTo(403);
        // a member of the community (the teacher of A) does see it
        assertThat(ids(Api.as("teacher", port, jdbc).get("/api/v1/knowledge/articles?q=" + word)))
                .contains(ownInternal, otherShared).doesNotContain(otherInternal);
    }

    @Test
    void withoutAnAccountOnlyPublicPublishedArticlesExist() {
        String word = "pubword" + System.nanoTime() % 100000;
        SchoolB b = schoolB(word);
        var anonymous = Browserless.anonymous(port);
        var list = anonymous.get("/public/kb?q=" + word);
        assertThat(list.status()).isEqualTo(200);
        String text = list.document().text();
        assertThat(text).contains("Openbaar B " + word).doesNotContain("Intern B").doesNotContain("Gedeeld B")
                .doesNotContain("Concept B").doesNotContain("@zonnebeke-demo.be");
        // the full list shows only public articles either
        var all = anonymous.get("/public/kb?page=0");
        assertThat(all.document().select("a.kb-link").eachText()).noneMatch(t -> t.startsWith("Intern") || t.startsWith("Concept"));
        for (long id : new long[] {b.internal(), b.community(), b.draft(), GUESSED}) {
            assertThat(anonymous.get("/public/kb/" + id).status()).as("article " + id).isEqualTo(404);
            assertThat(anonymous.get("/public/kb/" + id + "/x").status()).isEqualTo(404);
            assertThat(anonymous.get("/public/kb/" + id + "/images/" + b.image()).status()).isEqualTo(404);
        }
        var canonical = anonymous.get("/public/kb/" + b.open());
        assertThat(canonical.status()).isEqualTo(302);
        var page = anonymous.get(canonical.location().replaceFirst("^https?://[^/]+", ""));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Voor iedereen.").doesNotContain("An Beheerder").doesNotContain("admin@");
        // internal pages and the API need an account
        assertThat(anonymous.get("/knowledge").status()).isEqualTo(302);
        assertThat(anonymous.get("/knowledge/articles/" + b.open()).status()).isEqualTo(302);
        assertThat(Api.anonymous(port).get("/api/v1/knowledge/articles/" + b.open()).status()).isEqualTo(401);
    }

    @Test
    void theHelpdeskFacadeSuggestsWhatAUserOfTheSchoolMayReadAndResolvesReadableArticles() {
        String word = "helpword" + System.nanoTime() % 100000;
        Api admin = Api.as("admin", port, jdbc);
        long a = Demo.regenboog(jdbc);
        long b = Demo.atheneum(jdbc);
        long outsider = school(jdbc, false);
        long aInternal = published(admin, a, unique("Projector " + word + " zwart beeld"), "Kabel " + word, "SCHOOL");
        long bShared = published(admin, b, unique("Beamer " + word), "Gedeeld " + word, "COMMUNITY");
        long bInternal = published(admin, b, unique("Intern B " + word), "Intern " + word, "SCHOOL");
        long open = published(admin, b, unique("Openbaar " + word), "Openbaar " + word, "PUBLIC");
        long draft = draft(admin, a, unique("Concept " + word), word, "PUBLIC");
        String ticket = "De projector in lokaal B12 geeft een zwart beeld: " + word;

        // as the system (no one signed in, e.g. a public report): public only
        List<Long> forSystem = knowledgeBase.suggest(a, ticket, 10).stream().map(ArticleRef::id).toList();
        assertThat(forSystem).contains(open).doesNotContain(aInternal, bShared, bInternal, draft);
        assertThat(forSystem).allMatch(id -> jdbc.sql("SELECT audience FROM kb_article WHERE id = ?").param(id)
                .query(String.class).single().equals("PUBLIC"));

        signIn("teacher");
        List<ArticleRef> forA = knowledgeBase.suggest(a, ticket, 10);
        assertThat(forA.stream().map(ArticleRef::id).toList()).contains(aInternal, bShared, open)
                .doesNotContain(bInternal, draft);
        assertThat(forA.get(0).id()).as("most words of the ticket, in the title").isEqualTo(aInternal);
        assertThat(forA.get(0).url()).startsWith("/knowledge/articles/" + aInternal + "/");
        assertThat(forA.get(0).plainText()).contains("Kabel");
        assertThat(knowledgeBase.suggest(a, ticket, 1)).hasSize(1);
        assertThat(knowledgeBase.suggest(b, ticket, 10)).as("the teacher has no role in B").isEmpty();
        assertThat(knowledgeBase.readable(aInternal)).isPresent();
        assertThat(knowledgeBase.readable(bShared)).isPresent();
        assertThat(knowledgeBase.readable(bInternal)).isEmpty();
        assertThat(knowledgeBase.readable(draft)).isEmpty();
        assertThat(knowledgeBase.readable(GUESSED)).isEmpty();
        assertThat(knowledgeBase.readable(open).orElseThrow().url()).startsWith("/public/kb/" + open + "/");

        signIn("technician");
        assertThat(knowledgeBase.suggest(b, ticket, 10).stream().map(ArticleRef::id).toList())
                .contains(bInternal, bShared, open).doesNotContain(aInternal);
        assertThat(knowledgeBase.suggest(outsider, ticket, 10)).isEmpty();
        SecurityContextHolder.clearContext();
        assertThat(knowledgeBase.readable(aInternal)).isEmpty();
        assertThat(knowledgeBase.readable(open)).isPresent();
        assertThat(knowledgeBase.suggest(a, "  ", 5)).isEmpty();
    }

    /** Signs in as a demo user in this thread, as a request of theirs would be. */
    void signIn(String username) {
        var row = jdbc.sql("SELECT id, board_id, organisation_id FROM app_user WHERE username = ?").param(username)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getObject(3) == null ? 0 : rs.getLong(3)})
                .single();
        List<Grant> grants = jdbc.sql("SELECT role, school_id FROM role_grant WHERE user_id = ?").param(row[0])
                .query((rs, n) -> new Grant(Role.valueOf(rs.getString(1)), (Long) rs.getObject(2))).list();
        CurrentUser user = new CurrentUser(row[0], row[1], username, username, null, row[2] == 0 ? null : row[2], "nl-BE",
                grants, true, null, null);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    static Map<String, Object> none() {
        return Map.of();
    }
}
