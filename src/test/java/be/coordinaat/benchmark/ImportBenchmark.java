package be.coordinaat.benchmark;

import be.coordinaat.inventory.AssetTransfer;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * CSV import of 100,000 rows (validate + commit + history) through the facade, against a bare JDBC batch insert of
 * the same rows (rolled back), with the peak heap sampled every 50 ms. Not part of the test suite:
 * {@code ./mvnw -Pbenchmark test -Dtest=ImportBenchmark}. Targets: import ≤ 15 s and ≥ 40% of the bare insert's
 * speed; heap bounded (the file is streamed, never held whole).
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "coordinaat.embedded-db.data-dir=target/bench-import-postgres",
        "coordinaat.embedded-db.clean=true",
        "coordinaat.demo=true",
        "logging.level.root=WARN"})
class ImportBenchmark {

    static final int ROWS = 100_000;

    @Autowired AssetTransfer transfer;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired PlatformTransactionManager transactions;
    @Autowired UserDetailsService users;

    @Test
    void csvImportOf100000Rows() throws Exception {
        long school = jdbc.sql("SELECT id FROM school WHERE institution_number = '123456'").query(Long.class).single();
        String room = jdbc.sql("SELECT coalesce(code, name) FROM room WHERE school_id = ? ORDER BY id LIMIT 1").param(school)
                .query(String.class).single();
        Path file = Files.createTempFile("bench-import", ".csv");
        String[] kinds = {"monitor", "printer", "projector", "tablet"};
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("Inventarisnummer;Serienummer;Soort;Status;Lokaal;Aankoopdatum;Prijs;Leverancier;Opmerkingen\r\n");
            for (int i = 0; i < ROWS; i++) {
                w.write("BENCH-" + i + ";SN" + (1_000_000 + i) + ";" + kinds[i % 4] + ";in gebruik;" + room + ";"
                        + String.format(Locale.ROOT, "%02d/%02d/2024", 1 + i % 28, 1 + i % 12) + ";\"" + (100 + i % 900) + ",99\";"
                        + "Leverancier " + (i % 50) + ";Regel " + i + "\r\n");
            }
        }
        System.out.printf(Locale.ROOT, "%nGenerated %d rows, %.1f MB%n", ROWS, Files.size(file) / 1e6);

        // bare JDBC batch insert of the same rows (already parsed), rolled back
        JdbcTemplate template = new JdbcTemplate(dataSource);
        Long roomId = jdbc.sql("SELECT id FROM room WHERE school_id = ? ORDER BY id LIMIT 1").param(school).query(Long.class).single();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        long bare = tx.execute(status -> {
            long t0 = System.nanoTime();
            List<Object[]> batch = new ArrayList<>(1000);
            for (int i = 0; i < ROWS; i++) {
                batch.add(new Object[] {school, "BARE-" + i, "SN" + (1_000_000 + i), kinds[i % 4].toUpperCase(Locale.ROOT),
                        "IN_USE", roomId, Date.valueOf(LocalDate.of(2024, 1 + i % 12, 1 + i % 28)),
                        new BigDecimal((100 + i % 900) + ".99"), "Leverancier " + (i % 50), "Regel " + i});
                if (batch.size() == 1000) {
                    insert(template, batch);
                    batch.clear();
                }
            }
            insert(template, batch);
            long t = System.nanoTime() - t0;
            status.setRollbackOnly();
            return t;
        });
        System.out.printf(Locale.ROOT, "Bare JDBC batch insert of %d rows: %.2f s%n", ROWS, bare / 1e9);

        UserDetails user = users.loadUserByUsername("coordinator");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(heapBefore);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long t0 = System.nanoTime();
        AssetTransfer.Job job = transfer.start(school, "bench.csv", Files.newInputStream(file), AssetTransfer.Mode.CREATE, false);
        long validated = System.nanoTime();
        if (job.errorCount() > 0) {
            throw new AssertionError("unexpected errors: " + job.errors().subList(0, Math.min(5, job.errors().size())));
        }
        transfer.commit(job.id());
        AssetTransfer.Job done;
        do {
            Thread.sleep(50);
            done = transfer.job(job.id());
        } while (!done.finished());
        long t1 = System.nanoTime();
        sampler.interrupt();
        if (done.status() != AssetTransfer.Status.DONE) {
            throw new AssertionError("import failed: " + done.failure() + " " + done.errors());
        }
        long imported = jdbc.sql("SELECT count(*) FROM asset WHERE tag LIKE 'BENCH-%'").query(Long.class).single();
        long history = jdbc.sql("SELECT count(*) FROM history_entry h JOIN asset a ON a.id = h.record_id "
                + "WHERE h.record_type = 'asset' AND a.tag LIKE 'BENCH-%'").query(Long.class).single();
        double total = (t1 - t0) / 1e9;
        System.out.printf(Locale.ROOT, "Import of %d rows: validate %.2f s, commit %.2f s, total %.2f s (target <= 15 s)%n",
                ROWS, (validated - t0) / 1e9, (t1 - validated) / 1e9, total);
        System.out.printf(Locale.ROOT, "Imported %d assets, %d history entries%n", imported, history);
        System.out.printf(Locale.ROOT, "Speed vs bare JDBC batch insert: %.0f%% (target >= 40%%)%n", 100.0 * bare / (t1 - t0));
        System.out.printf(Locale.ROOT, "Heap: %.0f MB before, peak %.0f MB during the import (+%.0f MB), max heap %.0f MB%n",
                heapBefore / 1e6, peak.get() / 1e6, (peak.get() - heapBefore) / 1e6, memory.getHeapMemoryUsage().getMax() / 1e6);
        SecurityContextHolder.clearContext();
        Files.deleteIfExists(file);
    }

    /**
     * The fastest plain JDBC insert of a batch: one multi-row statement (every column as an array), as the import
     * itself writes. Row-by-row batches would fire the asset table's statement triggers once per row.
     */
    static void insert(JdbcTemplate template, List<Object[]> batch) {
        if (batch.isEmpty()) {
            return;
        }
        String[] types = {"bigint", "text", "text", "text", "text", "bigint", "date", "numeric", "text", "text"};
        template.update(con -> {
            var ps = con.prepareStatement("""
                    INSERT INTO asset (school_id, tag, serial, kind, status, room_id, purchase_date, price, supplier, notes)
                    SELECT * FROM unnest(CAST(? AS bigint[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                                         CAST(? AS text[]), CAST(? AS bigint[]), CAST(? AS date[]), CAST(? AS numeric[]),
                                         CAST(? AS text[]), CAST(? AS text[]))""");
            for (int col = 0; col < types.length; col++) {
                Object[] values = new Object[batch.size()];
                for (int r = 0; r < values.length; r++) {
                    values[r] = batch.get(r)[col];
                }
                ps.setArray(col + 1, con.createArrayOf(types[col], values));
            }
            return ps;
        });
    }
}
