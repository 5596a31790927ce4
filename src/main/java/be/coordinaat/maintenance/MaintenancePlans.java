package be.coordinaat.maintenance;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.CurrentUser;
import be.coordinaat.access.Permission;
import be.coordinaat.access.Role;
import be.coordinaat.access.SchoolDirectory.SchoolRef;
import be.coordinaat.inventory.AssetKind;
import be.coordinaat.maintenance.Forms.CheckResult;
import be.coordinaat.maintenance.Forms.CompleteCommand;
import be.coordinaat.maintenance.Forms.PlanForm;
import be.coordinaat.maintenance.Forms.ResultsCommand;
import be.coordinaat.maintenance.Views.CheckView;
import be.coordinaat.maintenance.Views.Choice;
import be.coordinaat.maintenance.Views.DueCounts;
import be.coordinaat.maintenance.Views.OccurrenceRow;
import be.coordinaat.maintenance.Views.OccurrenceView;
import be.coordinaat.maintenance.Views.PlanRow;
import be.coordinaat.maintenance.Views.PlanView;
import be.coordinaat.maintenance.Views.TargetAsset;
import be.coordinaat.maintenance.Views.TargetView;
import be.coordinaat.school.Schools;
import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.InvalidInputException.FieldProblem;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.Page;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.RecordChanged;
import be.coordinaat.shared.RecordsChanged;
import be.coordinaat.shared.web.Formats;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Preventive maintenance: the plans of the schools, their due dates, and carrying them out. A plan is read with
 * MAINTENANCE_READ in its school and changed with MAINTENANCE_MANAGE there. Accounts of an external organisation (the
 * municipal ICT service) see and work only the plans assigned to their organisation, and never create or change a
 * plan; anything else answers 404 for them, also for guessed ids. Completing an occurrence writes the result to every
 * target asset's maintenance log, moves the plan's next due date on and publishes {@link MaintenanceCheckFailed} for
 * every failed check, all in one transaction with the history.
 */
@Service
@Transactional(readOnly = true)
public class MaintenancePlans {

    public static final int MAX_TARGETS = 1000;
    private static final LocalDate MIN_DATE = LocalDate.of(2000, 1, 1);
    private static final LocalDate MAX_DATE = LocalDate.of(2200, 12, 31);

    /** The plans the current user may see: their schools, and for an external account only their organisation's. */
    static final String VISIBLE = " p.school_id = ANY(:schools)"
            + " AND (CAST(:org AS bigint) IS NULL OR p.assignee_organisation_id = CAST(:org AS bigint))";
    private static final String PLAN_SELECT = """
            SELECT p.*, s.name AS school_name,
                   CASE p.target_type
                     WHEN 'KIND' THEN NULL
                     WHEN 'MODEL' THEN (SELECT f.name || ' ' || m.name FROM asset_model m
                                        JOIN manufacturer f ON f.id = m.manufacturer_id WHERE m.id = p.target_model_id)
                     WHEN 'ROOM' THEN (SELECT r.name || coalesce(' (' || r.code || ')', '') FROM room r WHERE r.id = p.target_room_id)
                     ELSE (SELECT a.tag || coalesce(' ' || a.name, '') FROM asset a WHERE a.id = p.target_asset_id)
                   END AS target_label,
                   coalesce(u.display_name, o.name) AS assignee,
                   (SELECT oc.id FROM maintenance_occurrence oc WHERE oc.plan_id = p.id AND oc.status = 'OPEN') AS open_occurrence_id
            FROM maintenance_plan p
            JOIN school s ON s.id = p.school_id
            LEFT JOIN app_user u ON u.id = p.assignee_user_id
            LEFT JOIN organisation o ON o.id = p.assignee_organisation_id""";
    /** Assets a plan applies to now: of the plan's school, in service (not ordered, retired or disposed). */
    private static final String TARGET_ASSETS = """
            SELECT a.id, a.tag, a.name, a.kind, a.room_id, f.name || ' ' || m.name AS model,
                   r.name || coalesce(' (' || r.code || ')', '') AS room
            FROM asset a
            LEFT JOIN asset_model m ON m.id = a.model_id
            LEFT JOIN manufacturer f ON f.id = m.manufacturer_id
            LEFT JOIN room r ON r.id = a.room_id
            WHERE a.school_id = :school AND a.status NOT IN ('ORDERED', 'RETIRED', 'DISPOSED')""";

    private final JdbcClient jdbc;
    private final AccessControl access;
    private final Schools schools;
    private final ApplicationEventPublisher events;

    MaintenancePlans(JdbcClient jdbc, AccessControl access, Schools schools, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.schools = schools;
        this.events = events;
    }

    // ---- scope ----

    public List<SchoolRef> readableSchools() {
        return access.visibleSchools(Permission.MAINTENANCE_READ);
    }

    /** The schools where the current user may create plans; none for external accounts. */
    public List<SchoolRef> manageableSchools() {
        return external() ? List.of() : access.visibleSchools(Permission.MAINTENANCE_MANAGE);
    }

    public boolean canCreate() {
        return !external() && access.canAnywhere(Permission.MAINTENANCE_MANAGE);
    }

    /** Whether the current user may change the plan itself (not for external accounts). */
    public boolean canEdit(long schoolId) {
        return !external() && access.can(Permission.MAINTENANCE_MANAGE, schoolId);
    }

    /** Whether the current user may carry out a plan they can see and record maintenance in its school. */
    public boolean canWork(long schoolId) {
        return access.can(Permission.MAINTENANCE_MANAGE, schoolId);
    }

    private boolean external() {
        return access.currentUser().map(CurrentUser::external).orElse(false);
    }

    Map<String, Object> scope(Permission permission) {
        Map<String, Object> p = new HashMap<>();
        p.put("schools", access.schoolArray(permission));
        CurrentUser user = access.current();
        p.put("org", user.external() ? user.organisationId() : null);
        return p;
    }

    // ---- lists ----

    /** The plans in the user's scope matching the filter; sort by name, next, school or updated. */
    public Page<PlanRow> list(PlanFilter filter, PageQuery query) {
        access.requireAnywhere(Permission.MAINTENANCE_READ);
        StringBuilder where = new StringBuilder(" WHERE").append(VISIBLE);
        Map<String, Object> params = scope(Permission.MAINTENANCE_READ);
        applyFilter(filter, where, params);
        if (filter.active() != null) {
            where.append(" AND p.active = :active");
            params.put("active", filter.active());
        }
        if (query.q() != null) {
            where.append(" AND lower(p.name) LIKE :q ESCAPE '\\'");
            params.put("q", query.likePattern());
        }
        String order = query.orderBy(Map.of("name", "lower(p.name)", "next", "p.next_due", "school", "lower(s.name)",
                "updated", "p.updated_at"), "name").replace(", id", ", p.id");
        return page(where.toString(), params, order, query);
    }

    /**
     * The active plans due within {@code filter.window()} days or overdue, soonest first: per school, for the current
     * account ({@code assignee=me}), for their organisation ({@code assignee=organisation}) or for one organisation.
     */
    public Page<PlanRow> due(PlanFilter filter, PageQuery query) {
        access.requireAnywhere(Permission.MAINTENANCE_READ);
        StringBuilder where = new StringBuilder(" WHERE").append(VISIBLE).append(" AND p.active AND p.next_due <= :until");
        Map<String, Object> params = scope(Permission.MAINTENANCE_READ);
        params.put("until", today().plusDays(filter.window()));
        applyFilter(filter, where, params);
        return page(where.toString(), params, " ORDER BY p.next_due, lower(p.name), p.id", query);
    }

    private void applyFilter(PlanFilter filter, StringBuilder where, Map<String, Object> params) {
        if (filter.school() != null) {
            if (!access.can(Permission.MAINTENANCE_READ, filter.school())) {
                throw new NotFoundException("school", filter.school());
            }
            where.append(" AND p.school_id = :school");
            params.put("school", filter.school());
        }
        if ("me".equals(filter.assignee())) {
            where.append(" AND p.assignee_user_id = :me");
            params.put("me", access.current().id());
        } else if ("organisation".equals(filter.assignee())) {
            where.append(" AND p.assignee_organisation_id = CAST(:myOrg AS bigint)");
            params.put("myOrg", access.current().organisationId());
        }
        if (filter.organisation() != null) {
            where.append(" AND p.assignee_organisation_id = :organisation");
            params.put("organisation", filter.organisation());
        }
    }

    private Page<PlanRow> page(String where, Map<String, Object> params, String order, PageQuery query) {
        params.put("today", today());
        long total = jdbc.sql("SELECT count(*) FROM maintenance_plan p JOIN school s ON s.id = p.school_id" + where)
                .params(params).query(Long.class).single();
        List<PlanRow> items = jdbc.sql(PLAN_SELECT + where + order + " LIMIT :limit OFFSET :offset").params(params)
                .param("limit", query.size()).param("offset", query.offset()).query(MaintenancePlans::row).list();
        return new Page<>(items, total, query.page(), query.size());
    }

    /** The counts for the start page (empty counts when the user has no MAINTENANCE_READ). */
    public DueCounts dueCounts() {
        int days = PlanFilter.DEFAULT_DAYS;
        if (!access.canAnywhere(Permission.MAINTENANCE_READ)) {
            return new DueCounts(0, 0, 0, days);
        }
        Map<String, Object> params = scope(Permission.MAINTENANCE_READ);
        params.put("today", today());
        params.put("until", today().plusDays(days));
        params.put("me", access.current().id());
        return jdbc.sql("SELECT count(*) FILTER (WHERE p.next_due < :today),"
                        + " count(*) FILTER (WHERE p.next_due >= :today),"
                        + " count(*) FILTER (WHERE p.assignee_user_id = :me)"
                        + " FROM maintenance_plan p WHERE" + VISIBLE + " AND p.active AND p.next_due <= :until")
                .params(params).query((rs, n) -> new DueCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), days)).single();
    }

    // ---- one plan ----

    /** A plan the current user may see; 404 otherwise. */
    public PlanView plan(long id) {
        Map<String, Object> params = scope(Permission.MAINTENANCE_READ);
        params.put("today", today());
        return jdbc.sql(PLAN_SELECT + " WHERE p.id = :id AND" + VISIBLE).param("id", id).params(params)
                .query(this::view).optional().orElseThrow(() -> new NotFoundException("maintenance plan", id));
    }

    @Transactional
    public long create(PlanForm form) {
        if (!canCreate()) {
            throw new AccessDeniedException("no MAINTENANCE_MANAGE");
        }
        if (form.schoolId() == null || !access.can(Permission.MAINTENANCE_READ, form.schoolId())) {
            throw InvalidInputException.of("schoolId", form.schoolId() == null ? "error.required" : "error.reference",
                    form.schoolId() == null ? "is required" : "does not exist");
        }
        access.require(Permission.MAINTENANCE_MANAGE, form.schoolId());
        Checked c = check(form, form.schoolId(), access.current().boardId());
        return insert(form.schoolId(), form, c);
    }

    /** The checked values of a plan form. */
    record Checked(Schedule schedule, List<String> checklist, String label) {}

    /** Stores a checked plan; also used by the demo data before anyone signs in. */
    long insert(long schoolId, PlanForm form, Checked c) {
        long id = jdbc.sql("""
                INSERT INTO maintenance_plan (school_id, name, description, target_type, target_kind, target_model_id,
                    target_room_id, target_asset_id, recurrence, interval_count, yearly_month, yearly_day, start_date,
                    next_due, assignee_user_id, assignee_organisation_id, estimated_minutes, checklist, active)
                VALUES (:school, :name, :description, :targetType, :targetKind, :model, :room, :asset, :recurrence, :every,
                    :month, :day, :start, :next, :user, :org, :minutes, :checklist, :active) RETURNING id""")
                .param("school", schoolId).params(columns(form, c))
                .param("next", c.schedule().firstOnOrAfter(c.schedule().start()))
                .query(Long.class).single();
        publish("maintenance_plan", id, schoolId, RecordChanged.CREATED, form.name().strip(), Map.of(), snapshot(form, c));
        return id;
    }

    @Transactional
    public void update(long id, PlanForm form) {
        PlanView before = plan(id);
        requireEdit(before.schoolId());
        if (form.schoolId() != null && form.schoolId() != before.schoolId()) {
            throw InvalidInputException.of("schoolId", "maintenance.error.school.fixed", "cannot be changed");
        }
        Checked c = check(form, before.schoolId(), access.current().boardId());
        LocalDate next = before.lastDue() == null ? c.schedule().firstOnOrAfter(c.schedule().start())
                : c.schedule().nextAfterCompletion(before.lastDue(), before.lastDoneOn());
        int n = jdbc.sql("""
                UPDATE maintenance_plan SET name = :name, description = :description, target_type = :targetType,
                    target_kind = :targetKind, target_model_id = :model, target_room_id = :room, target_asset_id = :asset,
                    recurrence = :recurrence, interval_count = :every, yearly_month = :month, yearly_day = :day,
                    start_date = :start, next_due = :next, assignee_user_id = :user, assignee_organisation_id = :org,
                    estimated_minutes = :minutes, checklist = :checklist, active = :active, version = version + 1,
                    updated_at = now()
                WHERE id = :id AND version = :version""")
                .params(columns(form, c)).param("next", next).param("id", id)
                .param("version", form.version() == null ? before.version() : form.version()).update();
        if (n == 0) {
            throw ConflictException.staleVersion("maintenance plan", id);
        }
        Map<String, Object> after = snapshot(form, c);
        after.put("nextDue", next);
        Map<String, Object> old = snapshot(before);
        publish("maintenance_plan", id, before.schoolId(), RecordChanged.UPDATED, form.name().strip(), old, after);
    }

    /** Pauses or resumes a plan: a paused plan is never due. */
    @Transactional
    public void setActive(long id, boolean active, Integer version) {
        PlanView before = plan(id);
        requireEdit(before.schoolId());
        int n = jdbc.sql("UPDATE maintenance_plan SET active = ?, version = version + 1, updated_at = now() WHERE id = ? AND version = ?")
                .params(active, id, version == null ? before.version() : version).update();
        if (n == 0) {
            throw ConflictException.staleVersion("maintenance plan", id);
        }
        publish("maintenance_plan", id, before.schoolId(), RecordChanged.UPDATED, before.name(),
                Map.of("active", before.active()), Map.of("active", active));
    }

    /** Deletes a plan with its occurrences; the log entries it wrote stay on the assets. */
    @Transactional
    public void delete(long id) {
        PlanView before = plan(id);
        requireEdit(before.schoolId());
        jdbc.sql("DELETE FROM maintenance_plan WHERE id = ?").param(id).update();
        publish("maintenance_plan", id, before.schoolId(), RecordChanged.DELETED, before.name(), snapshot(before), Map.of());
    }

    private void requireEdit(long schoolId) {
        if (!canEdit(schoolId)) {
            throw new AccessDeniedException("no MAINTENANCE_MANAGE for plans of school " + schoolId);
        }
    }

    private void requireWork(long schoolId) {
        if (!canWork(schoolId)) {
            throw new AccessDeniedException("no MAINTENANCE_MANAGE in school " + schoolId);
        }
    }

    /** The rules of a plan the annotations cannot see; every problem is reported on its field. */
    Checked check(PlanForm f, long schoolId, long boardId) {
        List<FieldProblem> problems = new ArrayList<>();
        if (f.name() == null || f.name().isBlank()) {
            problems.add(new FieldProblem("name", "error.required", "is required"));
        }
        String label = null;
        if (f.targetType() == null) {
            problems.add(new FieldProblem("targetType", "error.required", "is required"));
        } else {
            switch (f.targetType()) {
                case KIND -> {
                    if (f.targetKind() == null) {
                        problems.add(new FieldProblem("targetKind", "error.required", "is required"));
                    }
                }
                case MODEL -> {
                    label = f.targetModelId() == null ? null : jdbc.sql("""
                            SELECT f.name || ' ' || m.name FROM asset_model m JOIN manufacturer f ON f.id = m.manufacturer_id
                            WHERE m.id = ? AND m.board_id = ?""").params(f.targetModelId(), boardId).query(String.class)
                            .optional().orElse(null);
                    if (label == null) {
                        problems.add(reference("targetModelId", f.targetModelId()));
                    }
                }
                case ROOM -> {
                    label = f.targetRoomId() == null ? null : jdbc.sql("SELECT name FROM room WHERE id = ? AND school_id = ?")
                            .params(f.targetRoomId(), schoolId).query(String.class).optional().orElse(null);
                    if (label == null) {
                        problems.add(reference("targetRoomId", f.targetRoomId()));
                    }
                }
                case ASSET -> {
                    label = f.targetAssetId() == null ? null : jdbc.sql("SELECT tag FROM asset WHERE id = ? AND school_id = ?")
                            .params(f.targetAssetId(), schoolId).query(String.class).optional().orElse(null);
                    if (label == null) {
                        problems.add(reference("targetAssetId", f.targetAssetId()));
                    }
                }
            }
        }
        LocalDate start = f.startDate() == null ? today() : f.startDate();
        if (start.isBefore(MIN_DATE) || start.isAfter(MAX_DATE)) {
            problems.add(new FieldProblem("startDate", "maintenance.error.date.range", "must lie between 2000 and 2200"));
        }
        Schedule schedule = null;
        if (f.recurrence() == null) {
            problems.add(new FieldProblem("recurrence", "error.required", "is required"));
        } else if (f.recurrence() == Recurrence.SCHOOL_YEAR) {
            if (f.month() == null || f.month() < 1 || f.month() > 12) {
                problems.add(new FieldProblem("month", "maintenance.error.month", "must be a month from 1 to 12"));
            } else if (f.day() == null || f.day() < 1 || f.day() > java.time.YearMonth.of(2024, f.month()).lengthOfMonth()) {
                problems.add(new FieldProblem("day", "maintenance.error.day", "is not a day of that month"));
            }
        } else {
            int max = f.recurrence() == Recurrence.WEEKS ? Schedule.MAX_WEEKS : Schedule.MAX_MONTHS;
            if (f.every() == null || f.every() < 1 || f.every() > max) {
                problems.add(new FieldProblem("every", "maintenance.error.every", "must be between 1 and " + max, max));
            }
        }
        if (f.assigneeUserId() != null && f.assigneeOrganisationId() != null) {
            problems.add(new FieldProblem("assigneeOrganisationId", "maintenance.error.assignee.both",
                    "choose an account or an organisation, not both"));
        } else if (f.assigneeUserId() != null && userChoices(schoolId, boardId).stream().noneMatch(u -> u.id() == f.assigneeUserId())) {
            problems.add(reference("assigneeUserId", f.assigneeUserId()));
        } else if (f.assigneeOrganisationId() != null
                && organisationChoices(schoolId, boardId).stream().noneMatch(o -> o.id() == f.assigneeOrganisationId())) {
            problems.add(reference("assigneeOrganisationId", f.assigneeOrganisationId()));
        }
        if (f.estimatedMinutes() != null && (f.estimatedMinutes() < 1 || f.estimatedMinutes() > 100_000)) {
            problems.add(new FieldProblem("estimatedMinutes", "maintenance.error.minutes", "must be between 1 and 100000"));
        }
        List<String> checklist = f.checklist() == null ? List.of()
                : f.checklist().stream().filter(Objects::nonNull).map(PageQuery::cleanText).filter(Objects::nonNull).toList();
        if (checklist.isEmpty()) {
            problems.add(new FieldProblem("checklist", "maintenance.error.checklist.empty", "needs at least one item"));
        } else if (checklist.size() > 50 || checklist.stream().anyMatch(s -> s.length() > 300)) {
            problems.add(new FieldProblem("checklist", "maintenance.error.checklist.size",
                    "at most 50 items of at most 300 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        schedule = new Schedule(f.recurrence(), f.recurrence() == Recurrence.SCHOOL_YEAR ? null : f.every(),
                f.recurrence() == Recurrence.SCHOOL_YEAR ? f.month() : null,
                f.recurrence() == Recurrence.SCHOOL_YEAR ? f.day() : null, start);
        return new Checked(schedule, checklist, label);
    }

    private static FieldProblem reference(String field, Object value) {
        return value == null ? new FieldProblem(field, "error.required", "is required")
                : new FieldProblem(field, "error.reference", "does not exist");
    }

    private static Map<String, Object> columns(PlanForm f, Checked c) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", f.name().strip());
        p.put("description", blank(f.description()));
        p.put("targetType", f.targetType().name());
        p.put("targetKind", f.targetType() == TargetType.KIND ? f.targetKind().name() : null);
        p.put("model", f.targetType() == TargetType.MODEL ? f.targetModelId() : null);
        p.put("room", f.targetType() == TargetType.ROOM ? f.targetRoomId() : null);
        p.put("asset", f.targetType() == TargetType.ASSET ? f.targetAssetId() : null);
        p.put("recurrence", c.schedule().recurrence().name());
        p.put("every", c.schedule().every());
        p.put("month", c.schedule().month());
        p.put("day", c.schedule().day());
        p.put("start", c.schedule().start());
        p.put("user", f.assigneeUserId());
        p.put("org", f.assigneeOrganisationId());
        p.put("minutes", f.estimatedMinutes());
        p.put("checklist", c.checklist().toArray(String[]::new));
        p.put("active", f.active() == null || f.active());
        return p;
    }

    private static Map<String, Object> snapshot(PlanForm f, Checked c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.name().strip());
        m.put("description", blank(f.description()));
        m.put("target", f.targetType() + (f.targetType() == TargetType.KIND ? " " + f.targetKind()
                : c.label() == null ? "" : " " + c.label()));
        m.put("schedule", scheduleText(c.schedule()));
        m.put("assigneeUserId", f.assigneeUserId());
        m.put("assigneeOrganisationId", f.assigneeOrganisationId());
        m.put("estimatedMinutes", f.estimatedMinutes());
        m.put("checklist", String.join(" | ", c.checklist()));
        m.put("active", f.active() == null || f.active());
        return m;
    }

    private static Map<String, Object> snapshot(PlanView p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("description", p.description());
        m.put("target", p.targetType() + (p.targetType() == TargetType.KIND ? " " + p.targetKind()
                : p.targetLabel() == null ? "" : " " + p.targetLabel().replaceFirst(" .*", "")));
        m.put("schedule", scheduleText(p.schedule()));
        m.put("assigneeUserId", p.assigneeUserId());
        m.put("assigneeOrganisationId", p.assigneeOrganisationId());
        m.put("estimatedMinutes", p.estimatedMinutes());
        m.put("checklist", String.join(" | ", p.checklist()));
        m.put("active", p.active());
        m.put("nextDue", p.nextDue());
        return m;
    }

    private static String scheduleText(Schedule s) {
        return switch (s.recurrence()) {
            case WEEKS -> "every " + s.every() + " weeks from " + s.start();
            case MONTHS -> "every " + s.every() + " months from " + s.start();
            case SCHOOL_YEAR -> "each school year on " + s.day() + "/" + s.month() + " from " + s.start();
        };
    }

    // ---- what a plan applies to ----

    /** The assets the plan applies to right now (at most {@value #MAX_TARGETS}), by tag. */
    public List<TargetAsset> targetsNow(long planId) {
        return targetAssets(plan(planId));
    }

    private List<TargetAsset> targetAssets(PlanView p) {
        String condition;
        Object value;
        switch (p.targetType()) {
            case KIND -> { condition = "a.kind = :v"; value = p.targetKind() == null ? null : p.targetKind().name(); }
            case MODEL -> { condition = "a.model_id = :v"; value = p.targetModelId(); }
            case ROOM -> { condition = "a.room_id = :v"; value = p.targetRoomId(); }
            default -> { condition = "a.id = :v"; value = p.targetAssetId(); }
        }
        if (value == null) {
            return List.of();
        }
        return jdbc.sql(TARGET_ASSETS + " AND " + condition + " ORDER BY lower(a.tag), a.id LIMIT " + MAX_TARGETS)
                .param("school", p.schoolId()).param("v", value)
                .query((rs, n) -> new TargetAsset(rs.getLong("id"), rs.getString("tag"), rs.getString("name"),
                        AssetKind.valueOf(rs.getString("kind")), rs.getString("model"), rs.getString("room")))
                .list();
    }

    // ---- occurrences ----

    /** The occurrences of a plan, newest first. */
    public List<OccurrenceRow> occurrences(long planId) {
        plan(planId);
        return jdbc.sql("""
                SELECT oc.id, oc.plan_id, oc.due_date, oc.status, oc.completed_on, oc.completed_by_name,
                       (SELECT count(*) FROM maintenance_target t WHERE t.occurrence_id = oc.id) AS targets,
                       count(c.*) FILTER (WHERE c.outcome = 'DONE') AS done,
                       count(c.*) FILTER (WHERE c.outcome = 'FAILED') AS failed,
                       count(c.*) FILTER (WHERE c.outcome = 'SKIPPED') AS skipped
                FROM maintenance_occurrence oc
                LEFT JOIN maintenance_target t ON t.occurrence_id = oc.id
                LEFT JOIN maintenance_check c ON c.target_id = t.id
                WHERE oc.plan_id = ? GROUP BY oc.id ORDER BY oc.due_date DESC, oc.id DESC LIMIT 200""")
                .param(planId)
                .query((rs, n) -> new OccurrenceRow(rs.getLong("id"), rs.getLong("plan_id"),
                        rs.getObject("due_date", LocalDate.class), OccurrenceStatus.valueOf(rs.getString("status")),
                        rs.getObject("completed_on", LocalDate.class), rs.getString("completed_by_name"),
                        rs.getLong("targets"), rs.getLong("done"), rs.getLong("failed"), rs.getLong("skipped")))
                .list();
    }

    /**
     * Opens the due occurrence of a plan: its checklist and the matching assets are frozen as its targets (the plan
     * as a whole when no asset matches). When one is open already, that one is returned.
     */
    @Transactional
    public long open(long planId) {
        PlanView p = plan(planId);
        requireWork(p.schoolId());
        if (p.openOccurrenceId() != null) {
            return p.openOccurrenceId();
        }
        if (!p.active()) {
            throw new ConflictException("maintenance.error.paused", "the plan is paused; resume it first");
        }
        CurrentUser user = access.current();
        long id;
        try {
            id = jdbc.sql("""
                    INSERT INTO maintenance_occurrence (school_id, plan_id, due_date, status, checklist, opened_by_name)
                    VALUES (?, ?, ?, 'OPEN', ?, ?) RETURNING id""")
                    .params(p.schoolId(), p.id(), p.nextDue(), p.checklist().toArray(String[]::new), user.displayName())
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            return plan(planId).openOccurrenceId();
        }
        List<TargetAsset> assets = targetAssets(p);
        if (assets.isEmpty()) {
            String label = p.targetType() == TargetType.ROOM && p.targetLabel() != null ? p.targetLabel() : p.name();
            jdbc.sql("INSERT INTO maintenance_target (occurrence_id, asset_id, room_id, label, position) VALUES (?, NULL, ?, ?, 0)")
                    .params(id, p.targetType() == TargetType.ROOM ? p.targetRoomId() : null, label).update();
        } else {
            int position = 0;
            for (TargetAsset a : assets) {
                jdbc.sql("""
                        INSERT INTO maintenance_target (occurrence_id, asset_id, room_id, label, position)
                        SELECT ?, a.id, a.room_id, ?, ? FROM asset a WHERE a.id = ?""")
                        .params(id, truncate(a.label(), 400), position++, a.id()).update();
            }
        }
        publish("maintenance_occurrence", id, p.schoolId(), RecordChanged.CREATED, p.name() + " " + p.nextDue(), Map.of(),
                mapOf("plan", p.name(), "dueDate", p.nextDue(), "targets", Math.max(1, assets.size())));
        return id;
    }

    /** An occurrence of a plan the current user may see; 404 otherwise. */
    public OccurrenceView occurrence(long id) {
        Map<String, Object> params = scope(Permission.MAINTENANCE_READ);
        var head = jdbc.sql("SELECT oc.*, p.name AS plan_name FROM maintenance_occurrence oc"
                        + " JOIN maintenance_plan p ON p.id = oc.plan_id WHERE oc.id = :id AND" + VISIBLE)
                .param("id", id).params(params).query((rs, n) -> {
                    Map<String, Object> m = new HashMap<>();
                    m.put("school", rs.getLong("school_id"));
                    m.put("plan", rs.getLong("plan_id"));
                    m.put("planName", rs.getString("plan_name"));
                    m.put("due", rs.getObject("due_date", LocalDate.class));
                    m.put("status", OccurrenceStatus.valueOf(rs.getString("status")));
                    m.put("checklist", strings(rs.getArray("checklist")));
                    m.put("note", rs.getString("note"));
                    m.put("openedAt", instant(rs, "opened_at"));
                    m.put("openedBy", rs.getString("opened_by_name"));
                    m.put("completedOn", rs.getObject("completed_on", LocalDate.class));
                    m.put("completedBy", rs.getString("completed_by_name"));
                    m.put("version", rs.getInt("version"));
                    return m;
                }).optional().orElseThrow(() -> new NotFoundException("maintenance occurrence", id));
        @SuppressWarnings("unchecked")
        List<String> checklist = (List<String>) head.get("checklist");
        Map<Long, Map<Integer, String[]>> checks = new HashMap<>();
        jdbc.sql("SELECT c.target_id, c.item_index, c.outcome, c.note FROM maintenance_check c"
                        + " JOIN maintenance_target t ON t.id = c.target_id WHERE t.occurrence_id = ?")
                .param(id).query(rs -> {
                    checks.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                            .put(rs.getInt(2), new String[] {rs.getString(3), rs.getString(4)});
                });
        List<TargetView> targets = jdbc.sql("SELECT id, asset_id, room_id, label FROM maintenance_target WHERE occurrence_id = ? ORDER BY position, id")
                .param(id).query((rs, n) -> {
                    long targetId = rs.getLong(1);
                    Map<Integer, String[]> mine = checks.getOrDefault(targetId, Map.of());
                    List<CheckView> items = new ArrayList<>();
                    for (int i = 0; i < checklist.size(); i++) {
                        String[] c = mine.get(i);
                        items.add(new CheckView(i, checklist.get(i), c == null ? null : CheckOutcome.valueOf(c[0]),
                                c == null ? null : c[1]));
                    }
                    return new TargetView(targetId, (Long) rs.getObject(2), (Long) rs.getObject(3), rs.getString(4), items);
                }).list();
        return new OccurrenceView(id, (long) head.get("school"), (long) head.get("plan"), (String) head.get("planName"),
                (LocalDate) head.get("due"), (OccurrenceStatus) head.get("status"), checklist, (String) head.get("note"),
                (Instant) head.get("openedAt"), (String) head.get("openedBy"), (LocalDate) head.get("completedOn"),
                (String) head.get("completedBy"), targets, (int) head.get("version"));
    }

    /** Stores results on an open occurrence (later results for the same item replace earlier ones). */
    @Transactional
    public void record(long occurrenceId, ResultsCommand command) {
        OccurrenceView oc = occurrence(occurrenceId);
        requireOpen(oc, command.version());
        int stored = store(oc, command.results());
        bump(oc);
        publish("maintenance_occurrence", occurrenceId, oc.schoolId(), RecordChanged.UPDATED, oc.planName() + " " + oc.dueDate(),
                Map.of(), mapOf("resultsRecorded", stored));
    }

    /**
     * Completes an open occurrence: stores the last results, requires a result for every item of every target, writes
     * one entry per target asset to its maintenance log, moves the plan's next due date on and publishes
     * {@link MaintenanceCheckFailed} for every failed check.
     */
    @Transactional
    public void complete(long occurrenceId, CompleteCommand command) {
        OccurrenceView before = occurrence(occurrenceId);
        requireOpen(before, command.version());
        LocalDate completedOn = command.completedOn() == null ? today() : command.completedOn();
        if (completedOn.isAfter(today()) || completedOn.isBefore(MIN_DATE)) {
            throw InvalidInputException.of("completedOn", "maintenance.error.completedOn", "may not lie in the future");
        }
        store(before, command.results());
        OccurrenceView oc = occurrence(occurrenceId);
        long missing = oc.missing();
        if (missing > 0) {
            throw InvalidInputException.of("results", "maintenance.error.results.missing",
                    missing + " checklist results are still missing", missing);
        }
        CurrentUser user = access.current();
        String note = blank(command.note());
        if (note != null && note.length() > 4000) {
            throw InvalidInputException.of("note", "maintenance.error.tooLong", "is too long");
        }
        int n = jdbc.sql("""
                UPDATE maintenance_occurrence SET status = 'COMPLETED', completed_at = now(), completed_on = ?,
                    completed_by = ?, completed_by_name = ?, note = ?, version = version + 1
                WHERE id = ? AND status = 'OPEN'""")
                .params(completedOn, user.id(), user.displayName(), note, occurrenceId).update();
        if (n == 0) {
            throw ConflictException.staleVersion("maintenance occurrence", occurrenceId);
        }
        long boardId = user.boardId();
        List<RecordChanged> logs = new ArrayList<>();
        for (TargetView t : oc.targets()) {
            boolean failed = t.checks().stream().anyMatch(c -> c.outcome() == CheckOutcome.FAILED);
            for (CheckView c : t.checks()) {
                if (c.outcome() == CheckOutcome.FAILED) {
                    events.publishEvent(new MaintenanceCheckFailed(oc.schoolId(), oc.planId(), oc.id(), t.assetId(), t.roomId(),
                            oc.planName(), c.text(), c.note(), user.id()));
                }
            }
            if (t.assetId() == null) {
                continue;
            }
            String summary = truncate(summary(oc.planName(), t, note), 4000);
            long logId = jdbc.sql("""
                    INSERT INTO maintenance_log (school_id, asset_id, performed_on, kind, outcome, plan_id, occurrence_id,
                        summary, performed_by, created_by, created_by_name)
                    VALUES (?, ?, ?, 'PREVENTIVE', ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                    .params(oc.schoolId(), t.assetId(), completedOn, failed ? "FAILED" : "OK", oc.planId(), oc.id(), summary,
                            truncate(user.displayName(), 200), user.id(), user.displayName())
                    .query(Long.class).single();
            logs.add(new RecordChanged("maintenance_log", logId, boardId, oc.schoolId(), RecordChanged.CREATED,
                    truncate(oc.planName() + " · " + t.label(), 300),
                    RecordChanged.diff(Map.of(), mapOf("asset", t.label(), "outcome", failed ? "FAILED" : "OK",
                            "performedOn", completedOn))));
        }
        PlanView plan = planUnchecked(oc.planId());
        LocalDate next = plan.schedule().nextAfterCompletion(oc.dueDate(), completedOn);
        jdbc.sql("""
                UPDATE maintenance_plan SET last_due = ?, last_done_on = ?, next_due = ?, version = version + 1, updated_at = now()
                WHERE id = ?""").params(oc.dueDate(), completedOn, next, plan.id()).update();
        publish("maintenance_occurrence", occurrenceId, oc.schoolId(), RecordChanged.UPDATED, oc.planName() + " " + oc.dueDate(),
                mapOf("status", OccurrenceStatus.OPEN), mapOf("status", OccurrenceStatus.COMPLETED, "completedOn", completedOn,
                        "failedChecks", oc.targets().stream().flatMap(t -> t.checks().stream())
                                .filter(c -> c.outcome() == CheckOutcome.FAILED).count()));
        publish("maintenance_plan", plan.id(), plan.schoolId(), RecordChanged.UPDATED, plan.name(),
                mapOf("nextDue", plan.nextDue(), "lastDoneOn", plan.lastDoneOn()),
                mapOf("nextDue", next, "lastDoneOn", completedOn));
        if (!logs.isEmpty()) {
            events.publishEvent(new RecordsChanged(logs));
        }
    }

    /** The plan itself, read after its visibility was checked through one of its occurrences. */
    private PlanView planUnchecked(long id) {
        Map<String, Object> params = new HashMap<>();
        params.put("today", today());
        return jdbc.sql(PLAN_SELECT + " WHERE p.id = :id").param("id", id).params(params).query(this::view).single();
    }

    private void requireOpen(OccurrenceView oc, Integer version) {
        requireWork(oc.schoolId());
        if (!oc.open()) {
            throw new ConflictException("maintenance.error.completed", "this occurrence was completed already");
        }
        if (version != null && version != oc.version()) {
            throw ConflictException.staleVersion("maintenance occurrence", oc.id());
        }
    }

    private int store(OccurrenceView oc, List<CheckResult> results) {
        if (results == null || results.isEmpty()) {
            return 0;
        }
        Map<Long, TargetView> targets = new HashMap<>();
        oc.targets().forEach(t -> targets.put(t.id(), t));
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            CheckResult r = results.get(i);
            if (r == null || r.targetId() == null || !targets.containsKey(r.targetId())) {
                problems.add(new FieldProblem("results[" + i + "].targetId", "error.reference", "does not exist"));
            } else if (r.item() == null || r.item() < 0 || r.item() >= oc.checklist().size()) {
                problems.add(new FieldProblem("results[" + i + "].item", "error.reference", "does not exist"));
            } else if (r.outcome() == null) {
                problems.add(new FieldProblem("results[" + i + "].outcome", "error.required", "is required"));
            } else if (r.note() != null && r.note().length() > 1000) {
                problems.add(new FieldProblem("results[" + i + "].note", "maintenance.error.tooLong", "is too long"));
            }
            if (problems.size() > 20) {
                break;
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        for (CheckResult r : results) {
            jdbc.sql("""
                    INSERT INTO maintenance_check (target_id, item_index, outcome, note) VALUES (?, ?, ?, ?)
                    ON CONFLICT (target_id, item_index) DO UPDATE SET outcome = EXCLUDED.outcome, note = EXCLUDED.note,
                        recorded_at = now()""")
                    .params(r.targetId(), r.item(), r.outcome().name(), blank(PageQuery.cleanText(r.note()))).update();
        }
        return results.size();
    }

    private void bump(OccurrenceView oc) {
        jdbc.sql("UPDATE maintenance_occurrence SET version = version + 1 WHERE id = ?").param(oc.id()).update();
    }

    /** "Projectorfilters reinigen: ✔ Filter gereinigd; ✘ Lamp gecontroleerd (lamp flikkert)". */
    private static String summary(String plan, TargetView t, String note) {
        StringBuilder b = new StringBuilder(plan).append(':');
        for (CheckView c : t.checks()) {
            b.append(c.item() == 0 ? " " : "; ").append(switch (c.outcome()) {
                case DONE -> "✔ ";
                case FAILED -> "✘ ";
                case SKIPPED -> "– ";
            }).append(c.text());
            if (c.note() != null) {
                b.append(" (").append(c.note()).append(')');
            }
        }
        if (note != null) {
            b.append(". ").append(note);
        }
        return b.toString();
    }

    // ---- choosers ----

    /** The board's models, for the target chooser. */
    public List<Choice> modelChoices() {
        return jdbc.sql("""
                SELECT m.id, f.name || ' ' || m.name FROM asset_model m JOIN manufacturer f ON f.id = m.manufacturer_id
                WHERE m.board_id = ? ORDER BY lower(f.name), lower(m.name), m.id""").param(access.current().boardId())
                .query((rs, n) -> new Choice(rs.getLong(1), rs.getString(2))).list();
    }

    /** The rooms of a school the user may plan in (through the school module). */
    public List<Choice> roomChoices(long schoolId) {
        if (!access.can(Permission.MAINTENANCE_READ, schoolId)) {
            return List.of();
        }
        return schools.rooms(schoolId, new PageQuery(0, PageQuery.MAX_SIZE, "name", false, null)).items().stream()
                .map(r -> new Choice(r.id(), r.code() == null ? r.name() : r.name() + " (" + r.code() + ")")).toList();
    }

    /** The school's assets in service (by tag, at most 500), for the single-asset target. */
    public List<Choice> assetChoices(long schoolId) {
        if (!access.can(Permission.MAINTENANCE_READ, schoolId)) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT id, tag || coalesce(' ' || name, '') FROM asset
                WHERE school_id = ? AND status NOT IN ('RETIRED', 'DISPOSED') ORDER BY lower(tag), id LIMIT 500""")
                .param(schoolId).query((rs, n) -> new Choice(rs.getLong(1), rs.getString(2))).list();
    }

    public List<Choice> userChoices(long schoolId) {
        return userChoices(schoolId, access.current().boardId());
    }

    /** Accounts of the school (not of external organisations) whose role lets them do maintenance. */
    List<Choice> userChoices(long schoolId, long boardId) {
        String[] roles = Arrays.stream(Role.values()).filter(r -> r.grants(Permission.MAINTENANCE_MANAGE))
                .map(Enum::name).toArray(String[]::new);
        return jdbc.sql("""
                SELECT DISTINCT u.id, u.display_name, lower(u.display_name) FROM app_user u JOIN role_grant g ON g.user_id = u.id
                WHERE u.board_id = :board AND u.enabled AND u.organisation_id IS NULL
                  AND (g.school_id = :school OR g.school_id IS NULL) AND g.role = ANY(:roles)
                ORDER BY lower(u.display_name), u.id""")
                .param("board", boardId).param("school", schoolId).param("roles", roles)
                .query((rs, n) -> new Choice(rs.getLong(1), rs.getString(2))).list();
    }

    public List<Choice> organisationChoices(long schoolId) {
        return organisationChoices(schoolId, access.current().boardId());
    }

    /** Organisations of the people module that serve the school (or the whole board). */
    List<Choice> organisationChoices(long schoolId, long boardId) {
        return jdbc.sql("""
                SELECT o.id, o.name FROM organisation o WHERE o.board_id = :board
                  AND (EXISTS (SELECT 1 FROM organisation_school os WHERE os.organisation_id = o.id AND os.school_id = :school)
                       OR NOT EXISTS (SELECT 1 FROM organisation_school os WHERE os.organisation_id = o.id))
                ORDER BY lower(o.name), o.id""").param("board", boardId).param("school", schoolId)
                .query((rs, n) -> new Choice(rs.getLong(1), rs.getString(2))).list();
    }

    // ---- helpers ----

    private void publish(String type, long id, long schoolId, String action, String label, Map<String, ?> before,
            Map<String, ?> after) {
        long board = access.currentUser().map(CurrentUser::boardId)
                .orElseGet(() -> jdbc.sql("SELECT board_id FROM school WHERE id = ?").param(schoolId).query(Long.class).single());
        events.publishEvent(new RecordChanged(type, id, board, schoolId, action, truncate(label, 300),
                RecordChanged.diff(before, after)));
    }

    static Map<String, Object> mapOf(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static LocalDate today() {
        return LocalDate.now(Formats.ZONE);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static PlanRow row(ResultSet rs, int n) throws SQLException {
        LocalDate next = rs.getObject("next_due", LocalDate.class);
        String kind = rs.getString("target_kind");
        return new PlanRow(rs.getLong("id"), rs.getLong("school_id"), rs.getString("school_name"), rs.getString("name"),
                TargetType.valueOf(rs.getString("target_type")), kind == null ? null : AssetKind.valueOf(kind),
                rs.getString("target_label"), Recurrence.valueOf(rs.getString("recurrence")),
                (Integer) rs.getObject("interval_count"), (Integer) rs.getObject("yearly_month"),
                (Integer) rs.getObject("yearly_day"), next, rs.getObject("last_done_on", LocalDate.class),
                rs.getString("assignee"), (Long) rs.getObject("assignee_organisation_id"),
                (Integer) rs.getObject("estimated_minutes"), rs.getBoolean("active"),
                rs.getBoolean("active") && next.isBefore(today()), (Long) rs.getObject("open_occurrence_id"),
                rs.getInt("version"));
    }

    private PlanView view(ResultSet rs, int n) throws SQLException {
        PlanRow r = row(rs, n);
        return new PlanView(r.id(), r.schoolId(), r.schoolName(), r.name(), rs.getString("description"), r.targetType(),
                r.targetKind(), (Long) rs.getObject("target_model_id"), (Long) rs.getObject("target_room_id"),
                (Long) rs.getObject("target_asset_id"), r.targetLabel(), r.recurrence(), r.every(), r.month(), r.day(),
                rs.getObject("start_date", LocalDate.class), r.nextDue(), rs.getObject("last_due", LocalDate.class),
                r.lastDoneOn(), (Long) rs.getObject("assignee_user_id"), r.assigneeOrganisationId(), r.assignee(),
                r.estimatedMinutes(), strings(rs.getArray("checklist")), r.active(), r.overdue(), r.openOccurrenceId(),
                r.version(), instant(rs, "created_at"), instant(rs, "updated_at"));
    }
}
