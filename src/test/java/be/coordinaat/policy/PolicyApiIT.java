package be.coordinaat.policy;

import static be.coordinaat.policy.PolicyTestData.approve;
import static be.coordinaat.policy.PolicyTestData.assertField;
import static be.coordinaat.policy.PolicyTestData.budgetLine;
import static be.coordinaat.policy.PolicyTestData.draftPlan;
import static be.coordinaat.policy.PolicyTestData.history;
import static be.coordinaat.policy.PolicyTestData.map;
import static be.coordinaat.policy.PolicyTestData.ok;
import static be.coordinaat.policy.PolicyTestData.unique;
import static be.coordinaat.policy.PolicyTestData.userId;
import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The policy module through the REST API: vision and plan approval, snapshots, monitoring, review, pilots, AUP, baseline. */
@IntegrationTest
class PolicyApiIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void visionIsDraftedSubmittedApprovedAndAnEditAfterApprovalStartsANewVersion() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        Api director = Api.as("director", port, jdbc);
        Api teacher = Api.as("teacher", port, jdbc);
        long a = Demo.regenboog(jdbc);
        JsonNode before = ok(coordinator.get("/api/v1/policy/vision?schoolId=" + a), 200);
        Integer version = before.get("current").isNull() ? null : before.get("current").get("version").asInt();
        String text = unique("ICT ondersteunt het leren.") + "\n\nWe kiezen voor één platform.";
        JsonNode saved = ok(coordinator.put("/api/v1/policy/vision", Api.json(map("schoolId", a, "body", text, "version", version))), 200);
        long id = saved.get("id").asLong();
        assertThat(saved.get("status").asString()).isEqualTo("DRAFT");
        assertThat(teacher.get("/api/v1/policy/vision/" + id).status()).as("staff never see drafts").isEqualTo(404);
        assertThat(ok(teacher.get("/api/v1/policy/vision?schoolId=" + a), 200).get("versions").findValuesAsString("status"))
                .containsOnly("APPROVED");

        assertThat(director.post("/api/v1/policy/vision/" + id + "/approve", "").status()).as("not submitted").isEqualTo(409);
        ok(coordinator.post("/api/v1/policy/vision/" + id + "/submit", ""), 200);
        assertThat(coordinator.put("/api/v1/policy/vision", Api.json(map("schoolId", a, "body", "x"))).status())
                .as("with the director").isEqualTo(409);
        assertThat(coordinator.post("/api/v1/policy/vision/" + id + "/approve", "").status()).as("coordinator").isEqualTo(403);
        assertField(director.post("/api/v1/policy/vision/" + id + "/return", Api.json(map("remarks", " "))), "remarks");
        JsonNode returned = ok(director.post("/api/v1/policy/vision/" + id + "/return", Api.json(map("remarks", "Meer over mediawijsheid"))), 200);
        assertThat(returned.get("status").asString()).isEqualTo("RETURNED");
        ok(coordinator.put("/api/v1/policy/vision", Api.json(map("schoolId", a, "body", text + "\n\nMediawijsheid in elk leerjaar."))), 200);
        ok(coordinator.post("/api/v1/policy/vision/" + id + "/submit", ""), 200);
        JsonNode approved = ok(director.post("/api/v1/policy/vision/" + id + "/approve", ""), 200);
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("decidedBy").asString()).contains("director");
        assertThat(ok(teacher.get("/api/v1/policy/vision/" + id), 200).get("body").asString()).contains("Mediawijsheid");

        JsonNode next = ok(coordinator.put("/api/v1/policy/vision", Api.json(map("schoolId", a, "body", text + "\n\nNieuw."))), 200);
        assertThat(next.get("id").asLong()).isNotEqualTo(id);
        assertThat(next.get("number").asInt()).isEqualTo(approved.get("number").asInt() + 1);
        assertThat(ok(teacher.get("/api/v1/policy/vision/" + id), 200).get("body").asString()).doesNotContain("Nieuw.");
        JsonNode diff = ok(coordinator.get("/api/v1/policy/vision/" + next.get("id").asLong() + "/diff"), 200);
        assertThat(diff.findValuesAsString("kind")).contains("ADDED");
        assertThat(history(jdbc, "policy_vision", id)).anyMatch(h -> h.contains("APPROVED") && h.contains("Dirk Directeur"));
    }

    @Test
    void planIsApprovedFrozenAsSnapshotRevisedMonitoredReviewedAndCarriedOver() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        Api director = Api.as("director", port, jdbc);
        Api teacher = Api.as("teacher", port, jdbc);
        long a = Demo.regenboog(jdbc);
        String title = unique("Beleidsplan");
        long[] ids = draftPlan(coordinator, a, title);
        long plan = ids[0];
        long goal = ids[1];
        long line = budgetLine(jdbc, a, unique("Chromebooks"));
        jdbc.sql("INSERT INTO budget_booking (line_id, school_id, source_type, source_id, kind, amount, booked_on) VALUES (?, ?, 'test', 1, 'SPENT', 250.00, DATE '2026-10-01')")
                .params(line, a).update();
        long owner = userId(jdbc, "teacher");
        JsonNode withLine = ok(coordinator.post("/api/v1/policy/goals/" + goal + "/actions", Api.json(map("title", "Chromebooks kopen",
                "horizon", "LONG", "budgetLineId", line, "ownerUserId", owner, "startDate", "2026-10-01", "deadline", "2027-03-01"))), 201);
        assertThat(withLine.get("budgetLineLabel").asString()).contains("Chromebooks");
        assertThat(withLine.get("ownerName").asString()).isEqualTo("Tine Leerkracht");

        // staff see no drafts
        assertThat(teacher.get("/api/v1/policy/plans/" + plan).status()).isEqualTo(404);
        assertThat(ok(teacher.get("/api/v1/policy/plans?schoolId=" + a), 200).findValuesAsString("title")).doesNotContain(title);
        // comments while drafting, by both
        ok(director.post("/api/v1/policy/plans/" + plan + "/comments", Api.json(map("goalId", goal, "body", "Kan dit sneller?"))), 201);
        assertThat(ok(coordinator.get("/api/v1/policy/plans/" + plan + "/comments"), 200).findValuesAsString("body")).contains("Kan dit sneller?");
        assertThat(teacher.get("/api/v1/policy/plans/" + plan + "/comments").status()).isEqualTo(404);

        approve(coordinator, director, plan);
        assertThat(coordinator.post("/api/v1/policy/goals/" + goal + "/actions", Api.json(map("title", "x", "horizon", "SHORT"))).status())
                .as("frozen").isEqualTo(409);
        JsonNode seen = ok(teacher.get("/api/v1/policy/plans/" + plan), 200);
        assertThat(seen.get("snapshotNumber").asInt()).isEqualTo(1);
        assertThat(seen.get("goals").get(0).get("themes").findValuesAsString("")).isEmpty();
        assertThat(seen.get("goals").get(0).get("themes").toString()).contains("A1").contains("A2");

        // progress is kept up to date in an approved plan
        long action = withLine.get("id").asLong();
        JsonNode progressed = ok(coordinator.post("/api/v1/policy/actions/" + action + "/progress", Api.json(map("status", "DONE",
                "evidence", "Geleverd", "evidenceUrl", "https://example.org/levering"))), 200);
        assertThat(progressed.get("status").asString()).isEqualTo("DONE");
        assertField(coordinator.post("/api/v1/policy/actions/" + action + "/progress", Api.json(map("status", "DONE",
                "evidenceUrl", "javascript:alert(1)"))), "evidenceUrl");

        JsonNode monitor = ok(coordinator.get("/api/v1/policy/plans/" + plan + "/monitor"), 200);
        assertThat(monitor.get("goals").get(0).get("done").asLong()).isEqualTo(1);
        assertThat(monitor.get("goals").get(0).get("total").asLong()).isEqualTo(2);
        assertThat(monitor.get("budget").get(0).get("spent").decimalValue()).isEqualByComparingTo("250.00");
        assertThat(monitor.get("budget").get(0).get("planned").decimalValue()).isEqualByComparingTo("1000.00");
        // null until the self-evaluation module has a closed round for the school
        assertThat(monitor.has("selfEvaluation")).isTrue();
        assertThat(teacher.get("/api/v1/policy/plans/" + plan + "/monitor").status()).isEqualTo(404);

        // revise: a new version; staff keep seeing the approved one
        JsonNode revised = ok(coordinator.post("/api/v1/policy/plans/" + plan + "/revise", ""), 200);
        assertThat(revised.get("status").asString()).isEqualTo("DRAFT");
        assertThat(revised.get("number").asInt()).isEqualTo(2);
        ok(coordinator.put("/api/v1/policy/goals/" + goal, Api.json(map("title", "Gewijzigd doel", "themes", List.of("B")))), 200);
        assertThat(ok(teacher.get("/api/v1/policy/plans/" + plan), 200).get("goals").get(0).get("title").asString())
                .isEqualTo("Alle leraren gebruiken het leerplatform");
        assertThat(ok(coordinator.get("/api/v1/policy/plans/" + plan + "/versions/1"), 200).get("goals").get(0).get("title").asString())
                .isEqualTo("Alle leraren gebruiken het leerplatform");
        assertThat(jdbc.sql("SELECT count(*) FROM policy_plan_snapshot WHERE plan_id = ?").param(plan).query(Long.class).single()).isEqualTo(1);

        // yearly review and carrying over into the next plan
        assertField(coordinator.post("/api/v1/policy/goals/" + goal + "/review", Api.json(map("conclusion", "CONTINUE", "schoolYear", "1999-2000"))), "schoolYear");
        ok(coordinator.post("/api/v1/policy/goals/" + goal + "/review", Api.json(map("conclusion", "ADJUST", "remark", "Trager dan gedacht",
                "schoolYear", "2026-2027"))), 200);
        JsonNode next = ok(coordinator.post("/api/v1/policy/plans", Api.json(map("schoolId", a, "title", unique("Volgend plan"),
                "startYear", 2029, "endYear", 2032, "carryFromPlanId", plan))), 201);
        assertThat(next.get("goals").size()).isEqualTo(1);
        assertThat(next.get("goals").get(0).get("title").asString()).isEqualTo("Gewijzigd doel");
        assertThat(next.get("goals").get(0).get("carriedFromId").asLong()).isEqualTo(goal);
        assertThat(next.get("goals").get(0).get("actions").findValuesAsString("title")).containsExactly("Vorming Smartschool");

        assertThat(history(jdbc, "policy_plan", plan)).anyMatch(h -> h.contains("APPROVED"));
        assertThat(history(jdbc, "policy_action", action)).anyMatch(h -> h.contains("DONE") && h.contains("Geleverd"));
    }

    @Test
    void planPdfHasTheVisionGoalsActionsTimelineAndBudgetInDutchAndEnglish() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        Api director = Api.as("director", port, jdbc);
        long a = Demo.regenboog(jdbc);
        String title = unique("PDF-plan");
        long[] ids = draftPlan(coordinator, a, title);
        approve(coordinator, director, ids[0]);
        String nl = PolicyTestData.pdfText(PolicyTestData.bytes(jdbc, port, "teacher", "/api/v1/policy/plans/" + ids[0] + "/pdf"));
        assertThat(nl).contains(title).contains("Visie").contains("Beginsituatie").containsAnyOf("Nog geen zelfevaluatie", "Laatste zelfevaluatie")
                .contains("Doelen en acties").contains("Alle leraren gebruiken het leerplatform").contains("Vorming Smartschool")
                .contains("Tijdlijn").contains("Schooljaar 2026-2027").contains("Budget").contains("350,00")
                .contains("Pedagogiek: toepassing in de klas");
        String en = PolicyTestData.pdfText(PolicyTestData.bytes(jdbc, port, "coordinator", "/api/v1/policy/plans/" + ids[0] + "/pdf?lang=en"));
        assertThat(en).contains(title).contains("Starting situation").contains("Goals and actions").contains("Timeline")
                .contains("School year 2026-2027").containsAnyOf("No self-evaluation yet", "Latest self-evaluation");
    }

    @Test
    void badPlanInputGetsFieldErrorsNeverA500() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        long b = Demo.atheneum(jdbc);
        assertField(coordinator.post("/api/v1/policy/plans", Api.json(map("schoolId", a, "title", "x", "startYear", 2029, "endYear", 2026))), "endYear");
        assertField(coordinator.post("/api/v1/policy/plans", Api.json(map("schoolId", a, "title", " ", "startYear", 2026, "endYear", 2027))), "title");
        assertField(coordinator.post("/api/v1/policy/plans", Api.json(map("schoolId", a, "title", "x".repeat(201), "startYear", 2026, "endYear", 2027))), "title");
        assertThat(coordinator.post("/api/v1/policy/plans", Api.json(map("schoolId", a, "title", "x", "startYear", "twintig", "endYear", 2027))).status()).isEqualTo(400);
        assertThat(coordinator.post("/api/v1/policy/plans", Api.json(map("schoolId", a, "title", "x", "startYear", 2026, "endYear", 2027, "hacker", true))).status())
                .as("unknown field").isEqualTo(400);
        assertThat(coordinator.post("/api/v1/policy/plans", Api.json(map("schoolId", a, "title", "a\u0000b", "startYear", 2026, "endYear", 2027))).status())
                .as("NUL").isEqualTo(400);
        assertField(coordinator.post("/api/v1/policy/plans", Api.json(map("schoolId", b, "title", "x", "startYear", 2026, "endYear", 2027))), "schoolId");
        assertField(coordinator.post("/api/v1/policy/plans", Api.json(map("schoolId", 987654321, "title", "x", "startYear", 2026, "endYear", 2027))), "schoolId");

        long[] ids = draftPlan(coordinator, a, unique("Fouten"));
        long goal = ids[1];
        assertThat(coordinator.post("/api/v1/policy/plans/" + ids[0] + "/goals", Api.json(map("title", "x", "area", "NONSENSE"))).status()).isEqualTo(400);
        assertThat(coordinator.post("/api/v1/policy/plans/" + ids[0] + "/goals", Api.json(map("title", "x", "themes", List.of("Z")))).status()).isEqualTo(400);
        long lineB = budgetLine(jdbc, b, unique("Lijn B"));
        long lineA = budgetLine(jdbc, a, unique("Lijn A"));
        assertField(coordinator.post("/api/v1/policy/goals/" + goal + "/actions", Api.json(map("title", "x", "horizon", "SHORT", "budgetLineId", lineB))), "budgetLineId");
        assertField(coordinator.post("/api/v1/policy/goals/" + goal + "/actions", Api.json(map("title", "x", "horizon", "SHORT", "budgetLineId", lineA, "amount", 5))), "amount");
        assertField(coordinator.post("/api/v1/policy/goals/" + goal + "/actions", Api.json(map("title", "x", "horizon", "SHORT", "amount", "1.234"))), "amount");
        assertField(coordinator.post("/api/v1/policy/goals/" + goal + "/actions", Api.json(map("title", "x", "horizon", "SHORT", "amount", -3))), "amount");
        assertField(coordinator.post("/api/v1/policy/goals/" + goal + "/actions", Api.json(map("title", "x", "horizon", "SHORT",
                "ownerUserId", userId(jdbc, "ictdienst")))), "ownerUserId");
        assertField(coordinator.post("/api/v1/policy/goals/" + goal + "/actions", Api.json(map("title", "x", "horizon", "SHORT",
                "startDate", "2027-01-02", "deadline", "2027-01-01"))), "deadline");
        assertField(coordinator.post("/api/v1/policy/goals/" + goal + "/actions", Api.json(map("title", "x"))), "horizon");
        assertThat(coordinator.post("/api/v1/policy/goals/" + goal + "/actions", Api.json(map("title", "x", "horizon", "SHORT", "deadline", "31/12/2027"))).status())
                .isEqualTo(400);
        // stale version
        JsonNode plan = ok(coordinator.get("/api/v1/policy/plans/" + ids[0]), 200);
        ok(coordinator.put("/api/v1/policy/plans/" + ids[0], Api.json(map("schoolId", a, "title", "Nieuw", "startYear", 2026, "endYear", 2029,
                "version", plan.get("version").asInt()))), 200);
        assertThat(coordinator.put("/api/v1/policy/plans/" + ids[0], Api.json(map("schoolId", a, "title", "Nieuwer", "startYear", 2026,
                "endYear", 2029, "version", plan.get("version").asInt()))).status()).isEqualTo(409);
        assertThat(coordinator.post("/api/v1/policy/plans/" + ids[0] + "/submit", "").status()).isEqualTo(200);
        assertThat(coordinator.delete("/api/v1/policy/plans/" + ids[0]).status()).as("never approved").isEqualTo(204);
    }

    @Test
    void pilotsLinkGoalsAndToolsOfTheSchoolOnly() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        long b = Demo.atheneum(jdbc);
        long[] ids = draftPlan(coordinator, a, unique("Pilotplan"));
        long software = jdbc.sql("SELECT min(id) FROM software").query(Long.class).single();
        JsonNode pilot = ok(coordinator.post("/api/v1/policy/pilots", Api.json(map("schoolId", a, "title", unique("Scratch in 4B"),
                "className", "4B", "softwareId", software, "teacherUserId", userId(jdbc, "teacher"), "startDate", "2026-10-01",
                "endDate", "2026-12-01", "outcome", "Goed", "scaleUp", "MAYBE", "goalIds", List.of(ids[1])))), 201);
        assertThat(pilot.get("softwareName").isNull()).isFalse();
        assertThat(pilot.get("goals").findValuesAsString("title")).containsExactly("Alle leraren gebruiken het leerplatform");
        long goalB = jdbc.sql("SELECT min(id) FROM policy_goal WHERE school_id = ?").param(b).query(Long.class).single();
        assertField(coordinator.post("/api/v1/policy/pilots", Api.json(map("schoolId", a, "title", "x", "goalIds", List.of(goalB)))), "goalIds");
        assertField(coordinator.post("/api/v1/policy/pilots", Api.json(map("schoolId", a, "title", "x", "softwareId", software, "toolName", "y"))), "toolName");
        assertField(coordinator.post("/api/v1/policy/pilots", Api.json(map("schoolId", a, "title", "x", "softwareId", 987654321))), "softwareId");
        assertField(coordinator.post("/api/v1/policy/pilots", Api.json(map("schoolId", a, "title", "x", "startDate", "2026-10-01", "endDate", "2026-09-01"))), "endDate");
        assertThat(coordinator.post("/api/v1/policy/pilots", Api.json(map("schoolId", a, "title", "x", "scaleUp", "PERHAPS"))).status()).isEqualTo(400);
        JsonNode found = ok(coordinator.get("/api/v1/policy/pilots?schoolId=" + a + "&q=scratch&scaleUp=MAYBE"), 200);
        assertThat(found.findValuesAsString("title")).contains(pilot.get("title").asString());
        assertThat(ok(Api.as("teacher", port, jdbc).get("/api/v1/policy/pilots/" + pilot.get("id").asLong()), 200).get("goals").size())
                .as("a draft plan's goal stays hidden from staff").isZero();
        assertThat(history(jdbc, "policy_pilot", pilot.get("id").asLong())).hasSize(1);
    }

    @Test
    void staffAcknowledgeTheCurrentPolicyAndClassesAreRecordedForPupils() {
        Api admin = Api.as("admin", port, jdbc);
        Api teacher = Api.as("teacher", port, jdbc);
        long b = Demo.atheneum(jdbc);
        JsonNode draft = ok(admin.put("/api/v1/policy/aup", Api.json(map("schoolId", b, "audience", "STAFF", "title", unique("Reglement"),
                "body", "1. Deel je wachtwoord niet."))), 200);
        long id = draft.get("id").asLong();
        assertThat(Api.as("technician", port, jdbc).get("/api/v1/policy/aup/" + id).status()).isEqualTo(404);
        ok(admin.post("/api/v1/policy/aup/" + id + "/publish", ""), 200);
        // school B has no staff with a policy role: technicians and the external ICT service do not acknowledge
        JsonNode status = ok(admin.get("/api/v1/policy/aup/" + id + "/acknowledgements"), 200);
        assertThat(status.get("pendingStaff").findValuesAsString("name")).doesNotContain("Theo Technicus", "Theo Vanneste (ICT-dienst)");
        assertThat(admin.post("/api/v1/policy/aup/" + id + "/acknowledge", "").status()).isEqualTo(204);

        long a = Demo.regenboog(jdbc);
        JsonNode staffA = ok(admin.put("/api/v1/policy/aup", Api.json(map("schoolId", a, "audience", "STAFF", "title", unique("Reglement A"),
                "body", "Versie voor de test."))), 200);
        ok(admin.post("/api/v1/policy/aup/" + staffA.get("id").asLong() + "/publish", ""), 200);
        assertThat(ok(teacher.get("/api/v1/policy/aup/pending"), 200).findValuesAsString("title")).contains(staffA.get("title").asString());
        assertThat(ok(admin.get("/api/v1/policy/aup/" + staffA.get("id").asLong() + "/acknowledgements"), 200).get("pendingStaff")
                .findValuesAsString("name")).contains("Koen Coördinator", "Dirk Directeur", "Tine Leerkracht");
        assertThat(teacher.post("/api/v1/policy/aup/" + staffA.get("id").asLong() + "/acknowledge", "").status()).isEqualTo(204);
        assertThat(teacher.post("/api/v1/policy/aup/" + staffA.get("id").asLong() + "/acknowledge", "").status()).as("twice is fine").isEqualTo(204);
        assertThat(ok(teacher.get("/api/v1/policy/aup/pending"), 200).size()).isZero();
        assertThat(ok(admin.get("/api/v1/policy/aup/" + staffA.get("id").asLong() + "/acknowledgements"), 200).get("acknowledged")
                .findValuesAsString("name")).contains("Tine Leerkracht");
        assertThat(teacher.get("/api/v1/policy/aup/" + staffA.get("id").asLong() + "/acknowledgements").status()).isEqualTo(403);

        long pupils = ok(admin.get("/api/v1/policy/aup?schoolId=" + a), 200).get(1).get("current").get("id").asLong();
        String className = jdbc.sql("SELECT min(class_name) FROM person WHERE kind = 'PUPIL' AND ? = ANY(school_ids)").param(a)
                .query(String.class).single();
        assertField(admin.post("/api/v1/policy/aup/" + pupils + "/classes", Api.json(map("className", "ZZ9", "acknowledgedOn", "2026-09-05"))), "className");
        assertField(admin.post("/api/v1/policy/aup/" + pupils + "/classes", Api.json(map("className", className, "acknowledgedOn", "2099-09-05"))), "acknowledgedOn");
        JsonNode recorded = ok(admin.post("/api/v1/policy/aup/" + pupils + "/classes", Api.json(map("className", className,
                "acknowledgedOn", java.time.LocalDate.now().toString(), "note", "Klasgesprek"))), 201);
        assertThat(recorded.get("classes").findValuesAsString("className")).contains(className);
        assertThat(recorded.get("pendingClasses").findValuesAsString("")).doesNotContain(className);
        assertThat(history(jdbc, "policy_aup", pupils)).anyMatch(h -> h.contains(className));
    }

    @Test
    void baselineIsSeededUpdatedAndAnItemBecomesAPlanAction() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        JsonNode baseline = ok(coordinator.get("/api/v1/policy/baseline?schoolId=" + a), 200);
        assertThat(baseline.get("items").findValuesAsString("code")).contains("MFA_STAFF", "BACKUPS_TESTED", "DISK_ENCRYPTION",
                "SEPARATE_ADMIN_ACCOUNTS", "WIFI_SEGMENTED", "AWARENESS_TRAINING", "DEVICES_UPDATED");
        long item = 0;
        for (JsonNode i : baseline.get("items")) {
            if ("DISK_ENCRYPTION".equals(i.get("code").asString())) {
                item = i.get("id").asLong();
            }
        }
        JsonNode updated = ok(coordinator.put("/api/v1/policy/baseline/" + item, Api.json(map("status", "PARTIAL",
                "ownerUserId", userId(jdbc, "technician"), "evidence", "BitLocker op 12 van 20 laptops", "reviewDate", "2027-01-15"))), 200);
        assertThat(updated.get("ownerName").asString()).contains("Theo Technicus");
        assertThat(coordinator.delete("/api/v1/policy/baseline/" + item).status()).as("standard item").isEqualTo(409);
        assertField(coordinator.post("/api/v1/policy/baseline", Api.json(map("schoolId", a, "status", "DONE"))), "title");
        long[] ids = draftPlan(coordinator, a, unique("Veiligheid"));
        JsonNode action = ok(coordinator.post("/api/v1/policy/baseline/" + item + "/action", Api.json(map("goalId", ids[1], "horizon", "SHORT",
                "deadline", "2027-02-01"))), 201);
        assertThat(action.get("title").asString()).isEqualTo("Schijfversleuteling op laptops van personeel");
        assertThat(ok(coordinator.get("/api/v1/policy/baseline/" + item), 200).get("actionId").asLong()).isEqualTo(action.get("id").asLong());
        long goalB = jdbc.sql("SELECT min(id) FROM policy_goal WHERE school_id = ?").param(Demo.atheneum(jdbc)).query(Long.class).single();
        assertField(coordinator.post("/api/v1/policy/baseline/" + item + "/action", Api.json(map("goalId", goalB, "horizon", "SHORT"))), "goalId");
        assertThat(history(jdbc, "policy_baseline_item", item)).anyMatch(h -> h.contains("BitLocker"));
    }
}
