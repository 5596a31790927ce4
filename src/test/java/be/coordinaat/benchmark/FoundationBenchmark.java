package be.coordinaat.benchmark;

import be.coordinaat.support.Api;
import be.coordinaat.support.Browserless;
import java.util.ArrayList;
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
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Benchmarks of the foundation (not part of the test suite): people search at 50,000 people, and sign-in.
 * Run with {@code ./mvnw -Pbenchmark test}; figures are printed and recorded in docs/benchmarks.md.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "coordinaat.embedded-db.data-dir=target/bench-postgres",
        "coordinaat.embedded-db.clean=true",
        "coordinaat.demo=true",
        "logging.level.root=WARN"})
class FoundationBenchmark {

    static final int PEOPLE = 50_000;
    static final String[] FIRST = {"Lotte", "Emma", "Louise", "Noor", "Olivia", "Mila", "Elena", "Marie", "Lucas", "Noah",
            "Arthur", "Louis", "Liam", "Jules", "Adam", "Victor", "Finn", "Mats", "Wout", "Jan", "Els", "An", "Koen",
            "Bram", "Sofie", "Ines", "Lien", "Tom", "Pieter", "Hanne", "Seppe", "Febe", "Ruben", "Yasmine", "Mohamed"};
    static final String[] LAST = {"Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens",
            "Wouters", "De Smet", "Dubois", "Lambert", "Dupont", "Vermeulen", "Pauwels", "Hermans", "Aerts", "Michiels",
            "Desmet", "Van Damme", "De Backer", "Verstraete", "Coppens", "Vandenberghe", "Claeys", "Declercq", "Martens",
            "Vanhove", "De Clercq", "Van den Broeck", "Smets", "Lemmens", "Verhoeven", "El Amrani", "Yilmaz"};

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder passwords;

    @Test
    void peopleSearchAt50000People() {
        long board = jdbc.sql("SELECT id FROM board ORDER BY id LIMIT 1").query(Long.class).single();
        List<Long> schools = jdbc.sql("SELECT id FROM school WHERE board_id = ? ORDER BY id").param(board).query(Long.class).list();
        long t0 = System.nanoTime();
        jdbc.sql("""
                INSERT INTO person (board_id, kind, first_name, last_name, class_name, email)
                SELECT :board, CASE WHEN g % 10 = 0 THEN 'STAFF' ELSE 'PUPIL' END,
                       (CAST(:first AS text[]))[1 + (g * 7) % cardinality(CAST(:first AS text[]))],
                       (CAST(:last AS text[]))[1 + (g * 13) % cardinality(CAST(:last AS text[]))] || CASE WHEN g % 3 = 0 THEN '' ELSE '-' || (g % 997) END,
                       CASE WHEN g % 10 = 0 THEN NULL ELSE (1 + g % 6) || chr(65 + g % 4) END,
                       CASE WHEN g % 10 = 0 THEN 'staff' || g || '@school.be' END
                FROM generate_series(1, :n) g""")
                .param("board", board).param("first", pgArray(FIRST)).param("last", pgArray(LAST)).param("n", PEOPLE).update();
        jdbc.sql("INSERT INTO person_school (person_id, school_id) SELECT id, CASE WHEN id % 2 = 0 THEN ? ELSE ? END FROM person WHERE board_id = ? ON CONFLICT DO NOTHING")
                .params(schools.get(0), schools.get(1), board).update();
        jdbc.sql("ANALYZE person").update();
        jdbc.sql("ANALYZE person_school").update();
        System.out.printf(Locale.ROOT, "%nGenerated %d people in %.1f s%n", PEOPLE, (System.nanoTime() - t0) / 1e9);

        String ids = "{" + String.join(",", schools.stream().map(String::valueOf).toList()) + "}";
        for (String sql : new String[] {
                "SELECT count(*) FROM person p WHERE p.board_id = " + board + " AND p.school_ids && CAST('" + ids + "' AS bigint[]) AND lower(p.first_name || ' ' || p.last_name) LIKE '%aer%'",
                be.coordinaat.people.PeopleSql.SELECT + " WHERE p.board_id = " + board + " AND p.school_ids && CAST('" + ids + "' AS bigint[]) AND lower(p.first_name || ' ' || p.last_name) LIKE '%aer%' ORDER BY lower(p.last_name), lower(p.first_name), p.id LIMIT 25",
                "SELECT count(*) FROM person p WHERE p.board_id = " + board + " AND p.school_ids && CAST('" + ids + "' AS bigint[])",
                be.coordinaat.people.PeopleSql.SELECT + " WHERE p.board_id = " + board + " AND p.school_ids && CAST('" + ids + "' AS bigint[]) ORDER BY lower(p.last_name), lower(p.first_name), p.id LIMIT 25"}) {
            System.out.println("EXPLAIN " + sql.substring(0, Math.min(120, sql.length())));
            jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + sql).query(String.class).list().forEach(l -> System.out.println("  " + l));
        }

        Api admin = Api.as("admin", port, jdbc);
        Api coordinator = Api.as("coordinator", port, jdbc);
        Random random = new Random(42);
        int runs = 300;
        String[] terms = new String[runs];
        for (int i = 0; i < runs; i++) {
            String name = random.nextBoolean() ? FIRST[random.nextInt(FIRST.length)] : LAST[random.nextInt(LAST.length)];
            int len = Math.min(name.length(), 3 + random.nextInt(3));
            int start = random.nextInt(name.length() - len + 1);
            terms[i] = name.substring(start, start + len).toLowerCase(Locale.ROOT);
        }
        for (int i = 0; i < 30; i++) { // warm-up
            admin.get("/api/v1/people?q=" + enc(terms[i]));
        }
        report("API GET /api/v1/people?q=… (board admin, 50,000 people)", runs, i -> {
            var r = admin.get("/api/v1/people?q=" + enc(terms[i]));
            if (r.status() != 200) throw new IllegalStateException(r.toString());
        });
        report("API GET /api/v1/people?q=… (coordinator, one school)", runs, i -> coordinator.get("/api/v1/people?q=" + enc(terms[i])));
        report("API GET /api/v1/people (first page, sorted by name, no filter)", 100, i -> admin.get("/api/v1/people?sort=name"));
        Browserless web = Browserless.signIn(port, "admin", "admin");
        report("Page GET /people?q=… (board admin)", runs, i -> web.get("/people?q=" + enc(terms[i])));
        // the floor: the same search as bare SQL over JDBC in the same process
        report("bare SQL: count + first page of the name search", runs, i -> {
            String like = "%" + terms[i] + "%";
            jdbc.sql("SELECT count(*) FROM person p WHERE p.board_id = ? AND lower(p.first_name || ' ' || p.last_name) LIKE ?")
                    .params(board, like).query(Long.class).single();
            jdbc.sql("SELECT p.id, p.first_name, p.last_name FROM person p WHERE p.board_id = ? AND lower(p.first_name || ' ' || p.last_name) LIKE ? "
                    + "ORDER BY lower(p.last_name), lower(p.first_name), p.id LIMIT 25").params(board, like).query((rs, n) -> rs.getLong(1)).list();
        });
    }

    @Test
    void signIn() {
        long board = jdbc.sql("SELECT id FROM board ORDER BY id LIMIT 1").query(Long.class).single();
        jdbc.sql("INSERT INTO app_user (board_id, username, password_hash, display_name) VALUES (?, 'bench', ?, 'Bench') ON CONFLICT DO NOTHING")
                .params(board, passwords.encode("benchmark password")).update();
        for (int i = 0; i < 5; i++) {
            Browserless.signIn(port, "bench", "benchmark password");
        }
        report("sign-in through the form (GET /login + POST /login, Argon2id)", 50, i -> Browserless.signIn(port, "bench", "benchmark password"));
        report("Argon2id password check alone", 50, i -> passwords.matches("benchmark password",
                jdbc.sql("SELECT password_hash FROM app_user WHERE username = 'bench'").query(String.class).single()));
    }

    static void report(String what, int runs, IntConsumer action) {
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            action.accept(i);
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "BENCH %-75s n=%4d  p50=%7.2f ms  p95=%7.2f ms  p99=%7.2f ms  max=%7.2f ms%n", what, runs,
                nanos[runs / 2] / 1e6, nanos[(int) (runs * 0.95)] / 1e6, nanos[Math.min(runs - 1, (int) (runs * 0.99))] / 1e6,
                nanos[runs - 1] / 1e6);
    }

    static String pgArray(String[] values) {
        List<String> quoted = new ArrayList<>();
        for (String v : values) {
            quoted.add('"' + v.replace("\"", "") + '"');
        }
        return "{" + String.join(",", quoted) + "}";
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
