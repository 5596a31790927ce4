package be.coordinaat.budget;

import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.InvalidInputException.FieldProblem;
import be.coordinaat.shared.NotFoundException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What is committed and spent against budget lines, for the modules that commit and spend money (purchasing). A
 * source (one purchase request, one order, one invoice) replaces all its bookings at once with
 * {@link #replaceBookings}, in the caller's transaction, so an amount is never counted twice and a failed change
 * leaves the earlier bookings in place. Committed is what is promised and not yet invoiced, spent is what is
 * invoiced, remaining = planned - committed - spent.
 *
 * <p>This facade checks that each line belongs to the school the caller names; the caller checks the user's
 * permission in that school (the ledger is not an endpoint).
 */
@Service
@Transactional(readOnly = true)
public class BudgetLedger {

    public enum Kind { COMMITTED, SPENT }

    /** One line to choose in a form: the open budget years of a school. */
    public record LineChoice(long id, long schoolId, long budgetYearId, String yearLabel, String label,
            BigDecimal remaining) {
    }

    public record LineStatus(long id, long schoolId, long budgetYearId, String yearLabel, String label,
            BigDecimal planned, BigDecimal committed, BigDecimal spent) {

        public BigDecimal remaining() {
            return planned.subtract(committed).subtract(spent);
        }

        public boolean exceeded() {
            return remaining().signum() < 0;
        }
    }

    /** One amount against one line; {@code amount} has at most two decimals. */
    public record Booking(long lineId, Kind kind, BigDecimal amount, LocalDate bookedOn, String description) {

        public Booking {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(bookedOn, "bookedOn");
        }
    }

    private static final String STATUS = """
            SELECT l.id, l.school_id, l.budget_year_id, y.label AS year_label, l.description, l.category,
                   l.planned,
                   COALESCE((SELECT sum(b.amount) FROM budget_booking b WHERE b.line_id = l.id AND b.kind = 'COMMITTED'), 0) AS committed,
                   COALESCE((SELECT sum(b.amount) FROM budget_booking b WHERE b.line_id = l.id AND b.kind = 'SPENT'), 0) AS spent
            FROM budget_line l JOIN budget_year y ON y.id = l.budget_year_id""";

    private final JdbcClient jdbc;

    BudgetLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The lines of a school's open budget years, newest year first, with what remains on each. */
    public List<LineChoice> choices(long schoolId) {
        return jdbc.sql(STATUS + " WHERE l.school_id = :school AND NOT y.closed ORDER BY y.starts_on DESC, l.category, lower(l.description), l.id")
                .param("school", schoolId)
                .query((rs, n) -> new LineChoice(rs.getLong("id"), rs.getLong("school_id"), rs.getLong("budget_year_id"),
                        rs.getString("year_label"), rs.getString("description"),
                        rs.getBigDecimal("planned").subtract(rs.getBigDecimal("committed")).subtract(rs.getBigDecimal("spent"))))
                .list();
    }

    /** One line of the given school; {@link NotFoundException} when it does not exist or belongs to another school. */
    public LineStatus status(long schoolId, long lineId) {
        return statuses(schoolId, List.of(lineId)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("budget line", lineId));
    }

    /** The lines of the given school among these ids (others are left out). */
    public List<LineStatus> statuses(long schoolId, Collection<Long> lineIds) {
        if (lineIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(STATUS + " WHERE l.school_id = :school AND l.id = ANY(:ids) ORDER BY l.id")
                .param("school", schoolId)
                .param("ids", lineIds.toArray(Long[]::new))
                .query((rs, n) -> new LineStatus(rs.getLong("id"), rs.getLong("school_id"), rs.getLong("budget_year_id"),
                        rs.getString("year_label"), rs.getString("description"), rs.getBigDecimal("planned"),
                        rs.getBigDecimal("committed"), rs.getBigDecimal("spent")))
                .list();
    }

    /**
     * Replaces every booking of one source by these, in the caller's transaction (which must exist). Each line must
     * belong to {@code schoolId} and to an open budget year, else {@link InvalidInputException} on
     * {@code fieldForLine} and nothing changes. Returns the affected lines' status afterwards: the caller warns (or
     * refuses) when one is {@link LineStatus#exceeded()}. An empty list removes the source's bookings.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<LineStatus> replaceBookings(String sourceType, long sourceId, long schoolId, List<Booking> bookings,
            String fieldForLine) {
        Set<Long> lines = new LinkedHashSet<>();
        for (Booking b : bookings) {
            if (b.amount().stripTrailingZeros().scale() > 2) {
                throw new IllegalArgumentException("An amount in euros has at most two decimals: " + b.amount());
            }
            lines.add(b.lineId());
        }
        if (!lines.isEmpty()) {
            List<Long> open = jdbc.sql("SELECT l.id FROM budget_line l JOIN budget_year y ON y.id = l.budget_year_id "
                            + "WHERE l.school_id = :school AND NOT y.closed AND l.id = ANY(:ids) FOR SHARE OF l")
                    .param("school", schoolId).param("ids", lines.toArray(Long[]::new))
                    .query(Long.class).list();
            if (open.size() != lines.size()) {
                throw new InvalidInputException(List.of(new FieldProblem(fieldForLine, "budget.line.notOpen",
                        "The budget line does not exist in this school or its budget year is closed")));
            }
        }
        List<Long> before = jdbc.sql("DELETE FROM budget_booking WHERE source_type = :type AND source_id = :id RETURNING line_id")
                .param("type", sourceType).param("id", sourceId).query(Long.class).list();
        for (Booking b : bookings) {
            jdbc.sql("""
                    INSERT INTO budget_booking (line_id, school_id, source_type, source_id, kind, amount, booked_on, description)
                    VALUES (:line, :school, :type, :id, :kind, :amount, :on, :description)""")
                    .param("line", b.lineId()).param("school", schoolId).param("type", sourceType).param("id", sourceId)
                    .param("kind", b.kind().name()).param("amount", b.amount().setScale(2, RoundingMode.UNNECESSARY))
                    .param("on", b.bookedOn()).param("description", b.description())
                    .update();
        }
        List<Long> affected = new ArrayList<>(lines);
        before.stream().filter(id -> !lines.contains(id)).distinct().forEach(affected::add);
        return statuses(schoolId, affected);
    }
}
