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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every policy page renders for the coordinator, the director and staff, forms show field errors for bad input, and
 * staff never see drafts or the editing controls.
 */
@IntegrationTest
class PolicyPagesIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    long demoPlan(long school) {
        return jdbc.sql("SELECT min(id) FROM policy_plan WHERE school_id = ? AND title = 'ICT-beleidsplan'").param(school).query(Long.class).single();
    }

    @Test
    void everyPageRendersForTheCoordinator() {
        long a = Demo.regenboog(jdbc);
        Api api = Api.as("coordinator", port, jdbc);
        long[] ids = draftPlan(api, a, unique("Paginaplan"));
        long plan = demoPlan(a);
        long goal = jdbc.sql("SELECT min(id) FROM policy_goal WHERE plan_id = ?").param(plan).query(Long.class).single();
        long action = jdbc.sql("SELECT min(id) FROM policy_action WHERE plan_id = ?").param(plan).query(Long.class).single();
        long pilot = jdbc.sql("SELECT min(id) FROM policy_pilot WHERE school_id = ?").param(a).query(Long.class).single();
        long aup = jdbc.sql("SELECT min(id) FROM policy_aup WHERE school_id = ? AND audience = 'PUPILS'").param(a).query(Long.class).single();
        long staffAup = jdbc.sql("SELECT max(id) FROM policy_aup WHERE school_id = ? AND audience = 'STAFF'").param(a).query(Long.class).single();
        long vision = jdbc.sql("SELECT max(id) FROM policy_vision WHERE school_id = ?").param(a).query(Long.class).single();
        ok(api.get("/api/v1/policy/baseline?schoolId=" + a), 200);
        long item = jdbc.sql("SELECT min(id) FROM policy_baseline_item WHERE school_id = ?").param(a).query(Long.class).single();
        Browserless web = Browserless.signIn(port, "coordinator", "coordinator");
        for (String path : List.of("/policy", "/policy?school=" + a, "/policy/vision", "/policy/vision/versions/" + vision,
                "/policy/vision/edit?school=" + a, "/policy/plans?school=" + a, "/policy/plans/new?school=" + a, "/policy/plans/" + plan,
                "/policy/plans/" + plan + "/monitor", "/policy/plans/" + plan + "/versions/1", "/policy/plans/" + ids[0],
                "/policy/plans/" + ids[0] + "/edit", "/policy/plans/" + ids[0] + "/goals/new", "/policy/goals/" + ids[1] + "/edit",
                "/policy/goals/" + ids[1] + "/actions/new", "/policy/actions/" + ids[2] + "/edit", "/policy/actions/" + action + "/edit",
                "/policy/pilots?school=" + a, "/policy/pilots?school=" + a + "&q=bee&scaleUp=YES", "/policy/pilots/" + pilot,
                "/policy/pilots/new?school=" + a, "/policy/pilots/" + pilot + "/edit", "/policy/aup?school=" + a, "/policy/aup/" + aup,
                "/policy/aup/" + staffAup, "/policy/aup/edit?school=" + a + "&audience=PUPILS", "/policy/baseline?school=" + a,
                "/policy/baseline/new?school=" + a, "/policy/baseline/" + item + "/edit", "/policy/aup/banner", "/")) {
            var page = web.get(path);
            assertThat(page.status()).as(path + " " + page.body()).isEqualTo(200);
        }
        assertThat(web.get("/policy/plans/" + plan).body()).contains("Alle leraren gebruiken het leerplatform").contains("over tijd");
        assertThat(web.get("/policy/plans/" + plan + "/monitor").document().select("#unowned-actions li").text())
                .contains("Laadkar en wifi");
        assertThat(web.get("/").document().select("#nav-policy").attr("href")).isEqualTo("/policy");
        assertThat(web.get("/policy?school=abc").status()).isEqualTo(404);
    }

    @Test
    void formsShowFieldErrorsForBadInput() {
        long a = Demo.regenboog(jdbc);
        Browserless web = Browserless.signIn(port, "coordinator", "coordinator");
        var page = web.post("/policy/plans", Map.of("schoolId", String.valueOf(a), "title", "", "startYear", "2026", "endYear", "2027"),
                "/policy/plans/new?school=" + a);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().select("#title-error").text()).isNotBlank();
        // a value that does not convert is reported on its field (the other rules run once it converts)
        page = web.post("/policy/plans", Map.of("schoolId", String.valueOf(a), "title", "Plan", "startYear", "twintig", "endYear", "2027"),
                "/policy/plans/new?school=" + a);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().select("#startYear-error").text()).isNotBlank();
        page = web.post("/policy/plans", Map.of("schoolId", String.valueOf(a), "title", "Plan", "startYear", "2029", "endYear", "2026"),
                "/policy/plans/new?school=" + a);
        assertThat(page.document().select("#endYear-error").text()).contains("10 jaar");
        long[] ids = draftPlan(Api.as("coordinator", port, jdbc), a, unique("Formfouten"));
        page = web.post("/policy/goals/" + ids[1] + "/actions", Map.of("title", "x", "horizon", "SHORT", "amount", "1,2,3"),
                "/policy/goals/" + ids[1] + "/actions/new");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().select("#amount-error").text()).isNotBlank();
        page = web.post("/policy/goals/" + ids[1] + "/actions", Map.of("title", "x", "horizon", "SHORT", "evidenceUrl", "ftp://x"),
                "/policy/goals/" + ids[1] + "/actions/new");
        assertThat(page.document().select("#evidenceUrl-error").text()).contains("http");
        page = web.post("/policy/goals/" + ids[1] + "/actions", Map.of("title", "x", "horizon", "SHORT",
                "startDate", "2027-02-02", "deadline", "2027-01-01"), "/policy/goals/" + ids[1] + "/actions/new");
        assertThat(page.document().select("#deadline-error").text()).contains("vóór de start");
        page = web.post("/policy/vision", Map.of("schoolId", String.valueOf(a), "body", "  "), "/policy/vision/edit?school=" + a);
        assertThat(page.document().select("#body-error").text()).isNotBlank();
        page = web.post("/policy/pilots", Map.of("schoolId", String.valueOf(a), "title", "x", "startDate", "morgen"), "/policy/pilots/new?school=" + a);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().select("#startDate-error").text()).isNotBlank();
        page = web.post("/policy/baseline", Map.of("schoolId", String.valueOf(a), "title", "", "status", "DONE"), "/policy/baseline/new?school=" + a);
        assertThat(page.document().select("#title-error").text()).isNotBlank();
    }

    @Test
    void staffSeeOnlyApprovedAndPublishedVersionsAndNoEditingControls() {
        long a = Demo.regenboog(jdbc);
        long[] ids = draftPlan(Api.as("coordinator", port, jdbc), a, unique("Geheim ontwerp"));
        long draftVision = jdbc.sql("SELECT max(id) FROM policy_vision WHERE school_id = ? AND status <> 'APPROVED'").param(a)
                .query(Long.class).optional().orElse(-1L);
        Browserless web = Browserless.signIn(port, "teacher", "teacher");
        assertThat(web.get("/policy/plans/" + ids[0]).status()).isEqualTo(404);
        assertThat(web.get("/policy/plans/" + ids[0] + "/monitor").status()).isEqualTo(404);
        assertThat(web.get("/policy/plans?school=" + a).body()).doesNotContain("Geheim ontwerp").contains("ICT-beleidsplan");
        var plan = web.get("/policy/plans/" + demoPlan(a));
        assertThat(plan.status()).isEqualTo(200);
        assertThat(plan.document().select("#plan-snapshot")).isNotEmpty();
        assertThat(plan.document().select("#add-goal, #submit-plan, #revise-plan, #comment-form, #monitor")).isEmpty();
        if (draftVision > 0) {
            assertThat(web.get("/policy/vision/versions/" + draftVision).status()).isEqualTo(404);
        }
        var vision = web.get("/policy/vision?school=" + a);
        assertThat(vision.status()).isEqualTo(200);
        assertThat(vision.document().select("#edit-vision")).isEmpty();
        assertThat(vision.document().select("#vision-versions").text()).doesNotContain("Ontwerp");
        assertThat(web.get("/policy/plans/new?school=" + a).status()).isEqualTo(403);
        assertThat(web.get("/policy/vision/edit?school=" + a).status()).isEqualTo(403);
        assertThat(web.get("/policy/baseline/new?school=" + a).status()).isEqualTo(403);
        assertThat(web.get("/policy/pilots/new?school=" + a).status()).isEqualTo(403);
        var posted = web.post("/policy/plans", Map.of("schoolId", String.valueOf(a), "title", "x", "startYear", "2026", "endYear", "2027"),
                "/policy/plans?school=" + a);
        assertThat(posted.status()).isEqualTo(403);
    }

    @Test
    void rolesWithoutPolicyGetNoPolicyPages() {
        Browserless dpo = Browserless.signIn(port, "dpo", "dpo");
        assertThat(dpo.get("/policy").status()).isEqualTo(403);
        assertThat(dpo.get("/").document().select("#nav-policy")).isEmpty();
        Browserless external = Browserless.signIn(port, "ictdienst", "ictdienst");
        assertThat(external.get("/policy").status()).isEqualTo(403);
        assertThat(external.get("/policy/plans/" + demoPlan(Demo.regenboog(jdbc))).status()).isEqualTo(404);
        assertThat(Api.as("technician", port, jdbc).get("/api/v1/policy/plans").status()).isEqualTo(403);
        assertThat(Api.as("dpo", port, jdbc).get("/api/v1/policy/pilots").status()).isEqualTo(403);
        assertThat(Api.as("dpo", port, jdbc).get("/api/v1/policy/aup/pending").json().size()).isZero();
        assertThat(Api.as("ictdienst", port, jdbc).get("/api/v1/policy/baseline?schoolId=" + Demo.regenboog(jdbc)).status()).isEqualTo(404);
        ok(Api.as("coordinator", port, jdbc).get("/api/v1/policy/plans"), 200);
        map();
    }
}
