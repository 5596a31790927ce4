package be.coordinaat.budget;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Budget years, lines and bookings in domain terms, for the budget tests (each test makes its own). */
final class BudgetTestData {
    private BudgetTestData() {}

    /** A school year (first calendar year) no budget year of the school overlaps, far from the demo's years. */
    static int freeYear(JdbcClient jdbc, long school) {
        for (int i = 0; i < 500; i++) {
            int y = ThreadLocalRandom.current().nextInt(2030, 2099);
            long clash = jdbc.sql("SELECT count(*) FROM budget_year WHERE school_id = ? AND starts_on <= ? AND ends_on >= ?")
                    .params(school, LocalDate.of(y + 1, 8, 31), LocalDate.of(y - 1, 1, 1)).query(Long.class).single();
            if (clash == 0) {
                return y;
            }
        }
        throw new IllegalStateException("no free year");
    }

    static long year(Api api, long school, int start) {
        return year(api, school, start, false);
    }

    static long year(Api api, long school, int start, boolean copyPrevious) {
        var r = api.post("/api/v1/budget/years", Api.json(Map.of("schoolId", school, "kind", "SCHOOL_YEAR",
                "startYear", start, "copyPrevious", copyPrevious)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    static long line(Api api, long year, String category, String source, String description, Object planned) {
        var r = api.post("/api/v1/budget/years/" + year + "/lines", lineBody(category, source, description, planned));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    static String lineBody(String category, String source, String description, Object planned) {
        return Api.json(new java.util.LinkedHashMap<>(Map.of("category", category, "fundingSource", source,
                "description", description, "planned", planned)));
    }

    /** Books an amount on a line through the ledger, as the purchasing module does (one source per call). */
    static void book(BudgetLedger ledger, TransactionTemplate tx, long school, long line, BudgetLedger.Kind kind,
            String amount, LocalDate on) {
        long source = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        tx.executeWithoutResult(s -> ledger.replaceBookings("test-order", source, school,
                List.of(new BudgetLedger.Booking(line, kind, new BigDecimal(amount), on, "test")), "lineId"));
    }

    /** The fields named in a problem+json answer. */
    static List<String> fields(Api.Response r) {
        List<String> fields = new ArrayList<>();
        JsonNode errors = r.json().get("errors");
        if (errors != null) {
            errors.forEach(e -> fields.add(e.get("field") == null || e.get("field").isNull() ? null : e.get("field").asString()));
        }
        return fields;
    }

    static BigDecimal money(JsonNode n) {
        return n.decimalValue();
    }
}
