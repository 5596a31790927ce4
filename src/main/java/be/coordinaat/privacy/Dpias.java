package be.coordinaat.privacy;

import static be.coordinaat.privacy.PrivacyScope.blank;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import be.coordinaat.privacy.Forms.DecisionForm;
import be.coordinaat.privacy.Forms.DpiaForm;
import be.coordinaat.privacy.Forms.RiskForm;
import be.coordinaat.privacy.Kinds.DpiaCriterion;
import be.coordinaat.privacy.Kinds.DpiaDecision;
import be.coordinaat.privacy.Views.DpiaRow;
import be.coordinaat.privacy.Views.DpiaView;
import be.coordinaat.privacy.Views.RiskView;
import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.InvalidInputException.FieldProblem;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.Page;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.RecordChanged;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Data protection impact assessments (GDPR art. 35): the screening on the nine EDPB criteria (a DPIA is needed from
 * two on), the description of the processing, necessity and proportionality, the risks (likelihood × impact) with their
 * measures, the DPO's advice (a {@link Reviews review} of kind ADVICE) and the decision of the school (or the board).
 */
@Service
@Transactional(readOnly = true)
public class Dpias {

    static final String TYPE = "dpia";
    private static final String HISTORY_TYPE = "privacy-dpia";
    /** From this many criteria on, a DPIA is needed (EDPB guidelines WP248). */
    public static final int NEEDED_FROM = 2;
    public static final int MAX_RISKS = 100;

    private static final String SELECT = """
            SELECT d.*, s.name AS school_name, sw.name AS software_name, p.name AS processing_name,
                   so.signed_off_by, so.signed_off_at,
                   (SELECT count(*) FROM privacy_dpia_risk r WHERE r.dpia_id = d.id) AS risk_count,
                   (SELECT count(*) FROM privacy_dpia_risk r WHERE r.dpia_id = d.id AND r.likelihood * r.impact >= 8) AS high_count
            FROM privacy_dpia d
            LEFT JOIN school s ON s.id = d.school_id
            LEFT JOIN software sw ON sw.id = d.software_id
            LEFT JOIN privacy_processing p ON p.id = d.processing_id""" + PrivacyScope.signOffJoin(TYPE, "d.id");

    private final JdbcClient jdbc;
    private final PrivacyScope scope;
    private final AccessControl access;

    Dpias(JdbcClient jdbc, PrivacyScope scope, AccessControl access) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.access = access;
    }

    /** Filters of the DPIA list; all optional. {@code needed}: two criteria or more. */
    public record Filter(Long school, DpiaDecision decision, Boolean needed, Long software) {}

    public Page<DpiaRow> list(Filter f, PageQuery query) {
        scope.requireRead();
        scope.requireReadableSchool(f.school());
        StringBuilder where = new StringBuilder(" WHERE").append(PrivacyScope.visible("d"));
        Map<String, Object> params = scope.params();
        if (f.school() != null) {
            where.append(" AND d.school_id = :school");
            params.put("school", f.school());
        }
        if (f.decision() != null) {
            where.append(" AND d.decision = :decision");
            params.put("decision", f.decision().name());
        }
        if (Boolean.TRUE.equals(f.needed())) {
            where.append(" AND cardinality(d.criteria) >= " + NEEDED_FROM);
        }
        if (f.software() != null) {
            where.append(" AND d.software_id = :software");
            params.put("software", f.software());
        }
        if (query.q() != null) {
            where.append(" AND lower(d.title || ' ' || coalesce(sw.name, '')) LIKE :q ESCAPE '\\'");
            params.put("q", query.likePattern());
        }
        long total = jdbc.sql("SELECT count(*) FROM privacy_dpia d LEFT JOIN software sw ON sw.id = d.software_id" + where)
                .params(params).query(Long.class).single();
        String dir = query.descending() ? " DESC" : " ASC";
        String order = query.orderBy(Map.of("created", "d.created_at", "title", "lower(d.title)",
                "school", "s.name" + dir + " NULLS FIRST, lower(d.title)", "decision", "d.decision" + dir + ", lower(d.title)"),
                "created").replace(", id", ", d.id");
        if (query.sort() == null) {
            order = " ORDER BY d.created_at DESC, d.id DESC";
        }
        List<DpiaRow> items = jdbc.sql(SELECT + where + order + " LIMIT :limit OFFSET :offset").params(params)
                .param("limit", query.size()).param("offset", query.offset())
                .query((rs, n) -> {
                    List<DpiaCriterion> criteria = PrivacyScope.enums(rs, "criteria", DpiaCriterion::valueOf);
                    return new DpiaRow(rs.getLong("id"), PrivacyScope.longOrNull(rs, "school_id"), rs.getString("school_name"),
                            rs.getString("title"), rs.getString("software_name"), criteria.size(),
                            criteria.size() >= NEEDED_FROM, rs.getInt("risk_count"), rs.getInt("high_count"),
                            DpiaDecision.valueOf(rs.getString("decision")), PrivacyScope.signOff(rs),
                            PrivacyScope.instant(rs, "created_at"));
                })
                .list();
        return new Page<>(items, total, query.page(), query.size());
    }

    public DpiaView dpia(long id) {
        return jdbc.sql(SELECT + " WHERE d.id = :id AND" + PrivacyScope.visible("d")).params(scope.params()).param("id", id)
                .query(this::view).optional().orElseThrow(() -> new NotFoundException(TYPE, id));
    }

    public boolean canManage(DpiaView d) {
        return scope.canManage(d.schoolId());
    }

    @Transactional
    public long create(DpiaForm form) {
        scope.requireCreate();
        List<FieldProblem> problems = new ArrayList<>();
        scope.checkSchool(form.schoolId(), Permission.PRIVACY_MANAGE, problems);
        Map<String, Object> after = check(form, form.schoolId(), problems);
        long id = insert(scope.boardId(), form);
        scope.publish(HISTORY_TYPE, id, form.schoolId(), RecordChanged.CREATED, form.title().strip(), Map.of(), after);
        return id;
    }

    long insert(long boardId, DpiaForm f) {
        return jdbc.sql("""
                INSERT INTO privacy_dpia (board_id, school_id, title, software_id, processing_id, criteria, description, necessity)
                VALUES (:board, :school, :title, :software, :processing, :criteria, :description, :necessity) RETURNING id""")
                .param("board", boardId).param("school", f.schoolId(), java.sql.Types.BIGINT).params(columns(f))
                .query(Long.class).single();
    }

    @Transactional
    public void update(long id, DpiaForm form) {
        DpiaView before = dpia(id);
        scope.requireManage(before.schoolId(), TYPE, id);
        Map<String, Object> after = check(form, before.schoolId(), new ArrayList<>());
        int n = jdbc.sql("""
                UPDATE privacy_dpia SET title = :title, software_id = :software, processing_id = :processing,
                  criteria = :criteria, description = :description, necessity = :necessity, version = version + 1,
                  updated_at = clock_timestamp()
                WHERE id = :id AND version = :version""").params(columns(form)).param("id", id)
                .param("version", form.version() == null ? before.version() : form.version()).update();
        if (n == 0) {
            throw ConflictException.staleVersion(TYPE, id);
        }
        scope.publish(HISTORY_TYPE, id, before.schoolId(), RecordChanged.UPDATED, form.title().strip(), snapshot(before), after);
    }

    @Transactional
    public void delete(long id) {
        DpiaView before = dpia(id);
        scope.requireManage(before.schoolId(), TYPE, id);
        jdbc.sql("DELETE FROM privacy_review WHERE record_type = ? AND record_id = ?").params(TYPE, id).update();
        jdbc.sql("DELETE FROM privacy_dpia WHERE id = ?").param(id).update();
        scope.publish(HISTORY_TYPE, id, before.schoolId(), RecordChanged.DELETED, before.title(), snapshot(before), Map.of());
    }

    // ---- risks ----

    @Transactional
    public long addRisk(long id, RiskForm form) {
        DpiaView d = dpia(id);
        scope.requireManage(d.schoolId(), TYPE, id);
        if (d.risks().size() >= MAX_RISKS) {
            throw InvalidInputException.of("description", "privacy.error.risks.tooMany", "a DPIA has at most 100 risks", MAX_RISKS);
        }
        long riskId = jdbc.sql("""
                INSERT INTO privacy_dpia_risk (dpia_id, description, likelihood, impact, measures) VALUES (?, ?, ?, ?, ?)
                RETURNING id""").params(id, form.description().strip(), form.likelihood(), form.impact(),
                        blank(form.measures())).query(Long.class).single();
        touch(id);
        scope.publish(HISTORY_TYPE, id, d.schoolId(), RecordChanged.UPDATED, d.title(), Map.of(),
                Map.of("risk", riskText(form.description().strip(), form.likelihood(), form.impact())));
        return riskId;
    }

    @Transactional
    public void removeRisk(long id, long riskId) {
        DpiaView d = dpia(id);
        scope.requireManage(d.schoolId(), TYPE, id);
        RiskView risk = d.risks().stream().filter(r -> r.id() == riskId).findFirst()
                .orElseThrow(() -> new NotFoundException("risk", riskId));
        jdbc.sql("DELETE FROM privacy_dpia_risk WHERE id = ? AND dpia_id = ?").params(riskId, id).update();
        touch(id);
        scope.publish(HISTORY_TYPE, id, d.schoolId(), RecordChanged.UPDATED, d.title(),
                Map.of("risk", riskText(risk.description(), risk.likelihood(), risk.impact())), Map.of());
    }

    // ---- decision ----

    /** Records the decision of the school (PRIVACY_MANAGE); PENDING takes it back. */
    @Transactional
    public void decide(long id, DecisionForm form) {
        DpiaView d = dpia(id);
        scope.requireManage(d.schoolId(), TYPE, id);
        if (form.decision() != DpiaDecision.PENDING && form.decision() != DpiaDecision.PROCEED && blank(form.note()) == null) {
            throw InvalidInputException.of("note", "privacy.error.decision.note",
                    "explain the decision: which measures, or why not");
        }
        boolean pending = form.decision() == DpiaDecision.PENDING;
        int n = jdbc.sql("""
                UPDATE privacy_dpia SET decision = ?, decision_note = ?, decided_at = ?, decided_by_name = ?,
                  version = version + 1, updated_at = clock_timestamp()
                WHERE id = ? AND version = ?""")
                .params(form.decision().name(), blank(form.note()), pending ? null : java.sql.Timestamp.from(java.time.Instant.now()),
                        pending ? null : access.current().displayName(), id, form.version() == null ? d.version() : form.version())
                .update();
        if (n == 0) {
            throw ConflictException.staleVersion(TYPE, id);
        }
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("decision", d.decision());
        before.put("decisionNote", d.decisionNote());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("decision", form.decision());
        after.put("decisionNote", blank(form.note()));
        scope.publish(HISTORY_TYPE, id, d.schoolId(), RecordChanged.UPDATED, d.title(), before, after);
    }

    // ---- rules ----

    private Map<String, Object> check(DpiaForm f, Long schoolId, List<FieldProblem> problems) {
        String software = scope.checkSoftware(f.softwareId(), "softwareId", problems);
        String processing = null;
        if (f.processingId() != null) {
            // the processing must be visible and of the same school or of the board
            processing = jdbc.sql("SELECT p.name FROM privacy_processing p WHERE p.id = :id AND" + PrivacyScope.visible("p")
                            + " AND (p.school_id IS NULL OR p.school_id = :own)")
                    .params(scope.params()).param("id", f.processingId()).param("own", schoolId, java.sql.Types.BIGINT)
                    .query(String.class).optional().orElse(null);
            if (processing == null) {
                problems.add(new FieldProblem("processingId", "error.reference", "does not exist"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Map<String, Object> m = new LinkedHashMap<>(columns(f));
        m.put("criteria", String.join(", ", PrivacyScope.names(f.criteria())));
        m.put("software", software);
        m.put("processing", processing);
        return m;
    }

    private static Map<String, Object> columns(DpiaForm f) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("title", f.title().strip());
        p.put("software", f.softwareId());
        p.put("processing", f.processingId());
        p.put("criteria", PrivacyScope.names(f.criteria()));
        p.put("description", blank(f.description()));
        p.put("necessity", blank(f.necessity()));
        return p;
    }

    private static Map<String, Object> snapshot(DpiaView d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", d.title());
        m.put("software", d.softwareName());
        m.put("processing", d.processingName());
        m.put("criteria", String.join(", ", PrivacyScope.names(d.criteria())));
        m.put("description", d.description());
        m.put("necessity", d.necessity());
        return m;
    }

    private static String riskText(String description, int likelihood, int impact) {
        return description + " (" + likelihood + " × " + impact + ")";
    }

    private void touch(long id) {
        jdbc.sql("UPDATE privacy_dpia SET version = version + 1, updated_at = clock_timestamp() WHERE id = ?").param(id).update();
    }

    private DpiaView view(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        List<DpiaCriterion> criteria = PrivacyScope.enums(rs, "criteria", DpiaCriterion::valueOf);
        List<RiskView> risks = jdbc.sql("""
                SELECT id, description, likelihood, impact, measures FROM privacy_dpia_risk WHERE dpia_id = ?
                ORDER BY likelihood * impact DESC, id""").param(id)
                .query((r, i) -> new RiskView(r.getLong(1), r.getString(2), r.getInt(3), r.getInt(4), r.getString(5))).list();
        return new DpiaView(id, PrivacyScope.longOrNull(rs, "school_id"), rs.getString("school_name"), rs.getString("title"),
                PrivacyScope.longOrNull(rs, "software_id"), rs.getString("software_name"),
                PrivacyScope.longOrNull(rs, "processing_id"), rs.getString("processing_name"), criteria,
                criteria.size() >= NEEDED_FROM, rs.getString("description"), rs.getString("necessity"), risks,
                DpiaDecision.valueOf(rs.getString("decision")), rs.getString("decision_note"),
                PrivacyScope.instant(rs, "decided_at"), rs.getString("decided_by_name"), PrivacyScope.signOff(rs),
                rs.getInt("version"), PrivacyScope.instant(rs, "created_at"), PrivacyScope.instant(rs, "updated_at"));
    }
}
