package be.coordinaat.policy;

import static be.coordinaat.policy.PolicyTestData.draftPlan;
import static be.coordinaat.policy.PolicyTestData.map;
import static be.coordinaat.policy.PolicyTestData.ok;
import static be.coordinaat.policy.PolicyTestData.unique;
import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Browserless;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * School scope: the coordinator and director of school A get 404 for every policy record of school B, through every
 * API endpoint and page, also for guessed ids; nothing of school B changes.
 */
@IntegrationTest
class PolicyScopeIT {

    static final long GUESSED = 987654321L;

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    record SchoolB(long vision, long plan, long goal, long action, long pilot, long aup, long item) {}

    SchoolB schoolB() {
        Api admin = Api.as("admin", port, jdbc);
        long b = Demo.atheneum(jdbc);
        long[] plan = draftPlan(admin, b, unique("Plan B"));
        long vision = ok(admin.get("/api/v1/policy/vision?schoolId=" + b), 200).get("current").get("id").asLong();
        long pilot = ok(admin.post("/api/v1/policy/pilots", Api.json(map("schoolId", b, "title", unique("Pilot B")))), 201).get("id").asLong();
        long aup = ok(admin.put("/api/v1/policy/aup", Api.json(map("schoolId", b, "audience", "PUPILS", "title", "Afspraken B",
                "body", "Tekst"))), 200).get("id").asLong();
        ok(admin.get("/api/v1/policy/baseline?schoolId=" + b), 200);
        long item = jdbc.sql("SELECT min(id) FROM policy_baseline_item WHERE school_id = ?").param(b).query(Long.class).single();
        return new SchoolB(vision, plan[0], plan[1], plan[2], pilot, aup, item);
    }

    @Test
    void schoolAUsersGet404ForSchoolBRecordsThroughEveryApiEndpoint() {
        SchoolB b = schoolB();
        long schoolB = Demo.atheneum(jdbc);
        long schoolA = Demo.regenboog(jdbc);
        String fingerprint = fingerprint(schoolB);
        for (String user : List.of("coordinator", "director", "teacher")) {
            Api api = Api.as(user, port, jdbc);
            for (long[] ids : List.of(new long[] {b.vision(), b.plan(), b.goal(), b.action(), b.pilot(), b.aup(), b.item()},
                    new long[] {GUESSED, GUESSED, GUESSED, GUESSED, GUESSED, GUESSED, GUESSED})) {
                List<Api.Response> responses = new ArrayList<>();
                responses.add(api.get("/api/v1/policy/vision/" + ids[0]));
                responses.add(api.get("/api/v1/policy/vision/" + ids[0] + "/diff"));
                responses.add(api.post("/api/v1/policy/vision/" + ids[0] + "/submit", ""));
                responses.add(api.post("/api/v1/policy/vision/" + ids[0] + "/approve", ""));
                responses.add(api.post("/api/v1/policy/vision/" + ids[0] + "/return", Api.json(map("remarks", "x"))));
                responses.add(api.get("/api/v1/policy/plans/" + ids[1]));
                responses.add(api.put("/api/v1/policy/plans/" + ids[1], Api.json(map("schoolId", schoolB, "title", "x", "startYear", 2026, "endYear", 2027))));
                responses.add(api.delete("/api/v1/policy/plans/" + ids[1]));
                responses.add(api.post("/api/v1/policy/plans/" + ids[1] + "/submit", ""));
                responses.add(api.post("/api/v1/policy/plans/" + ids[1] + "/approve", ""));
                responses.add(api.post("/api/v1/policy/plans/" + ids[1] + "/return", Api.json(map("remarks", "x"))));
                responses.add(api.post("/api/v1/policy/plans/" + ids[1] + "/revise", ""));
                responses.add(api.get("/api/v1/policy/plans/" + ids[1] + "/versions"));
                responses.add(api.get("/api/v1/policy/plans/" + ids[1] + "/versions/1"));
                responses.add(api.get("/api/v1/policy/plans/" + ids[1] + "/comments"));
                responses.add(api.post("/api/v1/policy/plans/" + ids[1] + "/comments", Api.json(map("body", "x"))));
                responses.add(api.get("/api/v1/policy/plans/" + ids[1] + "/monitor"));
                responses.add(api.get("/api/v1/policy/plans/" + ids[1] + "/pdf"));
                responses.add(api.post("/api/v1/policy/plans/" + ids[1] + "/goals", Api.json(map("title", "x"))));
                responses.add(api.get("/api/v1/policy/goals/" + ids[2]));
                responses.add(api.put("/api/v1/policy/goals/" + ids[2], Api.json(map("title", "x"))));
                responses.add(api.delete("/api/v1/policy/goals/" + ids[2]));
                responses.add(api.post("/api/v1/policy/goals/" + ids[2] + "/review", Api.json(map("conclusion", "DROP"))));
                responses.add(api.post("/api/v1/policy/goals/" + ids[2] + "/actions", Api.json(map("title", "x", "horizon", "SHORT"))));
                responses.add(api.get("/api/v1/policy/actions/" + ids[3]));
                responses.add(api.put("/api/v1/policy/actions/" + ids[3], Api.json(map("title", "x", "horizon", "SHORT"))));
                responses.add(api.post("/api/v1/policy/actions/" + ids[3] + "/progress", Api.json(map("status", "DONE"))));
                responses.add(api.delete("/api/v1/policy/actions/" + ids[3]));
                responses.add(api.get("/api/v1/policy/pilots/" + ids[4]));
                responses.add(api.put("/api/v1/policy/pilots/" + ids[4], Api.json(map("schoolId", schoolB, "title", "x"))));
                responses.add(api.delete("/api/v1/policy/pilots/" + ids[4]));
                responses.add(api.get("/api/v1/policy/aup/" + ids[5]));
                responses.add(api.get("/api/v1/policy/aup/" + ids[5] + "/diff"));
                responses.add(api.post("/api/v1/policy/aup/" + ids[5] + "/publish", ""));
                responses.add(api.post("/api/v1/policy/aup/" + ids[5] + "/acknowledge", ""));
                responses.add(api.get("/api/v1/policy/aup/" + ids[5] + "/acknowledgements"));
                responses.add(api.post("/api/v1/policy/aup/" + ids[5] + "/classes", Api.json(map("className", "1A", "acknowledgedOn", "2026-09-01"))));
                responses.add(api.delete("/api/v1/policy/aup/" + ids[5] + "/classes/1"));
                responses.add(api.get("/api/v1/policy/baseline/" + ids[6]));
                responses.add(api.put("/api/v1/policy/baseline/" + ids[6], Api.json(map("status", "DONE"))));
                responses.add(api.delete("/api/v1/policy/baseline/" + ids[6]));
                responses.add(api.post("/api/v1/policy/baseline/" + ids[6] + "/action", Api.json(map("goalId", ids[2], "horizon", "SHORT"))));
                for (Api.Response r : responses) {
                    assertThat(r.status()).as(user + ": " + r).isEqualTo(404);
                }
            }
            for (String path : List.of("/api/v1/policy/vision?schoolId=", "/api/v1/policy/aup?schoolId=", "/api/v1/policy/baseline?schoolId=",
                    "/api/v1/policy/plans?schoolId=", "/api/v1/policy/pilots?schoolId=")) {
                assertThat(api.get(path + schoolB).status()).as(user + " " + path).isEqualTo(404);
            }
            assertThat(ok(api.get("/api/v1/policy/plans?size=200"), 200).findValuesAsString("schoolId")).doesNotContain(String.valueOf(schoolB));
            assertThat(ok(api.get("/api/v1/policy/pilots?size=200"), 200).findValuesAsString("schoolId")).doesNotContain(String.valueOf(schoolB));
            // writes naming school B in the body are refused on the field
            assertThat(api.put("/api/v1/policy/vision", Api.json(map("schoolId", schoolB, "body", "x"))).status()).isEqualTo(400);
            assertThat(api.post("/api/v1/policy/pilots", Api.json(map("schoolId", schoolB, "title", "x"))).status()).isEqualTo(400);
        }
        assertThat(fingerprint(schoolB)).as("nothing of school B changed").isEqualTo(fingerprint);
        assertThat(ok(Api.as("coordinator", port, jdbc).get("/api/v1/policy/plans?schoolId=" + schoolA), 200).get("total").asLong()).isPositive();
    }

    @Test
    void schoolAUsersGet404ForSchoolBPages() {
        SchoolB b = schoolB();
        long schoolB = Demo.atheneum(jdbc);
        Browserless web = Browserless.signIn(port, "coordinator", "coordinator");
        for (String path : List.of("/policy?school=" + schoolB, "/policy/vision?school=" + schoolB, "/policy/vision/versions/" + b.vision(),
                "/policy/vision/edit?school=" + schoolB, "/policy/plans?school=" + schoolB, "/policy/plans/" + b.plan(),
                "/policy/plans/" + b.plan() + "/edit", "/policy/plans/" + b.plan() + "/monitor", "/policy/plans/" + b.plan() + "/pdf",
                "/policy/goals/" + b.goal() + "/edit", "/policy/goals/" + b.goal() + "/actions/new", "/policy/actions/" + b.action() + "/edit",
                "/policy/pilots/" + b.pilot(), "/policy/pilots/" + b.pilot() + "/edit", "/policy/aup/" + b.aup(), "/policy/aup?school=" + schoolB,
                "/policy/baseline?school=" + schoolB, "/policy/baseline/" + b.item() + "/edit", "/policy/plans/" + GUESSED,
                "/policy/pilots/" + GUESSED)) {
            assertThat(web.get(path).status()).as(path).isEqualTo(404);
        }
        String csrfPage = "/policy/plans?school=" + Demo.regenboog(jdbc);
        for (String path : List.of("/policy/plans/" + b.plan() + "/delete", "/policy/plans/" + b.plan() + "/submit",
                "/policy/plans/" + b.plan() + "/comments", "/policy/actions/" + b.action() + "/delete", "/policy/goals/" + b.goal() + "/delete",
                "/policy/pilots/" + b.pilot() + "/delete", "/policy/aup/" + b.aup() + "/publish", "/policy/baseline/" + b.item() + "/delete",
                "/policy/vision/versions/" + b.vision() + "/submit")) {
            assertThat(web.post(path, Map.of("body", "x"), csrfPage).status()).as(path).isEqualTo(404);
        }
        assertThat(jdbc.sql("SELECT status FROM policy_aup WHERE id = ?").param(b.aup()).query(String.class).single()).isEqualTo("DRAFT");
        assertThat(jdbc.sql("SELECT count(*) FROM policy_plan WHERE id = ?").param(b.plan()).query(Long.class).single()).isEqualTo(1);
    }

    String fingerprint(long school) {
        return jdbc.sql("""
                SELECT (SELECT string_agg(id || status || version, ',' ORDER BY id) FROM policy_vision WHERE school_id = :s) || '|' ||
                       (SELECT string_agg(id || status || version, ',' ORDER BY id) FROM policy_plan WHERE school_id = :s) || '|' ||
                       (SELECT string_agg(id || title || version, ',' ORDER BY id) FROM policy_goal WHERE school_id = :s) || '|' ||
                       (SELECT string_agg(id || status || version, ',' ORDER BY id) FROM policy_action WHERE school_id = :s) || '|' ||
                       coalesce((SELECT string_agg(id || title || version, ',' ORDER BY id) FROM policy_pilot WHERE school_id = :s), '') || '|' ||
                       coalesce((SELECT string_agg(id || status || version, ',' ORDER BY id) FROM policy_aup WHERE school_id = :s), '') || '|' ||
                       coalesce((SELECT string_agg(id || status || version, ',' ORDER BY id) FROM policy_baseline_item WHERE school_id = :s), '') || '|' ||
                       (SELECT count(*) FROM policy_comment WHERE school_id = :s)""").param("s", school).query(String.class).single();
    }
}
