package be.coordinaat.benchmark;

import be.coordinaat.support.Api;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark of the helpdesk at board scale (not part of the test suite): 1,000,000 tickets over 200 schools, generated
 * in SQL. Measures ticket creation through the REST API (one client, and 16 concurrent clients) against the same
 * inserts over JDBC, and the filtered ticket list and the full-text search through the API (p50/p95/p99) against the
 * same SQL over JDBC, with the ratio API/SQL. Run with {@code ./mvnw -o -Pbenchmark test -Dtest=HelpdeskBenchmark}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "coordinaat.embedded-db.data-dir=target/bench-postgres-helpdesk",
        "coordinaat.embedded-db.clean=true",
        "coordinaat.demo=true",
        "logging.level.root=WARN"})
class HelpdeskBenchmark {

    static final int TICKETS = 1_000_000;
    static final int EXTRA_SCHOOLS = 198;
    static final int RUNS = 300;
    static final int CREATES = 1000;
    static final int CLIENTS = 16;
    static final String[] WORDS = {"projector", "beamer", "wifi", "printer", "toner", "laptop", "chromebook", "smartschool",
            "wachtwoord", "scherm", "batterij", "lader", "netwerk", "switch", "kabel", "hdmi", "geluid", "muis", "toetsenbord",
            "account", "office", "teams", "onedrive", "digibord", "camera", "update", "traag", "kapot", "flikkert", "zwart",
            "refter", "turnzaal", "bibliotheek", "secretariaat", "leraarskamer", "licentie", "installatie", "virus", "mail",
            "agenda"};

    static final String ROW_SELECT = """
            SELECT t.id, t.number, t.school_id, s.name AS school_name, t.kind, t.title, t.status, t.priority,
                   t.category_id, CASE WHEN pc.id IS NULL THEN c.name ELSE pc.name || ' › ' || c.name END AS category_name,
                   t.assignee_id, au.display_name AS assignee_name,
                   coalesce(ru.display_name, p.first_name || ' ' || p.last_name, t.requester_name, t.requester_email) AS requester,
                   t.asset_id, a.tag AS asset_tag, t.room_id, r.name AS room_name, o.name AS escalated_to,
                   t.created_at, t.updated_at, t.response_due_at, t.resolution_due_at, t.first_response_at, t.solved_at,
                   t.sla_paused_at
             FROM ticket t
            JOIN school s ON s.id = t.school_id
            LEFT JOIN ticket_category c ON c.id = t.category_id
            LEFT JOIN ticket_category pc ON pc.id = c.parent_id
            LEFT JOIN app_user au ON au.id = t.assignee_id
            LEFT JOIN app_user ru ON ru.id = t.requester_user_id
            LEFT JOIN person p ON p.id = t.requester_person_id
            LEFT JOIN asset a ON a.id = t.asset_id
            LEFT JOIN room r ON r.id = t.room_id
            LEFT JOIN organisation o ON o.id = t.escalated_org_id""";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    TransactionTemplate read;
    TransactionTemplate write;

    @Autowired
    void transactions(PlatformTransactionManager transactions) {
        read = new TransactionTemplate(transactions);
        read.setReadOnly(true);
        write = new TransactionTemplate(transactions);
    }

    @Test
    void ticketsAtOneMillion() throws Exception {
        long board = jdbc.sql("SELECT id FROM board ORDER BY id LIMIT 1").query(Long.class).single();
        generate(board);
        List<Long> schools = jdbc.sql("SELECT id FROM school WHERE board_id = ? ORDER BY id").param(board).query(Long.class).list();
        Long[] all = schools.toArray(Long[]::new);
        long regenboog = jdbc.sql("SELECT id FROM school WHERE institution_number = '123456'").query(Long.class).single();
        long oneSchool = schools.get(schools.size() / 2);
        long adminId = jdbc.sql("SELECT id FROM app_user WHERE username = 'admin'").query(Long.class).single();
        long coordinatorId = jdbc.sql("SELECT id FROM app_user WHERE username = 'coordinator'").query(Long.class).single();
        Api admin = Api.as("admin", port, jdbc);
        Api coordinator = Api.as("coordinator", port, jdbc);
        System.out.printf(Locale.ROOT, "%nHelpdesk benchmark: %,d tickets in %d schools%n",
                jdbc.sql("SELECT count(*) FROM ticket").query(Long.class).single(), schools.size());

        // ---- creation ----
        String body = "{\"schoolId\":" + regenboog + ",\"title\":\"Projector flikkert\",\"description\":\"Het beeld valt weg.\","
                + "\"impact\":\"MEDIUM\",\"urgency\":\"HIGH\"}";
        for (int i = 0; i < 100; i++) { // warm-up
            created(coordinator.post("/api/v1/tickets", body));
            bareInsert(board, regenboog, coordinatorId);
        }
        double api1 = throughput(1, CREATES, i -> created(coordinator.post("/api/v1/tickets", body)));
        double sql1 = throughput(1, CREATES, i -> bareInsert(board, regenboog, coordinatorId));
        List<Api> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(Api.as("coordinator", port, jdbc));
        }
        double api16 = throughput(CLIENTS, CREATES * 4, i -> created(clients.get(i % CLIENTS).post("/api/v1/tickets", body)));
        double sql16 = throughput(CLIENTS, CREATES * 4, i -> bareInsert(board, regenboog, coordinatorId));
        System.out.printf(Locale.ROOT, "BENCH ticket creation, 1 client:   API %.0f tickets/s, same inserts over JDBC %.0f tickets/s, ratio SQL/API %.2f%n",
                api1, sql1, sql1 / api1);
        System.out.printf(Locale.ROOT, "BENCH ticket creation, %d clients: API %.0f tickets/s, same inserts over JDBC %.0f tickets/s, ratio SQL/API %.2f%n",
                CLIENTS, api16, sql16, sql16 / api16);

        // ---- lists and search ----
        Random random = new Random(42);
        String[] terms = new String[RUNS];
        List<String> rare = jdbc.sql("SELECT substring(description FROM 'Code ([0-9a-f]{8})') FROM ticket TABLESAMPLE SYSTEM (0.1) WHERE number LIKE 'T-2025-%' LIMIT 200").query(String.class).list();
        for (int i = 0; i < RUNS; i++) {
            terms[i] = i % 2 == 0 ? WORDS[random.nextInt(WORDS.length)] // thousands of matches
                    : WORDS[random.nextInt(WORDS.length)].substring(0, 4) + " " + WORDS[random.nextInt(WORDS.length)]; // prefix + word
        }
        for (int i = 0; i < 30; i++) {
            ok(admin.get("/api/v1/tickets?open=true"));
            ok(admin.get("/api/v1/tickets?q=" + enc(terms[i])));
        }
        // the board admin holds a board-wide grant: the list filters on the board only (see Tickets.visible)
        String visibleAdmin = " t.board_id = :board";
        compare("open tickets, newest first, page 1-5 (board admin, 200 schools)",
                i -> ok(admin.get("/api/v1/tickets?open=true&page=" + (i % 5))),
                i -> bareList(visibleAdmin + " AND t.status NOT IN ('SOLVED', 'CLOSED')", Map.of(), board, adminId, all,
                        " ORDER BY t.created_at DESC, t.id DESC", i % 5));
        compare("school=X&open=true&priority=2&sort=-priority (board admin)",
                i -> ok(admin.get("/api/v1/tickets?school=" + oneSchool + "&open=true&priority=2")),
                i -> bareList(visibleAdmin + " AND t.school_id = :school AND t.status NOT IN ('SOLVED', 'CLOSED') AND t.priority = 2",
                        Map.of("school", oneSchool), board, adminId, all, " ORDER BY t.created_at DESC, t.id DESC", 0));
        compare("overdue (board admin)",
                i -> ok(admin.get("/api/v1/tickets?overdue=true")),
                i -> bareList(visibleAdmin + " AND t.status NOT IN ('SOLVED', 'CLOSED') AND t.sla_paused_at IS NULL AND"
                        + " (t.resolution_due_at < now() OR (t.first_response_at IS NULL AND t.response_due_at < now()))",
                        Map.of(), board, adminId, all, " ORDER BY t.created_at DESC, t.id DESC", 0));
        compare("full-text q=… (board admin, 1,000,000 tickets)",
                i -> ok(admin.get("/api/v1/tickets?q=" + enc(terms[i]))),
                i -> bareList(visibleAdmin + " AND t.search @@ to_tsquery('simple', helpdesk_fold(:ts))",
                        Map.of("ts", tsquery(terms[i])), board, adminId, all, " ORDER BY t.created_at DESC, t.id DESC", 0));
        compare("full-text q=<rare code> (board admin)",
                i -> ok(admin.get("/api/v1/tickets?q=" + rare.get(i % rare.size()))),
                i -> bareList(visibleAdmin + " AND t.search @@ to_tsquery('simple', helpdesk_fold(:ts))",
                        Map.of("ts", tsquery(rare.get(i % rare.size()))), board, adminId, all,
                        " ORDER BY t.created_at DESC, t.id DESC", 0));
        compare("full-text q=… + open=true (coordinator, one school)",
                i -> ok(coordinator.get("/api/v1/tickets?open=true&q=" + enc(terms[i]))),
                i -> bareList(" t.board_id = :board AND (t.requester_user_id = :me OR t.school_id = ANY(CAST(:staff AS bigint[])))"
                        + " AND t.status NOT IN ('SOLVED', 'CLOSED') AND t.search @@ to_tsquery('simple', helpdesk_fold(:ts))",
                        Map.of("ts", tsquery(terms[i])), board, coordinatorId, new Long[] {regenboog},
                        " ORDER BY t.created_at DESC, t.id DESC", 0));
    }

    static String tsquery(String q) {
        return String.join(" & ", Arrays.stream(q.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty()).map(w -> w + ":*").toList());
    }

    /** The count (capped at 1,000) and the page the ticket list runs, straight over JDBC in one read-only transaction. */
    void bareList(String where, Map<String, Object> extra, long board, long me, Long[] staff, String order, int page) {
        Map<String, Object> params = new LinkedHashMap<>(extra);
        params.put("board", board);
        params.put("me", me);
        params.put("staff", staff);
        read.executeWithoutResult(s -> {
            jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM ticket t WHERE" + where + " LIMIT 1001) x").params(params)
                    .query(Long.class).single();
            jdbc.sql(ROW_SELECT + " WHERE" + where + order + " LIMIT 25 OFFSET " + (page * 25)).params(params)
                    .query((rs, n) -> rs.getLong(1)).list();
        });
    }

    /** The rows a ticket creation writes (number, ticket, history), over JDBC in one transaction. */
    void bareInsert(long board, long school, long user) {
        write.executeWithoutResult(s -> {
            long n = jdbc.sql("""
                    INSERT INTO ticket_number_counter (board_id, year) VALUES (?, 2027)
                    ON CONFLICT (board_id, year) DO UPDATE SET next_value = ticket_number_counter.next_value + 1
                    RETURNING next_value""").param(board).query(Long.class).single();
            Timestamp now = Timestamp.from(Instant.now());
            long id = jdbc.sql("""
                    INSERT INTO ticket (board_id, school_id, number, kind, title, description, impact, urgency, priority, status,
                                        source, requester_user_id, requester_name, response_due_at, resolution_due_at)
                    VALUES (?, ?, ?, 'INCIDENT', 'Projector flikkert', 'Het beeld valt weg.', 'MEDIUM', 'HIGH', 2, 'NEW', 'API', ?,
                            'Koen', ?, ?) RETURNING id""")
                    .params(board, school, String.format("T-2027-%06d", n), user, now, now).query(Long.class).single();
            jdbc.sql("""
                    INSERT INTO history_entry (board_id, school_id, actor_user_id, actor_name, record_type, record_id, action, label, changes)
                    VALUES (?, ?, ?, 'Koen', 'ticket', ?, 'CREATED', 'Projector flikkert', CAST('{}' AS jsonb))""")
                    .params(board, school, user, id).update();
        });
    }

    static double throughput(int threads, int total, IntConsumer action) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        long t0 = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    action.accept(i);
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return total / ((System.nanoTime() - t0) / 1e9);
    }

    void generate(long board) {
        long t0 = System.nanoTime();
        jdbc.sql("""
                INSERT INTO school (board_id, name, institution_number, level, city)
                SELECT :board, 'Benchmarkschool ' || g, lpad((300000 + g)::text, 6, '0'), 'PRIMARY', 'Ieper'
                FROM generate_series(1, :n) g""").param("board", board).param("n", EXTRA_SCHOOLS).update();
        jdbc.sql("CREATE UNLOGGED TABLE bench_school AS SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM school").update();
        long schools = jdbc.sql("SELECT count(*) FROM bench_school").query(Long.class).single();
        jdbc.sql("DROP INDEX ticket_search_idx").update();
        jdbc.sql("""
                INSERT INTO ticket (board_id, school_id, number, kind, title, description, category_id, impact, urgency, priority,
                                    status, source, requester_name, requester_email, response_due_at, resolution_due_at,
                                    first_response_at, solved_at, closed_at, created_at, updated_at)
                SELECT :board, s.id, 'T-2025-' || lpad(g::text, 7, '0'), (ARRAY['INCIDENT','INCIDENT','REQUEST','QUESTION'])[1 + g % 4],
                       initcap(w[1 + g % 40]) || ' ' || w[1 + (g * 7) % 40] || ' lokaal ' || (g % 300),
                       'Melding over ' || w[1 + (g * 3) % 40] || ' en ' || w[1 + (g * 11) % 40] || '. Code ' || substr(md5(g::text), 1, 8),
                       NULL, (ARRAY['LOW','MEDIUM','HIGH'])[1 + g % 3], (ARRAY['LOW','MEDIUM','HIGH'])[1 + (g / 3) % 3],
                       1 + g % 4, CASE WHEN g % 10 < 2 THEN (ARRAY['NEW','IN_PROGRESS','WAITING_REQUESTER','WAITING_THIRD_PARTY'])[1 + g % 4]
                                       WHEN g % 10 < 4 THEN 'SOLVED' ELSE 'CLOSED' END,
                       'WEB', 'Melder ' || g % 500, 'melder' || g % 500 || '@example.be',
                       d + interval '4 hours', d + interval '3 days', d + interval '2 hours',
                       CASE WHEN g % 10 >= 2 THEN d + interval '2 days' END, CASE WHEN g % 10 >= 4 THEN d + interval '4 days' END, d, d
                FROM generate_series(1, :n) g
                CROSS JOIN LATERAL (SELECT now() - ((:n - g) * interval '50 seconds') AS d) dd
                CROSS JOIN (SELECT CAST(:words AS text[]) AS w) ww
                JOIN bench_school s ON s.n = g % :schools""")
                .param("board", board).param("n", TICKETS).param("schools", schools).param("words", WORDS).update();
        jdbc.sql("CREATE INDEX ticket_search_idx ON ticket USING gin (search)").update();
        jdbc.sql("DROP TABLE bench_school").update();
        jdbc.sql("VACUUM ANALYZE ticket").update();
        System.out.printf(Locale.ROOT, "%nGenerated %d schools and %,d tickets in %.1f s%n", EXTRA_SCHOOLS, TICKETS,
                (System.nanoTime() - t0) / 1e9);
    }

    static void created(Api.Response r) {
        if (r.status() != 201) {
            throw new IllegalStateException(r.toString());
        }
    }

    static void ok(Api.Response r) {
        if (r.status() != 200) {
            throw new IllegalStateException(r.toString());
        }
    }

    static void compare(String what, IntConsumer api, IntConsumer sql) {
        BenchFigures.compare(what, RUNS, api, sql);
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
