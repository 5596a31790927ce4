package be.coordinaat.budget;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import be.coordinaat.access.SchoolDirectory.SchoolRef;
import be.coordinaat.budget.Forms.LineForm;
import be.coordinaat.budget.Forms.YearForm;
import be.coordinaat.budget.Forms.YearUpdateForm;
import be.coordinaat.budget.Views.BoardOverview;
import be.coordinaat.budget.Views.GroupTotal;
import be.coordinaat.budget.Views.LineView;
import be.coordinaat.budget.Views.MonthPoint;
import be.coordinaat.budget.Views.SchoolRow;
import be.coordinaat.budget.Views.Totals;
import be.coordinaat.budget.Views.YearOverview;
import be.coordinaat.budget.Views.YearView;
import be.coordinaat.inventory.AssetKind;
import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.InvalidInputException.FieldProblem;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.Page;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.RecordChanged;
import be.coordinaat.shared.web.Formats;
import java.math.BigDecimal;
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
 * Budget years and their lines per school, with what is committed and spent against each line (the bookings of
 * {@link BudgetLedger}): the year overview per category and funding source with the monthly course, and the board
 * overview across schools. BUDGET_READ in a school reads its budget, BUDGET_MANAGE changes it; anything of another
 * school answers 404, also for guessed ids. A closed year takes no new bookings and no line changes until it is
 * opened again. Every change is in the history of the year or line.
 */
@Service
@Transactional(readOnly = true)
public class Budgets {

    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2100;

    /** Per line: planned and the sums of its bookings. */
    static final String LINE_SUMS = """
            SELECT l.*, coalesce(bs.committed, 0) AS committed, coalesce(bs.spent, 0) AS spent, coalesce(bs.n, 0) AS bookings
            FROM budget_line l
            LEFT JOIN LATERAL (SELECT sum(b.amount) FILTER (WHERE b.kind = 'COMMITTED') AS committed,
                                      sum(b.amount) FILTER (WHERE b.kind = 'SPENT') AS spent, count(*) AS n
                               FROM budget_booking b WHERE b.line_id = l.id) bs ON true""";

    private static final String YEAR_SELECT = """
            SELECT y.id, y.school_id, s.name AS school_name, y.label, y.kind, y.starts_on, y.ends_on, y.closed, y.notes,
                   y.version, y.created_at, y.updated_at, coalesce(t.planned, 0) AS planned,
                   coalesce(t.committed, 0) AS committed, coalesce(t.spent, 0) AS spent, coalesce(t.lines, 0) AS lines,
                   coalesce(t.over, 0) AS over
            FROM budget_year y JOIN school s ON s.id = y.school_id
            LEFT JOIN LATERAL (
                SELECT sum(x.planned) AS planned, sum(x.committed) AS committed, sum(x.spent) AS spent, count(*) AS lines,
                       count(*) FILTER (WHERE x.planned - x.committed - x.spent < 0) AS over
                FROM (""" + LINE_SUMS + " WHERE l.budget_year_id = y.id) x) t ON true";

    private static final String LINE_SELECT = "SELECT x.*, y.label AS year_label, y.closed AS year_closed FROM ("
            + LINE_SUMS + ") x JOIN budget_year y ON y.id = x.budget_year_id";

    private final JdbcClient jdbc;
    private final AccessControl access;
    private final ApplicationEventPublisher events;

    Budgets(JdbcClient jdbc, AccessControl access, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.events = events;
    }

    // ---- scope ----

    public List<SchoolRef> readableSchools() {
        return access.visibleSchools(Permission.BUDGET_READ);
    }

    public List<SchoolRef> manageableSchools() {
        return access.visibleSchools(Permission.BUDGET_MANAGE);
    }

    public boolean canManage(long schoolId) {
        return access.can(Permission.BUDGET_MANAGE, schoolId);
    }

    public boolean canCreate() {
        return access.canAnywhere(Permission.BUDGET_MANAGE);
    }

    /** A school the user may read the budget of; 404 otherwise (as for the school itself). */
    public SchoolRef school(long schoolId) {
        return readableSchools().stream().filter(s -> s.id() == schoolId).findFirst()
                .orElseThrow(() -> new NotFoundException("school", schoolId));
    }

    // ---- years ----

    /** The budget years of the user's schools (or of one), newest first unless sorted otherwise. */
    public Page<YearView> years(Long schoolId, PageQuery query) {
        access.requireAnywhere(Permission.BUDGET_READ);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("schools", access.schoolArray(Permission.BUDGET_READ));
        StringBuilder where = new StringBuilder(" WHERE y.school_id = ANY(:schools)");
        if (schoolId != null) {
            school(schoolId);
            where.append(" AND y.school_id = :school");
            params.put("school", schoolId);
        }
        if (query.q() != null) {
            where.append(" AND lower(y.label || ' ' || s.name) LIKE :q ESCAPE '\\'");
            params.put("q", query.likePattern());
        }
        long total = jdbc.sql("SELECT count(*) FROM budget_year y JOIN school s ON s.id = y.school_id" + where)
                .params(params).query(Long.class).single();
        String dir = query.descending() ? " DESC" : " ASC";
        String order = query.orderBy(Map.of(
                "start", "y.starts_on" + dir + ", lower(s.name)",
                "school", "lower(s.name)" + dir + ", y.starts_on",
                "planned", "planned" + dir + ", y.starts_on",
                "remaining", "(coalesce(t.planned, 0) - coalesce(t.committed, 0) - coalesce(t.spent, 0))" + dir
                        + ", y.starts_on"), "start").replace(", id", ", y.id");
        if (query.sort() == null) {
            order = " ORDER BY y.starts_on DESC, lower(s.name), y.id DESC";
        }
        List<YearView> items = jdbc.sql(YEAR_SELECT + where + order + " LIMIT :limit OFFSET :offset").params(params)
                .param("limit", query.size()).param("offset", query.offset()).query(Budgets::yearRow).list();
        return new Page<>(items, total, query.page(), query.size());
    }

    /** A budget year the user may read; 404 otherwise. */
    public YearView year(long id) {
        return jdbc.sql(YEAR_SELECT + " WHERE y.id = :id AND y.school_id = ANY(:schools)").param("id", id)
                .param("schools", access.schoolArray(Permission.BUDGET_READ)).query(Budgets::yearRow).optional()
                .orElseThrow(() -> new NotFoundException("budget year", id));
    }

    /** The year of a school that starts on {@code startsOn}, if the user may read the school. */
    public java.util.Optional<YearView> yearStarting(long schoolId, LocalDate startsOn) {
        school(schoolId);
        return jdbc.sql(YEAR_SELECT + " WHERE y.school_id = :school AND y.starts_on = :start").param("school", schoolId)
                .param("start", startsOn).query(Budgets::yearRow).optional();
    }

    /** The kind of period the school's latest budget year uses; a school year when it has none. */
    public YearKind yearKindOf(long schoolId) {
        return jdbc.sql("SELECT kind FROM budget_year WHERE school_id = ? ORDER BY starts_on DESC LIMIT 1").param(schoolId)
                .query(String.class).optional().map(YearKind::valueOf).orElse(YearKind.SCHOOL_YEAR);
    }

    @Transactional
    public long createYear(YearForm form) {
        access.requireAnywhere(Permission.BUDGET_MANAGE);
        List<FieldProblem> problems = new ArrayList<>();
        Long schoolId = form.schoolId();
        if (schoolId == null) {
            problems.add(new FieldProblem("schoolId", "error.required", "is required"));
        } else if (!access.can(Permission.BUDGET_READ, schoolId)) {
            problems.add(new FieldProblem("schoolId", "error.reference", "does not exist"));
        } else {
            access.require(Permission.BUDGET_MANAGE, schoolId);
        }
        YearKind kind = form.kind() == null ? YearKind.SCHOOL_YEAR : form.kind();
        Integer start = form.startYear();
        if (start == null) {
            problems.add(new FieldProblem("startYear", "error.required", "is required"));
        } else if (start < MIN_YEAR || start > MAX_YEAR) {
            problems.add(new FieldProblem("startYear", "budget.error.startYear.range",
                    "must be between " + MIN_YEAR + " and " + MAX_YEAR, MIN_YEAR, MAX_YEAR));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return insertYear(schoolId, kind, start, Boolean.TRUE.equals(form.copyPrevious()), blank(form.notes()));
    }

    /** Stores a checked year (also for the demo data and the replacement plan); copies the previous year's lines. */
    long insertYear(long schoolId, YearKind kind, int start, boolean copyPrevious, String notes) {
        LocalDate from = kind.start(start);
        LocalDate to = kind.end(start);
        String clash = jdbc.sql("SELECT label FROM budget_year WHERE school_id = ? AND starts_on <= ? AND ends_on >= ? LIMIT 1")
                .params(schoolId, to, from).query(String.class).optional().orElse(null);
        if (clash != null) {
            throw InvalidInputException.of("startYear", "budget.error.year.overlaps",
                    "overlaps the budget year " + clash + " of this school", clash);
        }
        // a year with the same period in this school, created in between, is refused by the unique key
        long id = jdbc.sql("""
                INSERT INTO budget_year (school_id, label, kind, starts_on, ends_on, notes)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(schoolId, kind.label(start), kind.name(), from, to, notes).query(Long.class).single();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("label", kind.label(start));
        after.put("kind", kind);
        after.put("startsOn", from);
        after.put("endsOn", to);
        after.put("notes", notes);
        publish("budget_year", id, schoolId, RecordChanged.CREATED, kind.label(start), Map.of(), after);
        if (copyPrevious) {
            Long previous = jdbc.sql("SELECT id FROM budget_year WHERE school_id = ? AND starts_on < ? ORDER BY starts_on DESC LIMIT 1")
                    .params(schoolId, from).query(Long.class).optional().orElse(null);
            if (previous != null) {
                List<Map<String, Object>> lines = jdbc.sql("""
                        SELECT funding_source, category, description, planned, replacement_kind, notes
                        FROM budget_line WHERE budget_year_id = ? ORDER BY id""").param(previous).query().listOfRows();
                for (Map<String, Object> l : lines) {
                    insertLine(id, schoolId, kind.label(start), FundingSource.valueOf((String) l.get("funding_source")),
                            BudgetCategory.valueOf((String) l.get("category")), (String) l.get("description"),
                            (BigDecimal) l.get("planned"), (String) l.get("notes"),
                            l.get("replacement_kind") == null ? null : AssetKind.valueOf((String) l.get("replacement_kind")));
                }
            }
        }
        return id;
    }

    @Transactional
    public void updateYear(long id, YearUpdateForm form) {
        YearView before = year(id);
        requireManage(before.schoolId());
        boolean closed = form.closed() == null ? before.closed() : form.closed();
        int n = jdbc.sql("""
                UPDATE budget_year SET closed = ?, notes = ?, version = version + 1, updated_at = now()
                WHERE id = ? AND version = ?""")
                .params(closed, blank(form.notes()), id, form.version() == null ? before.version() : form.version()).update();
        if (n == 0) {
            throw ConflictException.staleVersion("budget year", id);
        }
        publish("budget_year", id, before.schoolId(), RecordChanged.UPDATED, before.label(),
                Map.of("closed", before.closed(), "notes", String.valueOf(before.notes())),
                Map.of("closed", closed, "notes", String.valueOf(blank(form.notes()))));
    }

    /** Deletes a year with its lines; refused while something is booked on one of them. */
    @Transactional
    public void deleteYear(long id) {
        YearView before = year(id);
        requireManage(before.schoolId());
        long bookings = jdbc.sql("SELECT count(*) FROM budget_booking b JOIN budget_line l ON l.id = b.line_id WHERE l.budget_year_id = ?")
                .param(id).query(Long.class).single();
        if (bookings > 0) {
            throw InvalidInputException.of(null, "budget.error.year.hasBookings",
                    "has bookings (orders or invoices) on its lines and cannot be deleted; close it instead");
        }
        jdbc.sql("DELETE FROM budget_year WHERE id = ?").param(id).update();
        Map<String, Object> gone = new LinkedHashMap<>();
        gone.put("label", before.label());
        gone.put("lines", before.lines());
        gone.put("planned", before.totals().planned().toPlainString());
        publish("budget_year", id, before.schoolId(), RecordChanged.DELETED, before.label(), gone, Map.of());
    }

    // ---- lines ----

    /**
     * One page of the lines of a year, with committed, spent and remaining; optionally of one category or funding
     * source, only those over budget, or matching {@code q} in the description.
     */
    public Page<LineView> lines(long yearId, BudgetCategory category, FundingSource source, boolean overOnly,
            PageQuery query) {
        YearView year = year(yearId);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("year", year.id());
        params.put("schools", access.schoolArray(Permission.BUDGET_READ));
        StringBuilder where = new StringBuilder(" WHERE x.budget_year_id = :year AND x.school_id = ANY(:schools)");
        if (category != null) {
            where.append(" AND x.category = :category");
            params.put("category", category.name());
        }
        if (source != null) {
            where.append(" AND x.funding_source = :source");
            params.put("source", source.name());
        }
        if (overOnly) {
            where.append(" AND x.planned - x.committed - x.spent < 0");
        }
        if (query.q() != null) {
            where.append(" AND lower(x.description) LIKE :q ESCAPE '\\'");
            params.put("q", query.likePattern());
        }
        long total = jdbc.sql("SELECT count(*) FROM (" + LINE_SUMS + ") x" + where).params(params).query(Long.class).single();
        String dir = query.descending() ? " DESC" : " ASC";
        String byDescription = "lower(x.description)";
        String order = query.orderBy(Map.of(
                "category", "x.category" + dir + ", " + byDescription,
                "source", "x.funding_source" + dir + ", " + byDescription,
                "description", byDescription,
                "planned", "x.planned" + dir + ", " + byDescription,
                "committed", "x.committed" + dir + ", " + byDescription,
                "spent", "x.spent" + dir + ", " + byDescription,
                "remaining", "(x.planned - x.committed - x.spent)" + dir + ", " + byDescription), "category")
                .replace(", id", ", x.id");
        List<LineView> items = jdbc.sql(LINE_SELECT + where + order + " LIMIT :limit OFFSET :offset").params(params)
                .param("limit", query.size()).param("offset", query.offset()).query(Budgets::lineRow).list();
        return new Page<>(items, total, query.page(), query.size());
    }

    /** A line the user may read; 404 otherwise. */
    public LineView line(long id) {
        return jdbc.sql(LINE_SELECT + " WHERE x.id = :id AND x.school_id = ANY(:schools)").param("id", id)
                .param("schools", access.schoolArray(Permission.BUDGET_READ)).query(Budgets::lineRow).optional()
                .orElseThrow(() -> new NotFoundException("budget line", id));
    }

    @Transactional
    public long createLine(long yearId, LineForm form) {
        YearView year = year(yearId);
        requireManage(year.schoolId());
        requireOpen(year);
        List<FieldProblem> problems = new ArrayList<>();
        BigDecimal planned = check(form, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return insertLine(year.id(), year.schoolId(), year.label(), form.fundingSource(), form.category(),
                form.description().strip(), planned, blank(form.notes()), null);
    }

    long insertLine(long yearId, long schoolId, String yearLabel, FundingSource source, BudgetCategory category,
            String description, BigDecimal planned, String notes, AssetKind replacementKind) {
        long id = jdbc.sql("""
                INSERT INTO budget_line (budget_year_id, school_id, funding_source, category, description, planned, notes,
                                         replacement_kind)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(yearId, schoolId, source.name(), category.name(), description, planned, notes,
                        replacementKind == null ? null : replacementKind.name())
                .query(Long.class).single();
        publish("budget_line", id, schoolId, RecordChanged.CREATED, yearLabel + " – " + description, Map.of(),
                snapshot(source, category, description, planned, notes));
        return id;
    }

    @Transactional
    public void updateLine(long id, LineForm form) {
        LineView before = line(id);
        requireManage(before.schoolId());
        requireOpen(year(before.budgetYearId()));
        List<FieldProblem> problems = new ArrayList<>();
        BigDecimal planned = check(form, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int n = jdbc.sql("""
                UPDATE budget_line SET funding_source = ?, category = ?, description = ?, planned = ?, notes = ?,
                       version = version + 1, updated_at = now()
                WHERE id = ? AND version = ?""")
                .params(form.fundingSource().name(), form.category().name(), form.description().strip(), planned,
                        blank(form.notes()), id, form.version() == null ? before.version() : form.version())
                .update();
        if (n == 0) {
            throw ConflictException.staleVersion("budget line", id);
        }
        publish("budget_line", id, before.schoolId(), RecordChanged.UPDATED, before.yearLabel() + " – " + form.description().strip(),
                snapshot(before.fundingSource(), before.category(), before.description(), before.planned(), before.notes()),
                snapshot(form.fundingSource(), form.category(), form.description().strip(), planned, blank(form.notes())));
    }

    /** Changes the planned amount of a line made by the replacement plan (the plan checked the year is open). */
    void replan(LineView before, BigDecimal planned, String description) {
        jdbc.sql("UPDATE budget_line SET planned = ?, description = ?, version = version + 1, updated_at = now() WHERE id = ?")
                .params(planned, description, before.id()).update();
        publish("budget_line", before.id(), before.schoolId(), RecordChanged.UPDATED, before.yearLabel() + " – " + description,
                snapshot(before.fundingSource(), before.category(), before.description(), before.planned(), before.notes()),
                snapshot(before.fundingSource(), before.category(), description, planned, before.notes()));
    }

    /** Deletes a line; refused while something is booked on it. */
    @Transactional
    public void deleteLine(long id) {
        LineView before = line(id);
        requireManage(before.schoolId());
        requireOpen(year(before.budgetYearId()));
        if (before.bookings() > 0) {
            throw InvalidInputException.of(null, "budget.error.line.hasBookings",
                    "has bookings (orders or invoices) and cannot be deleted; set its planned amount instead");
        }
        jdbc.sql("DELETE FROM budget_line WHERE id = ?").param(id).update();
        publish("budget_line", id, before.schoolId(), RecordChanged.DELETED, before.yearLabel() + " – " + before.description(),
                snapshot(before.fundingSource(), before.category(), before.description(), before.planned(), before.notes()),
                Map.of());
    }

    private BigDecimal check(LineForm form, List<FieldProblem> problems) {
        if (form.fundingSource() == null) {
            problems.add(new FieldProblem("fundingSource", "error.required", "is required"));
        }
        if (form.category() == null) {
            problems.add(new FieldProblem("category", "error.required", "is required"));
        }
        if (form.description() == null || form.description().isBlank()) {
            problems.add(new FieldProblem("description", "error.required", "is required"));
        } else if (form.description().strip().length() > 200) {
            problems.add(new FieldProblem("description", "budget.error.tooLong", "is longer than 200 characters", 200));
        }
        if (form.notes() != null && form.notes().length() > 2000) {
            problems.add(new FieldProblem("notes", "budget.error.tooLong", "is longer than 2000 characters", 2000));
        }
        return Amounts.parse("planned", form.planned(), true, problems);
    }

    private void requireOpen(YearView year) {
        if (year.closed()) {
            throw InvalidInputException.of(null, "budget.error.year.closed",
                    "the budget year " + year.label() + " is closed; open it again to change its lines", year.label());
        }
    }

    private void requireManage(long schoolId) {
        if (!canManage(schoolId)) {
            throw new AccessDeniedException("no BUDGET_MANAGE in school " + schoolId);
        }
    }

    // ---- overviews ----

    /** A year's totals per category and per funding source, and committed/spent per month (cumulative). */
    public YearOverview overview(long yearId) {
        YearView year = year(yearId);
        List<GroupTotal> byCategory = groups(year.id(), "category");
        List<GroupTotal> bySource = groups(year.id(), "funding_source");
        // bookings dated before the year count in its first month, after it in its last
        Map<LocalDate, BigDecimal[]> perMonth = new LinkedHashMap<>();
        LocalDate first = year.startsOn().withDayOfMonth(1);
        LocalDate last = year.endsOn().withDayOfMonth(1);
        for (LocalDate m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            perMonth.put(m, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        }
        jdbc.sql("""
                SELECT greatest(least(date_trunc('month', b.booked_on)::date, :last), :first) AS month, b.kind, sum(b.amount) AS amount
                FROM budget_booking b JOIN budget_line l ON l.id = b.line_id
                WHERE l.budget_year_id = :year GROUP BY 1, 2""")
                .param("year", year.id()).param("first", first).param("last", last)
                .query((rs, n) -> {
                    BigDecimal[] sums = perMonth.get(rs.getObject("month", LocalDate.class));
                    sums["COMMITTED".equals(rs.getString("kind")) ? 0 : 1] = rs.getBigDecimal("amount");
                    return null;
                }).list();
        List<MonthPoint> months = new ArrayList<>();
        BigDecimal committed = BigDecimal.ZERO.setScale(2);
        BigDecimal spent = BigDecimal.ZERO.setScale(2);
        for (var e : perMonth.entrySet()) {
            committed = committed.add(e.getValue()[0]);
            spent = spent.add(e.getValue()[1]);
            months.add(new MonthPoint(e.getKey(), committed, spent));
        }
        return new YearOverview(year, byCategory, bySource, months);
    }

    private List<GroupTotal> groups(long yearId, String column) {
        return jdbc.sql("SELECT x." + column + " AS key, count(*) AS lines, sum(x.planned) AS planned, sum(x.committed) AS committed,"
                        + " sum(x.spent) AS spent FROM (" + LINE_SUMS + " WHERE l.budget_year_id = :year) x GROUP BY 1 ORDER BY 1")
                .param("year", yearId)
                .query((rs, n) -> new GroupTotal(rs.getString("key"), rs.getLong("lines"),
                        Totals.of(rs.getBigDecimal("planned"), rs.getBigDecimal("committed"), rs.getBigDecimal("spent"))))
                .list();
    }

    /**
     * The board overview: per school the user may read (optionally of one school community, or whose name contains
     * {@code q}), its budget year that contains {@code on}, with planned, committed, spent and remaining; the totals
     * over all matching schools. Paged and sorted in SQL.
     */
    public BoardOverview boardOverview(LocalDate on, Long communityId, PageQuery query) {
        access.requireAnywhere(Permission.BUDGET_READ);
        LocalDate date = on == null ? LocalDate.now(Formats.ZONE) : on;
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("schools", access.schoolArray(Permission.BUDGET_READ));
        params.put("on", date);
        StringBuilder where = new StringBuilder(" WHERE s.id = ANY(:schools)");
        if (communityId != null) {
            where.append(" AND s.community_id = :community");
            params.put("community", communityId);
        }
        if (query.q() != null) {
            where.append(" AND lower(s.name) LIKE :q ESCAPE '\\'");
            params.put("q", query.likePattern());
        }
        String sql = """
                WITH y AS (
                    SELECT DISTINCT ON (y.school_id) y.id, y.school_id, y.label, y.closed
                    FROM budget_year y WHERE y.school_id = ANY(:schools) AND y.starts_on <= :on AND y.ends_on >= :on
                    ORDER BY y.school_id, y.starts_on DESC),
                l AS (
                    SELECT l.budget_year_id, l.planned,
                           coalesce(sum(b.amount) FILTER (WHERE b.kind = 'COMMITTED'), 0) AS committed,
                           coalesce(sum(b.amount) FILTER (WHERE b.kind = 'SPENT'), 0) AS spent
                    FROM budget_line l JOIN y ON y.id = l.budget_year_id
                    LEFT JOIN budget_booking b ON b.line_id = l.id
                    GROUP BY l.id),
                t AS (
                    SELECT budget_year_id, sum(planned) AS planned, sum(committed) AS committed, sum(spent) AS spent,
                           count(*) AS lines, count(*) FILTER (WHERE planned - committed - spent < 0) AS over
                    FROM l GROUP BY budget_year_id),
                r AS (
                    SELECT s.id, s.name, y.id AS year_id, y.label, coalesce(y.closed, false) AS closed,
                           coalesce(t.planned, 0) AS planned, coalesce(t.committed, 0) AS committed,
                           coalesce(t.spent, 0) AS spent, coalesce(t.lines, 0) AS lines, coalesce(t.over, 0) AS over
                    FROM school s LEFT JOIN y ON y.school_id = s.id LEFT JOIN t ON t.budget_year_id = y.id
                    """ + where + ")";
        String dir = query.descending() ? " DESC" : " ASC";
        String order = query.orderBy(Map.of(
                "school", "lower(name)",
                "planned", "planned" + dir + ", lower(name)",
                "committed", "committed" + dir + ", lower(name)",
                "spent", "spent" + dir + ", lower(name)",
                "remaining", "(planned - committed - spent)" + dir + ", lower(name)",
                "used", "CASE WHEN planned = 0 THEN 0 ELSE (committed + spent) / planned END" + dir + ", lower(name)",
                "over", "over" + dir + ", lower(name)"), "school");
        List<SchoolRow> rows = new ArrayList<>();
        Object[] totals = new Object[5];
        jdbc.sql(sql + """
                SELECT r.*, count(*) OVER () AS n, sum(planned) OVER () AS total_planned,
                       sum(committed) OVER () AS total_committed, sum(spent) OVER () AS total_spent,
                       count(year_id) OVER () AS with_year
                FROM r""" + order + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", query.size()).param("offset", query.offset())
                .query((rs, n) -> {
                    totals[0] = rs.getLong("n");
                    totals[1] = rs.getBigDecimal("total_planned");
                    totals[2] = rs.getBigDecimal("total_committed");
                    totals[3] = rs.getBigDecimal("total_spent");
                    totals[4] = rs.getLong("with_year");
                    rows.add(new SchoolRow(rs.getLong("id"), rs.getString("name"), (Long) rs.getObject("year_id"),
                            rs.getString("label"), rs.getBoolean("closed"),
                            Totals.of(rs.getBigDecimal("planned"), rs.getBigDecimal("committed"), rs.getBigDecimal("spent")),
                            rs.getLong("lines"), rs.getLong("over")));
                    return null;
                }).list();
        if (totals[0] == null && query.page() > 0) {
            // past the last page: the totals still come from the rows themselves
            jdbc.sql(sql + """
                    SELECT count(*) AS n, coalesce(sum(planned), 0) AS p, coalesce(sum(committed), 0) AS c,
                           coalesce(sum(spent), 0) AS s, count(year_id) AS w FROM r""").params(params)
                    .query((rs, n) -> {
                        totals[0] = rs.getLong("n");
                        totals[1] = rs.getBigDecimal("p");
                        totals[2] = rs.getBigDecimal("c");
                        totals[3] = rs.getBigDecimal("s");
                        totals[4] = rs.getLong("w");
                        return null;
                    }).list();
        }
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        long total = totals[0] == null ? 0 : (Long) totals[0];
        Totals sum = Totals.of(totals[1] == null ? zero : (BigDecimal) totals[1], totals[2] == null ? zero : (BigDecimal) totals[2],
                totals[3] == null ? zero : (BigDecimal) totals[3]);
        return new BoardOverview(date, communityId, new Page<>(rows, total, query.page(), query.size()), sum,
                totals[4] == null ? 0 : (Long) totals[4]);
    }

    /** The school communities of the board, for the board overview's filter. */
    public List<Map<String, Object>> communities() {
        return jdbc.sql("SELECT id, name FROM school_community WHERE board_id = ? ORDER BY lower(name)")
                .param(access.current().boardId()).query().listOfRows();
    }

    // ---- helpers ----

    private void publish(String type, long id, long schoolId, String action, String label, Map<String, ?> before,
            Map<String, ?> after) {
        long board = jdbc.sql("SELECT board_id FROM school WHERE id = ?").param(schoolId).query(Long.class).single();
        events.publishEvent(new RecordChanged(type, id, board, schoolId, action, label, RecordChanged.diff(before, after)));
    }

    private static Map<String, Object> snapshot(FundingSource source, BudgetCategory category, String description,
            BigDecimal planned, String notes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fundingSource", source);
        m.put("category", category);
        m.put("description", description);
        m.put("planned", planned == null ? null : planned.setScale(2).toPlainString());
        m.put("notes", notes);
        return m;
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static YearView yearRow(ResultSet rs, int n) throws SQLException {
        return new YearView(rs.getLong("id"), rs.getLong("school_id"), rs.getString("school_name"), rs.getString("label"),
                YearKind.valueOf(rs.getString("kind")), rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class), rs.getBoolean("closed"), rs.getString("notes"), rs.getInt("version"),
                Totals.of(rs.getBigDecimal("planned"), rs.getBigDecimal("committed"), rs.getBigDecimal("spent")),
                rs.getLong("lines"), rs.getLong("over"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static LineView lineRow(ResultSet rs, int n) throws SQLException {
        BigDecimal planned = rs.getBigDecimal("planned").setScale(2);
        BigDecimal committed = rs.getBigDecimal("committed").setScale(2);
        BigDecimal spent = rs.getBigDecimal("spent").setScale(2);
        BigDecimal remaining = planned.subtract(committed).subtract(spent);
        String kind = rs.getString("replacement_kind");
        return new LineView(rs.getLong("id"), rs.getLong("budget_year_id"), rs.getLong("school_id"),
                rs.getString("year_label"), rs.getBoolean("year_closed"), FundingSource.valueOf(rs.getString("funding_source")),
                BudgetCategory.valueOf(rs.getString("category")), rs.getString("description"), planned, committed, spent,
                remaining, remaining.signum() < 0, rs.getLong("bookings"), kind == null ? null : AssetKind.valueOf(kind),
                rs.getString("notes"), rs.getInt("version"));
    }
}
