package be.coordinaat.budget;

import static be.coordinaat.budget.BudgetTestData.freeYear;
import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Browserless;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.math.BigDecimal;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The budget forms and pages through the real sign-in: Belgian amounts, field errors for hostile input, overviews. */
@IntegrationTest
class BudgetPagesIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void formsTakeBelgianAmountsAndShowFieldErrorsForHostileInput() {
        long a = Demo.regenboog(jdbc);
        int start = freeYear(jdbc, a);
        Browserless web = Browserless.signIn(port, "coordinator", "coordinator");
        var created = web.post("/budget/years", Map.of("schoolId", String.valueOf(a), "kind", "SCHOOL_YEAR",
                "startYear", String.valueOf(start), "notes", "Test"), "/budget/years/new");
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        long year = Long.parseLong(created.location().replaceAll(".*/budget/years/", ""));
        String form = "/budget/years/" + year + "/lines/new";
        for (String hostile : new String[] {"-5", "12.345", "1,005", "abc", "99999999999", "1.2345", ""}) {
            var r = web.post("/budget/years/" + year + "/lines", Map.of("category", "PUPIL_DEVICES", "fundingSource", "OPERATING",
                    "description", "Chromebooks", "planned", hostile), form);
            assertThat(r.status()).as(hostile).isEqualTo(200);
            Document page = r.document();
            assertThat(page.select("#planned-error").text()).as(hostile).isNotBlank();
            assertThat(page.select("#planned").hasClass("is-invalid")).isTrue();
        }
        var badEnum = web.post("/budget/years/" + year + "/lines", Map.of("category", "NOPE", "fundingSource", "OPERATING",
                "description", "", "planned", "5"), form);
        assertThat(badEnum.status()).isEqualTo(200);
        assertThat(badEnum.document().select(".invalid-feedback").text()).isNotBlank();
        assertThat(jdbc.sql("SELECT count(*) FROM budget_line WHERE budget_year_id = ?").param(year).query(Long.class).single()).isZero();

        var ok = web.post("/budget/years/" + year + "/lines", Map.of("category", "PUPIL_DEVICES", "fundingSource", "GOVERNMENT_ICT",
                "description", "Chromebooks 5de leerjaar", "planned", "€ 8.400,50"), form);
        assertThat(ok.status()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT planned FROM budget_line WHERE budget_year_id = ?").param(year).query(BigDecimal.class).single())
                .isEqualByComparingTo("8400.50");
        Document page = web.get("/budget/years/" + year).document();
        assertThat(page.select("#total-planned").text()).isEqualTo("€ 8.400,50");
        assertThat(page.select("#budget-chart svg polyline.chart-spent").attr("points")).isNotBlank();
        assertThat(page.select("#by-category").text()).contains("Toestellen voor leerlingen");
        long line = jdbc.sql("SELECT id FROM budget_line WHERE budget_year_id = ?").param(year).query(Long.class).single();
        Document edit = web.get("/budget/lines/" + line + "/edit").document();
        assertThat(edit.select("#planned").val()).isEqualTo("8400,50");
        var conflict = web.post("/budget/lines/" + line, Map.of("category", "PUPIL_DEVICES", "fundingSource", "GOVERNMENT_ICT",
                "description", "Chromebooks", "planned", "1", "version", "99"), "/budget/lines/" + line + "/edit");
        assertThat(conflict.status()).isEqualTo(200);
        assertThat(conflict.document().select(".alert-danger").text()).isNotBlank();

        var closed = web.post("/budget/years/" + year, Map.of("closed", "true", "notes", "Afgesloten", "version", "0"),
                "/budget/years/" + year + "/edit");
        assertThat(closed.status()).isEqualTo(302);
        assertThat(web.get("/budget/years/" + year).document().select("#new-line")).isEmpty();
        var refused = web.post("/budget/years/" + year + "/lines", Map.of("category", "OTHER", "fundingSource", "OTHER",
                "description", "Te laat", "planned", "5"), "/budget/years/" + year);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.document().select(".alert-danger").text()).contains("afgesloten");
    }

    @Test
    void overviewPlanAndSettingsPagesShowTheDemoBudget() {
        Browserless admin = Browserless.signIn(port, "admin", "admin");
        Document board = admin.get("/budget/overview").document();
        assertThat(board.select("#board-schools tbody tr").size()).isGreaterThanOrEqualTo(2);
        assertThat(board.text()).contains("De Regenboog");
        assertThat(admin.get("/budget/overview?on=garbage&sort=nonsense&community=abc&page=-3").status()).isEqualTo(200);
        Browserless coordinator = Browserless.signIn(port, "coordinator", "coordinator");
        Document years = coordinator.get("/budget").document();
        assertThat(years.select("#years tbody tr").size()).isGreaterThanOrEqualTo(2);
        Document plan = coordinator.get("/budget/plan").document();
        assertThat(plan.select("#forecast")).isNotEmpty();
        assertThat(plan.select("#plan-totals .plan-year-total").size()).isEqualTo(5);
        assertThat(plan.select("#export-pdf").attr("href")).contains("export.pdf");
        var pdf = coordinator.get(plan.select("#export-pdf").attr("href"));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF");
        Document settings = coordinator.get("/budget/settings?school=" + Demo.regenboog(jdbc)).document();
        assertThat(settings.select("#life-CHROMEBOOK")).isNotEmpty();
        var saved = coordinator.post("/budget/settings", Map.of("schoolId", String.valueOf(Demo.regenboog(jdbc)), "kind", "PRINTER",
                "lifeYears", "abc"), "/budget/settings");
        assertThat(saved.status()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT count(*) FROM budget_asset_life WHERE school_id = ? AND kind = 'PRINTER'")
                .param(Demo.regenboog(jdbc)).query(Long.class).single()).isZero();
    }
}
