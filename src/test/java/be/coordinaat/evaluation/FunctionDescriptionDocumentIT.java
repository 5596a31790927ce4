package be.coordinaat.evaluation;

import static be.coordinaat.evaluation.Fixtures.assignment;
import static be.coordinaat.evaluation.Fixtures.userId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.coordinaat.support.Api;
import be.coordinaat.support.Browserless;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The generated document: header from the data, A.3 only with the proof, immutable numbered versions, PDF. */
@IntegrationTest
class FunctionDescriptionDocumentIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    long create(Api api, Map<String, Object> body) {
        var created = api.post("/api/v1/function-descriptions", Api.json(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    JsonNode generate(Api api, long id) {
        var generated = api.post("/api/v1/function-descriptions/" + id + "/versions", "");
        assertThat(generated.status()).as(generated.toString()).isEqualTo(201);
        return generated.json();
    }

    byte[] pdf(long id, int number) {
        var pdf = Fixtures.download(port, jdbc, "admin", "/api/v1/function-descriptions/" + id + "/versions/" + number + ".pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        return pdf.body();
    }

    Map<String, Object> regenboogAssignment(boolean proof) {
        return assignment(Demo.regenboog(jdbc), userId(jdbc, "coordinator"), userId(jdbc, "director"),
                userId(jdbc, "admin"), proof);
    }

    @Test
    void sectionA3IsIncludedOnlyWithTheProofOfPedagogicalCompetence() {
        Api admin = Api.as("admin", port, jdbc);
        long withProof = create(admin, regenboogAssignment(true));
        long withoutProof = create(admin, regenboogAssignment(false));

        Document included = Jsoup.parse(generate(admin, withProof).get("html").asString());
        assertThat(included.select("section[data-code]").eachAttr("data-code")).containsExactly("A", "A.1", "A.2", "A.3", "A.4", "B", "C");
        assertThat(included.select("section[data-code=A.3]").text()).contains("Pedagogisch-didactisch").contains("ICT-beleidsplan");

        Document omitted = Jsoup.parse(generate(admin, withoutProof).get("html").asString());
        assertThat(omitted.select("section[data-code]").eachAttr("data-code")).containsExactly("A", "A.1", "A.2", "A.4", "B", "C");
        assertThat(omitted.text()).doesNotContain("Pedagogisch-didactisch").doesNotContain("ICT-beleidsplan").contains("Technisch");

        String pdfWith = Fixtures.pdfText(pdf(withProof, 1));
        assertThat(pdfWith).contains("A.3 Pedagogisch-didactisch").contains("A.4 Technisch");
        String pdfWithout = Fixtures.pdfText(pdf(withoutProof, 1));
        assertThat(pdfWithout).doesNotContain("Pedagogisch-didactisch").doesNotContain("A.3").contains("A.4 Technisch");

        // the stored flag per version says which rule was applied
        assertThat(admin.get("/api/v1/function-descriptions/" + withoutProof + "/versions").json().get(0)
                .get("pedagogicalProof").asBoolean()).isFalse();
    }

    @Test
    void headerIsFilledFromTheSchoolTheBoardAndTheAccounts() {
        Api admin = Api.as("admin", port, jdbc);
        long id = create(admin, regenboogAssignment(true));
        JsonNode version = generate(admin, id);
        assertThat(version.get("number").asInt()).isEqualTo(1);

        Document html = Jsoup.parse(version.get("html").asString());
        assertThat(html.select("h1").text()).isEqualToIgnoringCase("Functiebeschrijving voor het ambt van ICT-coördinator");
        assertThat(html.select(".fd-school").text()).isEqualTo("Gemeentelijke Basisschool De Regenboog");
        assertThat(html.select(".fd-institution-number").text()).isEqualTo("123456");
        assertThat(html.select(".fd-board").text()).isEqualTo("Gemeentebestuur Zonnebeke-Demo");
        assertThat(html.select(".fd-coordinator").text()).isEqualTo("Koen Coördinator");
        assertThat(html.select(".fd-first-evaluator").text()).isEqualTo("Dirk Directeur");
        assertThat(html.select(".fd-second-evaluator").text()).isEqualTo("An Beheerder");
        assertThat(html.select(".fd-start-date").text()).isEqualTo("01/09/2025");
        assertThat(html.select("section[data-code=A.1] li").first().text())
                .isEqualTo("Werkt vanuit de gedeelde visie van de school op kwaliteitsvol ICT-beleid.");

        String pdf = Fixtures.pdfText(pdf(id, 1));
        assertThat(pdf).contains("Onderwijsinstelling Gemeentelijke Basisschool De Regenboog")
                .contains("Instellingsnummer 123456").contains("Schoolbestuur Gemeentebestuur Zonnebeke-Demo")
                .contains("Eerste evaluator Dirk Directeur").contains("Tweede evaluator An Beheerder")
                .contains("Koen Coördinator");
    }

    @Test
    void versionsAreNumberedAndOldVersionsStayAsTheyWereAfterModelAndDataChanges() {
        Api admin = Api.as("admin", port, jdbc);
        long id = create(admin, regenboogAssignment(true));
        String v1 = generate(admin, id).get("html").asString();

        long sectionB = admin.get("/api/v1/function-description-model").json().get("sections").valueStream()
                .filter(s -> s.get("code").asString().equals("B")).findFirst().orElseThrow().get("id").asLong();
        String extra = "Testtaak " + System.nanoTime() + ": volgt een nascholing over AI <in> de klas & deelt 't.";
        var task = admin.post("/api/v1/function-description-model/sections/" + sectionB + "/tasks",
                Api.json(Map.of("text", extra)));
        assertThat(task.status()).as(task.toString()).isEqualTo(201);
        long taskId = task.json().get("id").asLong();
        try {
            JsonNode second = generate(admin, id);
            assertThat(second.get("number").asInt()).isEqualTo(2);
            assertThat(Jsoup.parse(second.get("html").asString()).select("section[data-code=B] li").eachText()).contains(extra);

            // the assignment changes: no proof any more
            JsonNode current = admin.get("/api/v1/function-descriptions/" + id).json();
            Map<String, Object> edit = regenboogAssignment(false);
            edit.put("version", current.get("version").asInt());
            assertThat(admin.put("/api/v1/function-descriptions/" + id, Api.json(edit)).status()).isEqualTo(200);
            JsonNode third = generate(admin, id);
            assertThat(third.get("number").asInt()).isEqualTo(3);
            assertThat(third.get("html").asString()).doesNotContain("Pedagogisch-didactisch");

            var list = admin.get("/api/v1/function-descriptions/" + id + "/versions").json();
            assertThat(list.valueStream().map(v -> v.get("number").asInt()).toList()).containsExactly(3, 2, 1);

            JsonNode first = admin.get("/api/v1/function-descriptions/" + id + "/versions/1").json();
            assertThat(first.get("html").asString()).isEqualTo(v1).contains("Pedagogisch-didactisch").doesNotContain("Testtaak");
            assertThat(first.get("generatedAt").asString()).isNotBlank();
            assertThat(Fixtures.pdfText(pdf(id, 1))).contains("Pedagogisch-didactisch").doesNotContain("Testtaak");
            assertThat(Fixtures.pdfText(pdf(id, 2))).contains(extra.substring(0, 20));
            assertThat(admin.get("/api/v1/function-descriptions/" + id + "/versions/4").status()).isEqualTo(404);
        } finally {
            assertThat(admin.delete("/api/v1/function-description-model/tasks/" + taskId).status()).isEqualTo(204);
        }

        // the database itself refuses to change a stored version
        assertThatThrownBy(() -> jdbc.sql("UPDATE fd_document_version SET html = 'x' WHERE assignment_id = ?").param(id).update())
                .hasMessageContaining("cannot be changed");
        var history = jdbc.sql("SELECT action FROM history_entry WHERE record_type = 'function-description' AND record_id = ? ORDER BY id")
                .param(id).query(String.class).list();
        assertThat(history).containsExactly("CREATED", "GENERATED", "GENERATED", "UPDATED", "GENERATED");
    }

    @Test
    void pdfIsAValidA4DocumentAlsoForNamesOutsideLatin1AndMarkupInTheData() {
        Api admin = Api.as("admin", port, jdbc);
        long regenboog = Demo.regenboog(jdbc);
        long coordinator = Fixtures.coordinatorOf(jdbc, regenboog, "Ayşe Yılmaz & <Łukasz>");
        long id = create(admin, assignment(regenboog, coordinator, userId(jdbc, "director"), null, true));
        generate(admin, id);

        var download = Fixtures.download(port, jdbc, "admin", "/api/v1/function-descriptions/" + id + "/versions/1.pdf");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).isEqualTo("application/pdf");
        assertThat(download.disposition()).contains("attachment").contains("functiebeschrijving-ayse-yilmaz-lukasz-v1.pdf");
        assertThat(new String(download.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(Fixtures.pdfPages(download.body())).isBetween(1, 4);
        String text = Fixtures.pdfText(download.body());
        assertThat(text).contains("Ayşe Yılmaz & <Łukasz>").contains("Tweede evaluator -");

        // the same document through the pages, signed in as the director of the school
        Browserless director = Browserless.signIn(port, "director", "director");
        var page = director.get("/function-descriptions/" + id + "/versions/1");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().select("main.fd-sheet .fd-coordinator").text()).isEqualTo("Ayşe Yılmaz & <Łukasz>");
        assertThat(page.document().select("link[rel=stylesheet]").attr("href")).endsWith("/css/function-description.css");
        assertThat(page.document().select("[style], script:not([src])")).isEmpty();
        var webPdf = director.get("/function-descriptions/" + id + "/versions/1.pdf");
        assertThat(webPdf.status()).isEqualTo(200);
        assertThat(webPdf.body()).startsWith("%PDF-");
    }

    @Test
    void demoCoordinatorHasAnAssignmentWithAGeneratedVersion() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        var mine = coordinator.get("/api/v1/function-descriptions?q=Koen&size=200").json().get("items").valueStream()
                .filter(a -> a.get("coordinatorId").asLong() == userId(jdbc, "coordinator")
                        && a.get("versionCount").asInt() > 0
                        && a.get("startDate").asString().equals("2024-09-01"))
                .findFirst().orElseThrow();
        assertThat(mine.get("firstEvaluatorName").asString()).isEqualTo("Dirk Directeur");
        assertThat(mine.get("secondEvaluatorName").asString()).isEqualTo("An Beheerder");
        assertThat(mine.get("pedagogicalProof").asBoolean()).isTrue();
        assertThat(coordinator.get("/api/v1/function-descriptions/" + mine.get("id").asLong() + "/versions/1").json()
                .get("html").asString()).contains("Pedagogisch-didactisch");
    }
}
