package be.coordinaat.benchmark;

import be.coordinaat.support.Api;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark of the budget at board scale (not part of the test suite): 200 schools with 5 budget years of 12 lines
 * each, 100,000 bookings (as order and invoice lines make them) and 250,000 assets. Measures, through the REST API and
 * as the bare SQL over JDBC, the year overview of one school (totals per category and source, monthly course, first
 * page of lines), the board overview across the 200 schools, and the 5-year replacement forecast of one school; prints
 * p50/p95/p99 and the ratio API/SQL. Target: p99 ≤ 200 ms.
 *
 * <p>The scale is a system property (1 = the figures above): {@code ./mvnw -Pbenchmark test -Dtest=BudgetBenchmark
 * -Dbudget.bench.scale=0.02} runs a small check on a shared machine; the lead measures at {@code -Dbudget.bench.scale=1}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "coordinaat.embedded-db.data-dir=target/bench-postgres",
        "coordinaat.embedded-db.clean=true",
        "coordinaat.demo=true",
        "logging.level.root=WARN"})
class BudgetBenchmark {

    static final double SCALE = Double.parseDouble(System.getProperty("budget.bench.scale", "1"));
    static final int SCHOOLS = Math.max(3, (int) Math.round(200 * SCALE));
    static final int BOOKINGS = (int) Math.round(100_000 * SCALE);
    static final int ASSETS = (int) Math.round(250_000 * SCALE);
    static final int RUNS = Math.max(30, (int) Math.round(300 * Math.min(1, SCALE * 5)));

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void overviewsAndForecastAtBoardScale() {
        long board = jdbc.sql("SELECT id FROM board ORDER BY id LIMIT 1").query(Long.class).single();
        int current = LocalDate.now(ZoneId.of("Europe/Brussels")).getMonthValue() >= 9
                ? LocalDate.now(ZoneId.of("Europe/Brussels")).getYear() : LocalDate.now(ZoneId.of("Europe/Brussels")).getYear() - 1;
        long t0 = System.nanoTime();
        generate(board, current);
        System.out.printf(Locale.ROOT, "%nBudget benchmark (scale %.3f): %d schools, %,d budget years, %,d lines, %,d bookings, "
                        + "%,d assets; generated in %.1f s%n", SCALE,
                jdbc.sql("SELECT count(*) FROM school").query(Long.class).single(),
                jdbc.sql("SELECT count(*) FROM budget_year").query(Long.class).single(),
                jdbc.sql("SELECT count(*) FROM budget_line").query(Long.class).single(),
                jdbc.sql("SELECT count(*) FROM budget_booking").query(Long.class).single(),
                jdbc.sql("SELECT count(*) FROM asset").query(Long.class).single(), (System.nanoTime() - t0) / 1e9);

        List<Long> years = jdbc.sql("""
                SELECT y.id FROM budget_year y JOIN school s ON s.id = y.school_id
                WHERE s.name LIKE 'Budgetbench %' AND y.starts_on = ? ORDER BY y.id""")
                .param(LocalDate.of(current, 9, 1)).query(Long.class).list();
        List<Long> schools = jdbc.sql("SELECT id FROM school WHERE name LIKE 'Budgetbench %' ORDER BY id").query(Long.class).list();
        Api admin = Api.as("admin", port, jdbc);
        for (int i = 0; i < 20; i++) { // warm-up
            ok(admin.get("/api/v1/budget/years/" + years.get(i % years.size()) + "/overview"));
            ok(admin.get("/api/v1/budget/overview"));
            ok(admin.get("/api/v1/budget/forecast?school=" + schools.get(i % schools.size())));
        }

        BenchFigures.compare("year overview of one school (totals per category and source, 12 months) + first page of lines",
                RUNS, i -> {
                    long y = years.get(i % years.size());
                    ok(admin.get("/api/v1/budget/years/" + y + "/overview"));
                    ok(admin.get("/api/v1/budget/years/" + y + "/lines"));
                }, i -> yearSql(years.get(i % years.size())));
        BenchFigures.compare("board overview: " + SCHOOLS + " schools, their year today, sorted by remaining",
                RUNS, i -> ok(admin.get("/api/v1/budget/overview?sort=remaining&page=" + (i % 2))),
                i -> boardSql(board, i % 2));
        BenchFigures.compare("5-year replacement forecast of one school (~" + ASSETS / SCHOOLS + " assets)",
                RUNS, i -> ok(admin.get("/api/v1/budget/forecast?school=" + schools.get(i % schools.size()))),
                i -> forecastSql(schools.get(i % schools.size())));
    }

    /** The year overview's queries: totals per category and source, the months, and a page of lines. */
    void yearSql(long year) {
        String sums = """
                SELECT l.*, coalesce(bs.committed, 0) AS committed, coalesce(bs.spent, 0) AS spent
                FROM budget_line l LEFT JOIN LATERAL (
                  SELECT sum(b.amount) FILTER (WHERE b.kind = 'COMMITTED') AS committed,
                         sum(b.amount) FILTER (WHERE b.kind = 'SPENT') AS spent
                  FROM budget_booking b WHERE b.line_id = l.id) bs ON true""";
        for (String column : List.of("category", "funding_source")) {
            jdbc.sql("SELECT x." + column + ", count(*), sum(x.planned), sum(x.committed), sum(x.spent) FROM (" + sums
                    + " WHERE l.budget_year_id = ?) x GROUP BY 1").param(year).query().listOfRows();
        }
        jdbc.sql("""
                SELECT date_trunc('month', b.booked_on), b.kind, sum(b.amount) FROM budget_booking b
                JOIN budget_line l ON l.id = b.line_id WHERE l.budget_year_id = ? GROUP BY 1, 2""").param(year).query().listOfRows();
        jdbc.sql("SELECT * FROM (" + sums + ") x WHERE x.budget_year_id = ? ORDER BY x.category, lower(x.description) LIMIT 25")
                .param(year).query().listOfRows();
    }

    void boardSql(long board, int page) {
        jdbc.sql("""
                WITH y AS (SELECT DISTINCT ON (y.school_id) y.id, y.school_id FROM budget_year y JOIN school s ON s.id = y.school_id
                           WHERE s.board_id = ? AND y.starts_on <= current_date AND y.ends_on >= current_date
                           ORDER BY y.school_id, y.starts_on DESC),
                l AS (SELECT l.budget_year_id, l.planned, coalesce(sum(b.amount) FILTER (WHERE b.kind = 'COMMITTED'), 0) AS c,
                             coalesce(sum(b.amount) FILTER (WHERE b.kind = 'SPENT'), 0) AS sp
                      FROM budget_line l JOIN y ON y.id = l.budget_year_id LEFT JOIN budget_booking b ON b.line_id = l.id GROUP BY l.id),
                t AS (SELECT budget_year_id, sum(planned) AS p, sum(c) AS c, sum(sp) AS s FROM l GROUP BY 1)
                SELECT s.id, s.name, coalesce(t.p, 0) - coalesce(t.c, 0) - coalesce(t.s, 0) AS r, sum(t.p) OVER ()
                FROM school s LEFT JOIN y ON y.school_id = s.id LEFT JOIN t ON t.budget_year_id = y.id
                WHERE s.board_id = ? ORDER BY r, s.id LIMIT 50 OFFSET ?""").params(board, board, page * 50).query().listOfRows();
    }

    void forecastSql(long school) {
        jdbc.sql("""
                SELECT kind, model_id, date_trunc('month', purchase_date)::date, date_trunc('month', end_of_life)::date,
                       count(*), count(price), coalesce(sum(price), 0)
                FROM asset WHERE school_id = ? AND status NOT IN ('RETIRED', 'DISPOSED') GROUP BY 1, 2, 3, 4""")
                .param(school).query().listOfRows();
        jdbc.sql("""
                SELECT kind, model_id, percentile_disc(0.5) WITHIN GROUP (ORDER BY price) FROM asset
                WHERE school_id = ? AND price IS NOT NULL GROUP BY GROUPING SETS ((kind, model_id), (kind))""")
                .param(school).query().listOfRows();
    }

    void generate(long board, int current) {
        int extra = Math.max(1, SCHOOLS - (int) (long) jdbc.sql("SELECT count(*) FROM school WHERE board_id = ?").param(board)
                .query(Long.class).single());
        jdbc.sql("""
                INSERT INTO school (board_id, name, institution_number, level, city)
                SELECT ?, 'Budgetbench ' || g, lpad((400000 + g)::text, 6, '0'), 'PRIMARY', 'Poperinge' FROM generate_series(1, ?) g""")
                .params(board, extra).update();
        jdbc.sql("""
                INSERT INTO budget_year (school_id, label, kind, starts_on, ends_on, closed)
                SELECT s.id, y || '-' || (y + 1), 'SCHOOL_YEAR', make_date(y, 9, 1), make_date(y + 1, 8, 31), y < ?
                FROM school s CROSS JOIN generate_series(? - 2, ? + 2) y WHERE s.name LIKE 'Budgetbench %'""")
                .params(current, current, current).update();
        jdbc.sql("""
                INSERT INTO budget_line (budget_year_id, school_id, funding_source, category, description, planned)
                SELECT y.id, y.school_id, (ARRAY['OPERATING','GOVERNMENT_ICT','BOARD','OTHER'])[1 + g % 4],
                       (ARRAY['PUPIL_DEVICES','STAFF_DEVICES','INFRASTRUCTURE','SOFTWARE_LICENCES','MAINTENANCE_SUPPORT','TRAINING','OTHER'])[1 + g % 7],
                       'Lijn ' || g, (500 + (y.id * 37 + g * 101) % 9000)::numeric(14, 2)
                FROM budget_year y JOIN school s ON s.id = y.school_id CROSS JOIN generate_series(1, 12) g
                WHERE s.name LIKE 'Budgetbench %'""").update();
        jdbc.sql("CREATE UNLOGGED TABLE bench_line AS SELECT l.id, l.school_id, y.starts_on, row_number() OVER (ORDER BY l.id) - 1 AS n "
                + "FROM budget_line l JOIN budget_year y ON y.id = l.budget_year_id JOIN school s ON s.id = l.school_id "
                + "WHERE s.name LIKE 'Budgetbench %'").update();
        jdbc.sql("CREATE INDEX ON bench_line (n)").update();
        long lines = jdbc.sql("SELECT count(*) FROM bench_line").query(Long.class).single();
        jdbc.sql("""
                INSERT INTO budget_booking (line_id, school_id, source_type, source_id, kind, amount, booked_on, description)
                SELECT l.id, l.school_id, 'purchase-order', g, CASE WHEN g % 3 = 0 THEN 'COMMITTED' ELSE 'SPENT' END,
                       (10 + g % 900)::numeric(14, 2) + 0.35, l.starts_on + (g % 360), 'Bestellijn ' || g
                FROM generate_series(1, ?) g JOIN bench_line l ON l.n = g % ?""").params(BOOKINGS, lines).update();
        jdbc.sql("CREATE UNLOGGED TABLE bench_bschool AS SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM school "
                + "WHERE name LIKE 'Budgetbench %'").update();
        long schools = jdbc.sql("SELECT count(*) FROM bench_bschool").query(Long.class).single();
        jdbc.sql("""
                INSERT INTO asset (school_id, tag, kind, status, purchase_date, price, end_of_life)
                SELECT s.id, 'BB-' || g, (ARRAY['LAPTOP','CHROMEBOOK','TABLET','DESKTOP','PROJECTOR','ACCESS_POINT','INTERACTIVE_DISPLAY','PRINTER'])[1 + g % 8],
                       (ARRAY['IN_USE','IN_USE','IN_USE','IN_STOCK','IN_REPAIR','ON_LOAN','RETIRED','DISPOSED','IN_USE','IN_USE'])[1 + g % 10],
                       CASE WHEN g % 17 = 0 THEN NULL ELSE make_date(? - 8 + g % 9, 1 + g % 12, 1 + g % 28) END,
                       CASE WHEN g % 11 = 0 THEN NULL ELSE (150 + g % 1400)::numeric(12, 2) END,
                       CASE WHEN g % 5 = 0 THEN make_date(? + g % 6, 1 + g % 12, 1) END
                FROM generate_series(1, ?) g JOIN bench_bschool s ON s.n = g % ?""")
                .params(current, current, ASSETS, schools).update();
        jdbc.sql("ANALYZE").update();
    }

    static void ok(Api.Response r) {
        if (r.status() != 200) {
            throw new IllegalStateException(r.toString());
        }
    }
}
