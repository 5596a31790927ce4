package be.coordinaat.selfevaluation;

import static be.coordinaat.selfevaluation.SurveyTestData.codes;
import static be.coordinaat.selfevaluation.SurveyTestData.openRound;
import static be.coordinaat.selfevaluation.SurveyTestData.round;
import static be.coordinaat.selfevaluation.SurveyTestData.statements;
import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.selfevaluation.SurveyAnswering.Refusal;
import be.coordinaat.selfevaluation.SurveyAnswering.RefusedException;
import be.coordinaat.support.Api;
import be.coordinaat.support.Browserless;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A round from creation to results through the API and the public answering pages: answers of three groups, a small
 * group that stays anonymous, codes that answer once (also at the same moment), hostile answers refused cleanly, the
 * ten own statements, the rate limit and the policy plan's summary.
 */
@IntegrationTest
class SelfEvaluationIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired PublicRateLimit limits;
    @Autowired SurveyAnswering answering;
    @Autowired SelfEvaluationResults summary;

    @Test
    void threeGroupsAnswerAndTheResultsShowMeansButKeepTheSmallGroupAnonymous() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        long round = openRound(coordinator, a, "SCHOOL_LEADERS", "TEACHERS", "PUPILS");
        SurveyTestData.Visitor visitor = new SurveyTestData.Visitor(port);

        List<Long> teacherStatements = statements(coordinator, round, "TEACHERS");
        List<Long> pupilStatements = statements(coordinator, round, "PUPILS");
        List<Long> leaderStatements = statements(coordinator, round, "SCHOOL_LEADERS");
        assertThat(pupilStatements).hasSizeGreaterThanOrEqualTo(8 * 3);
        List<String> teacherCodes = codes(coordinator, round, "TEACHERS", 6);
        List<String> pupilCodes = codes(coordinator, round, "PUPILS", 5);
        List<String> leaderCodes = codes(coordinator, round, "SCHOOL_LEADERS", 2);
        // teacher i answers (i % 5) + 1 on every statement, the first statement "not applicable" for teacher 0
        for (int i = 0; i < 6; i++) {
            int teacher = i;
            Browserless.Page done = visitor.answer(teacherCodes.get(i), teacherStatements,
                    s -> teacher == 0 && s == 0 ? "NA" : String.valueOf(teacher % 5 + 1));
            assertThat(done.status()).as(done.body()).isEqualTo(302);
            assertThat(done.location()).endsWith("/public/survey/thanks");
        }
        for (String code : pupilCodes) {
            assertThat(visitor.answer(code, pupilStatements, s -> "4").status()).isEqualTo(302);
        }
        for (String code : leaderCodes) {
            assertThat(visitor.answer(code, leaderStatements, s -> "5").status()).isEqualTo(302);
        }
        assertThat(coordinator.post("/api/v1/self-evaluations/" + round + "/close", "").status()).isEqualTo(200);

        Api director = Api.as("director", port, jdbc);
        Api.Response results = director.get("/api/v1/self-evaluations/" + round + "/results");
        assertThat(results.status()).as(results.toString()).isEqualTo(200);
        JsonNode r = results.json();
        Map<String, JsonNode> groups = new LinkedHashMap<>();
        r.get("groups").forEach(g -> groups.put(g.get("group").asString(), g));
        assertThat(groups.get("TEACHERS").get("respondents").asInt()).isEqualTo(6);
        assertThat(groups.get("TEACHERS").get("shown").asBoolean()).isTrue();
        assertThat(groups.get("SCHOOL_LEADERS").get("respondents").asInt()).isEqualTo(2);
        assertThat(groups.get("SCHOOL_LEADERS").get("shown").asBoolean()).isFalse();

        // teachers: values 1,2,3,4,5,1 → mean 16/6 on every statement but the first (teacher 0 said NA: 15/5)
        long second = teacherStatements.get(1);
        for (JsonNode area : r.get("areas")) {
            for (JsonNode g : area.get("groups")) {
                if (g.get("group").asString().equals("SCHOOL_LEADERS")) {
                    assertThat(g.get("score").get("shown").asBoolean()).isFalse();
                    assertThat(g.get("score").get("mean").isNull()).isTrue();
                }
            }
            for (JsonNode s : area.get("statements")) {
                for (JsonNode g : s.get("groups")) {
                    if (g.get("group").asString().equals("SCHOOL_LEADERS")) {
                        assertThat(g.get("shown").asBoolean()).as("leaders per statement").isFalse();
                        assertThat(g.get("mean").isNull()).isTrue();
                        assertThat(g.get("distribution").isNull()).isTrue();
                        assertThat(g.get("answered").isNull()).isTrue();
                    }
                    if (g.get("group").asString().equals("TEACHERS") && s.get("statementId").asLong() == second) {
                        assertThat(g.get("mean").decimalValue()).isEqualByComparingTo(new BigDecimal(16).divide(new BigDecimal(6), 2, RoundingMode.HALF_UP));
                        assertThat(g.get("distribution").toString()).isEqualTo("[2,1,1,1,1]");
                    }
                    if (g.get("group").asString().equals("TEACHERS") && s.get("statementId").asLong() == teacherStatements.get(0)) {
                        assertThat(g.get("notApplicable").asInt()).isEqualTo(1);
                        assertThat(g.get("answered").asInt()).isEqualTo(5);
                    }
                    if (g.get("group").asString().equals("PUPILS")) {
                        assertThat(g.get("mean").decimalValue()).isEqualByComparingTo("4.00");
                    }
                }
            }
        }
        // the strongest and weakest areas are marked (pupils and leaders lift the areas they answer)
        assertThat(r.toString()).contains("\"strongest\":true").contains("\"weakest\":true");

        // the page and the export show the same anonymity
        Browserless page = Browserless.signIn(port, "director", "director");
        var html = page.get("/self-evaluations/" + round + "/results");
        assertThat(html.status()).isEqualTo(200);
        var doc = html.document();
        assertThat(doc.select("#area-chart")).hasSize(1);
        assertThat(doc.select("#count-SCHOOL_LEADERS .too-few")).hasSize(1);
        assertThat(doc.select("#area-table td.group-SCHOOL_LEADERS").eachText()).allMatch(t -> t.equals("te weinig antwoorden"));
        assertThat(doc.select("#strongest")).hasSize(1);
        var csv = director.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/self-evaluations/" + round
                + "/results.csv")).GET());
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains("School leaders").contains("too few responses");
        for (String line : csv.body().split("\r\n")) {
            if (line.contains(";School leaders;")) {
                assertThat(line).as(line).doesNotContain(";5;").doesNotContain("5,00");
            }
        }
        // a used code cannot answer again, and nothing public shows results
        var again = visitor.answer(teacherCodes.get(1), teacherStatements, s -> "3");
        assertThat(again.status()).isIn(409, 410);
        var usedPage = visitor.web.get("/public/survey/c/" + teacherCodes.get(1));
        assertThat(usedPage.status()).isIn(409, 410);
        assertThat(usedPage.body()).doesNotContain("area-chart").doesNotContain("16");
        assertThat(jdbc.sql("SELECT count(*) FROM selfeval_response WHERE round_id = ?").param(round).query(Long.class).single())
                .isEqualTo(13);
        // the history has the round's creation, opening and closing
        assertThat(jdbc.sql("SELECT count(*) FROM history_entry WHERE record_type = 'self-evaluation-round' AND record_id = ?")
                .param(round).query(Long.class).single()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aCodeAnswersOnceAlsoWhenSubmittedManyTimesAtOnce() throws Exception {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long round = openRound(coordinator, Demo.regenboog(jdbc), "PUPILS");
        List<Long> statements = statements(coordinator, round, "PUPILS");
        String code = codes(coordinator, round, "PUPILS", 1).get(0);
        SurveyTestData.Visitor visitor = new SurveyTestData.Visitor(port);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                tasks.add(() -> visitor.answer(code, statements, s -> "3").status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(tasks)) {
                statuses.add(f.get());
            }
            assertThat(statuses.stream().filter(s -> s == 302).count()).as(statuses.toString()).isEqualTo(1);
            assertThat(statuses.stream().filter(s -> s == 409).count()).as(statuses.toString()).isEqualTo(7);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM selfeval_response WHERE round_id = ?").param(round).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM selfeval_answer a JOIN selfeval_response p ON p.id = a.response_id WHERE p.round_id = ?")
                .param(round).query(Long.class).single()).isEqualTo(statements.size());
        // the code typed on the start page leads to the refusal, not to a questionnaire
        var typed = visitor.web.postRaw("/public/survey", Map.of("code", code.toLowerCase(), "_csrf", visitor.csrf));
        assertThat(typed.status()).isEqualTo(302);
        var page = visitor.web.get(typed.location().replaceFirst("^https?://[^/]+", ""));
        assertThat(page.status()).isEqualTo(409);
        assertThat(page.document().select("#answer-form")).isEmpty();
    }

    @Test
    void aGroupLinkGivesEachVisitorOneCodeThatAnswersOnce() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long round = openRound(coordinator, Demo.regenboog(jdbc), "TEACHERS");
        Api.Response links = coordinator.get("/api/v1/self-evaluations/" + round + "/links");
        String path = links.json().get(0).get("url").asString().replaceFirst("^https?://[^/]+", "");
        SurveyTestData.Visitor visitor = new SurveyTestData.Visitor(port);
        var first = visitor.web.get(path);
        assertThat(first.status()).isEqualTo(302);
        String codePath = first.location().replaceFirst("^https?://[^/]+", "");
        assertThat(visitor.web.get(path).location()).as("the same visitor keeps the same code").endsWith(codePath);
        assertThat(new SurveyTestData.Visitor(port).web.get(path).location()).as("another visitor").doesNotEndWith(codePath);
        String code = codePath.substring(codePath.lastIndexOf('/') + 1);
        var form = visitor.web.get(codePath);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.document().select("fieldset.survey-area")).hasSize(8);
        assertThat(visitor.answer(code, statements(coordinator, round, "TEACHERS"), s -> "2").status()).isEqualTo(302);
        assertThat(visitor.web.get(path).status()).as("back to the link after answering").isEqualTo(302);
        assertThat(visitor.web.get(codePath).status()).isEqualTo(409);
        // closed: the link gives no more codes
        coordinator.post("/api/v1/self-evaluations/" + round + "/close", "");
        assertThat(new SurveyTestData.Visitor(port).web.get(path).status()).isEqualTo(410);
        assertThat(Browserless.anonymous(port).get("/public/survey/l/doesNotExistXXXXXXXXXXXXXXXXXXXX").status()).isEqualTo(404);
    }

    @Test
    void hostileAnswersAreRefusedPerFieldAndStoreNothing() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long round = openRound(coordinator, Demo.regenboog(jdbc), "PUPILS", "SCHOOL_LEADERS");
        List<Long> statements = statements(coordinator, round, "PUPILS");
        List<Long> leaderOnly = new ArrayList<>(statements(coordinator, round, "SCHOOL_LEADERS"));
        leaderOnly.removeAll(statements);
        String code = codes(coordinator, round, "PUPILS", 1).get(0);
        SurveyTestData.Visitor visitor = new SurveyTestData.Visitor(port);

        Map<String, String> outOfRange = answers(statements, "3");
        outOfRange.put("a" + statements.get(2), "7");
        var page = visitor.submit(code, outOfRange);
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.document().select(".answer-error").text()).contains("kies een antwoord van 1 tot 5");
        assertThat(page.document().select("input[name=a" + statements.get(0) + "][checked]").attr("value")).as("kept").isEqualTo("3");

        Map<String, String> unknown = answers(statements, "3");
        unknown.put("a999999999", "3");
        assertThat(visitor.submit(code, unknown).status()).isEqualTo(400);
        Map<String, String> otherGroup = answers(statements, "3");
        otherGroup.put("a" + leaderOnly.get(0), "3");
        assertThat(visitor.submit(code, otherGroup).status()).isEqualTo(400);
        Map<String, String> missing = answers(statements, "3");
        missing.remove("a" + statements.get(0));
        var missingPage = visitor.submit(code, missing);
        assertThat(missingPage.status()).isEqualTo(400);
        assertThat(missingPage.document().select("#answer-errors")).hasSize(1);
        Map<String, String> junk = answers(statements, "3");
        junk.put("a" + statements.get(1), "x".repeat(200_000));
        junk.put("<script>", "1");
        assertThat(visitor.submit(code, junk).status()).isEqualTo(400);
        Map<String, String> many = answers(statements, "3");
        for (int i = 0; i < 900; i++) {
            many.put("f" + i, "1");
        }
        var manyPage = visitor.submit(code, many);
        assertThat(manyPage.status()).isBetween(400, 499);
        assertThat(visitor.submit(code, Map.of("a" + statements.get(0), "-1")).status()).isEqualTo(400);
        // without a CSRF token nothing is accepted
        assertThat(Browserless.anonymous(port).postRaw("/public/survey/c/" + code, answers(statements, "3")).status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM selfeval_response WHERE round_id = ?").param(round).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT used_at IS NULL FROM selfeval_code WHERE code = ?").param(code).query(Boolean.class).single()).isTrue();
        // after all that, the real answer goes through
        assertThat(visitor.submit(code, answers(statements, "NA")).status()).isEqualTo(302);
    }

    static Map<String, String> answers(List<Long> statements, String value) {
        Map<String, String> m = new LinkedHashMap<>();
        statements.forEach(s -> m.put("a" + s, value));
        return m;
    }

    @Test
    void hostileApiInputGetsFieldErrors() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        assertThat(field(coordinator.post("/api/v1/self-evaluations", "{\"schoolId\":" + a + ",\"name\":\"x\",\"groups\":[\"FOO\"]}")))
                .isEqualTo("groups[0]");
        assertThat(field(coordinator.post("/api/v1/self-evaluations", "{\"schoolId\":" + a + ",\"name\":\"x\",\"groups\":[],\"bogus\":1}")))
                .isEqualTo("bogus");
        assertThat(field(coordinator.post("/api/v1/self-evaluations", Api.json(Map.of("schoolId", a, "name", "x".repeat(151),
                "groups", List.of("PUPILS")))))).isEqualTo("name");
        assertThat(field(coordinator.post("/api/v1/self-evaluations", Api.json(Map.of("schoolId", a, "name", "x",
                "groups", List.of()))))).isEqualTo("groups");
        long round = round(coordinator, a, "PUPILS");
        assertThat(field(coordinator.post("/api/v1/self-evaluations/" + round + "/codes", "{\"group\":\"PUPILS\",\"count\":501}")))
                .isEqualTo("count");
        assertThat(field(coordinator.post("/api/v1/self-evaluations/" + round + "/codes", "{\"group\":\"TEACHERS\",\"count\":5}")))
                .isEqualTo("group");
        assertThat(coordinator.get("/api/v1/self-evaluations?status=NOPE").status()).isEqualTo(400);
    }

    private static String field(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        return r.json().get("errors").get(0).get("field").asString();
    }

    @Test
    void aRoundTakesTenOwnStatementsAndRefusesTheEleventh() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long round = round(coordinator, Demo.regenboog(jdbc), "TEACHERS", "PUPILS");
        for (int i = 1; i <= 10; i++) {
            var r = coordinator.post("/api/v1/self-evaluations/" + round + "/statements", Api.json(Map.of("area", "LEADERSHIP",
                    "groups", List.of("TEACHERS"), "textNl", "Eigen stelling " + i, "textEn", "Own statement " + i)));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
        }
        var eleventh = coordinator.post("/api/v1/self-evaluations/" + round + "/statements", Api.json(Map.of("area", "LEADERSHIP",
                "groups", List.of("TEACHERS"), "textNl", "Elf", "textEn", "Eleven")));
        assertThat(field(eleventh)).isEqualTo("statements");
        assertThat(eleventh.body()).contains("at most 10");
        // in the form, the same refusal is a clear message
        Browserless web = Browserless.signIn(port, "coordinator", "coordinator");
        var page = web.post("/self-evaluations/" + round + "/statements", Map.of("area", "LEADERSHIP", "groups", "TEACHERS",
                "textNl", "Elf", "textEn", "Eleven"), "/self-evaluations/" + round);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().select("#statement-form .alert-danger").text()).contains("hoogstens 10 eigen stellingen");
        // teachers get the ten, pupils none of them
        assertThat(statements(coordinator, round, "TEACHERS").size() - statements(coordinator, round, "PUPILS").size())
                .isGreaterThanOrEqualTo(10);
        coordinator.post("/api/v1/self-evaluations/" + round + "/open", "");
        long own = jdbc.sql("SELECT min(id) FROM selfeval_statement WHERE round_id = ?").param(round).query(Long.class).single();
        assertThat(coordinator.delete("/api/v1/self-evaluations/" + round + "/statements/" + own).status()).isEqualTo(409);
        assertThat(coordinator.delete("/api/v1/self-evaluations/" + round).status()).isEqualTo(409);
    }

    @Test
    void schoolAUsersSeeNothingOfSchoolBAndRolesWithoutThePermissionAreRefused() {
        Api admin = Api.as("admin", port, jdbc);
        long b = Demo.atheneum(jdbc);
        long roundB = openRound(admin, b, "TEACHERS");
        Api coordinator = Api.as("coordinator", port, jdbc);
        for (long id : new long[] {roundB, 987654321L}) {
            String p = "/api/v1/self-evaluations/" + id;
            assertThat(coordinator.get(p).status()).as(p).isEqualTo(404);
            assertThat(coordinator.put(p, "{\"name\":\"x\",\"groups\":[\"TEACHERS\"]}").status()).isEqualTo(404);
            assertThat(coordinator.delete(p).status()).isEqualTo(404);
            assertThat(coordinator.post(p + "/open", "").status()).isEqualTo(404);
            assertThat(coordinator.post(p + "/close", "").status()).isEqualTo(404);
            assertThat(coordinator.get(p + "/statements").status()).isEqualTo(404);
            assertThat(coordinator.post(p + "/statements", "{\"area\":\"LEADERSHIP\",\"groups\":[\"TEACHERS\"],\"textNl\":\"a\",\"textEn\":\"b\"}").status()).isEqualTo(404);
            assertThat(coordinator.get(p + "/links").status()).isEqualTo(404);
            assertThat(coordinator.get(p + "/codes").status()).isEqualTo(404);
            assertThat(coordinator.post(p + "/codes", "{\"group\":\"TEACHERS\",\"count\":3}").status()).isEqualTo(404);
            assertThat(coordinator.get(p + "/batches").status()).isEqualTo(404);
            assertThat(coordinator.get(p + "/results").status()).isEqualTo(404);
            assertThat(coordinator.get(p + "/results.csv").status()).isEqualTo(404);
        }
        assertThat(coordinator.get("/api/v1/self-evaluations?schoolId=" + b).status()).isEqualTo(404);
        assertThat(coordinator.get("/api/v1/self-evaluations?size=200").body()).doesNotContain("\"id\":" + roundB + ",");
        var create = coordinator.post("/api/v1/self-evaluations", Api.json(Map.of("schoolId", b, "name", "x", "groups", List.of("TEACHERS"))));
        assertThat(create.status()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM selfeval_round_group WHERE round_id = ?").param(roundB).query(Long.class).single()).isEqualTo(1);

        Browserless web = Browserless.signIn(port, "coordinator", "coordinator");
        for (String page : List.of("", "/edit", "/results", "/results.csv", "/codes/1")) {
            assertThat(web.get("/self-evaluations/" + roundB + page).status()).as(page).isEqualTo(404);
        }
        assertThat(web.post("/self-evaluations/" + roundB + "/close", Map.of(), "/self-evaluations").status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT status FROM selfeval_round WHERE id = ?").param(roundB).query(String.class).single()).isEqualTo("OPEN");

        // the director reads results but does not run rounds; staff and the external technician see nothing
        long roundA = openRound(coordinator, Demo.regenboog(jdbc), "TEACHERS");
        Api director = Api.as("director", port, jdbc);
        assertThat(director.get("/api/v1/self-evaluations/" + roundA + "/results").status()).isEqualTo(200);
        assertThat(director.post("/api/v1/self-evaluations/" + roundA + "/close", "").status()).isEqualTo(403);
        assertThat(director.get("/api/v1/self-evaluations/" + roundA + "/links").status()).isEqualTo(403);
        assertThat(director.post("/api/v1/self-evaluations/" + roundA + "/codes", "{\"group\":\"TEACHERS\",\"count\":3}").status()).isEqualTo(403);
        assertThat(director.post("/api/v1/self-evaluations", Api.json(Map.of("schoolId", Demo.regenboog(jdbc), "name", "x",
                "groups", List.of("TEACHERS")))).status()).isEqualTo(403);
        for (String user : List.of("teacher", "ictdienst", "technician")) {
            Api api = Api.as(user, port, jdbc);
            assertThat(api.get("/api/v1/self-evaluations").status()).as(user).isEqualTo(403);
            assertThat(api.get("/api/v1/self-evaluations/" + roundA + "/results").status()).as(user).isIn(403, 404);
            assertThat(Browserless.signIn(port, user, user).get("/self-evaluations").status()).as(user).isEqualTo(403);
        }
    }

    @Test
    void unknownCodesFromOneAddressAreLimitedInTheDatabase() {
        String address = "198.51.100." + (System.nanoTime() % 200);
        assertThat(limits.hit(address + "x", "test", 2, Duration.ofHours(1))).isTrue();
        assertThat(limits.hit(address + "x", "test", 2, Duration.ofHours(1))).isTrue();
        assertThat(limits.hit(address + "x", "test", 2, Duration.ofHours(1))).isFalse();
        for (int i = 0; i < 30; i++) {
            try {
                answering.entry("ZZZZZZZZ", address);
            } catch (RefusedException e) {
                assertThat(e.reason()).isEqualTo(Refusal.UNKNOWN);
            }
        }
        try {
            answering.entry("ZZZZZZZZ", address);
            throw new AssertionError("not limited");
        } catch (RefusedException e) {
            assertThat(e.reason()).isEqualTo(Refusal.TOO_MANY);
        }
    }

    @Test
    void thePolicyPlanReadsTheLatestClosedRoundPerArea() {
        long a = Demo.regenboog(jdbc);
        long latest = jdbc.sql("SELECT id FROM selfeval_round WHERE school_id = ? AND status = 'CLOSED' ORDER BY closed_at DESC, id DESC LIMIT 1")
                .param(a).query(Long.class).single();
        var s = summary.latestClosedRound(a).orElseThrow();
        assertThat(s.roundId()).isEqualTo(latest);
        assertThat(s.areas()).allSatisfy(area -> assertThat(area.respondents()).isGreaterThanOrEqualTo(RoundResults.MIN_RESPONDENTS));
        long demo = jdbc.sql("SELECT id FROM selfeval_round WHERE school_id = ? AND name LIKE 'Zelfevaluatie digitaal leren %' AND status = 'CLOSED' ORDER BY closed_at DESC LIMIT 1")
                .param(a).query(Long.class).single();
        assertThat(jdbc.sql("SELECT count(DISTINCT grp) FROM selfeval_response WHERE round_id = ?").param(demo).query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT min(n) FROM (SELECT count(*) AS n FROM selfeval_response WHERE round_id = ? GROUP BY grp) x")
                .param(demo).query(Long.class).single()).isGreaterThanOrEqualTo(5);
        assertThat(summary.latestClosedRound(987654321L)).isEmpty();
    }
}
