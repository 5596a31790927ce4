package be.coordinaat.budget;

import static be.coordinaat.budget.BudgetTestData.freeYear;
import static be.coordinaat.budget.BudgetTestData.line;
import static be.coordinaat.budget.BudgetTestData.lineBody;
import static be.coordinaat.budget.BudgetTestData.year;
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

/**
 * School scope and roles: the coordinator of school A reads and changes nothing of school B's budget through any
 * endpoint or page, whatever id they try; staff, technicians and the external ICT service have no budget at all.
 */
@IntegrationTest
class BudgetScopeIT {

    static final long GUESSED = 987654321L;

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    record SchoolB(long school, long year, long line) {}

    SchoolB schoolB() {
        Api admin = Api.as("admin", port, jdbc);
        long b = Demo.atheneum(jdbc);
        long year = year(admin, b, freeYear(jdbc, b));
        return new SchoolB(b, year, line(admin, year, "INFRASTRUCTURE", "BOARD", "Wifi blok C", "6480"));
    }

    @Test
    void coordinatorOfAGets404ForSchoolBThroughEveryApiEndpointAlsoForGuessedIds() {
        SchoolB b = schoolB();
        Api coordinator = Api.as("coordinator", port, jdbc);
        for (long id : new long[] {b.year(), GUESSED}) {
            String y = "/api/v1/budget/years/" + id;
            assertThat(coordinator.get(y).status()).as(y).isEqualTo(404);
            assertThat(coordinator.put(y, "{\"closed\":true}").status()).isEqualTo(404);
            assertThat(coordinator.delete(y).status()).isEqualTo(404);
            assertThat(coordinator.get(y + "/lines").status()).isEqualTo(404);
            assertThat(coordinator.get(y + "/overview").status()).isEqualTo(404);
            assertThat(coordinator.post(y + "/lines", lineBody("OTHER", "OTHER", "x", "1")).status()).isEqualTo(404);
            assertThat(coordinator.get(y).contentType()).startsWith("application/problem+json");
        }
        for (long id : new long[] {b.line(), GUESSED}) {
            String l = "/api/v1/budget/lines/" + id;
            assertThat(coordinator.get(l).status()).as(l).isEqualTo(404);
            assertThat(coordinator.put(l, lineBody("OTHER", "OTHER", "x", "1")).status()).isEqualTo(404);
            assertThat(coordinator.delete(l).status()).isEqualTo(404);
        }
        assertThat(coordinator.get("/api/v1/budget/years?school=" + b.school()).status()).isEqualTo(404);
        assertThat(coordinator.get("/api/v1/budget/years?size=200").body()).doesNotContain("\"schoolId\":" + b.school());
        assertThat(coordinator.get("/api/v1/budget/overview?size=200").body()).doesNotContain("\"schoolId\":" + b.school());
        assertThat(coordinator.get("/api/v1/budget/forecast?school=" + b.school()).status()).isEqualTo(404);
        assertThat(coordinator.get("/api/v1/budget/forecast/export.pdf?school=" + b.school()).status()).isEqualTo(404);
        assertThat(coordinator.get("/api/v1/budget/settings?school=" + b.school()).status()).isEqualTo(404);
        var create = coordinator.post("/api/v1/budget/years", Api.json(Map.of("schoolId", b.school(), "startYear", 2090)));
        assertThat(create.status()).isEqualTo(400);
        assertThat(BudgetTestData.fields(create)).containsExactly("schoolId");
        assertThat(coordinator.put("/api/v1/budget/forecast/adjustments", Api.json(Map.of("schoolId", b.school(),
                "startYear", 2026, "kind", "LAPTOP", "count", 1))).status()).isEqualTo(400);
        assertThat(coordinator.post("/api/v1/budget/forecast/convert", Api.json(Map.of("schoolId", b.school(),
                "startYear", 2026, "fundingSource", "OPERATING"))).status()).isEqualTo(400);
        assertThat(coordinator.put("/api/v1/budget/settings", Api.json(Map.of("schoolId", b.school(), "kind", "LAPTOP",
                "lifeYears", 3))).status()).isEqualTo(404);
        // board-wide settings are for board admins
        assertThat(coordinator.put("/api/v1/budget/settings", Api.json(Map.of("kind", "LAPTOP", "lifeYears", 3))).status())
                .isEqualTo(403);
        // nothing changed
        assertThat(jdbc.sql("SELECT closed FROM budget_year WHERE id = ?").param(b.year()).query(Boolean.class).single()).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM budget_line WHERE id = ?").param(b.line()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void rolesWithoutTheBudgetSeeNothingAndTheDirectorManages() {
        long a = Demo.regenboog(jdbc);
        Api coordinator = Api.as("coordinator", port, jdbc);
        long year = year(coordinator, a, freeYear(jdbc, a));
        long line = line(coordinator, year, "OTHER", "OTHER", "Reserve", "10");
        for (String user : new String[] {"teacher", "technician", "ictdienst", "dpo"}) {
            Api api = Api.as(user, port, jdbc);
            assertThat(api.get("/api/v1/budget/years").status()).as(user).isEqualTo(403);
            assertThat(api.get("/api/v1/budget/overview").status()).as(user).isEqualTo(403);
            assertThat(api.get("/api/v1/budget/years/" + year).status()).as(user).isEqualTo(404);
            assertThat(api.get("/api/v1/budget/lines/" + line).status()).as(user).isEqualTo(404);
            assertThat(api.delete("/api/v1/budget/lines/" + line).status()).as(user).isEqualTo(404);
            assertThat(api.get("/api/v1/budget/forecast?school=" + a).status()).as(user).isIn(403, 404);
            assertThat(api.post("/api/v1/budget/years", Api.json(Map.of("schoolId", a, "startYear", 2091))).status()).as(user)
                    .isEqualTo(403);
        }
        Api director = Api.as("director", port, jdbc);
        assertThat(director.get("/api/v1/budget/years/" + year).status()).isEqualTo(200);
        assertThat(director.put("/api/v1/budget/lines/" + line, lineBody("OTHER", "OTHER", "Reserve", "20")).status()).isEqualTo(200);
    }

    @Test
    void pagesOfSchoolBAre404ForTheCoordinatorAndTheBudgetIsForbiddenToStaff() {
        SchoolB b = schoolB();
        Browserless coordinator = Browserless.signIn(port, "coordinator", "coordinator");
        for (String path : new String[] {"/budget/years/" + b.year(), "/budget/years/" + b.year() + "/edit",
                "/budget/years/" + b.year() + "/lines/new", "/budget/lines/" + b.line() + "/edit", "/budget/years/" + GUESSED,
                "/budget/plan?school=" + b.school(), "/budget/plan/export.xlsx?school=" + b.school(),
                "/budget/settings?school=" + b.school(), "/budget?school=" + b.school()}) {
            assertThat(coordinator.get(path).status()).as(path).isEqualTo(404);
        }
        for (String path : new String[] {"/budget/lines/" + b.line() + "/delete", "/budget/years/" + b.year() + "/delete",
                "/budget/lines/" + b.line(), "/budget/years/" + b.year() + "/lines"}) {
            var r = coordinator.post(path, Map.of("description", "x", "planned", "1", "category", "OTHER",
                    "fundingSource", "OTHER"), "/budget");
            assertThat(r.status()).as(path).isEqualTo(404);
        }
        assertThat(coordinator.get("/budget/overview").body()).doesNotContain("data-school=\"" + b.school() + "\"");
        assertThat(jdbc.sql("SELECT count(*) FROM budget_line WHERE id = ?").param(b.line()).query(Long.class).single()).isEqualTo(1);

        Browserless teacher = Browserless.signIn(port, "teacher", "teacher");
        assertThat(teacher.get("/budget").status()).isEqualTo(403);
        assertThat(teacher.get("/budget/overview").status()).isEqualTo(403);
        assertThat(teacher.get("/budget/plan").status()).isEqualTo(403);
        assertThat(teacher.get("/").body()).doesNotContain("nav-budget");
        assertThat(coordinator.get("/").body()).contains("nav-budget");
    }
}
