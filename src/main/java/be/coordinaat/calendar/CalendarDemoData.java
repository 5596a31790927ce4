package be.coordinaat.calendar;

import be.coordinaat.calendar.clock.OpenSpan;
import be.coordinaat.shared.DemoContributor;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo calendars: the board default of a Flemish primary school (08:15–12:05 and 13:15–15:45, Wednesday
 * afternoon closed) with the official Flemish holidays of 2025-2026 and 2026-2027, which De Regenboog follows with two
 * pedagogical study days of its own; the Atheneum (secondary) keeps its own longer hours.
 */
@Component
@Order(30)
class CalendarDemoData implements DemoContributor {

    private final SchoolCalendars calendars;

    CalendarDemoData(SchoolCalendars calendars) {
        this.calendars = calendars;
    }

    @Override
    public void contribute(DemoBoard board) {
        calendars.demoBoard(board.boardId(), week("08:15-12:05", "13:15-15:45", "08:15-12:05"),
                List.of(new SchoolYear(2025), new SchoolYear(2026)));
        Long regenboog = board.schools().get("regenboog");
        if (regenboog != null) {
            calendars.demoClosure(board.boardId(), regenboog, "Pedagogische studiedag", ClosureKind.STUDY_DAY,
                    LocalDate.of(2026, 10, 14), LocalDate.of(2026, 10, 14));
            calendars.demoClosure(board.boardId(), regenboog, "Pedagogische studiedag", ClosureKind.STUDY_DAY,
                    LocalDate.of(2027, 1, 27), LocalDate.of(2027, 1, 27));
            calendars.demoClosure(board.boardId(), regenboog, "Facultatieve verlofdag", ClosureKind.BRIDGE_DAY,
                    LocalDate.of(2027, 5, 5), LocalDate.of(2027, 5, 5));
        }
        Long atheneum = board.schools().get("atheneum");
        if (atheneum != null) {
            calendars.demoSchoolHours(board.boardId(), atheneum, week("08:25-12:00", "12:50-16:00", "08:25-12:05"));
        }
    }

    /** Mon, Tue, Thu, Fri: morning and afternoon; Wednesday: the Wednesday morning. */
    private static Map<DayOfWeek, List<OpenSpan>> week(String morning, String afternoon, String wednesday) {
        Map<DayOfWeek, List<OpenSpan>> week = new EnumMap<>(DayOfWeek.class);
        List<OpenSpan> full = List.of(OpenSpan.parse(morning), OpenSpan.parse(afternoon));
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            week.put(d, full);
        }
        week.put(DayOfWeek.WEDNESDAY, List.of(OpenSpan.parse(wednesday)));
        return week;
    }
}
