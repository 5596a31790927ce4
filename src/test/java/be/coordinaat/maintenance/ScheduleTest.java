package be.coordinaat.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The recurrence rules, with the dates people ask about. */
class ScheduleTest {

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void monthsAreCountedFromTheStartSoTheEndOfTheMonthDoesNotDrift() {
        Schedule s = new Schedule(Recurrence.MONTHS, 1, null, null, d("2025-01-31"));
        assertThat(s.firstAfter(d("2025-01-31"))).isEqualTo(d("2025-02-28"));
        assertThat(s.firstAfter(d("2025-02-28"))).isEqualTo(d("2025-03-31"));
        assertThat(s.firstAfter(d("2025-03-31"))).isEqualTo(d("2025-04-30"));
        assertThat(new Schedule(Recurrence.MONTHS, 1, null, null, d("2024-01-31")).firstAfter(d("2024-01-31")))
                .as("leap year").isEqualTo(d("2024-02-29"));
        assertThat(new Schedule(Recurrence.MONTHS, 3, null, null, d("2025-11-30")).firstAfter(d("2025-11-30")))
                .isEqualTo(d("2026-02-28"));
    }

    @Test
    void weeksAreCountedFromTheStart() {
        Schedule s = new Schedule(Recurrence.WEEKS, 2, null, null, d("2025-09-01"));
        assertThat(s.firstOnOrAfter(d("2025-09-01"))).isEqualTo(d("2025-09-01"));
        assertThat(s.firstAfter(d("2025-09-01"))).isEqualTo(d("2025-09-15"));
        assertThat(s.firstAfter(d("2025-09-14"))).isEqualTo(d("2025-09-15"));
        assertThat(s.firstAfter(d("2025-09-15"))).isEqualTo(d("2025-09-29"));
        assertThat(s.firstAfter(d("2025-08-01"))).as("before the start").isEqualTo(d("2025-09-01"));
    }

    @Test
    void aFixedSchoolYearDayRollsOverToNextYear() {
        Schedule s = new Schedule(Recurrence.SCHOOL_YEAR, null, 8, 15, d("2025-06-01"));
        assertThat(s.firstOnOrAfter(d("2025-06-01"))).isEqualTo(d("2025-08-15"));
        assertThat(s.firstAfter(d("2025-08-14"))).isEqualTo(d("2025-08-15"));
        assertThat(s.firstAfter(d("2025-08-15"))).isEqualTo(d("2026-08-15"));
        assertThat(s.firstAfter(d("2025-12-31"))).isEqualTo(d("2026-08-15"));
        // done late (3 September) or early (1 August): the next one is next year's
        assertThat(s.nextAfterCompletion(d("2025-08-15"), d("2025-09-03"))).isEqualTo(d("2026-08-15"));
        assertThat(s.nextAfterCompletion(d("2025-08-15"), d("2025-08-01"))).isEqualTo(d("2026-08-15"));
        // a start after this year's date begins next year
        assertThat(new Schedule(Recurrence.SCHOOL_YEAR, null, 8, 15, d("2025-09-01")).firstOnOrAfter(d("2025-09-01")))
                .isEqualTo(d("2026-08-15"));
    }

    @Test
    void the29thOfFebruaryFallsOnThe28thInOtherYears() {
        Schedule s = new Schedule(Recurrence.SCHOOL_YEAR, null, 2, 29, d("2024-01-01"));
        assertThat(s.firstOnOrAfter(d("2024-01-01"))).isEqualTo(d("2024-02-29"));
        assertThat(s.firstAfter(d("2024-02-29"))).isEqualTo(d("2025-02-28"));
        assertThat(s.firstAfter(d("2027-02-28"))).isEqualTo(d("2028-02-29"));
    }

    @Test
    void aLateCompletionSkipsTheDatesMissedMeanwhile() {
        Schedule s = new Schedule(Recurrence.MONTHS, 1, null, null, d("2025-01-01"));
        assertThat(s.nextAfterCompletion(d("2025-01-01"), d("2025-04-10"))).isEqualTo(d("2025-05-01"));
        assertThat(s.nextAfterCompletion(d("2025-01-01"), d("2024-12-20"))).as("done early").isEqualTo(d("2025-02-01"));
    }

    @Test
    void invalidSchedulesAreRefused() {
        assertThatThrownBy(() -> new Schedule(Recurrence.MONTHS, 0, null, null, d("2025-01-01"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Schedule(Recurrence.WEEKS, null, null, null, d("2025-01-01"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Schedule(Recurrence.SCHOOL_YEAR, null, 2, 30, d("2025-01-01"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Schedule(Recurrence.SCHOOL_YEAR, null, 13, 1, d("2025-01-01"))).isInstanceOf(IllegalArgumentException.class);
    }
}
