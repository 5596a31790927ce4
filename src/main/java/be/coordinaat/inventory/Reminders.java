package be.coordinaat.inventory;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
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
}
