package be.coordinaat.calendar;

import be.coordinaat.calendar.clock.OpenSpan;
import be.coordinaat.calendar.clock.SchoolClock;
import be.coordinaat.calendar.clock.SchoolClock.ClosedDays;
import be.coordinaat.shared.NotFoundException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the calendar tables without any scope check: for the business clock (schedulers, no user) and for
 * {@link SchoolCalendars} after it has checked the scope. Reads the {@code school} table for the board of a school
 * (a read-only join across the module border, documented in the README).
 */
@Component
class CalendarStore {

    static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Brussels");

    /**
     * The week of a board that has not set its hours yet: a Flemish primary school's day, Wednesday afternoon
     * closed.
     */
    static final Map<DayOfWeek, List<OpenSpan>> DEFAULT_HOURS;

    static {
        Map<DayOfWeek, List<OpenSpan>> hours = new EnumMap<>(DayOfWeek.class);
        List<OpenSpan> full = List.of(OpenSpan.parse("08:30-12:00"), OpenSpan.parse("13:00-16:00"));
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            hours.put(d, full);
        }
        hours.put(DayOfWeek.WEDNESDAY, List.of(OpenSpan.parse("08:30-12:00")));
        DEFAULT_HOURS = java.util.Collections.unmodifiableMap(hours);
    }

    /** One row of {@code calendar}: the board default (schoolId null) or a school's settings. */
    record Settings(long id, long boardId, Long schoolId, String zoneId, boolean ownHours, boolean boardClosures,
            int version) {}

    private final JdbcClient jdbc;

    CalendarStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The board of a school; 404 when there is no such school. */
    long boardOf(long schoolId) {
        return jdbc.sql("SELECT board_id FROM school WHERE id = ?").param(schoolId).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("school", schoolId));
    }

    private static final String SETTINGS = "SELECT id, board_id, school_id, zone_id, own_hours, board_closures, version FROM calendar";

    private static Settings settings(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Settings(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class), rs.getString(4),
                rs.getBoolean(5), rs.getBoolean(6), rs.getInt(7));
    }

    Optional<Settings> boardSettings(long boardId) {
        return jdbc.sql(SETTINGS + " WHERE board_id = ? AND school_id IS NULL").param(boardId)
                .query(CalendarStore::settings).optional();
    }

    Optional<Settings> schoolSettings(long schoolId) {
        return jdbc.sql(SETTINGS + " WHERE school_id = ?").param(schoolId).query(CalendarStore::settings).optional();
    }

    /** The spans of a calendar row per weekday, sorted. */
    Map<DayOfWeek, List<OpenSpan>> hours(long calendarId) {
        Map<DayOfWeek, List<OpenSpan>> hours = new EnumMap<>(DayOfWeek.class);
        jdbc.sql("SELECT weekday, opens, closes FROM calendar_hours WHERE calendar_id = ? ORDER BY weekday, opens")
                .param(calendarId)
                .query(rs -> {
                    hours.computeIfAbsent(DayOfWeek.of(rs.getInt(1)), d -> new ArrayList<>())
                            .add(new OpenSpan(rs.getInt(2), rs.getInt(3)));
                });
        return hours;
    }

    /** The board's week hours (the built-in default while the board has none). */
    Map<DayOfWeek, List<OpenSpan>> boardHours(Optional<Settings> board) {
        return board.map(b -> hours(b.id())).orElse(DEFAULT_HOURS);
    }

    static ZoneId zone(Optional<Settings> school, Optional<Settings> board) {
        String id = school.map(Settings::zoneId).orElse(null);
        if (id == null) {
            id = board.map(Settings::zoneId).orElse(null);
        }
        return id == null ? DEFAULT_ZONE : ZoneId.of(id);
    }

    /** The clock of a school, as stored now. */
    SchoolClock clock(long schoolId) {
        long boardId = boardOf(schoolId);
        Optional<Settings> board = boardSettings(boardId);
        Optional<Settings> school = schoolSettings(schoolId);
        Map<DayOfWeek, List<OpenSpan>> hours = school.filter(Settings::ownHours).isPresent()
                ? hours(school.get().id()) : boardHours(board);
        boolean boardClosures = school.map(Settings::boardClosures).orElse(true);
        List<ClosedDays> closed = jdbc.sql("""
                SELECT first_day, last_day FROM calendar_closure
                WHERE board_id = :board AND (school_id = :school OR (school_id IS NULL AND :boardClosures))""")
                .param("board", boardId).param("school", schoolId).param("boardClosures", boardClosures)
                .query((rs, n) -> new ClosedDays(rs.getObject(1, java.time.LocalDate.class),
                        rs.getObject(2, java.time.LocalDate.class)))
                .list();
        return new SchoolClock(schoolId, zone(school, board), hours, closed);
    }
}
