package be.coordinaat.budget;

import static be.coordinaat.budget.BudgetTestData.book;
import static be.coordinaat.budget.BudgetTestData.fields;
import static be.coordinaat.budget.BudgetTestData.freeYear;
import static be.coordinaat.budget.BudgetTestData.line;
import static be.coordinaat.budget.BudgetTestData.lineBody;
import static be.coordinaat.budget.BudgetTestData.money;
import static be.coordinaat.budget.BudgetTestData.year;
import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Budget years, lines, overviews and hostile input through the REST API, with bookings made through the ledger. */
@IntegrationTest
class BudgetApiIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired BudgetLedger ledger;
    @Autowired PlatformTransactionManager transactions;

    TransactionTemplate tx() {
        return new TransactionTemplate(transactions);
    }

    @Test
    void coordinatorPlansAYearBelgianAndJsonAmountsAreExactAndBookingsShowCommittedSpentAndRemaining() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        int start = freeYear(jdbc, a);
        long year = year(coordinator, a, start);
        JsonNode y = coordinator.get("/api/v1/budget/years/" + year).json();
        assertThat(y.get("label").asString()).isEqualTo(start + "-" + (start + 1));
        assertThat(y.get("startsOn").asString()).isEqualTo(start + "-09-01");
        assertThat(y.get("endsOn").asString()).isEqualTo((start + 1) + "-08-31");

        long chromebooks = line(coordinator, year, "PUPIL_DEVICES", "GOVERNMENT_ICT", "Chromebooks 5de leerjaar", "8.400,50");
        long laptops = line(coordinator, year, "STAFF_DEVICES", "OPERATING", "Laptops leerkrachten", 2850.25);
        long smartschool = line(coordinator, year, "SOFTWARE_LICENCES", "OPERATING", "Smartschool", "1234.56");
        assertThat(money(coordinator.get("/api/v1/budget/lines/" + chromebooks).json().get("planned"))).isEqualByComparingTo("8400.50");
        assertThat(coordinator.get("/api/v1/budget/lines/" + laptops).body()).contains("\"planned\":2850.25");

        LocalDate sep = LocalDate.of(start, 9, 15);
        book(ledger, tx(), a, chromebooks, BudgetLedger.Kind.COMMITTED, "8000.00", sep);
        book(ledger, tx(), a, laptops, BudgetLedger.Kind.SPENT, "2900.00", sep.plusMonths(2));
        book(ledger, tx(), a, smartschool, BudgetLedger.Kind.SPENT, "1234.56", LocalDate.of(start, 1, 5)); // before the year

        JsonNode laptop = coordinator.get("/api/v1/budget/lines/" + laptops).json();
        assertThat(money(laptop.get("spent"))).isEqualByComparingTo("2900.00");
        assertThat(money(laptop.get("remaining"))).isEqualByComparingTo("-49.75");
        assertThat(laptop.get("overBudget").asBoolean()).isTrue();

        JsonNode totals = coordinator.get("/api/v1/budget/years/" + year).json().get("totals");
        assertThat(money(totals.get("planned"))).isEqualByComparingTo("12485.31");
        assertThat(money(totals.get("committed"))).isEqualByComparingTo("8000.00");
        assertThat(money(totals.get("spent"))).isEqualByComparingTo("4134.56");
        assertThat(money(totals.get("remaining"))).isEqualByComparingTo("350.75");
        assertThat(coordinator.get("/api/v1/budget/years/" + year).json().get("linesOverBudget").asLong()).isEqualTo(1);

        // lines: sorted and filtered in SQL
        JsonNode over = coordinator.get("/api/v1/budget/years/" + year + "/lines?over=true").json();
        assertThat(over.get("total").asLong()).isEqualTo(1);
        assertThat(over.get("items").get(0).get("id").asLong()).isEqualTo(laptops);
        JsonNode byRemaining = coordinator.get("/api/v1/budget/years/" + year + "/lines?sort=-remaining").json().get("items");
        assertThat(byRemaining.get(0).get("id").asLong()).isEqualTo(chromebooks);
        assertThat(byRemaining.get(2).get("id").asLong()).isEqualTo(laptops);
        assertThat(coordinator.get("/api/v1/budget/years/" + year + "/lines?category=SOFTWARE_LICENCES").json().get("total").asLong())
                .isEqualTo(1);
        assertThat(coordinator.get("/api/v1/budget/years/" + year + "/lines?q=smart").json().get("total").asLong()).isEqualTo(1);

        // overview: per category and source, cumulative months (a booking before the year counts in its first month)
        JsonNode overview = coordinator.get("/api/v1/budget/years/" + year + "/overview").json();
        assertThat(overview.get("byCategory")).hasSize(3);
        JsonNode operating = find(overview.get("bySource"), "OPERATING");
        assertThat(money(operating.get("totals").get("planned"))).isEqualByComparingTo("4084.81");
        assertThat(money(operating.get("totals").get("spent"))).isEqualByComparingTo("4134.56");
        JsonNode months = overview.get("months");
        assertThat(months).hasSize(12);
        assertThat(money(months.get(0).get("committed"))).isEqualByComparingTo("8000.00");
        assertThat(money(months.get(0).get("spent"))).isEqualByComparingTo("1234.56");
        assertThat(money(months.get(2).get("spent"))).isEqualByComparingTo("4134.56");
        assertThat(money(months.get(11).get("spent"))).isEqualByComparingTo("4134.56");

        // history of the line
        assertThat(jdbc.sql("SELECT count(*) FROM history_entry WHERE record_type = 'budget_line' AND record_id = ?")
                .param(chromebooks).query(Long.class).single()).isEqualTo(1);
    }

    private static JsonNode find(JsonNode groups, String key) {
        for (JsonNode g : groups) {
            if (g.get("key").asString().equals(key)) {
                return g;
            }
        }
        throw new AssertionError(key + " not in " + groups);
    }

    @Test
    void aNewYearCopiesThePreviousYearsLinesAndOverlappingYearsAreRefused() {
        Api director = Api.as("director", port, jdbc);
        long a = Demo.regenboog(jdbc);
        int start = freeYear(jdbc, a);
        long first = year(director, a, start);
        line(director, first, "TRAINING", "OPERATING", "Nascholing", "650");
        line(director, first, "INFRASTRUCTURE", "BOARD", "Wifi refter", "1.150,00");
        if (jdbc.sql("SELECT count(*) FROM budget_year WHERE school_id = ? AND starts_on = ?").params(a, LocalDate.of(start + 1, 9, 1))
                .query(Long.class).single() == 0) {
            long second = year(director, a, start + 1, true);
            JsonNode lines = director.get("/api/v1/budget/years/" + second + "/lines?sort=planned").json();
            assertThat(lines.get("total").asLong()).isEqualTo(2);
            assertThat(money(lines.get("items").get(1).get("planned"))).isEqualByComparingTo("1150.00");
        }
        var calendar = director.post("/api/v1/budget/years", Api.json(Map.of("schoolId", a, "kind", "CALENDAR_YEAR",
                "startYear", start + 1)));
        assertThat(calendar.status()).as(calendar.toString()).isEqualTo(400);
        assertThat(fields(calendar)).containsExactly("startYear");
        var same = director.post("/api/v1/budget/years", Api.json(Map.of("schoolId", a, "startYear", start)));
        assertThat(same.status()).isEqualTo(400);
    }

    @Test
    void aClosedYearTakesNoLineChangesOrBookingsAndStaleVersionsConflict() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        long year = year(coordinator, a, freeYear(jdbc, a));
        long line = line(coordinator, year, "OTHER", "OTHER", "Reserve", "100");
        int version = coordinator.get("/api/v1/budget/years/" + year).json().get("version").asInt();
        var closed = coordinator.put("/api/v1/budget/years/" + year, Api.json(Map.of("closed", true, "version", version)));
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.json().get("closed").asBoolean()).isTrue();
        var stale = coordinator.put("/api/v1/budget/years/" + year, Api.json(Map.of("closed", false, "version", version)));
        assertThat(stale.status()).isEqualTo(409);

        var add = coordinator.post("/api/v1/budget/years/" + year + "/lines", lineBody("OTHER", "OTHER", "Nog iets", "5"));
        assertThat(add.status()).isEqualTo(400);
        assertThat(coordinator.put("/api/v1/budget/lines/" + line, lineBody("OTHER", "OTHER", "Reserve", "200")).status()).isEqualTo(400);
        assertThat(coordinator.delete("/api/v1/budget/lines/" + line).status()).isEqualTo(400);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> book(ledger, tx(), a, line, BudgetLedger.Kind.COMMITTED, "10",
                LocalDate.now())).isInstanceOf(be.coordinaat.shared.InvalidInputException.class);

        var reopened = coordinator.put("/api/v1/budget/years/" + year, Api.json(Map.of("closed", false, "version", version + 1)));
        assertThat(reopened.status()).isEqualTo(200);
        book(ledger, tx(), a, line, BudgetLedger.Kind.COMMITTED, "10", LocalDate.now());
        int lineVersion = coordinator.get("/api/v1/budget/lines/" + line).json().get("version").asInt();
        String body = lineBody("OTHER", "OTHER", "Reserve", "200").replace("}", ",\"version\":" + lineVersion + "}");
        assertThat(coordinator.put("/api/v1/budget/lines/" + line, body).status()).isEqualTo(200);
        assertThat(coordinator.put("/api/v1/budget/lines/" + line, body).status()).isEqualTo(409);
        var deleteBooked = coordinator.delete("/api/v1/budget/lines/" + line);
        assertThat(deleteBooked.status()).isEqualTo(400);
        assertThat(coordinator.delete("/api/v1/budget/years/" + year).status()).isEqualTo(400);

        long empty = year(coordinator, a, freeYear(jdbc, a));
        long gone = line(coordinator, empty, "OTHER", "OTHER", "Weg", "1");
        assertThat(coordinator.delete("/api/v1/budget/lines/" + gone).status()).isEqualTo(204);
        assertThat(coordinator.delete("/api/v1/budget/years/" + empty).status()).isEqualTo(204);
        assertThat(coordinator.get("/api/v1/budget/years/" + empty).status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM history_entry WHERE record_type = 'budget_year' AND record_id = ? AND action = 'DELETED'")
                .param(empty).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void hostileAmountsAndInputGiveFieldErrorsNeverAServerError() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        long year = year(coordinator, a, freeYear(jdbc, a));
        String path = "/api/v1/budget/years/" + year + "/lines";
        for (Object planned : List.of("-5", -5, "12.345", "1,005", "1.2345", 1.005, "1e20", "abc", "99999999999",
                "1000000000", 1e15, "12,34,56", "€ -3", "", " ", "0x10", "NaN", "1.234.5", "\u0000")) {
            var r = coordinator.post(path, lineBody("OTHER", "OTHER", "Test", planned));
            assertThat(r.status()).as(planned + " → " + r).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        var negative = coordinator.post(path, lineBody("OTHER", "OTHER", "Test", "-5"));
        assertThat(fields(negative)).containsExactly("planned");
        assertThat(negative.body()).contains("must not be negative");
        assertThat(coordinator.post(path, lineBody("OTHER", "OTHER", "Test", "12.345")).body()).contains("ambiguous");
        assertThat(coordinator.post(path, lineBody("OTHER", "OTHER", "Test", "1.2345")).body()).contains("more than 2 decimals");

        var missing = coordinator.post(path, "{\"planned\": 10}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(fields(missing)).contains("category", "fundingSource", "description");
        assertThat(coordinator.post(path, "{\"category\":\"FOO\",\"fundingSource\":\"OTHER\",\"description\":\"x\",\"planned\":1}").status())
                .isEqualTo(400);
        var unknown = coordinator.post(path, "{\"category\":\"OTHER\",\"fundingSource\":\"OTHER\",\"description\":\"x\",\"planned\":1,\"school\":2}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(fields(unknown)).containsExactly("school");
        assertThat(coordinator.post(path, lineBody("OTHER", "OTHER", "x".repeat(201), "1")).status()).isEqualTo(400);
        assertThat(coordinator.post(path, "not json").status()).isEqualTo(400);

        for (Object startYear : List.of(99999, -1, 1999, "abc")) {
            var r = coordinator.post("/api/v1/budget/years", Api.json(Map.of("schoolId", a, "startYear", startYear)));
            assertThat(r.status()).as(startYear + " → " + r).isEqualTo(400);
        }
        assertThat(coordinator.get("/api/v1/budget/years/" + year + "/lines?category=NOPE").status()).isEqualTo(400);
        assertThat(coordinator.get("/api/v1/budget/years/" + year + "/lines?sort=drop%20table").status()).isEqualTo(200);
        assertThat(coordinator.get("/api/v1/budget/overview?on=2026-13-45").status()).isEqualTo(400);
        assertThat(coordinator.get("/api/v1/budget/years/abc").status()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM budget_line WHERE budget_year_id = ?").param(year).query(Long.class).single()).isZero();
    }

    @Test
    void totalsOfManyRandomAmountsAreExactInEveryView() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        int start = freeYear(jdbc, a);
        long year = year(coordinator, a, start);
        Random random = new Random(20260901L);
        BigDecimal planned = BigDecimal.ZERO;
        BigDecimal spent = BigDecimal.ZERO;
        List<Long> lines = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            BigDecimal amount = BigDecimal.valueOf(random.nextInt(10_000_000), 2);
            planned = planned.add(amount);
            // alternately as a Belgian string, a plain string and a JSON number
            Object typed = i % 3 == 0 ? new be.coordinaat.budget.EuroFormat().input(amount).replace('.', ',')
                    : i % 3 == 1 ? amount.toPlainString() : amount;
            lines.add(line(coordinator, year, i % 2 == 0 ? "PUPIL_DEVICES" : "INFRASTRUCTURE", i % 2 == 0 ? "OPERATING" : "BOARD",
                    "Lijn " + i, typed));
        }
        for (int i = 0; i < 60; i++) {
            BigDecimal amount = BigDecimal.valueOf(random.nextInt(300_000), 2);
            spent = spent.add(amount);
            book(ledger, tx(), a, lines.get(i % lines.size()), BudgetLedger.Kind.SPENT, amount.toPlainString(),
                    LocalDate.of(start, 9, 1).plusDays(random.nextInt(365)));
        }
        JsonNode totals = coordinator.get("/api/v1/budget/years/" + year).json().get("totals");
        assertThat(money(totals.get("planned"))).isEqualByComparingTo(planned);
        assertThat(money(totals.get("spent"))).isEqualByComparingTo(spent);
        assertThat(money(totals.get("remaining"))).isEqualByComparingTo(planned.subtract(spent));
        JsonNode overview = coordinator.get("/api/v1/budget/years/" + year + "/overview").json();
        BigDecimal byCategory = BigDecimal.ZERO;
        for (JsonNode g : overview.get("byCategory")) {
            byCategory = byCategory.add(money(g.get("totals").get("planned")));
        }
        assertThat(byCategory).isEqualByComparingTo(planned);
        assertThat(money(overview.get("months").get(11).get("spent"))).isEqualByComparingTo(spent);
        BigDecimal sumOfLines = BigDecimal.ZERO;
        for (JsonNode l : coordinator.get("/api/v1/budget/years/" + year + "/lines?size=200").json().get("items")) {
            sumOfLines = sumOfLines.add(money(l.get("remaining")));
        }
        assertThat(sumOfLines).isEqualByComparingTo(planned.subtract(spent));
    }

    @Test
    void boardOverviewShowsOneRowPerSchoolOfTheUserWithExactTotals() {
        Api admin = Api.as("admin", port, jdbc);
        Api coordinator = Api.as("coordinator", port, jdbc);
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Brussels"));
        JsonNode board = admin.get("/api/v1/budget/overview?size=200").json();
        long schools = jdbc.sql("SELECT count(*) FROM school WHERE board_id = (SELECT board_id FROM app_user WHERE username = 'admin')")
                .query(Long.class).single();
        assertThat(board.get("schools").get("total").asLong()).isEqualTo(schools);
        BigDecimal expected = jdbc.sql("""
                SELECT coalesce(sum(l.planned), 0) FROM budget_line l JOIN budget_year y ON y.id = l.budget_year_id
                JOIN school s ON s.id = y.school_id
                WHERE s.board_id = (SELECT board_id FROM app_user WHERE username = 'admin') AND y.starts_on <= ? AND y.ends_on >= ?""")
                .params(today, today).query(BigDecimal.class).single();
        assertThat(money(board.get("totals").get("planned"))).isEqualByComparingTo(expected);
        BigDecimal rows = BigDecimal.ZERO;
        for (JsonNode r : board.get("schools").get("items")) {
            rows = rows.add(money(r.get("totals").get("planned")));
        }
        assertThat(rows).isEqualByComparingTo(expected);

        JsonNode mine = coordinator.get("/api/v1/budget/overview").json();
        assertThat(mine.get("schools").get("total").asLong()).isEqualTo(1);
        assertThat(mine.get("schools").get("items").get(0).get("schoolId").asLong()).isEqualTo(Demo.regenboog(jdbc));
        JsonNode sorted = admin.get("/api/v1/budget/overview?sort=-planned&size=1").json();
        assertThat(sorted.get("schools").get("items")).hasSize(1);
        assertThat(money(sorted.get("totals").get("planned"))).isEqualByComparingTo(expected);
        JsonNode pastTheEnd = admin.get("/api/v1/budget/overview?page=50").json();
        assertThat(pastTheEnd.get("schools").get("items")).isEmpty();
        assertThat(money(pastTheEnd.get("totals").get("planned"))).isEqualByComparingTo(expected);
    }
}
