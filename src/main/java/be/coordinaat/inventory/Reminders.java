package be.coordinaat.inventory;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * In-app reminders of the inventory for the schools the user may read: warranties ending, end of life near,
 * loans overdue, consumables below their minimum, assets due for an audit. Counts only; each links to the
 * filtered list that shows the items.
 */
@Service
public class Reminders {

    public static final int WARRANTY_DAYS = 60;
    public static final int END_OF_LIFE_DAYS = 90;
    public static final int AUDIT_MONTHS = 12;

    /** The counts, each for the filtered list it links to. */
    public record Counts(long warrantyEnding, long endOfLifeNear, long loansOverdue, long consumablesLow, long auditsDue) {
        public boolean any() {
            return warrantyEnding + endOfLifeNear + loansOverdue + consumablesLow + auditsDue > 0;
        }
    }

    private final JdbcClient jdbc;
    private final AccessControl access;

    Reminders(JdbcClient jdbc, AccessControl access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    @Transactional(readOnly = true)
    public Counts counts() {
        Set<Long> schools = access.schools(Permission.INVENTORY_READ);
        if (schools.isEmpty()) {
            return new Counts(0, 0, 0, 0, 0);
        }
        Long[] ids = schools.toArray(Long[]::new);
        return jdbc.sql("""
                SELECT
                  (SELECT count(*) FROM asset a WHERE a.school_id = ANY(:ids) AND a.status NOT IN ('RETIRED', 'DISPOSED')
                     AND a.warranty_end BETWEEN current_date AND current_date + :warranty),
                  (SELECT count(*) FROM asset a WHERE a.school_id = ANY(:ids) AND a.status NOT IN ('RETIRED', 'DISPOSED')
                     AND a.end_of_life BETWEEN current_date AND current_date + :eol),
                  (SELECT count(*) FROM loan l WHERE l.school_id = ANY(:ids) AND l.returned_at IS NULL
                     AND l.expected_return < current_date),
                  (SELECT count(*) FROM consumable c WHERE c.school_id = ANY(:ids) AND c.stock < c.minimum),
                  (SELECT count(*) FROM asset a WHERE a.school_id = ANY(:ids) AND a.status NOT IN ('RETIRED', 'DISPOSED', 'ORDERED')
                     AND (a.last_audit_at IS NULL OR a.last_audit_at < now() - make_interval(months => :months)))""")
                .param("ids", ids).param("warranty", WARRANTY_DAYS).param("eol", END_OF_LIFE_DAYS)
                .param("months", AUDIT_MONTHS)
                .query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .single();
    }

    /** What a reminder is about. */
    public enum DueKind { WARRANTY_ENDING, END_OF_LIFE, LOAN_OVERDUE }

    /**
     * One item behind the counts, for a digest by mail: the asset, its date (warranty end, end of life, expected
     * return) and, for a loan, the borrower's name.
     */
    public record DueItem(DueKind kind, long schoolId, String schoolName, long assetId, String tag, String name,
            LocalDate date, String borrower) {}

    /**
     * The warranty-ending, end-of-life and overdue-loan items of the given schools, at most {@code limitPerKind} of
     * each kind per school, soonest first. For scheduled work without a signed-in user (the weekly digest mail): the
     * caller decides who may see which schools, so this checks no permission.
     */
    @Transactional(readOnly = true)
    public List<DueItem> dueItems(Collection<Long> schoolIds, int limitPerKind) {
        if (schoolIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT * FROM (
                  SELECT 'WARRANTY_ENDING' AS kind, a.school_id, s.name AS school_name, a.id, a.tag, a.name, a.warranty_end AS date,
                         NULL AS borrower, row_number() OVER (PARTITION BY a.school_id ORDER BY a.warranty_end, a.id) AS n
                  FROM asset a JOIN school s ON s.id = a.school_id
                  WHERE a.school_id = ANY(:ids) AND a.status NOT IN ('RETIRED', 'DISPOSED')
                    AND a.warranty_end BETWEEN current_date AND current_date + :warranty
                  UNION ALL
                  SELECT 'END_OF_LIFE', a.school_id, s.name, a.id, a.tag, a.name, a.end_of_life, NULL,
                         row_number() OVER (PARTITION BY a.school_id ORDER BY a.end_of_life, a.id)
                  FROM asset a JOIN school s ON s.id = a.school_id
                  WHERE a.school_id = ANY(:ids) AND a.status NOT IN ('RETIRED', 'DISPOSED')
                    AND a.end_of_life BETWEEN current_date AND current_date + :eol
                  UNION ALL
                  SELECT 'LOAN_OVERDUE', l.school_id, s.name, a.id, a.tag, a.name, l.expected_return,
                         p.first_name || ' ' || p.last_name,
                         row_number() OVER (PARTITION BY l.school_id ORDER BY l.expected_return, l.id)
                  FROM loan l JOIN asset a ON a.id = l.asset_id JOIN school s ON s.id = l.school_id
                  JOIN person p ON p.id = l.person_id
                  WHERE l.school_id = ANY(:ids) AND l.returned_at IS NULL AND l.expected_return < current_date
                ) x WHERE n <= :limit ORDER BY school_name, school_id, kind, date, id""")
                .param("ids", schoolIds.toArray(Long[]::new)).param("warranty", WARRANTY_DAYS).param("eol", END_OF_LIFE_DAYS)
                .param("limit", limitPerKind)
                .query((rs, n) -> new DueItem(DueKind.valueOf(rs.getString("kind")), rs.getLong("school_id"),
                        rs.getString("school_name"), rs.getLong("id"), rs.getString("tag"), rs.getString("name"),
                        rs.getObject("date", LocalDate.class), rs.getString("borrower")))
                .list();
    }
}
