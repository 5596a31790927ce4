package be.coordinaat.selfevaluation;

import java.time.Duration;
import java.time.Instant;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts what one client address does on the public answering pages, per action and fixed time window, in the
 * database: the count is one atomic upsert, so the limit holds across instances and concurrent requests. Each count
 * commits on its own, so a refused or failed request still counts.
 */
@Component
class PublicRateLimit {

    private final JdbcClient jdbc;

    PublicRateLimit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts one hit; true while the address stays within {@code max} hits in the current window. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean hit(String address, String action, int max, Duration window) {
        int hits = jdbc.sql("""
                INSERT INTO selfeval_rate (address, action, window_start, hits) VALUES (?, ?, ?, 1)
                ON CONFLICT (address, action, window_start) DO UPDATE SET hits = selfeval_rate.hits + 1
                RETURNING hits""").params(key(address), action, windowStart(window)).query(Integer.class).single();
        return hits <= max;
    }

    /** Whether the address is still within {@code max} hits in the current window, without counting. */
    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    public boolean within(String address, String action, int max, Duration window) {
        int hits = jdbc.sql("SELECT coalesce(max(hits), 0) FROM selfeval_rate WHERE address = ? AND action = ? AND window_start = ?")
                .params(key(address), action, windowStart(window)).query(Integer.class).single();
        return hits < max;
    }

    /** Forgets old windows. */
    @Scheduled(fixedDelay = 3_600_000, initialDelay = 600_000)
    @Transactional
    public void forgetOld() {
        jdbc.sql("DELETE FROM selfeval_rate WHERE window_start < now() - interval '2 days'").update();
    }

    private static Timestamp windowStart(Duration window) {
        long seconds = Math.max(1, window.toSeconds());
        long now = Instant.now().getEpochSecond();
        return Timestamp.from(Instant.ofEpochSecond(now / seconds * seconds));
    }

    private static String key(String address) {
        String a = address == null ? "unknown" : address;
        return a.length() > 64 ? a.substring(0, 64) : a;
    }
}
