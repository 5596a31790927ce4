package be.coordinaat.benchmark;

import be.coordinaat.inventory.AssetFilter;
import be.coordinaat.inventory.AssetKind;
import be.coordinaat.inventory.AssetStatus;
import be.coordinaat.inventory.domain.AssetListQuery;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.support.Api;
import be.coordinaat.support.Browserless;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark of the inventory at board scale (not part of the test suite): 250,000 assets over 200 schools. Measures
 * the filtered and sorted asset list and the free-text search through the REST API (server and HTTP on localhost),
 * and the very same SQL (count + page, built by the same code) run directly over JDBC, and prints p50/p95/p99 and
 * the ratio API/SQL. Run with {@code ./mvnw -Pbenchmark test -Dtest=InventoryBenchmark}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "coordinaat.embedded-db.data-dir=target/bench-postgres",
        "coordinaat.embedded-db.clean=true",
        "coordinaat.demo=true",
        "logging.level.root=WARN"})
class InventoryBenchmark {

    static final int ASSETS = 250_000;
    static final int EXTRA_SCHOOLS = 198;
    static final int ROOMS_PER_SCHOOL = 30;
    static final int PEOPLE_PER_SCHOOL = 40;
    static final int RUNS = 300;

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    org.springframework.transaction.support.TransactionTemplate tx;

    @Autowired
    void readOnly(org.springframework.transaction.PlatformTransactionManager transactions) {
        tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        tx.setReadOnly(true);
    }

    @Test
    void assetListAndSearchAt250000Assets() {
        long board = jdbc.sql("SELECT id FROM board ORDER BY id LIMIT 1").query(Long.class).single();
        generate(board);

        List<Long> schools = jdbc.sql("SELECT id FROM school WHERE board_id = ? ORDER BY id").param(board).query(Long.class).list();
        long oneSchool = schools.get(schools.size() / 2);
        Long[] allSchools = AssetListQuery.scope(schools);
        Long[] regenboog = AssetListQuery.scope(List.of(jdbc.sql("SELECT id FROM school WHERE institution_number = '123456'").query(Long.class).single()));
        Api admin = Api.as("admin", port, jdbc);
        Api coordinator = Api.as("coordinator", port, jdbc);

        Random random = new Random(42);
        List<String> serials = jdbc.sql("SELECT serial FROM asset WHERE serial IS NOT NULL ORDER BY random() LIMIT 400").query(String.class).list();
        String[] words = {"probook", "chromebook", "epson", "u6 lite", "ds220", "thinkpad", "batterij", "scherm", "lenovo 300e", "ipad"};
        String[] terms = new String[RUNS];
        for (int i = 0; i < RUNS; i++) {
            if (i % 2 == 0) { // a piece of a serial number, as read from a sticker: a handful of matches
                String s = serials.get(random.nextInt(serials.size()));
                int start = random.nextInt(s.length() - 6);
                terms[i] = s.substring(start, start + 6).toLowerCase(Locale.ROOT);
            } else { // a brand, model or word from the notes: thousands of matches
                terms[i] = words[random.nextInt(words.length)];
            }
        }
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Brussels"));

        // warm-up of both paths
        for (int i = 0; i < 40; i++) {
            admin.get("/api/v1/assets?q=" + enc(terms[i]));
            admin.get("/api/v1/assets?kind=LAPTOP&status=IN_USE&sort=-warrantyEnd");
            bareSql(allSchools, new AssetFilter(null, List.of(AssetKind.LAPTOP), List.of(AssetStatus.IN_USE), null, null, null,
                    null, null, null, null, null), null, "-warrantyEnd", today);
        }
        System.out.printf(Locale.ROOT, "%nInventory benchmark: %,d assets in %d schools (board admin sees all of them)%n",
                jdbc.sql("SELECT count(*) FROM asset").query(Long.class).single(), schools.size());

        AssetFilter laptopsInUse = new AssetFilter(null, List.of(AssetKind.LAPTOP), List.of(AssetStatus.IN_USE), null, null,
                null, null, null, null, null, null);
        compare("filtered + sorted: kind=LAPTOP&status=IN_USE&sort=-warrantyEnd (board admin)",
                i -> ok(admin.get("/api/v1/assets?kind=LAPTOP&status=IN_USE&sort=-warrantyEnd&page=" + (i % 5))),
                i -> bareSql(allSchools, laptopsInUse, null, "-warrantyEnd", today, i % 5));

        AssetFilter warranty = new AssetFilter(null, List.of(), List.of(), null, null, null, null, null, "90", null, null);
        compare("filtered + sorted: warranty=90&sort=warrantyEnd (board admin)",
                i -> ok(admin.get("/api/v1/assets?warranty=90&sort=warrantyEnd")),
                i -> bareSql(allSchools, warranty, null, "warrantyEnd", today));

        AssetFilter schoolInUse = new AssetFilter(oneSchool, List.of(), List.of(AssetStatus.IN_USE), null, null, null, null,
                null, null, null, null);
        compare("filtered + sorted: school=X&status=IN_USE&sort=model (board admin)",
                i -> ok(admin.get("/api/v1/assets?school=" + oneSchool + "&status=IN_USE&sort=model")),
                i -> bareSql(allSchools, schoolInUse, null, "model", today));

        compare("unfiltered, sorted by tag, page 1 of 10,000 (board admin)",
                i -> ok(admin.get("/api/v1/assets")),
                i -> bareSql(allSchools, AssetFilter.none(), null, "tag", today));

        compare("free text q=… (board admin, 250,000 assets)",
                i -> ok(admin.get("/api/v1/assets?q=" + enc(terms[i]))),
                i -> bareSql(allSchools, AssetFilter.none(), terms[i], null, today));

        compare("free text q=… + status=IN_USE (board admin)",
                i -> ok(admin.get("/api/v1/assets?status=IN_USE&q=" + enc(terms[i]))),
                i -> bareSql(allSchools, new AssetFilter(null, List.of(), List.of(AssetStatus.IN_USE), null, null, null, null,
                        null, null, null, null), terms[i], null, today));

        compare("free text q=… (coordinator, one school)",
                i -> ok(coordinator.get("/api/v1/assets?q=" + enc(terms[i]))),
                i -> bareSql(regenboog, AssetFilter.none(), terms[i], null, today));

        report("API GET /api/v1/inventory/summary (board admin, 200 schools, one GROUP BY)", 50,
                i -> ok(admin.get("/api/v1/inventory/summary")));
        Browserless web = Browserless.signIn(port, "admin", "admin");
        report("Page GET /inventory/assets?q=… (board admin, whole HTML page)", 100, i -> web.get("/inventory/assets?q=" + enc(terms[i])));
        report("Page GET /inventory (board admin, overview of 200 schools)", 50, i -> web.get("/inventory"));
    }

    /** Count + first page with the SQL the inventory builds, straight over JDBC. */
    void bareSql(Long[] scope, AssetFilter filter, String q, String sort, LocalDate today) {
        bareSql(scope, filter, q, sort, today, 0);
    }

    void bareSql(Long[] scope, AssetFilter filter, String q, String sort, LocalDate today, int page) {
        PageQuery query = PageQuery.of(page, 25, sort, q);
        var sql = AssetListQuery.build(scope, filter, List.of(), AssetListQuery.terms(query.q()), query.sort(), query.descending(),
                query.size(), (long) query.page() * query.size(), today);
        var countParams = new java.util.LinkedHashMap<>(sql.params());
        countParams.remove("limit");
        countParams.remove("offset");
        tx.executeWithoutResult(status -> { // as the facade runs it: one read-only transaction, custom plans
            jdbc.sql(AssetListQuery.CUSTOM_PLANS).update();
            long total = jdbc.sql(sql.count()).params(countParams).query(Long.class).single();
            jdbc.sql(sql.page(total)).params(sql.params()).query((rs, n) -> rs.getLong(1)).list();
        });
    }

    void generate(long board) {
        long t0 = System.nanoTime();
        jdbc.sql("""
                INSERT INTO school (board_id, name, institution_number, level, city)
                SELECT :board, 'Benchmarkschool ' || g, lpad((300000 + g)::text, 6, '0'), CASE WHEN g % 3 = 0 THEN 'SECONDARY' ELSE 'PRIMARY' END, 'Ieper'
                FROM generate_series(1, :n) g""").param("board", board).param("n", EXTRA_SCHOOLS).update();
        jdbc.sql("INSERT INTO campus (school_id, name) SELECT id, 'Hoofdcampus' FROM school WHERE name LIKE 'Benchmarkschool %'").update();
        jdbc.sql("""
                INSERT INTO building (school_id, campus_id, name)
                SELECT c.school_id, c.id, b FROM campus c CROSS JOIN (VALUES ('Blok A'), ('Blok B')) v(b)
                JOIN school s ON s.id = c.school_id WHERE s.name LIKE 'Benchmarkschool %'""").update();
        jdbc.sql("""
                INSERT INTO room (school_id, building_id, name, code, kind)
                SELECT b.school_id, b.id, 'Lokaal ' || r, 'L' || r, CASE WHEN r % 10 = 0 THEN 'COMPUTER_LAB' ELSE 'CLASSROOM' END
                FROM building b JOIN school s ON s.id = b.school_id
                CROSS JOIN generate_series(1, :rooms / 2) r WHERE s.name LIKE 'Benchmarkschool %'""").param("rooms", ROOMS_PER_SCHOOL).update();
        jdbc.sql("""
                INSERT INTO person (board_id, kind, first_name, last_name)
                SELECT :board, 'STAFF', 'Leerkracht' || g, 'Benchmark' || s.id FROM school s CROSS JOIN generate_series(1, :people) g
                WHERE s.name LIKE 'Benchmarkschool %'""").param("board", board).param("people", PEOPLE_PER_SCHOOL).update();
        jdbc.sql("""
                INSERT INTO person_school (person_id, school_id)
                SELECT p.id, CAST(substring(p.last_name FROM 10) AS bigint) FROM person p WHERE p.last_name LIKE 'Benchmark%'""").update();
        jdbc.sql("""
                INSERT INTO asset_model (board_id, manufacturer_id, name, kind, model_number, end_of_life_months)
                SELECT :board, (SELECT id FROM manufacturer WHERE board_id = :board ORDER BY id OFFSET g % 12 LIMIT 1),
                       'Reeks ' || g, (ARRAY['LAPTOP','CHROMEBOOK','TABLET','DESKTOP','MONITOR','PROJECTOR','PRINTER','ACCESS_POINT'])[1 + g % 8],
                       'BM-' || g, 60
                FROM generate_series(1, 30) g""").param("board", board).update();
        // numbered rooms, people and models, to pick from by arithmetic instead of a sub-query per asset
        jdbc.sql("CREATE UNLOGGED TABLE bench_school AS SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM school").update();
        jdbc.sql("CREATE UNLOGGED TABLE bench_room AS SELECT id, school_id, row_number() OVER (PARTITION BY school_id ORDER BY id) - 1 AS n FROM room").update();
        jdbc.sql("CREATE UNLOGGED TABLE bench_person AS SELECT person_id AS id, school_id, row_number() OVER (PARTITION BY school_id ORDER BY person_id) - 1 AS n FROM person_school").update();
        jdbc.sql("CREATE UNLOGGED TABLE bench_model AS SELECT id, kind, row_number() OVER (ORDER BY id) - 1 AS n FROM asset_model").update();
        jdbc.sql("CREATE INDEX ON bench_room (school_id, n)").update();
        jdbc.sql("CREATE INDEX ON bench_person (school_id, n)").update();
        jdbc.sql("ANALYZE bench_school; ANALYZE bench_room; ANALYZE bench_person; ANALYZE bench_model").update();
        long schools = jdbc.sql("SELECT count(*) FROM bench_school").query(Long.class).single();
        long models = jdbc.sql("SELECT count(*) FROM bench_model").query(Long.class).single();
        jdbc.sql("""
                INSERT INTO asset (school_id, tag, serial, model_id, kind, status, room_id, assigned_person_id, purchase_date, price,
                                   supplier, order_reference, warranty_end, end_of_life, notes, extra)
                SELECT s.id, 'BM-' || lpad(g::text, 6, '0'), upper(substr(md5(g::text), 1, 12)), m.id, m.kind,
                       (ARRAY['ORDERED','IN_STOCK','IN_STOCK','IN_USE','IN_USE','IN_USE','IN_USE','IN_USE','IN_USE','IN_USE','IN_USE',
                              'IN_USE','IN_USE','IN_USE','IN_USE','IN_USE','ON_LOAN','IN_REPAIR','RETIRED','DISPOSED'])[1 + g % 20],
                       r.id, CASE WHEN g % 5 = 0 THEN p.id END, d, 200 + g % 1500, 'Leverancier ' || g % 7, 'PO-' || g % 997,
                       d + 1095, d + 1825,
                       CASE WHEN g % 20 = 1 THEN 'Batterij vervangen' WHEN g % 20 = 2 THEN 'Scherm gebarsten' END,
                       CASE WHEN m.kind = 'LAPTOP' THEN jsonb_build_object('ram_gb', 8 * (1 + g % 2), 'os', 'Windows 11') ELSE '{}'::jsonb END
                FROM generate_series(1, :n) g
                CROSS JOIN LATERAL (SELECT current_date - (g % 2200) AS d) dd
                JOIN bench_school s ON s.n = g % :schools
                JOIN bench_model m ON m.n = (g * 7) % :models
                LEFT JOIN bench_room r ON r.school_id = s.id AND r.n = g % 30
                LEFT JOIN bench_person p ON p.school_id = s.id AND p.n = g % 40""")
                .param("n", ASSETS).param("schools", schools).param("models", models).update();
        jdbc.sql("DROP TABLE bench_school, bench_room, bench_person, bench_model").update();
        jdbc.sql("VACUUM ANALYZE asset").update();
        jdbc.sql("ANALYZE room; ANALYZE person; ANALYZE school").update();
        System.out.printf(Locale.ROOT, "%nGenerated %d schools, their rooms and people, and %,d assets in %.1f s%n",
                EXTRA_SCHOOLS, ASSETS, (System.nanoTime() - t0) / 1e9);
    }

    static void ok(Api.Response r) {
        if (r.status() != 200) {
            throw new IllegalStateException(r.toString());
        }
    }

    /** Runs the API call and the bare SQL alternately, then prints both and the ratio of their p99. */
    static void compare(String what, IntConsumer api, IntConsumer sql) {
        BenchFigures.compare(what, RUNS, api, sql);
    }

    static void report(String what, int runs, IntConsumer action) {
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            action.accept(i);
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "BENCH %s%n", what);
        print("  ", nanos);
    }

    static void print(String label, long[] sorted) {
        BenchFigures.print(label, sorted);
    }

    static long p(long[] sorted, int percentile) {
        return BenchFigures.p(sorted, percentile);
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
