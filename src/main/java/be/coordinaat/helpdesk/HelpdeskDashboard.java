package be.coordinaat.helpdesk;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import be.coordinaat.helpdesk.Views.Count;
import be.coordinaat.helpdesk.Views.Dashboard;
import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The helpdesk dashboard for TICKETS_READ holders over their schools: open tickets by category, school, asset model
 * (which models break most) and priority, the overdue and escalated counts, the mean time to resolve and the mean
 * satisfaction over the last 90 days. Each figure is one GROUP BY over the open-ticket indexes.
 */
@Service
@Transactional(readOnly = true)
public class HelpdeskDashboard {

    private final JdbcClient jdbc;
    private final AccessControl access;

    HelpdeskDashboard(JdbcClient jdbc, AccessControl access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    public Dashboard dashboard(Long schoolId) {
        access.requireAnywhere(Permission.TICKETS_READ);
        Long[] schools = access.schoolArray(Permission.TICKETS_READ);
        if (schoolId != null) {
            if (!access.can(Permission.TICKETS_READ, schoolId)) {
                throw new be.coordinaat.shared.NotFoundException("school", schoolId);
            }
            schools = new Long[] {schoolId};
        }
        String scope = " t.school_id = ANY(CAST(:schools AS bigint[])) AND" + Tickets.OPEN;
        var totals = jdbc.sql("""
                SELECT count(*), count(*) FILTER (WHERE t.assignee_id IS NULL),
                       count(*) FILTER (WHERE t.sla_paused_at IS NULL AND (t.resolution_due_at < now()
                                        OR (t.first_response_at IS NULL AND t.response_due_at < now()))),
                       count(*) FILTER (WHERE t.escalated_org_id IS NOT NULL)
                FROM ticket t WHERE""" + scope).param("schools", schools)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).single();
        List<Count> byCategory = counts("""
                SELECT root.id, coalesce(root.name, '—'), count(*) FROM ticket t
                LEFT JOIN ticket_category c ON c.id = t.category_id
                LEFT JOIN ticket_category root ON root.id = coalesce(c.parent_id, c.id)
                WHERE""" + scope + " GROUP BY root.id, root.name ORDER BY count(*) DESC, 2 LIMIT 20", schools);
        List<Count> bySchool = counts("SELECT s.id, s.name, count(*) FROM ticket t JOIN school s ON s.id = t.school_id WHERE"
                + scope + " GROUP BY s.id, s.name ORDER BY count(*) DESC, s.name LIMIT 50", schools);
        // which models break most: every ticket on an asset in the last 365 days, open or not
        List<Count> byModel = counts("""
                SELECT m.id, mf.name || ' ' || m.name, count(*) FROM ticket t JOIN asset a ON a.id = t.asset_id
                JOIN asset_model m ON m.id = a.model_id JOIN manufacturer mf ON mf.id = m.manufacturer_id
                WHERE t.school_id = ANY(CAST(:schools AS bigint[])) AND t.created_at > now() - interval '365 days'
                  AND t.kind = 'INCIDENT'
                GROUP BY m.id, mf.name, m.name ORDER BY count(*) DESC, 2 LIMIT 15""", schools);
        List<Count> byPriority = counts("SELECT t.priority, 'P' || t.priority, count(*) FROM ticket t WHERE" + scope
                + " GROUP BY t.priority ORDER BY t.priority", schools);
        var resolve = jdbc.sql("""
                SELECT extract(epoch FROM avg(t.solved_at - t.created_at)), count(*), avg(t.satisfaction)
                FROM ticket t WHERE t.school_id = ANY(CAST(:schools AS bigint[])) AND t.solved_at IS NOT NULL
                  AND t.solved_at > now() - interval '90 days' AND t.merged_into_id IS NULL""").param("schools", schools)
                .query((rs, n) -> new Object[] {rs.getObject(1) == null ? null : Duration.ofSeconds((long) rs.getDouble(1)),
                        rs.getLong(2), rs.getObject(3) == null ? null : rs.getDouble(3)})
                .single();
        return new Dashboard(totals[0], totals[1], totals[2], totals[3], byCategory, bySchool, byModel, byPriority,
                (Duration) resolve[0], (Long) resolve[1], (Double) resolve[2]);
    }

    private List<Count> counts(String sql, Long[] schools) {
        return jdbc.sql(sql).param("schools", schools)
                .query((rs, n) -> new Count(rs.getObject(1) == null ? null : rs.getLong(1), rs.getString(2), rs.getLong(3)))
                .list();
    }
}
