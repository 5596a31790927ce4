package be.coordinaat.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the calendar module shows. */
public final class Views {
    private Views() {}

    /** One opening span, "08:15" to "12:05" (closing may be "24:00"). */
    public record SpanView(String opens, String closes) {}

    /** The spans of one weekday; {@code text} is how the form writes them ("08:15-12:05, 13:15-15:45"). */
    public record DayView(DayOfWeek day, List<SpanView> spans, String text, int minutes) {}

    /**
     * The calendar of a school (schoolId set) or the board default (schoolId null), with what is inherited.
     *
     * @param zoneId        the effective time zone
     * @param ownZone       the school's own time zone, null when it follows the board (always set for the board)
     * @param ownHours      a school with its own hours; true for the board
     * @param boardClosures whether the board's closures apply to the school; true for the board
     * @param week          the effective week, Monday to Sunday
     * @param weekMinutes   the open minutes of an ordinary week
     * @param version       the version to send with an update (0 while nothing was stored)
     */
    public record CalendarView(Long schoolId, String schoolName, long boardId, String zoneId, String ownZone,
            boolean ownHours, boolean boardClosures, List<DayView> week, int weekMinutes, int version) {

        public boolean board() {
            return schoolId == null;
        }
    }

    /**
     * A closure as a school sees it.
     *
     * @param schoolId  null for a closure of the board
     * @param inherited a board closure shown on a school's calendar (changed on the board's calendar only)
     * @param overlaps  another closure of the same calendar shares at least one day
     * @param days      the number of days, both ends included
     */
    public record ClosureView(long id, Long schoolId, String name, ClosureKind kind, LocalDate firstDay,
            LocalDate lastDay, boolean generated, boolean inherited, boolean overlaps, long days, int version,
            Instant updatedAt) {}

    /** The result of generating a school year's Flemish holidays. */
    public record GeneratedHolidays(String schoolYear, int added, int alreadyPresent, List<ClosureView> closures) {}

    /**
     * The state of the business clock now, for the calendar page.
     *
     * @param nextOpening      the next opening (now when open), null when it does not open within the search limit
     * @param nextOpeningLocal the same in the school's time zone
     */
    public record ClockState(boolean openNow, Instant nextOpening, java.time.LocalDateTime nextOpeningLocal) {}
}
