package be.coordinaat.budget;

import java.time.LocalDate;

/** The period of a budget year: a school year (1 September to 31 August, the default) or a calendar year. */
public enum YearKind {
    SCHOOL_YEAR, CALENDAR_YEAR;

    public LocalDate start(int year) {
        return this == SCHOOL_YEAR ? LocalDate.of(year, 9, 1) : LocalDate.of(year, 1, 1);
    }

    public LocalDate end(int year) {
        return start(year).plusYears(1).minusDays(1);
    }

    /** "2025-2026" for a school year, "2026" for a calendar year. */
    public String label(int year) {
        return this == SCHOOL_YEAR ? year + "-" + (year + 1) : String.valueOf(year);
    }

    /** The first calendar year of the period that contains {@code date}. */
    public int yearOf(LocalDate date) {
        return this == SCHOOL_YEAR && date.getMonthValue() < 9 ? date.getYear() - 1 : date.getYear();
    }
}
