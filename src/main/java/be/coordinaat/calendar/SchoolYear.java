package be.coordinaat.calendar;

import java.time.LocalDate;
import java.time.Month;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Flemish school year: 1 September to 31 August of the next year, written "2025-2026".
 *
 * @param startYear the calendar year in which the school year starts (2025 for 2025-2026)
 */
public record SchoolYear(int startYear) implements Comparable<SchoolYear> {

    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2200;
    private static final Pattern LABEL = Pattern.compile("(\\d{4})\\s*[-/]\\s*(\\d{4})");

    public SchoolYear {
        if (startYear < MIN_YEAR || startYear > MAX_YEAR) {
            throw new IllegalArgumentException("school year out of range: " + startYear);
        }
    }

    /** The school year that contains {@code date}. */
    public static SchoolYear containing(LocalDate date) {
        return new SchoolYear(date.getMonthValue() >= Month.SEPTEMBER.getValue() ? date.getYear() : date.getYear() - 1);
    }

    /**
     * Parses "2026-2027" (or "2026/2027"); the second year must follow the first.
     *
     * @throws IllegalArgumentException when the text is no school year
     */
    public static SchoolYear parse(String text) {
        Matcher m = text == null ? null : LABEL.matcher(text.strip());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("not a school year: " + text);
        }
        int start = Integer.parseInt(m.group(1));
        if (Integer.parseInt(m.group(2)) != start + 1) {
            throw new IllegalArgumentException("not a school year: " + text);
        }
        return new SchoolYear(start);
    }

    /** 1 September. */
    public LocalDate firstDay() {
        return LocalDate.of(startYear, Month.SEPTEMBER, 1);
    }

    /** 31 August of the next year. */
    public LocalDate lastDay() {
        return LocalDate.of(startYear + 1, Month.AUGUST, 31);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(firstDay()) && !date.isAfter(lastDay());
    }

    public SchoolYear next() {
        return new SchoolYear(startYear + 1);
    }

    public SchoolYear previous() {
        return new SchoolYear(startYear - 1);
    }

    /** "2025-2026". */
    public String label() {
        return startYear + "-" + (startYear + 1);
    }

    @Override
    public int compareTo(SchoolYear o) {
        return Integer.compare(startYear, o.startYear);
    }

    @Override
    public String toString() {
        return label();
    }
}
