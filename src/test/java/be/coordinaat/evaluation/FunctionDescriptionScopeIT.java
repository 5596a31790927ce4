package be.coordinaat.evaluation;

import static be.coordinaat.evaluation.Fixtures.assignment;
import static be.coordinaat.evaluation.Fixtures.userId;
import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Browserless;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Who sees and changes which function description, through the API and the pages alike. */
@IntegrationTest
class FunctionDescriptionScopeIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    /** An assignment at school B (atheneum), made by the board admin, with one generated version. */
    long assignmentAtAtheneum(String coordinatorName) {
        Api admin = Api.as("admin", port, jdbc);
        long atheneum = Demo.atheneum(jdbc);
        long coordinator = Fixtures.coordinatorOf(jdbc, atheneum, coordinatorName);
        var created = admin.post("/api/v1/function-descriptions",
                Api.json(assignment(atheneum, coordinator, userId(jdbc, "admin"), userId(jdbc, "dpo"), false)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(admin.post("/api/v1/function-descriptions/" + id + "/versions", "").status()).isEqualTo(201);
        return id;
    }

    @Test
    void coordinatorOfSchoolACannotSeeOrChangeAnAssignmentOfSchoolB() {
        String name = "Bart Atheneum " + System.nanoTime();
        long id = assignmentAtAtheneum(name);
        String base = "/api/v1/function-descriptions/" + id;

        Api coordinator = Api.as("coordinator", port, jdbc);
        for (String path : new String[] {base, base + "/versions", base + "/versions/1", base + "/versions/1.pdf"}) {
            assertThat(coordinator.get(path).status()).as(path).isEqualTo(404);
        }
        Map<String, Object> hijack = assignment(Demo.atheneum(jdbc), userId(jdbc, "coordinator"), userId(jdbc, "admin"), null, true);
        hijack.put("version", 0);
        assertThat(coordinator.put(base, Api.json(hijack)).status()).isEqualTo(404);
        assertThat(coordinator.post(base + "/versions", "").status()).isEqualTo(404);
        assertThat(coordinator.get("/api/v1/function-descriptions?size=200").json().get("items").findValuesAsString("coordinatorName"))
                .contains("Koen Coördinator").doesNotContain(name);
        assertThat(jdbc.sql("SELECT count(*) FROM fd_document_version WHERE assignment_id = ?").param(id).query(Long.class).single())
                .isEqualTo(1);

        Browserless pages = Browserless.signIn(port, "coordinator", "coordinator");
        String web = "/function-descriptions/" + id;
        for (String path : new String[] {web, web + "/edit", web + "/versions/1", web + "/versions/1.pdf"}) {
            assertThat(pages.get(path).status()).as(path).isEqualTo(404);
        }
        assertThat(pages.post(web + "/versions", Map.of(), "/function-descriptions").status()).isEqualTo(404);
        var list = pages.get("/function-descriptions?q=Atheneum");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).doesNotContain(name);

        // the board admin and the evaluators of school B do see it
        assertThat(Api.as("admin", port, jdbc).get(base).status()).isEqualTo(200);
        assertThat(Api.as("dpo", port, jdbc).get(base + "/versions/1").status()).isEqualTo(200);
    }

    @Test
    void teacherSeesNoFunctionDescriptionAndChangesNothing() {
        long demoAssignment = jdbc.sql("SELECT min(id) FROM fd_assignment WHERE school_id = ?").param(Demo.regenboog(jdbc))
                .query(Long.class).single();
        Api teacher = Api.as("teacher", port, jdbc);
        assertThat(teacher.get("/api/v1/function-descriptions/" + demoAssignment).status()).isEqualTo(404);
        assertThat(teacher.get("/api/v1/function-descriptions/" + demoAssignment + "/versions/1").status()).isEqualTo(404);
        assertThat(teacher.get("/api/v1/function-descriptions").json().get("total").asLong()).isZero();
        assertThat(teacher.get("/api/v1/function-description-model").status()).isEqualTo(403);
        long before = Fixtures.assignments(jdbc);
        var create = teacher.post("/api/v1/function-descriptions", Api.json(assignment(Demo.regenboog(jdbc),
                userId(jdbc, "coordinator"), userId(jdbc, "director"), null, true)));
        assertThat(create.status()).isEqualTo(403);
        assertThat(Fixtures.assignments(jdbc)).isEqualTo(before);

        Browserless pages = Browserless.signIn(port, "teacher", "teacher");
        assertThat(pages.get("/function-descriptions/" + demoAssignment).status()).isEqualTo(404);
        assertThat(pages.get("/function-descriptions/model").status()).isEqualTo(403);
        assertThat(pages.get("/function-descriptions/new").status()).isEqualTo(403);
    }

    @Test
    void coordinatorAndEvaluatorsReadTheirOwnAssignmentButOnlyManagersChangeIt() {
        long regenboog = Demo.regenboog(jdbc);
        // an evaluator without any role in the school still sees the assignment they evaluate
        long outsider = Fixtures.account(jdbc, Fixtures.demoBoard(jdbc), "Eva Extern", "STAFF", Demo.atheneum(jdbc));
        String outsiderName = jdbc.sql("SELECT username FROM app_user WHERE id = ?").param(outsider).query(String.class).single();
        Api director = Api.as("director", port, jdbc);
        var created = director.post("/api/v1/function-descriptions",
                Api.json(assignment(regenboog, userId(jdbc, "coordinator"), userId(jdbc, "director"), outsider, true)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(director.post("/api/v1/function-descriptions/" + id + "/versions", "").status()).isEqualTo(201);

        Api evaluator = Api.as(outsiderName, port, jdbc);
        assertThat(evaluator.get("/api/v1/function-descriptions/" + id).status()).isEqualTo(200);
        assertThat(evaluator.get("/api/v1/function-descriptions/" + id + "/versions/1").status()).isEqualTo(200);
        assertThat(evaluator.get("/api/v1/function-descriptions").json().get("total").asLong()).isEqualTo(1);
        assertThat(evaluator.post("/api/v1/function-descriptions/" + id + "/versions", "").status()).isEqualTo(403);

        Api coordinator = Api.as("coordinator", port, jdbc);
        JsonNode own = coordinator.get("/api/v1/function-descriptions/" + id).json();
        assertThat(own.get("secondEvaluatorName").asString()).isEqualTo("Eva Extern");
        assertThat(coordinator.post("/api/v1/function-descriptions/" + id + "/versions", "").status()).isEqualTo(403);
        Map<String, Object> edit = assignment(regenboog, userId(jdbc, "coordinator"), userId(jdbc, "director"), null, false);
        edit.put("version", own.get("version").asInt());
        assertThat(coordinator.put("/api/v1/function-descriptions/" + id, Api.json(edit)).status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM fd_document_version WHERE assignment_id = ?").param(id).query(Long.class).single())
                .isEqualTo(1);

        // the director of school A manages school A only
        long atheneum = Demo.atheneum(jdbc);
        long coordinatorB = Fixtures.coordinatorOf(jdbc, atheneum, "Carl Atheneum");
        assertThat(director.post("/api/v1/function-descriptions",
                Api.json(assignment(atheneum, coordinatorB, userId(jdbc, "director"), null, false))).status()).isEqualTo(403);

        // a stale version is a conflict, not a silent overwrite
        edit.put("version", own.get("version").asInt());
        assertThat(director.put("/api/v1/function-descriptions/" + id, Api.json(edit)).status()).isEqualTo(200);
        assertThat(director.put("/api/v1/function-descriptions/" + id, Api.json(edit)).status()).isEqualTo(409);
    }

    @Test
    void onlyTheBoardAdminEditsTheModelTheDirectorReadsIt() {
        Api director = Api.as("director", port, jdbc);
        var model = director.get("/api/v1/function-description-model");
        assertThat(model.status()).isEqualTo(200);
        JsonNode a3 = model.json().get("sections").valueStream().filter(s -> s.get("code").asString().equals("A.3"))
                .findFirst().orElseThrow();
        assertThat(a3.get("requiresPedagogicalProof").asBoolean()).isTrue();
        assertThat(model.json().get("sections").valueStream().filter(s -> s.get("requiresPedagogicalProof").asBoolean()).count())
                .isEqualTo(1);
        long sectionId = a3.get("id").asLong();
        JsonNode firstTask = a3.get("tasks").get(0);
        long taskId = firstTask.get("id").asLong();

        Map<String, Object> section = Map.of("title", "Gekaapt", "requiresPedagogicalProof", false, "version", a3.get("version").asInt());
        assertThat(director.put("/api/v1/function-description-model/sections/" + sectionId, Api.json(section)).status()).isEqualTo(403);
        assertThat(director.post("/api/v1/function-description-model/sections/" + sectionId + "/tasks",
                Api.json(Map.of("text", "Gekaapt"))).status()).isEqualTo(403);
        assertThat(director.put("/api/v1/function-description-model/tasks/" + taskId,
                Api.json(Map.of("text", "Gekaapt", "version", firstTask.get("version").asInt()))).status()).isEqualTo(403);
        assertThat(director.delete("/api/v1/function-description-model/tasks/" + taskId).status()).isEqualTo(403);

        Browserless pages = Browserless.signIn(port, "director", "director");
        var page = pages.get("/function-descriptions/model");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().select("#model-read-only")).hasSize(1);
        assertThat(page.document().select("form[action*=/function-descriptions/model/]")).isEmpty();
        assertThat(pages.post("/function-descriptions/model/tasks/" + taskId, Map.of("text", "Gekaapt", "version", "0"),
                "/function-descriptions/model").status()).isEqualTo(403);
        assertThat(pages.post("/function-descriptions/model/tasks/" + taskId + "/delete", Map.of(),
                "/function-descriptions/model").status()).isEqualTo(403);

        JsonNode after = director.get("/api/v1/function-description-model").json().get("sections").valueStream()
                .filter(s -> s.get("code").asString().equals("A.3")).findFirst().orElseThrow();
        assertThat(after.get("title").asString()).isEqualTo("Pedagogisch-didactisch");
        assertThat(after.get("tasks").get(0).get("text").asString()).isEqualTo(firstTask.get("text").asString());
        assertThat(after.get("tasks").size()).isEqualTo(a3.get("tasks").size());
    }

    @Test
    void boardAdminEditsReordersAndRemovesTaskLinesWithHistory() {
        Api admin = Api.as("admin", port, jdbc);
        JsonNode c = admin.get("/api/v1/function-description-model").json().get("sections").valueStream()
                .filter(s -> s.get("code").asString().equals("C")).findFirst().orElseThrow();
        long sectionId = c.get("id").asLong();
        int count = c.get("tasks").size();

        var added = admin.post("/api/v1/function-description-model/sections/" + sectionId + "/tasks",
                Api.json(Map.of("text", "Overlegt met de leverancier", "position", 1)));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        long taskId = added.json().get("id").asLong();
        assertThat(added.json().get("position").asInt()).isEqualTo(1);
        try {
            var moved = admin.put("/api/v1/function-description-model/tasks/" + taskId,
                    Api.json(Map.of("text", "Overlegt met de leveranciers", "position", 3, "version", 0)));
            assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
            JsonNode tasks = admin.get("/api/v1/function-description-model").json().get("sections").valueStream()
                    .filter(s -> s.get("id").asLong() == sectionId).findFirst().orElseThrow().get("tasks");
            assertThat(tasks.size()).isEqualTo(count + 1);
            assertThat(tasks.get(2).get("text").asString()).isEqualTo("Overlegt met de leveranciers");
            assertThat(tasks.valueStream().map(t -> t.get("position").asInt()).toList())
                    .isEqualTo(java.util.stream.IntStream.rangeClosed(1, count + 1).boxed().toList());
            // stale version
            assertThat(admin.put("/api/v1/function-description-model/tasks/" + taskId,
                    Api.json(Map.of("text", "Oud", "version", 0))).status()).isEqualTo(409);
        } finally {
            assertThat(admin.delete("/api/v1/function-description-model/tasks/" + taskId).status()).isEqualTo(204);
        }
        JsonNode restored = admin.get("/api/v1/function-description-model").json().get("sections").valueStream()
                .filter(s -> s.get("id").asLong() == sectionId).findFirst().orElseThrow().get("tasks");
        assertThat(restored).isEqualTo(c.get("tasks"));
        assertThat(jdbc.sql("SELECT action FROM history_entry WHERE record_type = 'function-description-task' AND record_id = ? ORDER BY id")
                .param(taskId).query(String.class).list()).containsExactly("CREATED", "UPDATED", "DELETED");

        // the section title through the page, as a browser would post it
        Browserless pages = Browserless.signIn(port, "admin", "admin");
        var saved = pages.post("/function-descriptions/model/sections/" + sectionId,
                Map.of("title", c.get("title").asString() + " (test)", "intro", "De ICT-coördinator",
                        "_requiresPedagogicalProof", "on", "version", String.valueOf(c.get("version").asInt())),
                "/function-descriptions/model");
        assertThat(saved.status()).isEqualTo(302);
        JsonNode renamed = admin.get("/api/v1/function-description-model").json().get("sections").valueStream()
                .filter(s -> s.get("id").asLong() == sectionId).findFirst().orElseThrow();
        assertThat(renamed.get("title").asString()).endsWith("(test)");
        assertThat(renamed.get("requiresPedagogicalProof").asBoolean()).isFalse();
        var back = admin.put("/api/v1/function-description-model/sections/" + sectionId, Api.json(Map.of(
                "title", c.get("title").asString(), "intro", "De ICT-coördinator", "requiresPedagogicalProof", false,
                "version", renamed.get("version").asInt())));
        assertThat(back.status()).as(back.toString()).isEqualTo(200);
    }
}
