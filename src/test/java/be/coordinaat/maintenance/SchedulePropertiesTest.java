package be.coordinaat.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of every schedule: the next date is strictly after the last, on the schedule, and never skips one. */
class SchedulePropertiesTest {

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.longs().between(LocalDate.of(2000, 1, 1).toEpochDay(), LocalDate.of(2150, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
    }

    @Provide
    Arbitrary<Schedule> schedules() {
        Arbitrary<Schedule> weeks = Combinators.combine(Arbitraries.integers().between(1, Schedule.MAX_WEEKS), dates())
                .as((n, start) -> new Schedule(Recurrence.WEEKS, n, null, null, start));
        Arbitrary<Schedule> months = Combinators.combine(Arbitraries.integers().between(1, Schedule.MAX_MONTHS), dates())
                .as((n, start) -> new Schedule(Recurrence.MONTHS, n, null, null, start));
        Arbitrary<Schedule> yearly = Combinators.combine(Arbitraries.integers().between(1, 12), Arbitraries.integers().between(1, 31), dates())
                .filter((m, day, start) -> day <= YearMonth.of(2024, m).lengthOfMonth())
                .as((m, day, start) -> new Schedule(Recurrence.SCHOOL_YEAR, null, m, day, start));
        return Arbitraries.oneOf(weeks, months, yearly);
    }

    @Property(tries = 2000)
    void theNextDateIsStrictlyAfterTheLastAndNotBeforeTheStart(@ForAll("schedules") Schedule s, @ForAll("dates") LocalDate after) {
        LocalDate next = s.firstAfter(after);
        assertThat(next).isAfter(after);
        assertThat(next).isAfterOrEqualTo(s.start());
        assertThat(s.firstOnOrAfter(after)).isAfterOrEqualTo(after);
    }

    @Property(tries = 2000)
    void theNextDateAfterACompletionIsAfterBothTheDueDateAndTheDay(@ForAll("schedules") Schedule s,
            @ForAll("dates") LocalDate doneOn, @ForAll @IntRange(min = 0, max = 30) int previous) {
        LocalDate due = s.firstOnOrAfter(s.start());
        for (int i = 0; i < previous; i++) {
            due = s.firstAfter(due);
        }
        LocalDate next = s.nextAfterCompletion(due, doneOn);
        assertThat(next).isAfter(due).isAfter(doneOn);
        assertThat(s.firstAfter(next.minusDays(1))).as("the next date is itself a date of the schedule").isEqualTo(next);
    }

    @Property(tries = 1000)
    void noScheduledDateIsSkipped(@ForAll("schedules") Schedule s, @ForAll("dates") LocalDate after) {
        LocalDate next = s.firstAfter(after);
        // nothing of the schedule lies strictly between 'after' and 'next'
        if (ChronoUnit.DAYS.between(after, next) > 1) {
            assertThat(s.firstAfter(after.plusDays(1))).isEqualTo(next);
        }
    }

    @Property(tries = 1000)
    void intervalDatesKeepTheirDistanceFromTheStart(@ForAll("dates") LocalDate start, @ForAll @IntRange(min = 1, max = 120) int n,
            @ForAll @IntRange(min = 0, max = 100) int k) {
        Schedule months = new Schedule(Recurrence.MONTHS, n, null, null, start);
        LocalDate kth = start.plusMonths((long) k * n);
        assertThat(months.firstAfter(kth.minusDays(1))).isEqualTo(kth);
        assertThat(kth.getDayOfMonth()).isEqualTo(Math.min(start.getDayOfMonth(), YearMonth.from(kth).lengthOfMonth()));
    }

    @Property(tries = 500)
    void aSchoolYearDateFallsOnItsDayEveryYear(@ForAll @IntRange(min = 1, max = 12) int month,
            @ForAll @IntRange(min = 1, max = 28) int day, @ForAll("dates") LocalDate after) {
        Schedule s = new Schedule(Recurrence.SCHOOL_YEAR, null, month, day, LocalDate.of(2000, 1, 1));
        LocalDate next = s.firstAfter(after);
        assertThat(next.getMonthValue()).isEqualTo(month);
        assertThat(next.getDayOfMonth()).isEqualTo(day);
        assertThat(ChronoUnit.DAYS.between(after, next)).isBetween(1L, 366L);
    }
}
