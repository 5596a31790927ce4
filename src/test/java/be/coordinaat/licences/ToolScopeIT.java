package be.coordinaat.licences;

import static be.coordinaat.licences.LicenceTestData.assertField;
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
import be.coordinaat.support.Browserless;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * School scope and roles of the digital tools: the coordinator of school A sees and changes nothing of school B's
 * tools through any endpoint or page, whatever id they try; external accounts see no tools; pages answer hostile
 * forms with field errors.
 */
@IntegrationTest
class ToolScopeIT {

    static final long GUESSED = 987654321L;

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    /** A tool of school B under evaluation, with an evaluator of school B who scored it. */
    long toolOfB() {
        Api admin = Api.as("admin", port, jdbc);
        long b = Demo.atheneum(jdbc);
        long id = propose(admin, proposal(unique("Atheneummiddel"), b, List.of("SCIENCE"), List.of("SECONDARY_3"))).get("id").asLong();
        String evaluator = account(jdbc, "STAFF", b);
        invite(admin, id, userId(jdbc, evaluator));
        assertThat(Api.as(evaluator, port, jdbc).put("/api/v1/tools/" + id + "/evaluations/mine", Api.json(scores(4, "ADOPT")))
                .status()).isEqualTo(200);
        return id;
    }

    @Test
    void coordinatorGets404ForSchoolBToolsThroughEveryApiEndpointAlsoForGuessedIds() {
        long b = toolOfB();
        long schoolB = Demo.atheneum(jdbc);
        Api coordinator = Api.as("coordinator", port, jdbc);
        String edit = "{\"purpose\":\"overgenomen\",\"subjects\":[\"MATHS\"],\"grades\":[\"PRIMARY_1\"],\"costModel\":\"FREE\"}";
        for (long id : new long[] {b, GUESSED}) {
            String t = "/api/v1/tools/" + id;
            assertThat(coordinator.get(t).status()).as(t).isEqualTo(404);
            assertThat(coordinator.get(t).contentType()).startsWith("application/problem+json");
            assertThat(coordinator.put(t, edit).status()).as("PUT " + t).isEqualTo(404);
            assertThat(coordinator.delete(t).status()).as("DELETE " + t).isEqualTo(404);
            assertThat(coordinator.post(t + "/status", Api.json(transition("REJECTED", "weg"))).status()).isEqualTo(404);
            assertThat(coordinator.get(t + "/evaluator-options").status()).isEqualTo(404);
            assertThat(coordinator.post(t + "/evaluators", "{\"userId\":" + userId(jdbc, "teacher") + "}").status()).isEqualTo(404);
            assertThat(coordinator.delete(t + "/evaluators/" + userId(jdbc, "teacher")).status()).isEqualTo(404);
            assertThat(coordinator.get(t + "/evaluations").status()).isEqualTo(404);
            assertThat(coordinator.put(t + "/evaluations/mine", Api.json(scores(1, "REJECT"))).status()).isEqualTo(404);
        }
        assertThat(coordinator.get("/api/v1/tools?school=" + schoolB).status()).isEqualTo(404);
        JsonNode all = coordinator.get("/api/v1/tools?view=all&size=200").json();
        assertThat(all.get("items").findValuesAsString("schoolId")).doesNotContain(String.valueOf(schoolB));
        // proposing for school B, or inviting school B's staff to a tool of A, is "does not exist"
        assertField(coordinator.post("/api/v1/tools", Api.json(proposal(unique("Binnensmokkel"), schoolB, List.of("MATHS"),
                List.of("PRIMARY_1")))), "schoolId");
        long mine = propose(coordinator, unique("Regenboogmiddel"), Demo.regenboog(jdbc)).get("id").asLong();
        String staffOfB = account(jdbc, "STAFF", schoolB);
        assertField(coordinator.post("/api/v1/tools/" + mine + "/evaluators", "{\"userId\":" + userId(jdbc, staffOfB) + "}"), "userId");
        assertThat(coordinator.get("/api/v1/tools/" + mine + "/evaluator-options").json().findValuesAsString("name"))
                .doesNotContain("Test " + staffOfB);

        Api admin = Api.as("admin", port, jdbc);
        JsonNode still = admin.get("/api/v1/tools/" + b).json();
        assertThat(still.get("status").asString()).as("nothing changed").isEqualTo("UNDER_EVALUATION");
        assertThat(admin.get("/api/v1/tools/" + b + "/evaluations").json().get("count").asLong()).isEqualTo(1);
    }

    @Test
    void rolesWithoutThePermissionGet403() {
        Api ictdienst = Api.as("ictdienst", port, jdbc);
        long mine = propose(Api.as("coordinator", port, jdbc), unique("Externmiddel"), Demo.regenboog(jdbc)).get("id").asLong();
        assertThat(ictdienst.get("/api/v1/tools").status()).as("external accounts").isEqualTo(403);
        assertThat(ictdienst.get("/api/v1/tools/" + mine).status()).isEqualTo(404);
        assertThat(ictdienst.post("/api/v1/tools", Api.json(proposal("x", null, List.of("MATHS"), List.of("PRIMARY_1")))).status())
                .isEqualTo(403);
        Api dpo = Api.as("dpo", port, jdbc);
        assertThat(dpo.get("/api/v1/tools/" + mine).status()).as("the DPO reads every school's tools").isEqualTo(200);
        assertThat(dpo.post("/api/v1/tools", Api.json(proposal("x", null, List.of("MATHS"), List.of("PRIMARY_1")))).status())
                .isEqualTo(403);
        assertThat(dpo.post("/api/v1/tools/" + mine + "/status", Api.json(transition("REJECTED", "x"))).status()).isEqualTo(403);
        Api technician = Api.as("technician", port, jdbc);
        assertThat(technician.post("/api/v1/tools/" + mine + "/status", Api.json(transition("REJECTED", "x"))).status())
                .isEqualTo(403);
        assertThat(technician.put("/api/v1/tools/" + mine, "{\"purpose\":\"x\",\"subjects\":[\"MATHS\"],\"grades\":[\"PRIMARY_1\"],"
                + "\"costModel\":\"FREE\"}").status()).isEqualTo(403);
        Api teacher = Api.as("teacher", port, jdbc);
        assertThat(teacher.delete("/api/v1/tools/" + mine).status()).as("not the teacher's proposal").isEqualTo(403);
        long own = propose(teacher, unique("Eigen voorstel"), null).get("id").asLong();
        assertThat(teacher.put("/api/v1/tools/" + own, "{\"purpose\":\"Beter uitgelegd\",\"subjects\":[\"DUTCH\"],"
                + "\"grades\":[\"PRIMARY_3\"],\"costModel\":\"FREEMIUM\"}").status()).isEqualTo(200);
        assertThat(teacher.delete("/api/v1/tools/" + own).status()).as("withdrawing one's proposal").isEqualTo(204);
        assertThat(teacher.get("/api/v1/tools/" + own).status()).isEqualTo(404);
    }

    @Test
    void coordinatorGets404ForSchoolBOnEveryPage() {
        long b = toolOfB();
        Browserless web = Browserless.signIn(port, "coordinator", "coordinator");
        for (long id : new long[] {b, GUESSED}) {
            for (String path : new String[] {"/tools/" + id, "/tools/" + id + "/edit", "/tools/" + id + "/evaluate"}) {
                assertThat(web.get(path).status()).as(path).isEqualTo(404);
            }
            Map<String, Map<String, String>> posts = new LinkedHashMap<>();
            posts.put("/tools/" + id, Map.of("purpose", "x", "subjects", "MATHS", "grades", "PRIMARY_1", "costModel", "FREE"));
            posts.put("/tools/" + id + "/delete", Map.of());
            posts.put("/tools/" + id + "/status", Map.of("status", "REJECTED", "reason", "weg"));
            posts.put("/tools/" + id + "/evaluators", Map.of("userId", String.valueOf(userId(jdbc, "teacher"))));
            posts.put("/tools/" + id + "/evaluators/" + userId(jdbc, "teacher") + "/delete", Map.of());
            posts.put("/tools/" + id + "/evaluate", Map.of("pedagogy", "1", "usability", "1", "accessibility", "1",
                    "privacy", "1", "technical", "1", "cost", "1", "recommendation", "REJECT"));
            posts.forEach((path, fields) -> assertThat(web.post(path, fields, "/tools/new").status()).as("POST " + path).isEqualTo(404));
        }
        String list = web.get("/tools?view=all&size=200").body();
        assertThat(list).doesNotContain("/tools/" + b + "\"").doesNotContain("Gemeentelijk Atheneum Zonnebeke");
        assertThat(web.get("/tools?view=all&school=" + Demo.atheneum(jdbc)).status()).isEqualTo(404);
        assertThat(Api.as("admin", port, jdbc).get("/api/v1/tools/" + b).json().get("status").asString())
                .isEqualTo("UNDER_EVALUATION");
    }

    @Test
    void teachersBrowseAndProposeButDoNotDecide() {
        long a = Demo.regenboog(jdbc);
        Api coordinator = Api.as("coordinator", port, jdbc);
        long id = propose(coordinator, unique("Beslismiddel"), a).get("id").asLong();
        Browserless web = Browserless.signIn(port, "teacher", "teacher");
        assertThat(web.get("/tools").status()).isEqualTo(200);
        assertThat(web.get("/tools").body()).contains("Bingel").contains("id=\"nav-tools\"");
        assertThat(web.get("/tools/new").status()).isEqualTo(200);
        var page = web.get("/tools/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().select("#decision-form")).isEmpty();
        assertThat(page.document().select("#evaluate-tool")).isEmpty();
        assertThat(web.get("/tools/" + id + "/edit").status()).isEqualTo(403);
        assertThat(web.get("/tools/" + id + "/evaluate").status()).isEqualTo(403);
        assertThat(web.post("/tools/" + id + "/status", Map.of("status", "REJECTED", "reason", "nee"), "/tools/new").status())
                .isEqualTo(403);
        Browserless external = Browserless.signIn(port, "ictdienst", "ictdienst");
        assertThat(external.get("/tools").status()).isEqualTo(403);
        assertThat(external.get("/").body()).doesNotContain("id=\"nav-tools\"");
    }

    @Test
    void hostileFormsShowFieldErrorsNeverA500() {
        long a = Demo.regenboog(jdbc);
        Browserless web = Browserless.signIn(port, "coordinator", "coordinator");
        var empty = web.post("/tools", Map.of("purpose", " "), "/tools/new");
        assertThat(empty.status()).isEqualTo(200);
        var doc = empty.document();
        assertThat(doc.select("#purpose-error").text()).isNotBlank();
        assertThat(doc.select("#subjects-error").text()).isNotBlank();
        assertThat(doc.select("#grades-error").text()).isNotBlank();
        assertThat(doc.select("#name-error").text()).isNotBlank();
        assertThat(web.post("/tools", Map.of("name", "x", "subjects", "BOGUS", "grades", "PRIMARY_1", "costModel", "GRATIS",
                "softwareId", "abc", "schoolId", "%00"), "/tools/new").status()).isEqualTo(200);

        long id = propose(Api.as("coordinator", port, jdbc), unique("Formmiddel"), a).get("id").asLong();
        var bad = web.post("/tools/" + id + "/status", Map.of("status", "PILOTING", "reason", "x", "pilotEnd", "morgen"), "/tools/" + id);
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.document().select("#pilotEnd-error").text()).isNotBlank();
        var notAllowed = web.post("/tools/" + id + "/status", Map.of("status", "ADOPTED", "reason", "x"), "/tools/" + id);
        assertThat(notAllowed.document().select("#status-error").text()).contains("huidige status");
        var bogus = web.post("/tools/" + id + "/status", Map.of("status", "HACKED"), "/tools/" + id);
        assertThat(bogus.status()).isEqualTo(200);
        assertThat(web.post("/tools/" + id + "/evaluators", Map.of("userId", "abc"), "/tools/" + id).status()).isEqualTo(302);
        assertThat(web.get("/tools/" + id).body()).contains("kies de beoordelaar");

        Api.as("coordinator", port, jdbc).post("/api/v1/tools/" + id + "/status", Api.json(transition("UNDER_EVALUATION", null)));
        String form = "/tools/" + id + "/evaluate";
        var scores = web.post(form, Map.of("pedagogy", "9"), form);
        assertThat(scores.status()).isEqualTo(200);
        assertThat(scores.document().select("#pedagogy-error").text()).contains("hoogstens 5");
        assertThat(scores.document().select("#usability-error").text()).contains("verplicht");
        assertThat(scores.document().select("#recommendation-error").text()).isNotBlank();
        var typed = web.post(form, Map.of("pedagogy", "3", "usability", "abc", "recommendation", "MAYBE"), form);
        assertThat(typed.status()).isEqualTo(200);
        assertThat(typed.document().select("#usability-error").text()).isNotBlank();
        assertThat(Api.as("coordinator", port, jdbc).get("/api/v1/tools/" + id + "/evaluations").json().get("count").asLong())
                .isZero();
        for (String q : List.of("view=hacker", "subject=FOO&grade=BAR&cost=BAZ&status=X", "school=abc", "page=-1&size=100000",
                "sort=%3Bdrop%20table%20tool")) {
            assertThat(web.get("/tools?" + q).status()).as(q).isEqualTo(200);
        }
    }
}
