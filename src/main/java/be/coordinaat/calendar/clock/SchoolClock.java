package be.coordinaat.calendar.clock;

import be.coordinaat.calendar.NeverOpenException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The business clock of one school: weekly opening spans in local wall-clock time, whole closed days (holidays,
 * study days, bridge days) and the school's time zone. Immutable and thread-safe; built once per school and cached.
 *
 * <p>All arithmetic is on {@link Instant}s: each open span of a local date is converted with the school's
 * {@link ZoneId}, so the days on which summer time starts (23 hours) or ends (25 hours) count exactly the real time
 * that passes. A wall-clock time that does not exist (inside the spring-forward gap) is moved forward by the length
 * of the gap, a time that exists twice (autumn overlap) is its earlier occurrence — the {@link ZonedDateTime#of}
 * rules. The clock walks day by day and jumps over closures, never minute by minute.
 */
public final class SchoolClock {

    /** How far the clock looks for open time before it gives up: three years without a single open minute. */
    public static final int SEARCH_YEARS = 3;
    private static final long SEARCH_DAYS = SEARCH_YEARS * 366L;
    /** Ranges longer than this are refused by {@link #businessTimeBetween} (a guard against absurd input). */
    private static final long MAX_RANGE_DAYS = 100L * 366;

    /** A closed period of whole local days, both ends included. */
    public record ClosedDays(LocalDate first, LocalDate last) {
        public ClosedDays {
            Objects.requireNonNull(first);
            Objects.requireNonNull(last);
            if (last.isBefore(first)) {
                throw new IllegalArgumentException("closure ends before it starts: " + first + " " + last);
            }
        }
    }

    private final long schoolId;
    private final ZoneId zone;
    private final OpenSpan[][] week = new OpenSpan[7][];
    /** Merged closures: first day to last day, disjoint and not adjacent. */
    private final TreeMap<LocalDate, LocalDate> closed = new TreeMap<>();
    private final boolean neverOpen;
    /** The open time of each weekday on a day without a clock change. */
    private final Duration[] standardDay = new Duration[7];
    private final int[] standardMinutes = new int[7];
    /** Per year, the local dates on which the zone's offset changes (daylight saving time). */
    private final java.util.concurrent.ConcurrentHashMap<Integer, java.util.Set<LocalDate>> changeDays =
            new java.util.concurrent.ConcurrentHashMap<>();

    public SchoolClock(long schoolId, ZoneId zone, Map<DayOfWeek, ? extends Collection<OpenSpan>> hours,
            Collection<ClosedDays> closures) {
        this.schoolId = schoolId;
        this.zone = Objects.requireNonNull(zone);
        boolean any = false;
        for (DayOfWeek day : DayOfWeek.values()) {
            Collection<OpenSpan> given = hours.get(day);
            List<OpenSpan> spans = given == null ? new ArrayList<>() : new ArrayList<>(given);
            spans.sort(null);
            for (int i = 1; i < spans.size(); i++) {
                if (spans.get(i - 1).overlaps(spans.get(i))) {
                    throw new IllegalArgumentException("overlapping spans on " + day + ": " + spans);
                }
            }
            week[day.ordinal()] = spans.toArray(OpenSpan[]::new);
            any |= !spans.isEmpty();
        }
        this.neverOpen = !any;
        for (DayOfWeek day : DayOfWeek.values()) {
            int minutes = 0;
            for (OpenSpan span : week[day.ordinal()]) {
                minutes += span.minutes();
            }
            standardDay[day.ordinal()] = Duration.ofMinutes(minutes);
            standardMinutes[day.ordinal()] = minutes;
        }
        List<ClosedDays> sorted = new ArrayList<>(closures);
        sorted.sort((a, b) -> a.first().compareTo(b.first()));
        LocalDate first = null;
        LocalDate last = null;
        for (ClosedDays c : sorted) {
            if (last != null && !c.first().isAfter(last.plusDays(1))) {
                if (c.last().isAfter(last)) {
                    last = c.last();
                }
            } else {
                if (first != null) {
                    closed.put(first, last);
                }
                first = c.first();
                last = c.last();
            }
        }
        if (first != null) {
            closed.put(first, last);
        }
    }

    public ZoneId zone() {
        return zone;
    }

    /** The opening spans of a weekday, sorted. */
    public List<OpenSpan> spans(DayOfWeek day) {
        return List.of(week[day.ordinal()]);
    }

    /** Whether the whole local date is closed by a closure. */
    public boolean isClosedDay(LocalDate date) {
        return closedThrough(date) != null;
    }

    /** The last day of the closure that contains {@code date}, or null when the date is not closed. */
    private LocalDate closedThrough(LocalDate date) {
        Map.Entry<LocalDate, LocalDate> e = closed.floorEntry(date);
        return e != null && !e.getValue().isBefore(date) ? e.getValue() : null;
    }

    /** Whether the zone's offset changes on that local date (the day has 23 or 25 hours, or another length). */
    private boolean clockChanges(LocalDate date) {
        return changeDays.computeIfAbsent(date.getYear(), this::changeDaysOf).contains(date);
    }

    private java.util.Set<LocalDate> changeDaysOf(int year) {
        java.util.Set<LocalDate> days = new java.util.HashSet<>();
        var rules = zone.getRules();
        Instant end = LocalDate.of(year + 1, 1, 2).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        var t = rules.nextTransition(LocalDate.of(year - 1, 12, 30).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        while (t != null && t.getInstant().isBefore(end)) {
            days.add(t.getDateTimeBefore().toLocalDate());
            days.add(t.getDateTimeAfter().toLocalDate());
            t = rules.nextTransition(t.getInstant());
        }
        return days;
    }

    private Instant at(LocalDate date, int minutes) {
        if (minutes == OpenSpan.END_OF_DAY) {
            return date.plusDays(1).atStartOfDay(zone).toInstant();
        }
        return ZonedDateTime.of(date, LocalTime.of(minutes / 60, minutes % 60), zone).toInstant();
    }

    /**
     * The instant at which {@code businessTime} of open time has passed after {@code start}: the earliest instant
     * {@code t >= start} with {@code businessTimeBetween(start, t) == businessTime}. Counting starts at {@code start}
     * when the school is open then, otherwise at the next opening. Zero returns {@code start} itself. A target that
     * is reached exactly at a closing time returns that closing time.
     *
     * @throws IllegalArgumentException when the duration is negative
     * @throws NeverOpenException       when no open time is found for {@value #SEARCH_YEARS} years in a row
     */
    public Instant addBusinessTime(Instant start, Duration businessTime) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(businessTime, "businessTime");
        if (businessTime.isNegative()) {
            throw new IllegalArgumentException("negative business time: " + businessTime);
        }
        if (businessTime.isZero()) {
            return start;
        }
        if (neverOpen) {
            throw neverOpen(start);
        }
        Duration remaining = businessTime;
        LocalDate date = LocalDate.ofInstant(start, zone);
        LocalDate startDate = date;
        LocalDate lastOpen = date;
        while (true) {
            LocalDate closedEnd = closedThrough(date);
            if (closedEnd != null) {
                date = closedEnd.plusDays(1);
            } else if (date.isAfter(startDate) && !standardDay[date.getDayOfWeek().ordinal()].isZero()
                    && standardDay[date.getDayOfWeek().ordinal()].compareTo(remaining) < 0 && !clockChanges(date)) {
                // a whole ordinary day that does not reach the target: no need to convert its spans
                remaining = remaining.minus(standardDay[date.getDayOfWeek().ordinal()]);
                lastOpen = date;
                date = date.plusDays(1);
            } else {
                for (OpenSpan span : week[date.getDayOfWeek().ordinal()]) {
                    Instant end = at(date, span.closes());
                    if (!end.isAfter(start)) {
                        continue;
                    }
                    Instant opens = at(date, span.opens());
                    Instant from = opens.isBefore(start) ? start : opens;
                    Duration available = Duration.between(from, end);
                    if (available.isNegative() || available.isZero()) {
                        continue;
                    }
                    lastOpen = date;
                    if (available.compareTo(remaining) >= 0) {
                        return from.plus(remaining);
                    }
                    remaining = remaining.minus(available);
                }
                date = date.plusDays(1);
            }
            if (ChronoUnit.DAYS.between(lastOpen, date) > SEARCH_DAYS) {
                throw neverOpen(start);
            }
        }
    }

    /**
     * The open time between two instants; zero when {@code to <= from}.
     *
     * @throws IllegalArgumentException when the range is longer than a hundred years
     */
    public Duration businessTimeBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from) || neverOpen) {
            return Duration.ZERO;
        }
        LocalDate date = LocalDate.ofInstant(from, zone);
        LocalDate firstDate = date;
        LocalDate lastDate = LocalDate.ofInstant(to, zone);
        if (ChronoUnit.DAYS.between(date, lastDate) > MAX_RANGE_DAYS) {
            throw new IllegalArgumentException("range too long: " + from + " to " + to);
        }
        Duration total = Duration.ZERO;
        long wholeDayMinutes = 0;
        while (!date.isAfter(lastDate)) {
            LocalDate closedEnd = closedThrough(date);
            if (closedEnd != null) {
                date = closedEnd.plusDays(1);
                continue;
            }
            if (date.isAfter(firstDate) && date.isBefore(lastDate) && !clockChanges(date)) {
                // a whole ordinary day inside the range
                wholeDayMinutes += standardMinutes[date.getDayOfWeek().ordinal()];
                date = date.plusDays(1);
                continue;
            }
            for (OpenSpan span : week[date.getDayOfWeek().ordinal()]) {
                Instant opens = at(date, span.opens());
                Instant end = at(date, span.closes());
                Instant a = opens.isBefore(from) ? from : opens;
                Instant b = end.isAfter(to) ? to : end;
                if (b.isAfter(a)) {
                    total = total.plus(Duration.between(a, b));
                }
            }
            date = date.plusDays(1);
        }
        return total.plusMinutes(wholeDayMinutes);
    }

    /** Whether the school is open at {@code at}: not on a closed day and inside an opening span (closing excluded). */
    public boolean isOpen(Instant at) {
        Objects.requireNonNull(at, "at");
        LocalDate date = LocalDate.ofInstant(at, zone);
        if (closedThrough(date) != null) {
            return false;
        }
        for (OpenSpan span : week[date.getDayOfWeek().ordinal()]) {
            if (!at.isBefore(at(date, span.opens())) && at.isBefore(at(date, span.closes()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first instant at or after {@code from} at which the school is open: {@code from} itself when it is open
     * then; empty when the school is not open within {@value #SEARCH_YEARS} years.
     */
    public Optional<Instant> nextOpening(Instant from) {
        Objects.requireNonNull(from, "from");
        if (neverOpen) {
            return Optional.empty();
        }
        LocalDate date = LocalDate.ofInstant(from, zone);
        LocalDate limit = date.plusDays(SEARCH_DAYS);
        while (!date.isAfter(limit)) {
            LocalDate closedEnd = closedThrough(date);
            if (closedEnd != null) {
                date = closedEnd.plusDays(1);
                continue;
            }
            for (OpenSpan span : week[date.getDayOfWeek().ordinal()]) {
                Instant opens = at(date, span.opens());
                Instant end = at(date, span.closes());
                if (end.isAfter(from) && end.isAfter(opens)) {
                    return Optional.of(opens.isBefore(from) ? from : opens);
                }
            }
            date = date.plusDays(1);
        }
        return Optional.empty();
    }

    private NeverOpenException neverOpen(Instant start) {
        return new NeverOpenException(schoolId, "school " + schoolId + " has no open time within " + SEARCH_YEARS
                + " years after " + start);
    }
}
