package be.coordinaat.calendar;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import be.coordinaat.access.SchoolDirectory.SchoolRef;
import be.coordinaat.calendar.CalendarStore.Settings;
import be.coordinaat.calendar.FlemishSchoolHolidays.Holiday;
import be.coordinaat.calendar.Forms.ClosureForm;
import be.coordinaat.calendar.Forms.HolidaysCommand;
import be.coordinaat.calendar.Forms.HoursForm;
import be.coordinaat.calendar.Views.CalendarView;
import be.coordinaat.calendar.Views.ClockState;
import be.coordinaat.calendar.Views.ClosureView;
import be.coordinaat.calendar.Views.DayView;
import be.coordinaat.calendar.Views.GeneratedHolidays;
import be.coordinaat.calendar.Views.SpanView;
import be.coordinaat.calendar.clock.OpenSpan;
import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.InvalidInputException.FieldProblem;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.Page;
import be.coordinaat.shared.PageQuery;
import be.coordinaat.shared.RecordChanged;
import be.coordinaat.shared.RecordsChanged;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes the calendars for the pages and the API: the board default and each school's week hours, time
 * zone and closures, and generates the official Flemish holidays of a school year.
 *
 * <p>Scope: a school's calendar is read with SCHOOL_READ in that school and changed with HELPDESK_CONFIGURE in that
 * school; another school (also by a guessed id, also a closure id of another school) is 404. The board default is
 * read by everyone who reads a school of the board and changed with a board-wide HELPDESK_CONFIGURE (board admins).
 * Every change is in the history of the calendar ({@code school-calendar} with the school's id, {@code board-calendar}
 * with the board's id) and empties the business clock's cache when it commits.
 */
@Service
@Transactional(readOnly = true)
public class SchoolCalendars {

    public static final String SCHOOL_HISTORY = "school-calendar";
    public static final String BOARD_HISTORY = "board-calendar";
    /** The longest closure, in days. */
    public static final int MAX_CLOSURE_DAYS = 366;
    private static final int MAX_SPANS_PER_DAY = 6;
    private static final LocalDate MIN_DATE = LocalDate.of(SchoolYear.MIN_YEAR, 1, 1);
    private static final LocalDate MAX_DATE = LocalDate.of(SchoolYear.MAX_YEAR, 12, 31);
    private static final String[] DAY_FIELDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** Whose calendar: the board default (schoolId null) or a school's. */
    private record Scope(long boardId, Long schoolId, String schoolName) {
        String historyType() {
            return schoolId == null ? BOARD_HISTORY : SCHOOL_HISTORY;
        }

        long historyId() {
            return schoolId == null ? boardId : schoolId;
        }
    }

    private final JdbcClient jdbc;
    private final AccessControl access;
    private final CalendarStore store;
    private final BusinessCalendars clocks;
    private final ApplicationEventPublisher events;

    SchoolCalendars(JdbcClient jdbc, AccessControl access, CalendarStore store, BusinessCalendars clocks,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.store = store;
        this.clocks = clocks;
        this.events = events;
    }

    // ---- scope ----

    public boolean canEdit(long schoolId) {
        return access.can(Permission.HELPDESK_CONFIGURE, schoolId);
    }

    public boolean canEditBoard() {
        return access.canForBoard(Permission.HELPDESK_CONFIGURE);
    }

    /** The schools whose calendar the current user may see. */
    public List<SchoolRef> readableSchools() {
        return access.visibleSchools(Permission.SCHOOL_READ);
    }

    private Scope readSchool(long schoolId) {
        if (!access.can(Permission.SCHOOL_READ, schoolId)) {
            throw new NotFoundException("school", schoolId);
        }
        long boardId = access.current().boardId();
        String name = jdbc.sql("SELECT name FROM school WHERE id = ? AND board_id = ?").params(schoolId, boardId)
                .query(String.class).optional().orElseThrow(() -> new NotFoundException("school", schoolId));
        return new Scope(boardId, schoolId, name);
    }

    private Scope editSchool(long schoolId) {
        Scope scope = readSchool(schoolId);
        access.require(Permission.HELPDESK_CONFIGURE, schoolId);
        return scope;
    }

    private Scope readBoard() {
        access.requireAnywhere(Permission.SCHOOL_READ);
        return new Scope(access.current().boardId(), null, null);
    }

    private Scope editBoard() {
        access.requireForBoard(Permission.HELPDESK_CONFIGURE);
        return new Scope(access.current().boardId(), null, null);
    }

    private Scope read(Long schoolId) {
        return schoolId == null ? readBoard() : readSchool(schoolId);
    }

    private Scope edit(Long schoolId) {
        return schoolId == null ? editBoard() : editSchool(schoolId);
    }

    // ---- week hours ----

    /** The calendar of a school (404 outside the scope), or of the board default when {@code schoolId} is null. */
    public CalendarView calendar(Long schoolId) {
        return view(read(schoolId));
    }

    private CalendarView view(Scope scope) {
        Optional<Settings> board = store.boardSettings(scope.boardId());
        if (scope.schoolId() == null) {
            Map<DayOfWeek, List<OpenSpan>> hours = store.boardHours(board);
            String zone = CalendarStore.zone(Optional.empty(), board).getId();
            return new CalendarView(null, null, scope.boardId(), zone, zone, true, true, week(hours),
                    minutes(hours), board.map(Settings::version).orElse(0));
        }
        Optional<Settings> school = store.schoolSettings(scope.schoolId());
        boolean own = school.map(Settings::ownHours).orElse(false);
        Map<DayOfWeek, List<OpenSpan>> hours = own ? store.hours(school.get().id()) : store.boardHours(board);
        return new CalendarView(scope.schoolId(), scope.schoolName(), scope.boardId(),
                CalendarStore.zone(school, board).getId(), school.map(Settings::zoneId).orElse(null), own,
                school.map(Settings::boardClosures).orElse(true), week(hours), minutes(hours),
                school.map(Settings::version).orElse(0));
    }

    private static List<DayView> week(Map<DayOfWeek, List<OpenSpan>> hours) {
        List<DayView> days = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            List<OpenSpan> spans = hours.getOrDefault(d, List.of());
            days.add(new DayView(d, spans.stream().map(s -> new SpanView(s.opensText(), s.closesText())).toList(),
                    text(spans), spans.stream().mapToInt(OpenSpan::minutes).sum()));
        }
        return days;
    }

    private static String text(List<OpenSpan> spans) {
        return spans.stream().map(OpenSpan::toString).collect(Collectors.joining(", "));
    }

    private static int minutes(Map<DayOfWeek, List<OpenSpan>> hours) {
        return hours.values().stream().flatMap(List::stream).mapToInt(OpenSpan::minutes).sum();
    }

    /** The form prefilled with the calendar as it is. */
    public HoursForm hoursForm(CalendarView view) {
        String[] days = view.week().stream().map(DayView::text).toArray(String[]::new);
        return new HoursForm(view.ownZone(), view.ownHours(), view.boardClosures(), days[0], days[1], days[2], days[3],
                days[4], days[5], days[6], view.version());
    }

    /**
     * Changes the week hours, time zone and inheritance of a school's calendar (or the board default when
     * {@code schoolId} is null). Each weekday's problem is reported on its own field.
     */
    @Transactional
    public CalendarView updateHours(Long schoolId, HoursForm form) {
        Scope scope = edit(schoolId);
        CalendarView before = view(scope);
        List<FieldProblem> problems = new ArrayList<>();
        boolean usesDays = scope.schoolId() == null || Boolean.TRUE.equals(form.ownHours());
        // the days of a school that follows the board's hours are ignored, so they cannot be wrong
        Map<DayOfWeek, List<OpenSpan>> hours = parseWeek(form, usesDays ? problems : new ArrayList<>());
        String zone = blank(form.zoneId());
        if (zone != null && !ZoneId.getAvailableZoneIds().contains(zone)) {
            problems.add(new FieldProblem("zoneId", "calendar.error.zone", "unknown time zone; use e.g. Europe/Brussels"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        boolean board = scope.schoolId() == null;
        if (board && zone == null) {
            zone = CalendarStore.DEFAULT_ZONE.getId();
        }
        boolean ownHours = board || Boolean.TRUE.equals(form.ownHours());
        boolean boardClosures = board || form.boardClosures() == null || form.boardClosures();
        long id = ensureRow(scope);
        int version = form.version() == null ? before.version() : form.version();
        int n = jdbc.sql("""
                UPDATE calendar SET zone_id = :zone, own_hours = :own, board_closures = :boardClosures,
                       version = version + 1, updated_at = now()
                WHERE id = :id AND version = :version""")
                .param("zone", zone).param("own", ownHours).param("boardClosures", boardClosures).param("id", id)
                .param("version", version).update();
        if (n == 0) {
            throw ConflictException.staleVersion("calendar", scope.historyId());
        }
        if (ownHours) {
            jdbc.sql("DELETE FROM calendar_hours WHERE calendar_id = ?").param(id).update();
            for (Map.Entry<DayOfWeek, List<OpenSpan>> e : hours.entrySet()) {
                for (OpenSpan span : e.getValue()) {
                    jdbc.sql("""
                            INSERT INTO calendar_hours (calendar_id, board_id, school_id, weekday, opens, closes)
                            VALUES (?, ?, ?, ?, ?, ?)""")
                            .params(id, scope.boardId(), scope.schoolId(), e.getKey().getValue(), span.opens(), span.closes())
                            .update();
                }
            }
        }
        CalendarView after = view(scope);
        Map<String, RecordChanged.Change> changes = RecordChanged.diff(snapshot(before), snapshot(after));
        if (!changes.isEmpty()) {
            events.publishEvent(new RecordChanged(scope.historyType(), scope.historyId(), scope.boardId(),
                    scope.schoolId(), RecordChanged.UPDATED, label(scope), changes));
        }
        clocks.changed();
        return after;
    }

    private static Map<String, Object> snapshot(CalendarView v) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("zoneId", v.ownZone());
        if (!v.board()) {
            s.put("ownHours", v.ownHours());
            s.put("boardClosures", v.boardClosures());
        }
        if (v.ownHours()) {
            for (DayView d : v.week()) {
                s.put(DAY_FIELDS[d.day().ordinal()], d.text().isEmpty() ? "—" : d.text());
            }
        }
        return s;
    }

    private static String label(Scope scope) {
        return scope.schoolId() == null ? "board" : scope.schoolName();
    }

    private Map<DayOfWeek, List<OpenSpan>> parseWeek(HoursForm form, List<FieldProblem> problems) {
        String[] texts = {form.monday(), form.tuesday(), form.wednesday(), form.thursday(), form.friday(),
                form.saturday(), form.sunday()};
        Map<DayOfWeek, List<OpenSpan>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            String field = DAY_FIELDS[d.ordinal()];
            String text = blank(texts[d.ordinal()]);
            List<OpenSpan> spans = new ArrayList<>();
            if (text != null) {
                boolean ok = true;
                for (String part : text.split("[,;]")) {
                    if (part.isBlank()) {
                        continue;
                    }
                    String[] ends = part.strip().split("\\s*[-–]\\s*");
                    int opens = ends.length == 2 ? OpenSpan.minutesOrInvalid(ends[0]) : -1;
                    int closes = ends.length == 2 ? OpenSpan.minutesOrInvalid(ends[1]) : -1;
                    if (opens < 0 || closes < 0 || opens >= OpenSpan.END_OF_DAY) {
                        problems.add(new FieldProblem(field, "calendar.error.hours",
                                "write the hours as 08:15-12:05, 13:15-15:45 (times 00:00 to 24:00)"));
                        ok = false;
                        break;
                    }
                    if (closes <= opens) {
                        problems.add(new FieldProblem(field, "calendar.error.hoursOrder",
                                "a span must close after it opens: " + part.strip()));
                        ok = false;
                        break;
                    }
                    spans.add(new OpenSpan(opens, closes));
                }
                if (ok) {
                    spans.sort(null);
                    if (spans.size() > MAX_SPANS_PER_DAY) {
                        problems.add(new FieldProblem(field, "calendar.error.hoursMany",
                                "at most " + MAX_SPANS_PER_DAY + " spans a day", MAX_SPANS_PER_DAY));
                    } else {
                        for (int i = 1; i < spans.size(); i++) {
                            if (spans.get(i - 1).overlaps(spans.get(i))) {
                                problems.add(new FieldProblem(field, "calendar.error.hoursOverlap",
                                        "spans overlap: " + spans.get(i - 1) + " and " + spans.get(i)));
                                break;
                            }
                        }
                    }
                }
            }
            week.put(d, spans);
        }
        return week;
    }

    /** The id of the calendar row of the scope, created when missing (the board's with the built-in hours). */
    private long ensureRow(Scope scope) {
        Optional<Settings> existing = scope.schoolId() == null ? store.boardSettings(scope.boardId())
                : store.schoolSettings(scope.schoolId());
        if (existing.isPresent()) {
            return existing.get().id();
        }
        jdbc.sql("""
                INSERT INTO calendar (board_id, school_id, own_hours) VALUES (?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(scope.boardId(), scope.schoolId(), scope.schoolId() == null).update();
        Settings row = (scope.schoolId() == null ? store.boardSettings(scope.boardId())
                : store.schoolSettings(scope.schoolId())).orElseThrow();
        return row.id();
    }

    // ---- closures ----

    private static final String CLOSURE_COLUMNS = """
            SELECT c.id, c.school_id, c.name, c.kind, c.first_day, c.last_day, c.generated, c.version, c.updated_at""";

    /** Which closures a calendar shows, for alias {@code x}: the school's own and, unless it opted out, the board's. */
    private static String visible(Scope scope, String x) {
        return scope.schoolId() == null
                ? " " + x + ".board_id = :board AND " + x + ".school_id IS NULL"
                : " " + x + ".board_id = :board AND (" + x + ".school_id = :school OR (" + x + ".school_id IS NULL AND :boardClosures))";
    }

    private Map<String, Object> params(Scope scope) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("board", scope.boardId());
        if (scope.schoolId() != null) {
            p.put("school", scope.schoolId());
            p.put("boardClosures", store.schoolSettings(scope.schoolId()).map(Settings::boardClosures).orElse(true));
        }
        return p;
    }

    private ClosureView closureRow(Scope scope, ResultSet rs) throws SQLException {
        Long school = rs.getObject("school_id", Long.class);
        LocalDate first = rs.getObject("first_day", LocalDate.class);
        LocalDate last = rs.getObject("last_day", LocalDate.class);
        return new ClosureView(rs.getLong("id"), school, rs.getString("name"), ClosureKind.valueOf(rs.getString("kind")),
                first, last, rs.getBoolean("generated"), scope.schoolId() != null && school == null,
                rs.getBoolean("overlaps"), ChronoUnit.DAYS.between(first, last) + 1, rs.getInt("version"),
                rs.getTimestamp("updated_at").toInstant());
    }

    /**
     * The closures of a calendar that touch {@code [from, to]} (either may be empty), in date order, each with a flag
     * when it overlaps another closure of the same calendar. For a school: its own and the board's it follows.
     */
    public Page<ClosureView> closures(Long schoolId, LocalDate from, LocalDate to, PageQuery query) {
        Scope scope = read(schoolId);
        Map<String, Object> p = params(scope);
        p.put("from", from == null ? MIN_DATE : from);
        p.put("to", to == null ? MAX_DATE : to);
        String where = " WHERE" + visible(scope, "c") + " AND c.last_day >= :from AND c.first_day <= :to";
        long total = jdbc.sql("SELECT count(*) FROM calendar_closure c" + where).params(p).query(Long.class).single();
        List<ClosureView> items = jdbc.sql(CLOSURE_COLUMNS + ", EXISTS (SELECT 1 FROM calendar_closure o WHERE"
                        + visible(scope, "o") + " AND o.id <> c.id AND o.first_day <= c.last_day AND o.last_day >= c.first_day)"
                        + " AS overlaps FROM calendar_closure c" + where
                        + " ORDER BY c.first_day, c.last_day, c.id LIMIT :limit OFFSET :offset")
                .params(p).param("limit", query.size()).param("offset", query.offset())
                .query((rs, n) -> closureRow(scope, rs)).list();
        return new Page<>(items, total, query.page(), query.size());
    }

    /** The coming closures (today or later, in the calendar's zone), at most {@code limit}. */
    public List<ClosureView> upcoming(Long schoolId, int limit) {
        LocalDate today = LocalDate.now(zoneOf(schoolId));
        return closures(schoolId, today, null, new PageQuery(0, limit, null, false, null)).items();
    }

    private ZoneId zoneOf(Long schoolId) {
        return ZoneId.of(calendar(schoolId).zoneId());
    }

    /** One closure that belongs to the calendar itself (a board closure is not one of a school's); 404 otherwise. */
    public ClosureView closure(Long schoolId, long id) {
        return closure(read(schoolId), id);
    }

    private ClosureView closure(Scope scope, long id) {
        String own = scope.schoolId() == null ? " AND c.school_id IS NULL" : " AND c.school_id = :school";
        Map<String, Object> p = params(scope);
        return jdbc.sql(CLOSURE_COLUMNS + ", EXISTS (SELECT 1 FROM calendar_closure o WHERE" + visible(scope, "o")
                        + " AND o.id <> c.id AND o.first_day <= c.last_day AND o.last_day >= c.first_day) AS overlaps"
                        + " FROM calendar_closure c WHERE c.id = :id AND c.board_id = :board" + own)
                .params(p).param("id", id).query((rs, n) -> closureRow(scope, rs)).optional()
                .orElseThrow(() -> new NotFoundException("closure", id));
    }

    @Transactional
    public long createClosure(Long schoolId, ClosureForm form) {
        Scope scope = edit(schoolId);
        LocalDate last = check(form);
        long id = jdbc.sql("""
                INSERT INTO calendar_closure (board_id, school_id, name, kind, first_day, last_day)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(scope.boardId(), scope.schoolId(), form.name().strip(), form.kind().name(), form.firstDay(), last)
                .query(Long.class).single();
        events.publishEvent(closureEvent(scope, RecordChanged.CREATED, null, closureSnapshot(form.name().strip(),
                form.kind(), form.firstDay(), last)));
        clocks.changed();
        return id;
    }

    @Transactional
    public void updateClosure(Long schoolId, long id, ClosureForm form) {
        Scope scope = edit(schoolId);
        ClosureView before = closure(scope, id);
        LocalDate last = check(form);
        int n = jdbc.sql("""
                UPDATE calendar_closure SET name = :name, kind = :kind, first_day = :first, last_day = :last,
                       version = version + 1, updated_at = now()
                WHERE id = :id AND version = :version""")
                .param("name", form.name().strip()).param("kind", form.kind().name()).param("first", form.firstDay())
                .param("last", last).param("id", id)
                .param("version", form.version() == null ? before.version() : form.version()).update();
        if (n == 0) {
            throw ConflictException.staleVersion("closure", id);
        }
        events.publishEvent(closureEvent(scope, RecordChanged.UPDATED, closureSnapshot(before.name(), before.kind(),
                before.firstDay(), before.lastDay()), closureSnapshot(form.name().strip(), form.kind(), form.firstDay(), last)));
        clocks.changed();
    }

    @Transactional
    public void deleteClosure(Long schoolId, long id) {
        Scope scope = edit(schoolId);
        ClosureView before = closure(scope, id);
        jdbc.sql("DELETE FROM calendar_closure WHERE id = ?").param(id).update();
        events.publishEvent(closureEvent(scope, RecordChanged.DELETED, closureSnapshot(before.name(), before.kind(),
                before.firstDay(), before.lastDay()), null));
        clocks.changed();
    }

    private static LocalDate check(ClosureForm form) {
        List<FieldProblem> problems = new ArrayList<>();
        if (form.name() == null || form.name().isBlank()) {
            problems.add(new FieldProblem("name", "calendar.error.name", "a name is required"));
        }
        if (form.kind() == null) {
            problems.add(new FieldProblem("kind", "calendar.error.kind", "choose a kind"));
        }
        LocalDate first = form.firstDay();
        LocalDate last = form.lastDay() == null ? first : form.lastDay();
        if (first == null) {
            problems.add(new FieldProblem("firstDay", "calendar.error.firstDay", "the first day is required"));
        } else if (first.isBefore(MIN_DATE) || first.isAfter(MAX_DATE)) {
            problems.add(new FieldProblem("firstDay", "calendar.error.dateRange", "a date between 1900 and 2200"));
        } else if (last.isBefore(first)) {
            problems.add(new FieldProblem("lastDay", "calendar.error.lastDay", "the last day cannot be before the first"));
        } else if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_CLOSURE_DAYS) {
            problems.add(new FieldProblem("lastDay", "calendar.error.tooLong", "a closure lasts at most "
                    + MAX_CLOSURE_DAYS + " days", MAX_CLOSURE_DAYS));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return last;
    }

    private static Map<String, Object> closureSnapshot(String name, ClosureKind kind, LocalDate first, LocalDate last) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("closure", name);
        s.put("kind", kind);
        s.put("firstDay", DAY.format(first));
        s.put("lastDay", DAY.format(last));
        return s;
    }

    private RecordChanged closureEvent(Scope scope, String action, Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> shown = after != null ? after : before;
        String label = shown.get("closure") + " " + shown.get("firstDay")
                + (shown.get("firstDay").equals(shown.get("lastDay")) ? "" : "–" + shown.get("lastDay"));
        return new RecordChanged(scope.historyType(), scope.historyId(), scope.boardId(), scope.schoolId(), action,
                label, RecordChanged.diff(before == null ? Map.of() : before, after == null ? Map.of() : after));
    }

    // ---- Flemish holidays ----

    /**
     * Adds the official Flemish holidays of a school year to a school's closures (or the board's when
     * {@code schoolId} is null). A holiday that is already there (same name and days) is not added twice.
     */
    @Transactional
    public GeneratedHolidays generateHolidays(Long schoolId, HolidaysCommand command) {
        Scope scope = edit(schoolId);
        SchoolYear year;
        try {
            year = SchoolYear.parse(command.schoolYear());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("schoolYear", "calendar.error.schoolYear",
                    "write the school year as 2026-2027 (1900 to 2200)");
        }
        return generate(scope, year);
    }

    private GeneratedHolidays generate(Scope scope, SchoolYear year) {
        // already there: in the calendar itself or, for a school, among the board's closures it follows
        String own = scope.schoolId() == null ? "school_id IS NULL"
                : "(school_id = :school OR (school_id IS NULL AND :boardClosures))";
        boolean boardClosures = scope.schoolId() == null
                || store.schoolSettings(scope.schoolId()).map(Settings::boardClosures).orElse(true);
        List<RecordChanged> changes = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        int present = 0;
        for (Holiday h : FlemishSchoolHolidays.of(year)) {
            boolean exists = jdbc.sql("SELECT EXISTS (SELECT 1 FROM calendar_closure WHERE board_id = :board AND " + own
                            + " AND first_day = :first AND last_day = :last AND lower(name) = lower(:name))")
                    .param("board", scope.boardId()).param("school", scope.schoolId())
                    .param("boardClosures", boardClosures).param("first", h.firstDay())
                    .param("last", h.lastDay()).param("name", h.name()).query(Boolean.class).single();
            if (exists) {
                present++;
                continue;
            }
            ids.add(jdbc.sql("""
                    INSERT INTO calendar_closure (board_id, school_id, name, kind, first_day, last_day, generated)
                    VALUES (?, ?, ?, ?, ?, ?, TRUE) RETURNING id""")
                    .params(scope.boardId(), scope.schoolId(), h.name(), h.kind().name(), h.firstDay(), h.lastDay())
                    .query(Long.class).single());
            changes.add(closureEvent(scope, RecordChanged.CREATED, null,
                    closureSnapshot(h.name(), h.kind(), h.firstDay(), h.lastDay())));
        }
        if (!changes.isEmpty()) {
            events.publishEvent(new RecordsChanged(changes));
            clocks.changed();
        }
        List<ClosureView> closures = ids.stream().map(id -> closure(scope, id)).toList();
        return new GeneratedHolidays(year.label(), changes.size(), present, closures);
    }

    // ---- iCalendar ----

    /**
     * The closures of a calendar from a year ago onwards as an iCalendar file (RFC 5545): one all-day event per
     * closure, for importing into Outlook, Google Calendar or the school's agenda.
     */
    public String iCalendar(Long schoolId) {
        CalendarView calendar = calendar(schoolId);
        LocalDate from = LocalDate.now(ZoneId.of(calendar.zoneId())).minusYears(1);
        List<ClosureView> closures = new ArrayList<>();
        for (int page = 0; ; page++) {
            Page<ClosureView> p = closures(schoolId, from, null, new PageQuery(page, PageQuery.MAX_SIZE, null, false, null));
            closures.addAll(p.items());
            if (!p.hasNext() || page >= 9) {
                break;
            }
        }
        DateTimeFormatter date = DateTimeFormatter.BASIC_ISO_DATE;
        DateTimeFormatter stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC);
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Coordinaat//Calendar//NL");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + escape(calendar.board() ? "Coordinaat" : calendar.schoolName()));
        line(out, "X-WR-TIMEZONE:" + calendar.zoneId());
        for (ClosureView c : closures) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:closure-" + c.id() + "@coordinaat");
            line(out, "DTSTAMP:" + stamp.format(c.updatedAt()));
            line(out, "DTSTART;VALUE=DATE:" + date.format(c.firstDay()));
            line(out, "DTEND;VALUE=DATE:" + date.format(c.lastDay().plusDays(1)));
            line(out, "SUMMARY:" + escape(c.name()));
            line(out, "CATEGORIES:" + c.kind().name());
            line(out, "TRANSP:TRANSPARENT");
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r", "")
                .replace("\n", "\\n");
    }

    /** Appends a content line, folded at 75 octets (never inside a UTF-8 character), ending in CRLF. */
    private static void line(StringBuilder out, String line) {
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }

    // ---- clock ----

    /** Whether the school is open now and when it opens next, for the calendar page. */
    public ClockState clockState(long schoolId) {
        readSchool(schoolId);
        Instant now = Instant.now();
        Instant next = clocks.nextOpening(schoolId, now).orElse(null);
        return new ClockState(clocks.isOpen(schoolId, now), next,
                next == null ? null : java.time.LocalDateTime.ofInstant(next, zoneOf(schoolId)));
    }

    /** The school years to offer in choosers: last year to three years ahead. */
    public List<SchoolYear> schoolYears() {
        SchoolYear now = SchoolYear.containing(LocalDate.now(CalendarStore.DEFAULT_ZONE));
        return List.of(now.previous(), now, now.next(), now.next().next(), now.next().next().next());
    }

    // ---- demo data ----

    /** Board default hours and Flemish holidays without a signed-in user: for the demo data only. */
    @Transactional
    void demoBoard(long boardId, Map<DayOfWeek, List<OpenSpan>> hours, List<SchoolYear> years) {
        Scope scope = new Scope(boardId, null, null);
        long id = ensureRow(scope);
        jdbc.sql("UPDATE calendar SET zone_id = ? WHERE id = ?").params(CalendarStore.DEFAULT_ZONE.getId(), id).update();
        jdbc.sql("DELETE FROM calendar_hours WHERE calendar_id = ?").param(id).update();
        hours.forEach((day, spans) -> spans.forEach(span -> jdbc.sql("""
                INSERT INTO calendar_hours (calendar_id, board_id, school_id, weekday, opens, closes)
                VALUES (?, ?, NULL, ?, ?, ?)""").params(id, boardId, day.getValue(), span.opens(), span.closes()).update()));
        years.forEach(y -> generate(scope, y));
        clocks.changed();
    }

    /** A school's own week hours without a signed-in user: for the demo data only. */
    @Transactional
    void demoSchoolHours(long boardId, long schoolId, Map<DayOfWeek, List<OpenSpan>> hours) {
        Scope scope = new Scope(boardId, schoolId, null);
        long id = ensureRow(scope);
        jdbc.sql("UPDATE calendar SET own_hours = TRUE WHERE id = ?").param(id).update();
        jdbc.sql("DELETE FROM calendar_hours WHERE calendar_id = ?").param(id).update();
        hours.forEach((day, spans) -> spans.forEach(span -> jdbc.sql("""
                INSERT INTO calendar_hours (calendar_id, board_id, school_id, weekday, opens, closes)
                VALUES (?, ?, ?, ?, ?, ?)""").params(id, boardId, schoolId, day.getValue(), span.opens(), span.closes())
                .update()));
        clocks.changed();
    }

    /** A school's own closure without a signed-in user: for the demo data only. */
    @Transactional
    void demoClosure(long boardId, long schoolId, String name, ClosureKind kind, LocalDate first, LocalDate last) {
        jdbc.sql("""
                INSERT INTO calendar_closure (board_id, school_id, name, kind, first_day, last_day)
                VALUES (?, ?, ?, ?, ?, ?)""").params(boardId, schoolId, name, kind.name(), first, last).update();
        clocks.changed();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
