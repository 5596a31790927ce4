package be.coordinaat.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.calendar.clock.OpenSpan;
import be.coordinaat.calendar.clock.SchoolClock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** Properties of the business clock over random instants (2024–2028, across DST and holidays) and durations. */
class SchoolClockProperties {

    private static final long FROM = Instant.parse("2024-09-01T00:00:00Z").getEpochSecond();
    private static final long TO = Instant.parse("2028-06-01T00:00:00Z").getEpochSecond();
    private final SchoolClock demo = Clocks.demo();

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(FROM, TO).map(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<Duration> durations() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(0, 3 * 3600).map(Duration::ofSeconds),
                Arbitraries.longs().between(0, 2000 * 60).map(Duration::ofMinutes));
    }

    /** A random week: per weekday up to three spans, on quarter hours, possibly 24:00. */
    @Provide
    Arbitrary<SchoolClock> clocks() {
        Arbitrary<List<OpenSpan>> day = Arbitraries.integers().between(0, 96).list().ofMaxSize(6).map(points -> {
            List<Integer> sorted = points.stream().distinct().sorted().toList();
            List<OpenSpan> spans = new ArrayList<>();
            for (int i = 0; i + 1 < sorted.size(); i += 2) {
                spans.add(new OpenSpan(sorted.get(i) * 15, sorted.get(i + 1) * 15));
            }
            return spans;
        });
        return Combinators.combine(day.list().ofSize(7), Arbitraries.of(2024, 2025, 2026).list().ofMaxSize(2))
                .as((days, years) -> {
                    Map<DayOfWeek, List<OpenSpan>> week = new EnumMap<>(DayOfWeek.class);
                    for (DayOfWeek d : DayOfWeek.values()) {
                        week.put(d, days.get(d.ordinal()));
                    }
                    week.put(DayOfWeek.TUESDAY, List.of(OpenSpan.parse("10:00-11:00"))); // never closed for ever
                    return new SchoolClock(9, Clocks.BRUSSELS, week,
                            Clocks.flemish(years.stream().mapToInt(Integer::intValue).toArray()));
                });
    }

    @Property(tries = 500)
    void addThenMeasureGivesTheDuration(@ForAll("instants") Instant a, @ForAll("durations") Duration d) {
        Instant due = demo.addBusinessTime(a, d);
        assertThat(demo.businessTimeBetween(a, due)).isEqualTo(d);
        assertThat(due).isAfterOrEqualTo(a);
    }

    @Property(tries = 300)
    void addThenMeasureOnRandomWeeks(@ForAll("clocks") SchoolClock clock, @ForAll("instants") Instant a,
            @ForAll("durations") Duration d) {
        Instant due = clock.addBusinessTime(a, d);
        assertThat(clock.businessTimeBetween(a, due)).isEqualTo(d);
        if (!d.isZero()) {
            // the earliest such instant: just before it, less than d has passed
            assertThat(clock.businessTimeBetween(a, due.minusNanos(1))).isLessThan(d);
        }
    }

    @Property(tries = 300)
    void monotoneInTheStartAndTheDuration(@ForAll("instants") Instant a, @ForAll @LongRange(min = 0, max = 500_000) long shift,
            @ForAll("durations") Duration d, @ForAll("durations") Duration e) {
        Instant b = a.plusSeconds(shift);
        assertThat(demo.addBusinessTime(b, d)).isAfterOrEqualTo(demo.addBusinessTime(a, d));
        Duration shorter = d.compareTo(e) <= 0 ? d : e;
        Duration longer = d.compareTo(e) <= 0 ? e : d;
        assertThat(demo.addBusinessTime(a, longer)).isAfterOrEqualTo(demo.addBusinessTime(a, shorter));
    }

    @Property(tries = 300)
    void betweenIsAdditive(@ForAll("instants") Instant a, @ForAll @LongRange(min = 0, max = 2_000_000) long x,
            @ForAll @LongRange(min = 0, max = 2_000_000) long y) {
        Instant b = a.plusSeconds(x);
        Instant c = b.plusSeconds(y);
        assertThat(demo.businessTimeBetween(a, c)).isEqualTo(demo.businessTimeBetween(a, b).plus(demo.businessTimeBetween(b, c)));
        assertThat(demo.businessTimeBetween(a, b)).isLessThanOrEqualTo(Duration.ofSeconds(x));
    }

    @Property(tries = 300)
    void nextOpeningAgreesWithIsOpen(@ForAll("clocks") SchoolClock clock, @ForAll("instants") Instant a) {
        Instant next = clock.nextOpening(a).orElseThrow();
        assertThat(clock.isOpen(next)).isTrue();
        assertThat(next.equals(a)).isEqualTo(clock.isOpen(a));
        assertThat(clock.businessTimeBetween(a, next)).isZero();
    }

    @Property(tries = 200)
    void alwaysOpenCountsRealTime(@ForAll("instants") Instant a, @ForAll("durations") Duration d) {
        SchoolClock always = new SchoolClock(10, Clocks.BRUSSELS, Clocks.allDay(), List.of());
        assertThat(always.addBusinessTime(a, d)).isEqualTo(a.plus(d));
    }
}
