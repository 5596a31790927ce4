package be.coordinaat.calendar.clock;

import java.time.LocalTime;

/**
 * One opening span of a weekday in local wall-clock time, as minutes since midnight: {@code opens} in 0..1439,
 * {@code closes} in 1..1440 (1440 is midnight at the end of the day, "24:00"), {@code opens < closes}.
 */
public record OpenSpan(int opens, int closes) implements Comparable<OpenSpan> {

    public static final int END_OF_DAY = 24 * 60;

    public OpenSpan {
        if (opens < 0 || opens >= END_OF_DAY || closes <= opens || closes > END_OF_DAY) {
            throw new IllegalArgumentException("invalid opening span " + opens + "-" + closes);
        }
    }

    /** Parses "08:15-12:05" (a closing time of 24:00 is midnight at the end of the day). */
    public static OpenSpan parse(String text) {
        String[] parts = text.strip().split("\\s*[-–]\\s*");
        if (parts.length != 2) {
            throw new IllegalArgumentException("not a span: " + text);
        }
        return new OpenSpan(minutes(parts[0]), minutes(parts[1]));
    }

    public static OpenSpan of(LocalTime opens, LocalTime closes) {
        return new OpenSpan(opens.getHour() * 60 + opens.getMinute(),
                closes.equals(LocalTime.MIDNIGHT) ? END_OF_DAY : closes.getHour() * 60 + closes.getMinute());
    }

    /** "HH:mm" (00:00 to 24:00) as minutes since midnight; -1 when the text is no such time. */
    public static int minutesOrInvalid(String text) {
        if (text == null || !text.strip().matches("\\d{1,2}:\\d{2}")) {
            return -1;
        }
        String[] hm = text.strip().split(":");
        int h = Integer.parseInt(hm[0]);
        int m = Integer.parseInt(hm[1]);
        if (m > 59 || h > 24 || (h == 24 && m != 0)) {
            return -1;
        }
        return h * 60 + m;
    }

    private static int minutes(String text) {
        int value = minutesOrInvalid(text);
        if (value < 0) {
            throw new IllegalArgumentException("not a time: " + text);
        }
        return value;
    }

    public static String format(int minutes) {
        return String.format("%02d:%02d", minutes / 60, minutes % 60);
    }

    public String opensText() {
        return format(opens);
    }

    public String closesText() {
        return format(closes);
    }

    public int minutes() {
        return closes - opens;
    }

    public boolean overlaps(OpenSpan other) {
        return opens < other.closes && other.opens < closes;
    }

    @Override
    public int compareTo(OpenSpan o) {
        return opens != o.opens ? Integer.compare(opens, o.opens) : Integer.compare(closes, o.closes);
    }

    @Override
    public String toString() {
        return opensText() + "-" + closesText();
    }
}
