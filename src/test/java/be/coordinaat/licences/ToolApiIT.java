package be.coordinaat.licences;

import static be.coordinaat.licences.LicenceTestData.assertField;
import static be.coordinaat.licences.LicenceTestData.history;
import static be.coordinaat.licences.LicenceTestData.unique;
import static be.coordinaat.licences.ToolTestData.account;
import static be.coordinaat.licences.ToolTestData.invite;
import static be.coordinaat.licences.ToolTestData.propose;
import static be.coordinaat.licences.ToolTestData.proposal;
import static be.coordinaat.licences.ToolTestData.scores;
import static be.coordinaat.licences.ToolTestData.transition;
import static be.coordinaat.licences.ToolTestData.userId;
import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The life of a digital tool through the REST API: propose, invite, score, decide, retire, propose again. */
@IntegrationTest
class ToolApiIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void aTeachersProposalIsEvaluatedByInvitedTeachersAndAdoptedInOneCatalogue() {
        Api teacher = Api.as("teacher", port, jdbc);
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        String name = unique("Rekenrally");

        // the teacher proposes a tool the catalogue does not know: one new catalogue entry, no second list
        JsonNode proposed = propose(teacher, name, null);
        long id = proposed.get("id").asLong();
        long software = proposed.get("softwareId").asLong();
        assertThat(proposed.get("status").asString()).isEqualTo("PROPOSED");
        assertThat(proposed.get("schoolId").asLong()).as("the teacher's only school").isEqualTo(a);
        assertThat(proposed.get("proposedByName").asString()).isEqualTo("Tine Leerkracht");
        assertThat(jdbc.sql("SELECT count(*) FROM software WHERE lower(name) = lower(?)").param(name).query(Long.class).single())
                .isEqualTo(1);
        assertThat(coordinator.get("/api/v1/software/" + software).json().get("website").asString())
                .isEqualTo("https://example.org/tool");
        // the same name again (other case) is the same entry, already proposed in this school
        assertField(teacher.post("/api/v1/tools", Api.json(proposal(name.toUpperCase(), null, List.of("MATHS"),
                List.of("PRIMARY_5")))), "name");

        // the coordinator invites the teacher and himself: the proposal moves to evaluation
        var options = coordinator.get("/api/v1/tools/" + id + "/evaluator-options");
        assertThat(options.json().findValuesAsString("name")).contains("Tine Leerkracht", "Koen Coördinator")
                .doesNotContain("Theo Vanneste (ICT-dienst)");
        invite(coordinator, id, userId(jdbc, "teacher"));
        invite(coordinator, id, userId(jdbc, "coordinator"));
        JsonNode evaluating = coordinator.get("/api/v1/tools/" + id).json();
        assertThat(evaluating.get("status").asString()).isEqualTo("UNDER_EVALUATION");
        assertThat(evaluating.get("evaluators").findValuesAsString("name")).containsExactly("Koen Coördinator", "Tine Leerkracht");

        var scored = teacher.put("/api/v1/tools/" + id + "/evaluations/mine", Api.json(scores(4, "ADOPT")));
        assertThat(scored.status()).as(scored.toString()).isEqualTo(200);
        Map<String, Object> mine = scores(2, "PILOT");
        mine.put("cost", 5);
        assertThat(coordinator.put("/api/v1/tools/" + id + "/evaluations/mine", Api.json(mine)).status()).isEqualTo(200);
        // scoring again replaces the earlier scores
        assertThat(coordinator.put("/api/v1/tools/" + id + "/evaluations/mine", Api.json(mine)).status()).isEqualTo(200);
        JsonNode summary = coordinator.get("/api/v1/tools/" + id + "/evaluations").json();
        assertThat(summary.get("count").asLong()).isEqualTo(2);
        Map<String, Double> averages = new LinkedHashMap<>();
        summary.get("averages").forEach(n -> averages.put(n.get("criterion").asString(), n.get("average").asDouble()));
        assertThat(averages).containsEntry("PEDAGOGY", 3.0).containsEntry("COST", 4.5).containsEntry("TECHNICAL_FIT", 3.0);
        assertThat(summary.get("overall").asDouble()).isEqualTo((3.0 * 5 + 4.5) / 6, org.assertj.core.data.Offset.offset(0.001));
        assertThat(summary.get("adopt").asLong()).isEqualTo(1);
        assertThat(summary.get("pilot").asLong()).isEqualTo(1);
        assertThat(summary.get("evaluations").size()).isEqualTo(2);

        // adopted: the school now uses the catalogue entry; the life cycle lists every step with who and why
        be.coordinaat.support.PrivacyRecords.inOrderForTool(coordinator, id);
        var adopted = coordinator.post("/api/v1/tools/" + id + "/status", Api.json(transition("ADOPTED", "Positief beoordeeld")));
        assertThat(adopted.status()).as(adopted.toString()).isEqualTo(200);
        assertThat(adopted.json().get("status").asString()).isEqualTo("ADOPTED");
        assertThat(adopted.json().get("decisionReason").asString()).isEqualTo("Positief beoordeeld");
        assertThat(adopted.json().get("transitions").findValuesAsString("to")).containsExactly("PROPOSED", "UNDER_EVALUATION", "ADOPTED");
        assertThat(adopted.json().get("transitions").get(2).get("actorName").asString()).isEqualTo("Koen Coördinator");
        assertThat(coordinator.get("/api/v1/software/" + software).json().get("schools").findValuesAsString("name"))
                .contains("Gemeentelijke Basisschool De Regenboog");
        assertThat(teacher.get("/api/v1/tools?approved=true&q=" + enc(name)).json().get("total").asLong()).isEqualTo(1);
        assertThat(history(jdbc, "tool", id)).anyMatch(h -> h.contains("ADOPTED") && h.contains("Positief beoordeeld"))
                .anyMatch(h -> h.startsWith("CREATED|Tine Leerkracht"));

        // scoring is closed once decided; retiring and proposing again gives the same record a new life
        assertThat(teacher.put("/api/v1/tools/" + id + "/evaluations/mine", Api.json(scores(3, "ADOPT"))).status()).isEqualTo(409);
        assertThat(coordinator.post("/api/v1/tools/" + id + "/status", Api.json(transition("RETIRED", "Vervangen door de methode")))
                .status()).isEqualTo(200);
        assertThat(coordinator.get("/api/v1/software/" + software).json().get("schools").findValuesAsString("name"))
                .doesNotContain("Gemeentelijke Basisschool De Regenboog");
        JsonNode again = propose(teacher, proposal(name, a, List.of("MATHS", "STEM"), List.of("PRIMARY_6")));
        assertThat(again.get("id").asLong()).isEqualTo(id);
        assertThat(again.get("status").asString()).isEqualTo("PROPOSED");
        assertThat(again.get("evaluators").size()).isZero();
        assertThat(again.get("transitions").findValuesAsString("to")).endsWith("RETIRED", "PROPOSED");
        // the entry with a life in a school cannot be deleted from under it
        assertThat(Api.as("admin", port, jdbc).delete("/api/v1/software/" + software).status()).isEqualTo(409);
    }

    @Test
    void openPrivacyChecksBlockAdoptionUntilTheDirectorOverridesWithAReason() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        Api director = Api.as("director", port, jdbc);
        long a = Demo.regenboog(jdbc);
        JsonNode tool = propose(coordinator, unique("Klasbord"), a);
        long id = tool.get("id").asLong();
        // the privacy module's real checks: no register entry, no processor agreement for this new tool
        assertThat(coordinator.post("/api/v1/tools/" + id + "/status", Api.json(transition("UNDER_EVALUATION", null))).status())
                .isEqualTo(200);
        JsonNode open = coordinator.get("/api/v1/tools/" + id).json();
        assertThat(open.get("openPrivacyChecks").findValuesAsString("code")).contains("NO_PROCESSOR_AGREEMENT");

        for (Map<String, Object> body : List.of(transition("ADOPTED", "Leerkrachten enthousiast"),
                pilot(LocalDate.now().plusMonths(3)))) {
            var refused = coordinator.post("/api/v1/tools/" + id + "/status", Api.json(with(body, "overrideReason", "toch")));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body()).contains("NO_PROCESSOR_AGREEMENT");
        }
        assertField(director.post("/api/v1/tools/" + id + "/status", Api.json(transition("ADOPTED", "Nodig voor het project"))),
                "overrideReason");
        assertThat(coordinator.get("/api/v1/tools/" + id).json().get("status").asString()).isEqualTo("UNDER_EVALUATION");

        var adopted = director.post("/api/v1/tools/" + id + "/status", Api.json(with(transition("ADOPTED",
                "Nodig voor het project"), "overrideReason", "Overeenkomst is onderweg; geen leerlingaccounts tot dan")));
        assertThat(adopted.status()).as(adopted.toString()).isEqualTo(200);
        assertThat(adopted.json().get("privacyOverride").asString()).startsWith("Overeenkomst is onderweg");
        JsonNode last = adopted.json().get("transitions").get(adopted.json().get("transitions").size() - 1);
        assertThat(last.get("openChecks").asString()).contains("NO_PROCESSOR_AGREEMENT");
        assertThat(last.get("actorName").asString()).isEqualTo("Dirk Directeur");
        assertThat(history(jdbc, "tool", id)).anyMatch(h -> h.contains("Overeenkomst is onderweg"));

        // without open checks the coordinator decides alone
        JsonNode other = propose(coordinator, unique("Woordzoeker"), a);
        be.coordinaat.support.PrivacyRecords.inOrder(coordinator, a, other.get("softwareId").asLong());
        coordinator.post("/api/v1/tools/" + other.get("id").asLong() + "/status", Api.json(transition("UNDER_EVALUATION", null)));
        var piloted = coordinator.post("/api/v1/tools/" + other.get("id").asLong() + "/status",
                Api.json(pilot(LocalDate.now().plusMonths(2))));
        assertThat(piloted.status()).as(piloted.toString()).isEqualTo(200);
        assertThat(piloted.json().get("pilotEnd").asString()).isEqualTo(LocalDate.now().plusMonths(2).toString());
        assertThat(piloted.json().get("privacyOverride").isNull()).isTrue();
    }

    @Test
    void onlyInvitedEvaluatorsAndDecidersScore() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        long id = propose(coordinator, unique("Leesfluisteraar"), a).get("id").asLong();
        String colleague = account(jdbc, "STAFF", a);
        Api other = Api.as(colleague, port, jdbc);
        Api teacher = Api.as("teacher", port, jdbc);
        String path = "/api/v1/tools/" + id + "/evaluations/mine";
        assertThat(teacher.put(path, Api.json(scores(4, "ADOPT"))).status()).as("not open yet").isEqualTo(409);
        invite(coordinator, id, userId(jdbc, "teacher"));

        assertThat(other.put(path, Api.json(scores(1, "REJECT"))).status()).as("a colleague not invited").isEqualTo(403);
        assertThat(Api.as("dpo", port, jdbc).put(path, Api.json(scores(1, "REJECT"))).status()).isEqualTo(403);
        assertThat(Api.as("technician", port, jdbc).put(path, Api.json(scores(1, "REJECT"))).status()).isEqualTo(403);
        assertThat(teacher.put(path, Api.json(scores(4, "ADOPT"))).status()).isEqualTo(200);
        assertThat(Api.as("director", port, jdbc).put(path, Api.json(scores(5, "ADOPT"))).status()).as("a decider").isEqualTo(200);

        // the colleague reads the averages, not the evaluations themselves
        JsonNode summary = other.get("/api/v1/tools/" + id + "/evaluations").json();
        assertThat(summary.get("count").asLong()).isEqualTo(2);
        assertThat(summary.get("evaluations").size()).isZero();
        assertThat(teacher.get("/api/v1/tools/" + id + "/evaluations").json().get("evaluations").size()).isEqualTo(2);

        // deciding and inviting need TOOLS_DECIDE; withdrawing an invitation closes scoring for that teacher
        assertThat(teacher.post("/api/v1/tools/" + id + "/status", Api.json(transition("REJECTED", "nee"))).status()).isEqualTo(403);
        assertThat(teacher.post("/api/v1/tools/" + id + "/evaluators", "{\"userId\":" + userId(jdbc, colleague) + "}").status())
                .isEqualTo(403);
        assertThat(coordinator.delete("/api/v1/tools/" + id + "/evaluators/" + userId(jdbc, "teacher")).status()).isEqualTo(200);
        assertThat(teacher.put(path, Api.json(scores(3, "PILOT"))).status()).isEqualTo(403);
        assertThat(coordinator.get("/api/v1/tools/" + id + "/evaluations").json().get("count").asLong()).as("kept").isEqualTo(2);
    }

    @Test
    void theApprovedCatalogueAnswersWhichToolsMayIUseForMathsInGradeFive() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        String tag = unique("Filtertest");
        long maths5 = adopt(coordinator, propose(coordinator, proposal(tag + " A", a, List.of("MATHS", "DUTCH"),
                List.of("PRIMARY_4", "PRIMARY_5"))).get("id").asLong());
        adopt(coordinator, propose(coordinator, proposal(tag + " B", a, List.of("MATHS"), List.of("PRIMARY_2"))).get("id").asLong());
        adopt(coordinator, propose(coordinator, proposal(tag + " C", a, List.of("FRENCH"), List.of("PRIMARY_5"))).get("id").asLong());
        propose(coordinator, proposal(tag + " D", a, List.of("MATHS"), List.of("PRIMARY_5")));

        Api teacher = Api.as("teacher", port, jdbc);
        JsonNode found = teacher.get("/api/v1/tools?approved=true&subject=MATHS&grade=PRIMARY_5&q=" + enc(tag)).json();
        assertThat(found.get("items").findValuesAsString("name")).containsExactly(tag + " A");
        assertThat(found.get("items").get(0).get("id").asLong()).isEqualTo(maths5);
        assertThat(teacher.get("/api/v1/tools?subject=MATHS&q=" + enc(tag) + "&sort=-name").json().get("items")
                .findValuesAsString("name")).containsExactly(tag + " D", tag + " B", tag + " A");
        assertThat(teacher.get("/api/v1/tools?inProgress=true&q=" + enc(tag)).json().get("total").asLong()).isEqualTo(1);
        assertThat(teacher.get("/api/v1/tools?cost=PER_PUPIL&q=" + enc(tag)).json().get("total").asLong()).isZero();
        assertThat(teacher.get("/api/v1/tools?status=ADOPTED&q=" + enc(tag)).json().get("total").asLong()).isEqualTo(3);
        // every sort key answers
        for (String sort : List.of("name", "-school", "status", "-changed", "score", "nonsense")) {
            assertThat(teacher.get("/api/v1/tools?sort=" + sort).status()).as(sort).isEqualTo(200);
        }
    }

    @Test
    void hostileInputGetsFieldErrorsNeverA500() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        assertField(coordinator.post("/api/v1/tools", "{}"), "purpose");
        var empty = coordinator.post("/api/v1/tools", "{}");
        assertThat(empty.json().get("errors").findValuesAsString("field")).contains("name", "subjects", "grades", "costModel");
        assertThat(coordinator.post("/api/v1/tools", "{\"name\":\"x\",\"hacker\":true}").status()).isEqualTo(400);
        assertThat(coordinator.post("/api/v1/tools", "{\"name\":\"x\",\"subjects\":[\"FOO\"]}").status()).isEqualTo(400);
        assertThat(coordinator.post("/api/v1/tools", "not json").status()).isEqualTo(400);
        assertThat(coordinator.post("/api/v1/tools", "{\"name\":\"x\",\"subjects\":[null]}").status()).isEqualTo(400);
        Map<String, Object> body = proposal(unique("Vijandig"), a, List.of("MATHS"), List.of("PRIMARY_1"));
        assertField(coordinator.post("/api/v1/tools", Api.json(with(body, "purpose", "x".repeat(2001)))), "purpose");
        assertField(coordinator.post("/api/v1/tools", Api.json(with(body, "website", "javascript:alert(1)"))), "website");
        assertField(coordinator.post("/api/v1/tools", Api.json(with(body, "softwareId", 987654321L))), "softwareId");
        assertField(coordinator.post("/api/v1/tools", Api.json(with(body, "schoolId", 987654321L))), "schoolId");
        assertThat(coordinator.post("/api/v1/tools", Api.json(with(body, "name", "nul\u0000byte"))).status()).isIn(400, 201);
        long sw = jdbc.sql("SELECT min(id) FROM software WHERE board_id = (SELECT board_id FROM school WHERE id = ?)").param(a)
                .query(Long.class).single();
        var both = coordinator.post("/api/v1/tools", Api.json(with(body, "softwareId", sw)));
        assertField(both, "name");

        long id = propose(coordinator, body).get("id").asLong();
        String status = "/api/v1/tools/" + id + "/status";
        assertField(coordinator.post(status, "{}"), "status");
        assertField(coordinator.post(status, Api.json(transition("ADOPTED", "te vroeg"))), "status");
        assertField(coordinator.post(status, Api.json(transition("REJECTED", " "))), "reason");
        assertThat(coordinator.post(status, "{\"status\":\"BOGUS\"}").status()).isEqualTo(400);
        assertThat(coordinator.post(status, "{\"status\":\"REJECTED\",\"reason\":\"x\",\"version\":999}").status()).isEqualTo(409);
        coordinator.post(status, Api.json(transition("UNDER_EVALUATION", null)));
        assertField(coordinator.post(status, Api.json(transition("PILOTING", "proberen"))), "pilotEnd");
        assertField(coordinator.post(status, Api.json(pilot(LocalDate.now().minusDays(1)))), "pilotEnd");
        assertField(coordinator.post(status, Api.json(pilot(LocalDate.now().plusYears(4)))), "pilotEnd");
        assertThat(coordinator.post(status, "{\"status\":\"PILOTING\",\"reason\":\"x\",\"pilotEnd\":\"31/12/2026\"}").status())
                .isEqualTo(400);

        String scores = "/api/v1/tools/" + id + "/evaluations/mine";
        assertField(coordinator.put(scores, Api.json(with(scores(3, "ADOPT"), "pedagogy", 7))), "pedagogy");
        assertField(coordinator.put(scores, Api.json(with(scores(3, "ADOPT"), "cost", 0))), "cost");
        assertField(coordinator.put(scores, Api.json(with(scores(3, "ADOPT"), "recommendation", null))), "recommendation");
        assertField(coordinator.put(scores, "{}"), "technical");
        assertThat(coordinator.put(scores, "{\"pedagogy\":\"veel\"}").status()).isEqualTo(400);
        assertField(coordinator.post("/api/v1/tools/" + id + "/evaluators", "{}"), "userId");
        assertField(coordinator.post("/api/v1/tools/" + id + "/evaluators", "{\"userId\":987654321}"), "userId");
        assertThat(coordinator.get("/api/v1/tools/" + id + "/evaluations").json().get("count").asLong()).isZero();

        assertField(coordinator.put("/api/v1/tools/" + id, "{\"purpose\":\"\",\"subjects\":[],\"grades\":[\"PRIMARY_1\"],"
                + "\"costModel\":\"FREE\"}"), "subjects");
        assertThat(coordinator.put("/api/v1/tools/" + id, "{\"purpose\":\"x\",\"subjects\":[\"MATHS\"],\"grades\":[\"PRIMARY_1\"],"
                + "\"costModel\":\"FREE\",\"version\":999}").status()).isEqualTo(409);
        for (String q : List.of("subject=FOO", "grade=%00", "school=abc", "status=X", "approved=perhaps", "page=-5&size=99999",
                "q=%25%5C_")) {
            int code = coordinator.get("/api/v1/tools?" + q).status();
            assertThat(code).as(q).isIn(200, 400);
        }
    }

    static long adopt(Api api, long id) {
        be.coordinaat.support.PrivacyRecords.inOrderForTool(api, id);
        api.post("/api/v1/tools/" + id + "/status", Api.json(transition("UNDER_EVALUATION", null)));
        var r = api.post("/api/v1/tools/" + id + "/status", Api.json(transition("ADOPTED", "Goedgekeurd door het team")));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return id;
    }

    static Map<String, Object> pilot(LocalDate end) {
        return with(transition("PILOTING", "Eerst proberen in één klas"), "pilotEnd", end.toString());
    }

    static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(body);
        m.put(key, value);
        return m;
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    static List<String> names(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.get("items").forEach(n -> out.add(n.get("name").asString()));
        return out;
    }
}
