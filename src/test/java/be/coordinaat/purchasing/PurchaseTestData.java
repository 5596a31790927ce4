package be.coordinaat.purchasing;

import be.coordinaat.support.Api;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Fixtures in purchasing terms: a budget line with a planned amount, a request through the real API. */
final class PurchaseTestData {
    private PurchaseTestData() {}

    private static final AtomicInteger SEQ = new AtomicInteger();

    static String unique(String base) {
        return base + " " + System.nanoTime() % 1_000_000_000L + "-" + SEQ.incrementAndGet();
    }

    /**
     * A budget line of the school in an open budget year of its own (the budget module's tables: its facade books but
     * does not plan yet), so remaining = planned - what the test books.
     */
    static long budgetLine(JdbcClient jdbc, long schoolId, String planned) {
        for (int attempt = 0; ; attempt++) {
            LocalDate start = LocalDate.of(1900, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 60_000));
            try {
                long year = jdbc.sql("""
                        INSERT INTO budget_year (school_id, label, kind, starts_on, ends_on)
                        VALUES (?, ?, 'CALENDAR_YEAR', ?, ?) RETURNING id""")
                        .params(schoolId, "Test " + start, start, start.plusYears(1).minusDays(1)).query(Long.class).single();
                return jdbc.sql("""
                        INSERT INTO budget_line (budget_year_id, school_id, funding_source, category, description, planned)
                        VALUES (?, ?, 'OPERATING', 'PUPIL_DEVICES', ?, ?) RETURNING id""")
                        .params(year, schoolId, unique("Toestellen"), new BigDecimal(planned)).query(Long.class).single();
            } catch (org.springframework.dao.DuplicateKeyException e) {
                if (attempt > 20) {
                    throw e;
                }
            }
        }
    }

    static BigDecimal booked(JdbcClient jdbc, long lineId, String kind) {
        return jdbc.sql("SELECT coalesce(sum(amount), 0) FROM budget_booking WHERE line_id = ? AND kind = ?")
                .params(lineId, kind).query(BigDecimal.class).single();
    }

    static long request(Api api, long schoolId, String title, int quantity, String cost) {
        var r = api.post("/api/v1/purchases/requests", Api.json(Map.of("schoolId", schoolId, "title", title,
                "reason", "Voor de lessen", "quantity", quantity, "estimatedCost", new BigDecimal(cost))));
        if (r.status() != 201) {
            throw new AssertionError(r.toString());
        }
        return r.json().get("id").asLong();
    }

    static int version(Api api, long requestId) {
        return api.get("/api/v1/purchases/requests/" + requestId).json().get("version").asInt();
    }

    /** A request of the school, advised on the line and approved by the director: ready to order. */
    static long approved(Api teacher, Api coordinator, Api director, long schoolId, long line, String cost) {
        long id = request(teacher, schoolId, unique("Laptops"), 2, cost);
        var a = coordinator.post("/api/v1/purchases/requests/" + id + "/advice", Api.json(Map.of(
                "recommendation", "HP ProBook", "budgetLineId", line, "version", version(coordinator, id))));
        if (a.status() != 200) {
            throw new AssertionError(a.toString());
        }
        var d = director.post("/api/v1/purchases/requests/" + id + "/decision", Api.json(Map.of(
                "decision", "APPROVE", "version", version(director, id), "confirmOverBudget", true)));
        if (d.status() != 200) {
            throw new AssertionError(d.toString());
        }
        return id;
    }
}
