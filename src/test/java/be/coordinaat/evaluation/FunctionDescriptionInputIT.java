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

/** Bad input gets a 400 naming the field and why, and nothing is stored. */
@IntegrationTest
class FunctionDescriptionInputIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    Api.Response post(Api api, Map<String, Object> body) {
        return api.post("/api/v1/function-descriptions", Api.json(body));
    }

    static String fields(Api.Response r) {
        return r.json().get("errors").findValuesAsString("field").toString();
    }

    @Test
    void invalidReferencesAreRejectedPerFieldAndNothingIsStored() {
        Api admin = Api.as("admin", port, jdbc);
        long regenboog = Demo.regenboog(jdbc);
        long coordinator = userId(jdbc, "coordinator");
        long director = userId(jdbc, "director");
        long before = Fixtures.assignments(jdbc);
        long history = jdbc.sql("SELECT count(*) FROM history_entry WHERE record_type = 'function-description'").query(Long.class).single();

        var unknownEvaluator = post(admin, assignment(regenboog, coordinator, 999_999_999L, null, true));
        assertThat(unknownEvaluator.status()).isEqualTo(400);
        assertThat(unknownEvaluator.contentType()).startsWith("application/problem+json");
        assertThat(fields(unknownEvaluator)).isEqualTo("[firstEvaluatorId]");
        assertThat(unknownEvaluator.body()).contains("is not an account of this school board");

        long otherBoard = jdbc.sql("INSERT INTO board (name) VALUES ('Ander schoolbestuur') RETURNING id").query(Long.class).single();
        long stranger = Fixtures.account(jdbc, otherBoard, "Vreemde Evaluator", "BOARD_ADMIN", null);
        var foreignEvaluator = post(admin, assignment(regenboog, coordinator, director, stranger, true));
        assertThat(foreignEvaluator.status()).isEqualTo(400);
        assertThat(fields(foreignEvaluator)).isEqualTo("[secondEvaluatorId]");

        var teacherAsCoordinator = post(admin, assignment(regenboog, userId(jdbc, "teacher"), director, null, true));
        assertThat(teacherAsCoordinator.status()).isEqualTo(400);
        assertThat(fields(teacherAsCoordinator)).isEqualTo("[coordinatorId]");
        assertThat(teacherAsCoordinator.body()).contains("does not hold the ICT coordinator role in this school");

        // a coordinator, but of the other school
        long coordinatorOfB = Fixtures.coordinatorOf(jdbc, Demo.atheneum(jdbc), "Coördinator Atheneum");
        var wrongSchool = post(admin, assignment(regenboog, coordinatorOfB, director, null, true));
        assertThat(wrongSchool.status()).isEqualTo(400);
        assertThat(fields(wrongSchool)).isEqualTo("[coordinatorId]");

        var selfEvaluation = post(admin, assignment(regenboog, coordinator, coordinator, director, true));
        assertThat(selfEvaluation.status()).isEqualTo(400);
        assertThat(fields(selfEvaluation)).isEqualTo("[firstEvaluatorId]");

        var sameTwice = post(admin, assignment(regenboog, coordinator, director, director, true));
        assertThat(sameTwice.status()).isEqualTo(400);
        assertThat(fields(sameTwice)).isEqualTo("[secondEvaluatorId]");

        var several = post(admin, assignment(regenboog, userId(jdbc, "teacher"), 999_999_999L, stranger, true));
        assertThat(several.status()).isEqualTo(400);
        assertThat(fields(several)).isEqualTo("[coordinatorId, firstEvaluatorId, secondEvaluatorId]");

        long schoolOfOtherBoard = jdbc.sql("""
                INSERT INTO school (board_id, name, institution_number, level) VALUES (?, 'Andere school', ?, 'PRIMARY') RETURNING id""")
                .params(otherBoard, Demo.freshInstitutionNumber(jdbc)).query(Long.class).single();
        var foreignSchool = post(admin, assignment(schoolOfOtherBoard, coordinator, director, null, true));
        assertThat(foreignSchool.status()).isEqualTo(400);
        assertThat(fields(foreignSchool)).isEqualTo("[schoolId]");

        var missing = admin.post("/api/v1/function-descriptions", "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("schoolId", "coordinatorId", "firstEvaluatorId", "startDate");

        Map<String, Object> badDate = assignment(regenboog, coordinator, director, null, true);
        badDate.put("startDate", "2025-13-45");
        var wrongDate = post(admin, badDate);
        assertThat(wrongDate.status()).isEqualTo(400);
        assertThat(fields(wrongDate)).isEqualTo("[startDate]");

        Map<String, Object> farAway = assignment(regenboog, coordinator, director, null, true);
        farAway.put("startDate", "9999-01-01");
        assertThat(fields(post(admin, farAway))).isEqualTo("[startDate]");

        Map<String, Object> textId = assignment(regenboog, coordinator, director, null, true);
        textId.put("firstEvaluatorId", "de directeur");
        var wrongType = post(admin, textId);
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(fields(wrongType)).isEqualTo("[firstEvaluatorId]");

        Map<String, Object> unknownField = assignment(regenboog, coordinator, director, null, true);
        unknownField.put("evaluator", "Jan");
        assertThat(fields(post(admin, unknownField))).isEqualTo("[evaluator]");

        var malformed = admin.post("/api/v1/function-descriptions", "{\"schoolId\": " + regenboog + ", ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");

        assertThat(Fixtures.assignments(jdbc)).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM history_entry WHERE record_type = 'function-description'").query(Long.class).single())
                .isEqualTo(history);
    }

    @Test
    void invalidUpdateLeavesTheAssignmentAsItWas() {
        Api admin = Api.as("admin", port, jdbc);
        long regenboog = Demo.regenboog(jdbc);
        var created = post(admin, assignment(regenboog, userId(jdbc, "coordinator"), userId(jdbc, "director"), null, true));
        long id = created.json().get("id").asLong();
        Map<String, Object> edit = assignment(regenboog, userId(jdbc, "teacher"), userId(jdbc, "director"), null, false);
        edit.put("version", created.json().get("version").asInt());
        var rejected = admin.put("/api/v1/function-descriptions/" + id, Api.json(edit));
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(fields(rejected)).isEqualTo("[coordinatorId]");
        var after = admin.get("/api/v1/function-descriptions/" + id).json();
        assertThat(after.get("coordinatorName").asString()).isEqualTo("Koen Coördinator");
        assertThat(after.get("pedagogicalProof").asBoolean()).isTrue();
        assertThat(after.get("version").asInt()).isEqualTo(created.json().get("version").asInt());
    }

    @Test
    void invalidTaskLinesAreRejected() {
        Api admin = Api.as("admin", port, jdbc);
        var model = admin.get("/api/v1/function-description-model").json();
        long sectionId = model.get("sections").get(1).get("id").asLong();
        long tasks = jdbc.sql("SELECT count(*) FROM fd_task").query(Long.class).single();

        var blank = admin.post("/api/v1/function-description-model/sections/" + sectionId + "/tasks", "{\"text\": \"   \"}");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(fields(blank)).isEqualTo("[text]");
        var tooLong = admin.post("/api/v1/function-description-model/sections/" + sectionId + "/tasks",
                Api.json(Map.of("text", "x".repeat(1001))));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("errors").get(0).get("reason").asString()).startsWith("must be at most 1");
        var badPosition = admin.post("/api/v1/function-description-model/sections/" + sectionId + "/tasks",
                Api.json(Map.of("text", "Plaats nul", "position", 0)));
        assertThat(fields(badPosition)).isEqualTo("[position]");
        var emptyTitle = admin.put("/api/v1/function-description-model/sections/" + sectionId, "{\"title\": \"\"}");
        assertThat(fields(emptyTitle)).isEqualTo("[title]");
        assertThat(admin.post("/api/v1/function-description-model/sections/999999999/tasks", "{\"text\": \"x\"}").status())
                .isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM fd_task").query(Long.class).single()).isEqualTo(tasks);

        // the model editor shows the problem next to the line, and stores nothing
        Browserless pages = Browserless.signIn(port, "admin", "admin");
        var page = pages.post("/function-descriptions/model/sections/" + sectionId + "/tasks", Map.of("text", " "),
                "/function-descriptions/model");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().select("#new-task-" + sectionId + ".is-invalid")).hasSize(1);
        assertThat(page.document().select("#section-" + sectionId + " .invalid-feedback").text()).contains("is verplicht");
        assertThat(jdbc.sql("SELECT count(*) FROM fd_task").query(Long.class).single()).isEqualTo(tasks);
    }

    @Test
    void theFormShowsWhichFieldIsWrong() {
        Browserless pages = Browserless.signIn(port, "director", "director");
        var form = pages.get("/function-descriptions/new");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.document().select("select[name=coordinatorId] option").eachText()).anyMatch(t -> t.startsWith("Koen Coördinator"));
        long before = Fixtures.assignments(jdbc);
        var rejected = pages.post("/function-descriptions", Map.of("schoolId", String.valueOf(Demo.regenboog(jdbc)),
                "coordinatorId", String.valueOf(userId(jdbc, "teacher")), "firstEvaluatorId", String.valueOf(userId(jdbc, "director")),
                "secondEvaluatorId", "", "startDate", "2025-09-01"), "/function-descriptions/new");
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.document().select("select[name=coordinatorId].is-invalid")).hasSize(1);
        assertThat(rejected.document().select(".invalid-feedback").text()).contains("heeft niet de rol ICT-coördinator in deze school");
        assertThat(Fixtures.assignments(jdbc)).isEqualTo(before);

        var saved = pages.post("/function-descriptions", Map.of("schoolId", String.valueOf(Demo.regenboog(jdbc)),
                "coordinatorId", String.valueOf(userId(jdbc, "coordinator")), "firstEvaluatorId", String.valueOf(userId(jdbc, "director")),
                "secondEvaluatorId", String.valueOf(userId(jdbc, "admin")), "pedagogicalProof", "true", "startDate", "2025-09-01"),
                "/function-descriptions/new");
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.location()).matches(".*/function-descriptions/\\d+");
        var detail = pages.get(saved.location().replaceFirst("^https?://[^/]+", ""));
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.document().select("#generate")).hasSize(1);
        assertThat(detail.document().select("#no-versions")).hasSize(1);

        // unticking the checkbox (the browser sends only the marker of th:field) records "no proof"
        String edit = saved.location().replaceFirst("^https?://[^/]+", "");
        String version = pages.get(edit + "/edit").document().select("input[name=version]").val();
        var unticked = pages.post(edit, Map.of("schoolId", String.valueOf(Demo.regenboog(jdbc)),
                "coordinatorId", String.valueOf(userId(jdbc, "coordinator")), "firstEvaluatorId", String.valueOf(userId(jdbc, "director")),
                "secondEvaluatorId", "", "_pedagogicalProof", "on", "startDate", "2025-09-01", "version", version), edit + "/edit");
        assertThat(unticked.status()).isEqualTo(302);
        long id = Long.parseLong(edit.substring(edit.lastIndexOf('/') + 1));
        assertThat(jdbc.sql("SELECT pedagogical_proof FROM fd_assignment WHERE id = ?").param(id).query(Boolean.class).single()).isFalse();
        assertThat(jdbc.sql("SELECT second_evaluator_user_id IS NULL FROM fd_assignment WHERE id = ?").param(id).query(Boolean.class).single()).isTrue();
    }
}
