package be.coordinaat.calendar;

import static be.coordinaat.calendar.Clocks.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.coordinaat.calendar.clock.OpenSpan;
import be.coordinaat.calendar.clock.SchoolClock;
import be.coordinaat.calendar.clock.SchoolClock.ClosedDays;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The business clock, without Spring: weekends, holidays, split days, DST, edges. */
class SchoolClockTest {

    private final SchoolClock clock = Clocks.demo();

    private static Duration min(long minutes) {
        return Duration.ofMinutes(minutes);
    }

    @Test
    void startInsideHours() {
        assertThat(clock.addBusinessTime(at("2025-03-10T09:00"), Duration.ofHours(1))).isEqualTo(at("2025-03-10T10:00"));
        assertThat(clock.isOpen(at("2025-03-10T09:00"))).isTrue();
    }

    @Test
    void startBeforeOpeningCountsFromTheOpening() {
        assertThat(clock.addBusinessTime(at("2025-03-10T07:00"), min(30))).isEqualTo(at("2025-03-10T08:45"));
        assertThat(clock.addBusinessTime(at("2025-03-10T12:30"), min(30))).isEqualTo(at("2025-03-10T13:45"));
    }

    @Test
    void splitDaySkipsLunch() {
        assertThat(clock.addBusinessTime(at("2025-03-10T11:35"), Duration.ofHours(1))).isEqualTo(at("2025-03-10T13:45"));
        assertThat(clock.businessTimeBetween(at("2025-03-10T11:35"), at("2025-03-10T13:45"))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void targetAtClosingTimeIsTheClosingTime() {
        assertThat(clock.addBusinessTime(at("2025-03-10T12:00"), min(5))).isEqualTo(at("2025-03-10T12:05"));
        assertThat(clock.addBusinessTime(at("2025-03-10T12:00"), min(6))).isEqualTo(at("2025-03-10T13:16"));
    }

    @Test
    void overTheWeekend() {
        // Friday 14 March 2025 15:00: 45 minutes left, then Monday 08:15
        assertThat(clock.addBusinessTime(at("2025-03-14T15:00"), Duration.ofHours(1))).isEqualTo(at("2025-03-17T08:30"));
        assertThat(clock.addBusinessTime(at("2025-03-15T10:00"), min(10))).isEqualTo(at("2025-03-17T08:25"));
        assertThat(clock.businessTimeBetween(at("2025-03-14T15:00"), at("2025-03-17T08:30"))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void wednesdayAfternoonIsClosed() {
        // Wednesday 12 March 2025 11:00: 65 minutes until 12:05, then Thursday 08:15 + 55
        assertThat(clock.addBusinessTime(at("2025-03-12T11:00"), Duration.ofHours(2))).isEqualTo(at("2025-03-13T09:10"));
        assertThat(clock.isOpen(at("2025-03-12T14:00"))).isFalse();
        assertThat(clock.nextOpening(at("2025-03-12T14:00"))).contains(at("2025-03-13T08:15"));
    }

    @Test
    void overASchoolHoliday() {
        // krokusvakantie 16–22 February 2026
        assertThat(clock.addBusinessTime(at("2026-02-13T15:00"), Duration.ofHours(1))).isEqualTo(at("2026-02-23T08:30"));
        assertThat(clock.isOpen(at("2026-02-17T10:00"))).isFalse();
        assertThat(clock.isClosedDay(LocalDate.parse("2026-02-22"))).isTrue();
        assertThat(clock.businessTimeBetween(at("2026-02-16T00:00"), at("2026-02-23T00:00"))).isZero();
    }

    @Test
    void longDurationOverTheSummer() {
        // Tuesday 30 June 2026 15:00: 45 minutes, summer 1 Jul–31 Aug, Tue 1 Sep 380 minutes, Wed 2 Sep 175 minutes
        Instant due = clock.addBusinessTime(at("2026-06-30T15:00"), Duration.ofHours(10));
        assertThat(due).isEqualTo(at("2026-09-02T11:10"));
        assertThat(clock.businessTimeBetween(at("2026-06-30T15:00"), due)).isEqualTo(Duration.ofHours(10));
    }

    @Test
    void aWholeWeekOfOpenTime() {
        // Monday 10 – Sunday 16 March 2025: 4 × 6h20 + 3h50
        assertThat(clock.businessTimeBetween(at("2025-03-10T00:00"), at("2025-03-17T00:00")))
                .isEqualTo(min(4 * 380 + 230));
        // a long duration: 100 weeks of open time lands on an open instant, and counts back exactly
        Instant due = clock.addBusinessTime(at("2025-03-10T08:15"), min(100 * 1750));
        assertThat(clock.businessTimeBetween(at("2025-03-10T08:15"), due)).isEqualTo(min(100 * 1750));
    }

    @Test
    void zeroDurationIsTheStartItself() {
        assertThat(clock.addBusinessTime(at("2025-03-15T10:00"), Duration.ZERO)).isEqualTo(at("2025-03-15T10:00"));
        assertThat(clock.businessTimeBetween(at("2025-03-10T10:00"), at("2025-03-10T10:00"))).isZero();
        assertThat(clock.businessTimeBetween(at("2025-03-10T11:00"), at("2025-03-10T10:00"))).isZero();
    }

    @Test
    void negativeDurationIsRefused() {
        assertThatThrownBy(() -> clock.addBusinessTime(at("2025-03-10T10:00"), min(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void openingIncludedClosingExcluded() {
        assertThat(clock.isOpen(at("2025-03-10T08:15"))).isTrue();
        assertThat(clock.isOpen(at("2025-03-10T08:14:59"))).isFalse();
        assertThat(clock.isOpen(at("2025-03-10T12:05"))).isFalse();
        assertThat(clock.nextOpening(at("2025-03-10T12:05"))).contains(at("2025-03-10T13:15"));
        assertThat(clock.nextOpening(at("2025-03-10T09:30"))).contains(at("2025-03-10T09:30"));
        assertThat(clock.nextOpening(at("2025-03-15T09:30"))).contains(at("2025-03-17T08:15"));
    }

    @Test
    void daylightSavingTimeStartsAcrossTheWeekend() {
        // Friday 27 March 2026 15:00 CET + 1 h: Monday 30 March 08:30 CEST (06:30 UTC)
        Instant due = clock.addBusinessTime(at("2026-03-27T15:00"), Duration.ofHours(1));
        assertThat(due).isEqualTo(Instant.parse("2026-03-30T06:30:00Z"));
        assertThat(clock.businessTimeBetween(at("2026-03-27T15:00"), due)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void daylightSavingTimeIsExactInBothDirections() {
        SchoolClock always = new SchoolClock(2, Clocks.BRUSSELS, Clocks.allDay(), List.of());
        // Sunday 29 March 2026 has 23 hours, Sunday 25 October 2026 has 25
        assertThat(always.businessTimeBetween(at("2026-03-29T00:00"), at("2026-03-30T00:00"))).isEqualTo(Duration.ofHours(23));
        assertThat(always.businessTimeBetween(at("2026-10-25T00:00"), at("2026-10-26T00:00"))).isEqualTo(Duration.ofHours(25));
        // 24 hours of open time from Saturday noon CET end at Sunday 13:00 CEST
        assertThat(always.addBusinessTime(at("2026-03-28T12:00"), Duration.ofHours(24))).isEqualTo(at("2026-03-29T13:00"));
        // and from Saturday noon CEST at Sunday 11:00 CET
        assertThat(always.addBusinessTime(at("2026-10-24T12:00"), Duration.ofHours(24))).isEqualTo(at("2026-10-25T11:00"));
        // in the autumn overlap the clock keeps counting real time
        Instant firstTwoThirty = Instant.parse("2026-10-25T00:30:00Z"); // 02:30 CEST
        assertThat(always.addBusinessTime(firstTwoThirty, Duration.ofHours(1))).isEqualTo(Instant.parse("2026-10-25T01:30:00Z"));
    }

    @Test
    void nightSpanOnTheDaylightSavingDays() {
        Map<DayOfWeek, List<OpenSpan>> night = Map.of(DayOfWeek.SUNDAY, List.of(OpenSpan.parse("01:00-04:00")));
        SchoolClock clock = new SchoolClock(3, Clocks.BRUSSELS, night, List.of());
        // spring: 01:00 CET to 04:00 CEST is two real hours; autumn: 01:00 CEST to 04:00 CET is four
        assertThat(clock.businessTimeBetween(at("2026-03-29T00:00"), at("2026-03-30T00:00"))).isEqualTo(Duration.ofHours(2));
        assertThat(clock.businessTimeBetween(at("2026-10-25T00:00"), at("2026-10-26T00:00"))).isEqualTo(Duration.ofHours(4));
        assertThat(clock.addBusinessTime(at("2026-10-25T01:00"), Duration.ofHours(4))).isEqualTo(at("2026-10-25T04:00"));
    }

    @Test
    void anotherTimeZone() {
        SchoolClock tokyo = new SchoolClock(4, ZoneId.of("Asia/Tokyo"), Clocks.demoWeek(), List.of());
        assertThat(tokyo.addBusinessTime(Instant.parse("2025-03-10T00:00:00Z"), min(10)))
                .isEqualTo(Instant.parse("2025-03-10T00:10:00Z")); // 09:00 in Tokyo: open
    }

    @Test
    void aSchoolThatIsNeverOpen() {
        SchoolClock never = new SchoolClock(5, Clocks.BRUSSELS, Map.of(), List.of());
        assertThatThrownBy(() -> never.addBusinessTime(at("2025-03-10T10:00"), min(1)))
                .isInstanceOf(NeverOpenException.class)
                .satisfies(e -> assertThat(((NeverOpenException) e).schoolId()).isEqualTo(5));
        assertThat(never.nextOpening(at("2025-03-10T10:00"))).isEmpty();
        assertThat(never.isOpen(at("2025-03-10T10:00"))).isFalse();
        assertThat(never.businessTimeBetween(at("2025-03-10T00:00"), at("2026-03-10T00:00"))).isZero();
    }

    @Test
    void closedForLongerThanTheSearchLimit() {
        SchoolClock closed = new SchoolClock(6, Clocks.BRUSSELS, Clocks.demoWeek(),
                List.of(new ClosedDays(LocalDate.parse("2025-01-01"), LocalDate.parse("2029-12-31"))));
        long started = System.nanoTime();
        assertThatThrownBy(() -> closed.addBusinessTime(at("2025-03-10T10:00"), min(1))).isInstanceOf(NeverOpenException.class);
        assertThat(closed.nextOpening(at("2025-03-10T10:00"))).isEmpty();
        // after the closure it opens again
        assertThat(closed.nextOpening(at("2029-12-31T10:00"))).contains(at("2030-01-01T08:15"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void overlappingAndAdjacentClosuresMerge() {
        SchoolClock c = new SchoolClock(7, Clocks.BRUSSELS, Clocks.demoWeek(), List.of(
                new ClosedDays(LocalDate.parse("2025-03-10"), LocalDate.parse("2025-03-12")),
                new ClosedDays(LocalDate.parse("2025-03-11"), LocalDate.parse("2025-03-11")),
                new ClosedDays(LocalDate.parse("2025-03-13"), LocalDate.parse("2025-03-13"))));
        assertThat(c.nextOpening(at("2025-03-10T09:00"))).contains(at("2025-03-14T08:15"));
    }

    @Test
    void spansMustNotOverlap() {
        assertThatThrownBy(() -> new SchoolClock(8, Clocks.BRUSSELS,
                Map.of(DayOfWeek.MONDAY, List.of(OpenSpan.parse("08:00-12:00"), OpenSpan.parse("11:00-13:00"))), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OpenSpan.parse("12:00-08:00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OpenSpan.parse("24:00-24:00")).isInstanceOf(IllegalArgumentException.class);
        assertThat(OpenSpan.parse("00:00-24:00").minutes()).isEqualTo(1440);
    }

    @Test
    void fastEnoughForSchedulers() {
        long started = System.nanoTime();
        Instant t = at("2025-09-01T08:00");
        for (int i = 0; i < 20_000; i++) {
            Instant start = t.plusSeconds(i * 3_607L);
            Instant due = clock.addBusinessTime(start, Duration.ofHours(8));
            assertThat(clock.businessTimeBetween(start, due)).isEqualTo(Duration.ofHours(8));
        }
        for (int i = 0; i < 1_000; i++) {
            // ranges of up to 2.3 years
            clock.businessTimeBetween(t, t.plusSeconds(i * 72_000L));
            clock.addBusinessTime(t, Duration.ofHours(i));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10)); // about 0.3 s on an idle core; the build machine is shared
    }
}
