package be.coordinaat.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The official holidays and public holidays of Flemish (Dutch-speaking community) schools for a school year,
 * computed from the rules of the Flemish government's decision on the holiday scheme in education (Besluit van de
 * Vlaamse Regering van 17 april 1991, as amended) and from the date of Easter:
 * <ul>
 * <li>autumn break (herfstvakantie): one week from the Monday of the week in which 1 November falls; when 1 November
 *     is a Sunday, from Monday 2 November;</li>
 * <li>Armistice (Wapenstilstand): 11 November;</li>
 * <li>Christmas break (kerstvakantie): two weeks from the Monday of the week in which Christmas falls; when Christmas
 *     is a Saturday or Sunday, from the Monday after it;</li>
 * <li>spring break (krokusvakantie): one week from the seventh Monday before Easter;</li>
 * <li>Easter break (paasvakantie): two weeks from the first Monday of April; from Easter Monday when Easter falls in
 *     March; from the second Monday before Easter when Easter falls after 15 April (Easter Monday then follows the
 *     break as a public holiday of its own);</li>
 * <li>Labour Day (1 May), Ascension Day (Easter + 39 days) with the Friday after it, Whit Monday (Easter + 50);</li>
 * <li>summer break (zomervakantie): 1 July to 31 August.</li>
 * </ul>
 * These rules reproduce the calendars the Flemish schools published for 2022-2023 to 2025-2026. The French-speaking
 * community's reform of 2022 (two-week autumn break, summer from the first Friday of July) does <em>not</em> apply
 * to Flemish schools. Pedagogical study days and optional days off are chosen per school and are not generated.
 */
public final class FlemishSchoolHolidays {

    private FlemishSchoolHolidays() {}

    /** One generated closed period, with its official Dutch name. */
    public record Holiday(String name, ClosureKind kind, LocalDate firstDay, LocalDate lastDay) {}

    /** Easter Sunday of a year (Gregorian calendar), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }

    /** The holidays of the school year, in date order. */
    public static List<Holiday> of(SchoolYear schoolYear) {
        int y1 = schoolYear.startYear();
        int y2 = y1 + 1;
        LocalDate easter = easterSunday(y2);
        List<Holiday> list = new ArrayList<>();

        LocalDate allSaints = LocalDate.of(y1, Month.NOVEMBER, 1);
        LocalDate autumn = allSaints.getDayOfWeek() == DayOfWeek.SUNDAY ? allSaints.plusDays(1)
                : allSaints.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        list.add(new Holiday("Herfstvakantie", ClosureKind.HOLIDAY, autumn, autumn.plusDays(6)));
        list.add(day("Wapenstilstand", ClosureKind.PUBLIC_HOLIDAY, LocalDate.of(y1, Month.NOVEMBER, 11)));

        LocalDate christmas = LocalDate.of(y1, Month.DECEMBER, 25);
        LocalDate winter = christmas.getDayOfWeek().getValue() >= DayOfWeek.SATURDAY.getValue()
                ? christmas.with(TemporalAdjusters.next(DayOfWeek.MONDAY))
                : christmas.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        list.add(new Holiday("Kerstvakantie", ClosureKind.HOLIDAY, winter, winter.plusDays(13)));

        LocalDate carnival = easter.minusWeeks(7).plusDays(1);
        list.add(new Holiday("Krokusvakantie", ClosureKind.HOLIDAY, carnival, carnival.plusDays(6)));

        LocalDate easterMonday = easter.plusDays(1);
        LocalDate spring;
        if (easter.getMonth() == Month.MARCH) {
            spring = easterMonday;
        } else if (easter.getDayOfMonth() > 15) {
            spring = easter.minusWeeks(2).plusDays(1);
        } else {
            spring = LocalDate.of(y2, Month.APRIL, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
        }
        LocalDate springEnd = spring.plusDays(13);
        list.add(new Holiday("Paasvakantie", ClosureKind.HOLIDAY, spring, springEnd));
        if (easterMonday.isAfter(springEnd) || easterMonday.isBefore(spring)) {
            list.add(day("Paasmaandag", ClosureKind.PUBLIC_HOLIDAY, easterMonday));
        }
        list.add(day("Dag van de Arbeid", ClosureKind.PUBLIC_HOLIDAY, LocalDate.of(y2, Month.MAY, 1)));
        LocalDate ascension = easter.plusDays(39);
        list.add(day("Hemelvaartsdag", ClosureKind.PUBLIC_HOLIDAY, ascension));
        list.add(day("Vrijdag na Hemelvaart", ClosureKind.BRIDGE_DAY, ascension.plusDays(1)));
        list.add(day("Pinkstermaandag", ClosureKind.PUBLIC_HOLIDAY, easter.plusDays(50)));
        list.add(new Holiday("Zomervakantie", ClosureKind.HOLIDAY, LocalDate.of(y2, Month.JULY, 1),
                LocalDate.of(y2, Month.AUGUST, 31)));
        list.sort((a, b) -> a.firstDay().compareTo(b.firstDay()));
        return List.copyOf(list);
    }

    private static Holiday day(String name, ClosureKind kind, LocalDate date) {
        return new Holiday(name, kind, date, date);
    }
}
