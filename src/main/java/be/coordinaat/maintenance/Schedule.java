package be.coordinaat.maintenance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The due dates of a plan: every N weeks or N months counted from the start date, or one fixed day each school year.
 * Interval dates are always computed from the start date (never from the previous due date), so a plan starting on
 * 31 January is due on 28/29 February and again on 31 March instead of drifting to the 28th. A fixed day that does
 * not exist in a year (29 February) falls on the last day of that month.
 *
 * @param every the interval in weeks or months; ignored for {@link Recurrence#SCHOOL_YEAR}
 * @param month the month (1–12) of the fixed day; only for {@link Recurrence#SCHOOL_YEAR}
 * @param day   the day of the month (1–31) of the fixed day; only for {@link Recurrence#SCHOOL_YEAR}
 */
public record Schedule(Recurrence recurrence, Integer every, Integer month, Integer day, LocalDate start) {

    public static final int MAX_WEEKS = 520;
    public static final int MAX_MONTHS = 120;

    public Schedule {
        Objects.requireNonNull(recurrence, "recurrence");
        Objects.requireNonNull(start, "start");
        if (recurrence == Recurrence.SCHOOL_YEAR) {
            if (month == null || day == null || month < 1 || month > 12 || day < 1 || day > 31
                    || day > YearMonth.of(2024, month).lengthOfMonth()) {
                throw new IllegalArgumentException("a fixed day needs a valid day and month");
            }
        } else if (every == null || every < 1 || every > (recurrence == Recurrence.WEEKS ? MAX_WEEKS : MAX_MONTHS)) {
            throw new IllegalArgumentException("the interval is out of range");
        }
    }

    /** The first due date on or after {@code from}, never before the start date. */
    public LocalDate firstOnOrAfter(LocalDate from) {
        return firstAfter(from.minusDays(1));
    }

    /** The first due date strictly after {@code after}, never before the start date. */
    public LocalDate firstAfter(LocalDate after) {
        return switch (recurrence) {
            case WEEKS -> {
                if (after.isBefore(start)) {
                    yield start;
                }
                long period = 7L * every;
                long k = ChronoUnit.DAYS.between(start, after) / period + 1;
                yield start.plusDays(k * period);
            }
            case MONTHS -> {
                if (after.isBefore(start)) {
                    yield start;
                }
                long k = Math.max(0, ChronoUnit.MONTHS.between(start, after) / every - 1);
                LocalDate d = start.plusMonths(k * every);
                while (!d.isAfter(after)) {
                    k++;
                    d = start.plusMonths(k * every);
                }
                yield d;
            }
            case SCHOOL_YEAR -> {
                LocalDate base = after.isBefore(start) ? start.minusDays(1) : after;
                LocalDate d = on(base.getYear());
                yield d.isAfter(base) ? d : on(base.getYear() + 1);
            }
        };
    }

    /**
     * The next due date once the occurrence due on {@code due} was completed on {@code doneOn}: the first date after
     * both, so a late completion skips the dates missed meanwhile and an early one does not make the plan due again
     * right away.
     */
    public LocalDate nextAfterCompletion(LocalDate due, LocalDate doneOn) {
        return firstAfter(doneOn.isAfter(due) ? doneOn : due);
    }

    private LocalDate on(int year) {
        YearMonth ym = YearMonth.of(year, month);
        return ym.atDay(Math.min(day, ym.lengthOfMonth()));
    }
}
