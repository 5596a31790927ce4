package be.coordinaat.privacy;

import static be.coordinaat.privacy.PrivacyScope.blank;
import static be.coordinaat.privacy.PrivacyScope.brussels;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import be.coordinaat.privacy.Forms.BreachForm;
import be.coordinaat.privacy.Kinds.BreachRisk;
import be.coordinaat.privacy.Kinds.NotificationState;
import be.coordinaat.privacy.Kinds.SubjectCategory;
import be.coordinaat.privacy.Views.BreachRow;
import be.coordinaat.privacy.Views.BreachView;
import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.InvalidInputException.FieldProblem;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.Page;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.RecordChanged;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The data-breach register (GDPR art. 33-34). Anyone with BREACHES_REPORT reports a (suspected) breach of their school
 * and follows their own reports; the board's DPOs are mailed at once (in the same transaction). From the moment of
 * discovery the 72-hour clock runs: the privacy team (PRIVACY_MANAGE) assesses the risk (none or low: logged only,
 * with the reason; risk: notify the authority; high risk: also inform the people), records the notification with its
 * date and reference (a late one with the reason for the delay) and the measures, and closes the breach. Every breach
 * stays in the register, notifiable or not.
 */
@Service
@Transactional(readOnly = true)
public class Breaches {

    static final String TYPE = "breach";
    private static final String HISTORY_TYPE = "privacy-breach";
    public static final Duration NOTIFICATION_WINDOW = Duration.ofHours(72);
    /** A little slack for a clock that runs ahead of the server's. */
    private static final Duration CLOCK_SLACK = Duration.ofMinutes(5);

    static final String STATE = """
            CASE WHEN b.authority_notified_at IS NOT NULL THEN 'NOTIFIED'
                 WHEN b.risk IN ('NONE', 'LOW') THEN 'NOT_REQUIRED'
                 WHEN b.closed_at IS NULL AND :now > b.discovered_at + interval '72 hours' THEN 'OVERDUE'
                 WHEN b.risk IS NULL THEN 'ASSESS'
                 ELSE 'DUE' END""";
    private static final String SELECT = """
            SELECT b.*, s.name AS school_name, %s AS state, so.signed_off_by, so.signed_off_at
            FROM privacy_breach b
            LEFT JOIN school s ON s.id = b.school_id""".formatted(STATE) + PrivacyScope.signOffJoin(TYPE, "b.id");
    /** A breach is visible to the privacy readers of its school and to whoever reported it. */
    private static final String VISIBLE = " (" + PrivacyScope.visible("b") + " OR (b.board_id = :board AND b.reported_by = :me))";

    private final JdbcClient jdbc;
    private final PrivacyScope scope;
    private final AccessControl access;
    private final BreachMail mail;

    Breaches(JdbcClient jdbc, PrivacyScope scope, AccessControl access, BreachMail mail) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.access = access;
        this.mail = mail;
    }

    /** Filters of the breach register; all optional. {@code open}: not closed. */
    public record Filter(Long school, NotificationState state, Boolean open) {}

    public Page<BreachRow> list(Filter f, PageQuery query) {
        if (!access.canAnywhere(Permission.BREACHES_REPORT) && !access.canAnywhere(Permission.PRIVACY_READ)) {
            throw new org.springframework.security.access.AccessDeniedException("no BREACHES_REPORT");
        }
        if (f.school() != null && !scope.canRead(f.school())) {
            throw new NotFoundException("school", f.school());
        }
        StringBuilder where = new StringBuilder(" WHERE").append(VISIBLE);
        Map<String, Object> params = params();
        if (f.school() != null) {
            where.append(" AND b.school_id = :school");
            params.put("school", f.school());
        }
        if (f.state() != null) {
            where.append(" AND ").append(STATE).append(" = :state");
            params.put("state", f.state().name());
        }
        if (Boolean.TRUE.equals(f.open())) {
            where.append(" AND b.closed_at IS NULL");
        }
        if (query.q() != null) {
            where.append(" AND lower(b.title || ' ' || b.description) LIKE :q ESCAPE '\\'");
            params.put("q", query.likePattern());
        }
        long total = jdbc.sql("SELECT count(*) FROM privacy_breach b" + where).params(params).query(Long.class).single();
        String dir = query.descending() ? " DESC" : " ASC";
        String order = query.orderBy(Map.of("discovered", "b.discovered_at", "title", "lower(b.title)",
                "school", "s.name" + dir + " NULLS FIRST, b.discovered_at"), "discovered").replace(", id", ", b.id");
        if (query.sort() == null) {
            order = " ORDER BY b.discovered_at DESC, b.id DESC";
        }
        List<BreachRow> items = jdbc.sql(SELECT + where + order + " LIMIT :limit OFFSET :offset").params(params)
                .param("limit", query.size()).param("offset", query.offset())
                .query((rs, n) -> {
                    Instant discovered = PrivacyScope.instant(rs, "discovered_at");
                    return new BreachRow(rs.getLong("id"), PrivacyScope.longOrNull(rs, "school_id"), rs.getString("school_name"),
                            rs.getString("title"), discovered, discovered.plus(NOTIFICATION_WINDOW), risk(rs),
                            NotificationState.valueOf(rs.getString("state")), PrivacyScope.intOrNull(rs, "people_affected"),
                            rs.getTimestamp("closed_at") != null, PrivacyScope.signOff(rs));
                })
                .list();
        return new Page<>(items, total, query.page(), query.size());
    }

    public BreachView breach(long id) {
        if (access.currentUser().isEmpty()) {
            throw new NotFoundException(TYPE, id);
        }
        return jdbc.sql(SELECT + " WHERE b.id = :id AND" + VISIBLE).params(params()).param("id", id)
                .query(this::view).optional().orElseThrow(() -> new NotFoundException(TYPE, id));
    }

    /** Whether the current user keeps the assessment of this breach (PRIVACY_MANAGE in its school). */
    public boolean canManage(BreachView b) {
        return scope.canManage(b.schoolId());
    }

    /** Whether the current user may see the privacy side of this breach (comments, sign-off, history). */
    public boolean canRead(BreachView b) {
        return scope.canRead(b.schoolId());
    }

    /** The schools the current user may report a breach for. */
    public List<be.coordinaat.access.SchoolDirectory.SchoolRef> reportableSchools() {
        return access.visibleSchools(Permission.BREACHES_REPORT);
    }

    public boolean canReportBoardWide() {
        return access.canForBoard(Permission.BREACHES_REPORT);
    }

    /**
     * Reports a breach. The assessment part of the form is taken only from PRIVACY_MANAGE holders of the school; the
     * DPOs of the board get a mail at once.
     */
    @Transactional
    public long report(BreachForm form) {
        access.requireAnywhere(Permission.BREACHES_REPORT);
        List<FieldProblem> problems = new ArrayList<>();
        scope.checkSchool(form.schoolId(), Permission.BREACHES_REPORT, problems);
        boolean manage = problems.isEmpty() && scope.canManage(form.schoolId());
        BreachForm f = manage ? form : reportOnly(form);
        check(f, false, problems);
        var user = access.current();
        Map<String, Object> cols = columns(f);
        long id = jdbc.sql("""
                INSERT INTO privacy_breach (board_id, school_id, title, description, occurred_at, discovered_at, reported_by,
                  reported_by_name, subject_categories, data_categories, special_categories, people_affected, records_affected,
                  risk, risk_assessment, authority_notified_at, authority_reference, delay_reason, not_notified_reason,
                  people_informed_at, measures, closed_at)
                VALUES (:board, :school, :title, :description, :occurred, :discovered, :me, :meName, :subjects, :data,
                  :special, :people, :records, :risk, :assessment, :notified, :reference, :delay, :notNotified, :informed,
                  :measures, :closed) RETURNING id""")
                .param("board", user.boardId()).param("school", f.schoolId(), java.sql.Types.BIGINT)
                .param("me", user.id()).param("meName", user.displayName()).params(cols).query(Long.class).single();
        scope.publish(HISTORY_TYPE, id, f.schoolId(), RecordChanged.CREATED, f.title().strip(), Map.of(), snapshot(cols));
        mail.newBreach(id, user.boardId(), f.schoolId(), user.id());
        return id;
    }

    /** Changes a breach: the report and its assessment (PRIVACY_MANAGE in its school). */
    @Transactional
    public void update(long id, BreachForm form) {
        BreachView before = breach(id);
        scope.requireManage(before.schoolId(), TYPE, id);
        List<FieldProblem> problems = new ArrayList<>();
        check(form, true, problems);
        Map<String, Object> cols = columns(form);
        if (before.closedAt() != null && Boolean.TRUE.equals(form.closed())) {
            cols.put("closed", Timestamp.from(before.closedAt()));
        }
        int n = jdbc.sql("""
                UPDATE privacy_breach SET title = :title, description = :description, occurred_at = :occurred,
                  discovered_at = :discovered, subject_categories = :subjects, data_categories = :data,
                  special_categories = :special, people_affected = :people, records_affected = :records, risk = :risk,
                  risk_assessment = :assessment, authority_notified_at = :notified, authority_reference = :reference,
                  delay_reason = :delay, not_notified_reason = :notNotified, people_informed_at = :informed,
                  measures = :measures, closed_at = :closed, version = version + 1, updated_at = clock_timestamp()
                WHERE id = :id AND version = :version""").params(cols).param("id", id)
                .param("version", form.version() == null ? before.version() : form.version()).update();
        if (n == 0) {
            throw ConflictException.staleVersion(TYPE, id);
        }
        scope.publish(HISTORY_TYPE, id, before.schoolId(), RecordChanged.UPDATED, form.title().strip(), snapshot(before),
                snapshot(cols));
    }

    /** The form of an existing breach, for editing. */
    public static BreachForm formOf(BreachView b) {
        return new BreachForm(b.schoolId(), b.title(), b.description(), local(b.occurredAt()), local(b.discoveredAt()),
                b.subjectCategories(), b.dataCategories(), b.specialCategories(), b.peopleAffected(), b.recordsAffected(),
                b.risk(), b.riskAssessment(), local(b.authorityNotifiedAt()), b.authorityReference(), b.delayReason(),
                b.notNotifiedReason(), local(b.peopleInformedAt()), b.measures(), b.closed(), b.version());
    }

    /** The breaches whose clock runs in the schools in scope: not notified, not closed, not assessed as low risk. */
    List<BreachRow> clockRunning() {
        return list(new Filter(null, null, true), PageQuery.of(0, 50, null, null)).items().stream()
                .filter(r -> r.state() == NotificationState.ASSESS || r.state() == NotificationState.DUE
                        || r.state() == NotificationState.OVERDUE)
                .toList();
    }

    // ---- rules ----

    private static BreachForm reportOnly(BreachForm f) {
        return new BreachForm(f.schoolId(), f.title(), f.description(), f.occurredAt(), f.discoveredAt(),
                f.subjectCategories(), f.dataCategories(), f.specialCategories(), f.peopleAffected(), f.recordsAffected(),
                null, null, null, null, null, null, null, f.measures(), false, null);
    }

    private void check(BreachForm f, boolean assessment, List<FieldProblem> problems) {
        Instant now = Instant.now().plus(CLOCK_SLACK);
        Instant discovered = brussels(f.discoveredAt());
        Instant occurred = brussels(f.occurredAt());
        Instant notified = brussels(f.authorityNotifiedAt());
        Instant informed = brussels(f.peopleInformedAt());
        for (var t : new Object[][] {{"discoveredAt", discovered}, {"occurredAt", occurred}, {"authorityNotifiedAt", notified},
                {"peopleInformedAt", informed}}) {
            if (t[1] instanceof Instant i) {
                if (i.isAfter(now)) {
                    problems.add(new FieldProblem((String) t[0], "privacy.error.date.future", "cannot be in the future"));
                } else if (i.isBefore(Instant.parse("2000-01-01T00:00:00Z"))) {
                    problems.add(new FieldProblem((String) t[0], "privacy.error.date.range", "is not a plausible date"));
                }
            }
        }
        if (occurred != null && discovered != null && occurred.isAfter(discovered)) {
            problems.add(new FieldProblem("occurredAt", "privacy.error.breach.occurredAfterDiscovery",
                    "cannot be after the discovery"));
        }
        if (discovered != null && notified != null && notified.isBefore(discovered)) {
            problems.add(new FieldProblem("authorityNotifiedAt", "privacy.error.breach.beforeDiscovery",
                    "cannot be before the discovery"));
        }
        if (discovered != null && informed != null && informed.isBefore(discovered)) {
            problems.add(new FieldProblem("peopleInformedAt", "privacy.error.breach.beforeDiscovery",
                    "cannot be before the discovery"));
        }
        BreachRisk risk = f.risk();
        if (risk != null && !risk.notifyAuthority() && blank(f.notNotifiedReason()) == null && notified == null) {
            problems.add(new FieldProblem("notNotifiedReason", "privacy.error.breach.reason",
                    "say why the breach is not notified (why the risk is low)"));
        }
        if (blank(f.authorityReference()) != null && notified == null) {
            problems.add(new FieldProblem("authorityNotifiedAt", "privacy.error.breach.notifiedAt",
                    "give the date and time of the notification"));
        }
        if (discovered != null && notified != null && notified.isAfter(discovered.plus(NOTIFICATION_WINDOW))
                && blank(f.delayReason()) == null) {
            problems.add(new FieldProblem("delayReason", "privacy.error.breach.delay",
                    "the notification came after 72 hours: give the reasons for the delay (art. 33(1))"));
        }
        if (Boolean.TRUE.equals(f.closed()) && assessment) {
            if (risk == null) {
                problems.add(new FieldProblem("risk", "privacy.error.breach.closeUnassessed", "assess the risk before closing"));
            } else if (risk.notifyAuthority() && notified == null) {
                problems.add(new FieldProblem("authorityNotifiedAt", "privacy.error.breach.closeUnnotified",
                        "a breach with a risk is notified to the authority before it is closed"));
            } else if (risk.informPeople() && informed == null) {
                problems.add(new FieldProblem("peopleInformedAt", "privacy.error.breach.closeUninformed",
                        "with a high risk the people concerned are informed before the breach is closed"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static Map<String, Object> columns(BreachForm f) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("title", f.title().strip());
        p.put("description", f.description().strip());
        p.put("occurred", ts(brussels(f.occurredAt())));
        p.put("discovered", ts(brussels(f.discoveredAt())));
        p.put("subjects", PrivacyScope.names(f.subjectCategories()));
        p.put("data", blank(f.dataCategories()));
        p.put("special", Boolean.TRUE.equals(f.specialCategories()));
        p.put("people", f.peopleAffected());
        p.put("records", f.recordsAffected());
        p.put("risk", f.risk() == null ? null : f.risk().name());
        p.put("assessment", blank(f.riskAssessment()));
        p.put("notified", ts(brussels(f.authorityNotifiedAt())));
        p.put("reference", blank(f.authorityReference()));
        p.put("delay", blank(f.delayReason()));
        p.put("notNotified", blank(f.notNotifiedReason()));
        p.put("informed", ts(brussels(f.peopleInformedAt())));
        p.put("measures", blank(f.measures()));
        p.put("closed", Boolean.TRUE.equals(f.closed()) ? Timestamp.from(Instant.now()) : null);
        return p;
    }

    private static Map<String, Object> snapshot(Map<String, Object> cols) {
        Map<String, Object> m = new LinkedHashMap<>();
        cols.forEach((k, v) -> m.put(k, v instanceof String[] a ? String.join(", ", a)
                : v instanceof Timestamp t ? t.toInstant().toString() : v));
        m.put("closed", cols.get("closed") != null);
        return m;
    }

    private static Map<String, Object> snapshot(BreachView b) {
        Map<String, Object> cols = columns(formOf(b));
        cols.put("occurred", ts(b.occurredAt()));
        cols.put("discovered", ts(b.discoveredAt()));
        cols.put("notified", ts(b.authorityNotifiedAt()));
        cols.put("informed", ts(b.peopleInformedAt()));
        return snapshot(cols);
    }

    private Map<String, Object> params() {
        Map<String, Object> p = scope.params();
        p.put("me", access.current().id());
        p.put("now", Timestamp.from(Instant.now()));
        return p;
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    private static java.time.LocalDateTime local(Instant i) {
        return i == null ? null : java.time.LocalDateTime.ofInstant(i, be.coordinaat.shared.web.Formats.ZONE);
    }

    private static BreachRisk risk(ResultSet rs) throws SQLException {
        String r = rs.getString("risk");
        return r == null ? null : BreachRisk.valueOf(r);
    }

    private BreachView view(ResultSet rs, int n) throws SQLException {
        Instant discovered = PrivacyScope.instant(rs, "discovered_at");
        return new BreachView(rs.getLong("id"), PrivacyScope.longOrNull(rs, "school_id"), rs.getString("school_name"),
                rs.getString("title"), rs.getString("description"), PrivacyScope.instant(rs, "occurred_at"), discovered,
                discovered.plus(NOTIFICATION_WINDOW), rs.getString("reported_by_name"), PrivacyScope.longOrNull(rs, "reported_by"),
                PrivacyScope.enums(rs, "subject_categories", SubjectCategory::valueOf), rs.getString("data_categories"),
                rs.getBoolean("special_categories"), PrivacyScope.intOrNull(rs, "people_affected"),
                PrivacyScope.intOrNull(rs, "records_affected"), risk(rs), rs.getString("risk_assessment"),
                PrivacyScope.instant(rs, "authority_notified_at"), rs.getString("authority_reference"),
                rs.getString("delay_reason"), rs.getString("not_notified_reason"),
                PrivacyScope.instant(rs, "people_informed_at"), rs.getString("measures"),
                PrivacyScope.instant(rs, "closed_at"), NotificationState.valueOf(rs.getString("state")),
                PrivacyScope.signOff(rs), rs.getInt("version"), PrivacyScope.instant(rs, "created_at"),
                PrivacyScope.instant(rs, "updated_at"));
    }

    /** Only for the demo data: a breach as if reported by {@code reporter}. */
    long insertDemo(long boardId, BreachForm f, long reporter, String reporterName, Instant createdAt) {
        Map<String, Object> cols = columns(f);
        if (Boolean.TRUE.equals(f.closed())) {
            cols.put("closed", ts(brussels(f.discoveredAt()).plus(Duration.ofDays(5))));
        }
        return jdbc.sql("""
                INSERT INTO privacy_breach (board_id, school_id, title, description, occurred_at, discovered_at, reported_by,
                  reported_by_name, subject_categories, data_categories, special_categories, people_affected, records_affected,
                  risk, risk_assessment, authority_notified_at, authority_reference, delay_reason, not_notified_reason,
                  people_informed_at, measures, closed_at, created_at, updated_at)
                VALUES (:board, :school, :title, :description, :occurred, :discovered, :me, :meName, :subjects, :data,
                  :special, :people, :records, :risk, :assessment, :notified, :reference, :delay, :notNotified, :informed,
                  :measures, :closed, :created, :created) RETURNING id""")
                .param("board", boardId).param("school", f.schoolId(), java.sql.Types.BIGINT).param("me", reporter)
                .param("meName", reporterName).param("created", Timestamp.from(createdAt)).params(cols)
                .query(Long.class).single();
    }
}
