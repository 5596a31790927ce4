package be.coordinaat.maintenance;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.CurrentUser;
import be.coordinaat.access.Permission;
import be.coordinaat.maintenance.Forms.LogForm;
import be.coordinaat.maintenance.Views.LogView;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.InvalidInputException.FieldProblem;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.Page;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.RecordChanged;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The maintenance log of the assets: what preventive plans found and what was repaired or replaced by hand. Read with
 * MAINTENANCE_READ in the asset's school; ad-hoc entries are added with MAINTENANCE_MANAGE there. An account of an
 * external organisation sees only the assets its organisation's plans apply to (now, or in an occurrence it did).
 */
@Service
@Transactional(readOnly = true)
public class MaintenanceLogs {

    private static final BigDecimal MAX_COST = new BigDecimal("10000000000");

    /** The assets the user may see in the maintenance module. */
    static final String ASSET_VISIBLE = " a.school_id = ANY(:schools) AND (CAST(:org AS bigint) IS NULL OR EXISTS ("
            + " SELECT 1 FROM maintenance_plan p WHERE p.assignee_organisation_id = CAST(:org AS bigint)"
            + " AND p.school_id = a.school_id AND ((p.target_type = 'KIND' AND p.target_kind = a.kind)"
            + " OR (p.target_type = 'MODEL' AND p.target_model_id = a.model_id)"
            + " OR (p.target_type = 'ROOM' AND p.target_room_id = a.room_id)"
            + " OR (p.target_type = 'ASSET' AND p.target_asset_id = a.id)))"
            + " OR EXISTS (SELECT 1 FROM maintenance_target t JOIN maintenance_occurrence oc ON oc.id = t.occurrence_id"
            + " JOIN maintenance_plan p ON p.id = oc.plan_id WHERE t.asset_id = a.id"
            + " AND p.assignee_organisation_id = CAST(:org AS bigint)))";
    private static final String SELECT = """
            SELECT l.*, a.tag AS asset_tag, a.name AS asset_name, p.name AS plan_name
            FROM maintenance_log l
            JOIN asset a ON a.id = l.asset_id
            LEFT JOIN maintenance_plan p ON p.id = l.plan_id""";

    private final JdbcClient jdbc;
    private final AccessControl access;
    private final MaintenancePlans plans;
    private final ApplicationEventPublisher events;

    MaintenanceLogs(JdbcClient jdbc, AccessControl access, MaintenancePlans plans, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.plans = plans;
        this.events = events;
    }

    /** The asset's tag and name and school, when the current user may see it here; 404 otherwise. */
    public record AssetRef(long id, long schoolId, String tag, String name) {
        public String label() {
            return name == null ? tag : tag + " " + name;
        }
    }

    public AssetRef asset(long assetId) {
        return jdbc.sql("SELECT a.id, a.school_id, a.tag, a.name FROM asset a WHERE a.id = :id AND" + ASSET_VISIBLE)
                .param("id", assetId).params(plans.scope(Permission.MAINTENANCE_READ))
                .query((rs, n) -> new AssetRef(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4))).optional()
                .orElseThrow(() -> new NotFoundException("asset", assetId));
    }

    /**
     * Log entries, newest first: of one asset ({@code assetId}), of one school, or of every asset the user may see.
     */
    public Page<LogView> list(Long assetId, Long schoolId, PageQuery query) {
        access.requireAnywhere(Permission.MAINTENANCE_READ);
        // the log's own school first, so that the (school, date) index serves the newest-first page
        StringBuilder where = new StringBuilder(" WHERE l.school_id = ANY(:schools) AND").append(ASSET_VISIBLE);
        Map<String, Object> params = plans.scope(Permission.MAINTENANCE_READ);
        if (assetId != null) {
            asset(assetId);
            where.append(" AND l.asset_id = :asset");
            params.put("asset", assetId);
        }
        if (schoolId != null) {
            if (!access.can(Permission.MAINTENANCE_READ, schoolId)) {
                throw new NotFoundException("school", schoolId);
            }
            where.append(" AND l.school_id = :school");
            params.put("school", schoolId);
        }
        if (query.q() != null) {
            where.append(" AND lower(l.summary || ' ' || a.tag) LIKE :q ESCAPE '\\'");
            params.put("q", query.likePattern());
        }
        long total = jdbc.sql("SELECT count(*) FROM maintenance_log l JOIN asset a ON a.id = l.asset_id" + where)
                .params(params).query(Long.class).single();
        List<LogView> items = jdbc.sql(SELECT + where + " ORDER BY l.performed_on DESC, l.id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", query.size()).param("offset", query.offset())
                .query(MaintenanceLogs::row).list();
        return new Page<>(items, total, query.page(), query.size());
    }

    public LogView entry(long id) {
        return jdbc.sql(SELECT + " WHERE l.id = :id AND" + ASSET_VISIBLE).param("id", id)
                .params(plans.scope(Permission.MAINTENANCE_READ)).query(MaintenanceLogs::row).optional()
                .orElseThrow(() -> new NotFoundException("maintenance log entry", id));
    }

    public boolean canAdd(long schoolId) {
        return access.can(Permission.MAINTENANCE_MANAGE, schoolId);
    }

    /** Records ad-hoc (corrective) work on an asset. */
    @Transactional
    public long add(long assetId, LogForm form) {
        AssetRef asset = asset(assetId);
        if (!canAdd(asset.schoolId())) {
            throw new AccessDeniedException("no MAINTENANCE_MANAGE in school " + asset.schoolId());
        }
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate today = MaintenancePlans.today();
        if (form.performedOn() == null) {
            problems.add(new FieldProblem("performedOn", "error.required", "is required"));
        } else if (form.performedOn().isAfter(today) || form.performedOn().isBefore(LocalDate.of(2000, 1, 1))) {
            problems.add(new FieldProblem("performedOn", "maintenance.error.completedOn", "may not lie in the future"));
        }
        String summary = MaintenancePlans.blank(form.summary());
        if (summary == null) {
            problems.add(new FieldProblem("summary", "error.required", "is required"));
        } else if (summary.length() > 4000) {
            problems.add(new FieldProblem("summary", "maintenance.error.tooLong", "is too long"));
        }
        BigDecimal cost = form.cost();
        if (cost != null && (cost.signum() < 0 || cost.stripTrailingZeros().scale() > 2 || cost.compareTo(MAX_COST) >= 0)) {
            problems.add(new FieldProblem("cost", "maintenance.error.cost",
                    "must be an amount in euros with at most 2 decimals, not negative"));
        }
        if (tooLong(form.performedBy(), 200)) {
            problems.add(new FieldProblem("performedBy", "maintenance.error.tooLong", "is too long"));
        }
        if (tooLong(form.supplier(), 200)) {
            problems.add(new FieldProblem("supplier", "maintenance.error.tooLong", "is too long"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        CurrentUser user = access.current();
        String by = MaintenancePlans.blank(form.performedBy()) == null ? user.displayName() : form.performedBy().strip();
        BigDecimal money = cost == null ? null : cost.setScale(2, RoundingMode.UNNECESSARY);
        String outcome = Boolean.TRUE.equals(form.failed()) ? "FAILED" : "OK";
        long id = jdbc.sql("""
                INSERT INTO maintenance_log (school_id, asset_id, performed_on, kind, outcome, summary, performed_by, supplier,
                    cost, created_by, created_by_name)
                VALUES (?, ?, ?, 'CORRECTIVE', ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(asset.schoolId(), assetId, form.performedOn(), outcome, summary, MaintenancePlans.truncate(by, 200),
                        MaintenancePlans.blank(form.supplier()), money, user.id(), user.displayName())
                .query(Long.class).single();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("asset", asset.tag());
        after.put("performedOn", form.performedOn());
        after.put("summary", summary);
        after.put("performedBy", by);
        after.put("supplier", MaintenancePlans.blank(form.supplier()));
        after.put("cost", money == null ? null : money.toPlainString());
        after.put("outcome", outcome);
        events.publishEvent(new RecordChanged("maintenance_log", id, user.boardId(), asset.schoolId(), RecordChanged.CREATED,
                MaintenancePlans.truncate(asset.tag() + " · " + summary, 300), RecordChanged.diff(Map.of(), after)));
        return id;
    }

    /** Removes an ad-hoc entry recorded by mistake; entries of preventive plans belong to their occurrence and stay. */
    @Transactional
    public void delete(long id) {
        LogView entry = entry(id);
        if (!canAdd(entry.schoolId())) {
            throw new AccessDeniedException("no MAINTENANCE_MANAGE in school " + entry.schoolId());
        }
        if (entry.kind() != LogKind.CORRECTIVE) {
            throw new be.coordinaat.shared.ConflictException("maintenance.error.log.preventive",
                    "entries of a preventive plan cannot be deleted");
        }
        jdbc.sql("DELETE FROM maintenance_log WHERE id = ?").param(id).update();
        events.publishEvent(new RecordChanged("maintenance_log", id, access.current().boardId(), entry.schoolId(),
                RecordChanged.DELETED, MaintenancePlans.truncate(entry.assetTag() + " · " + entry.summary(), 300),
                RecordChanged.diff(Map.of("summary", entry.summary(), "performedOn", entry.performedOn()), Map.of())));
    }

    private static boolean tooLong(String s, int max) {
        return s != null && s.strip().length() > max;
    }

    private static LogView row(ResultSet rs, int n) throws SQLException {
        return new LogView(rs.getLong("id"), rs.getLong("school_id"), rs.getLong("asset_id"), rs.getString("asset_tag"),
                rs.getString("asset_name"), rs.getObject("performed_on", LocalDate.class), LogKind.valueOf(rs.getString("kind")),
                rs.getString("outcome"), (Long) rs.getObject("plan_id"), rs.getString("plan_name"),
                (Long) rs.getObject("occurrence_id"), rs.getString("summary"), rs.getString("performed_by"),
                rs.getString("supplier"), rs.getBigDecimal("cost"), rs.getString("created_by_name"),
                rs.getTimestamp("created_at").toInstant());
    }
}
