package be.coordinaat.calendar;

import be.coordinaat.calendar.clock.OpenSpan;
import be.coordinaat.calendar.clock.SchoolClock;
import be.coordinaat.calendar.clock.SchoolClock.ClosedDays;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Clocks for the unit tests. */
final class Clocks {
    private Clocks() {}

    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    /** The demo week: 08:15–12:05 and 13:15–15:45 on Mon, Tue, Thu, Fri; Wednesday 08:15–12:05. */
    static Map<DayOfWeek, List<OpenSpan>> demoWeek() {
        Map<DayOfWeek, List<OpenSpan>> week = new EnumMap<>(DayOfWeek.class);
        List<OpenSpan> full = List.of(OpenSpan.parse("08:15-12:05"), OpenSpan.parse("13:15-15:45"));
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            week.put(d, full);
        }
        week.put(DayOfWeek.WEDNESDAY, List.of(OpenSpan.parse("08:15-12:05")));
        return week;
    }

    /** Open all day, every day. */
    static Map<DayOfWeek, List<OpenSpan>> allDay() {
        Map<DayOfWeek, List<OpenSpan>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            week.put(d, List.of(OpenSpan.parse("00:00-24:00")));
        }
        return week;
    }

    /** The Flemish holidays of the given school years as closures. */
    static List<ClosedDays> flemish(int... startYears) {
        List<ClosedDays> list = new ArrayList<>();
        Arrays.stream(startYears).forEach(y -> FlemishSchoolHolidays.of(new SchoolYear(y))
                .forEach(h -> list.add(new ClosedDays(h.firstDay(), h.lastDay()))));
        return list;
    }

    static SchoolClock demo() {
        return new SchoolClock(1, BRUSSELS, demoWeek(), flemish(2024, 2025, 2026, 2027));
    }

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BRUSSELS).toInstant();
    }
}
