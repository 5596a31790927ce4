package be.coordinaat.calendar;

import be.coordinaat.calendar.clock.SchoolClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The business clock of every school, for SLA targets and reminders: open time counted in the school's opening
 * hours, skipping its closed days (holidays, study days, bridge days), in the school's time zone (daylight saving
 * time changes are exact). The calendar is the school's own or the board default it inherits (see
 * {@link SchoolCalendars}).
 *
 * <p>These methods need no signed-in user (schedulers call them) and check no scope: the caller decides whose
 * school it is. A school's calendar is loaded once and cached until a change to it (or to the board default) is
 * committed. The computation jumps day by day over open spans and closures, never minute by minute, and looks at
 * most {@value #SEARCH_YEARS} years ahead for open time.
 *
 * <p>Results: a school without any opening hours, or closed for {@value #SEARCH_YEARS} years, makes
 * {@link #addBusinessTime} throw {@link NeverOpenException}; {@link #nextOpening} then answers empty,
 * {@link #isOpen} false and {@link #businessTimeBetween} zero. An unknown school id is a
 * {@link be.coordinaat.shared.NotFoundException}.
 */
@Service
public class BusinessCalendars {

    /** How far ahead the clock looks for open time. */
    public static final int SEARCH_YEARS = SchoolClock.SEARCH_YEARS;

    private final CalendarStore store;
    private final ConcurrentHashMap<Long, SchoolClock> cache = new ConcurrentHashMap<>();
    /** Bumped on every change, so a load that raced with a change is not cached. */
    private final AtomicLong generation = new AtomicLong();

    BusinessCalendars(CalendarStore store) {
        this.store = store;
    }

    /**
     * The instant at which {@code businessTime} of open time has passed after {@code start}. When the school is
     * closed at {@code start}, counting begins at the next opening. A target reached exactly at a closing time is
     * that closing time (not the next opening). Zero returns {@code start}.
     *
     * @throws IllegalArgumentException when {@code businessTime} is negative
     * @throws NeverOpenException       when the school has no open time within {@value #SEARCH_YEARS} years
     */
    public Instant addBusinessTime(long schoolId, Instant start, Duration businessTime) {
        return clock(schoolId).addBusinessTime(start, businessTime);
    }

    /** The open time between two instants; zero when {@code to <= from}. */
    public Duration businessTimeBetween(long schoolId, Instant from, Instant to) {
        return clock(schoolId).businessTimeBetween(from, to);
    }

    /** Whether the school is open at that instant (opening time included, closing time excluded). */
    public boolean isOpen(long schoolId, Instant at) {
        return clock(schoolId).isOpen(at);
    }

    /**
     * The first instant at or after {@code from} at which the school is open ({@code from} itself when it is open
     * then); empty when it does not open within {@value #SEARCH_YEARS} years.
     */
    public Optional<Instant> nextOpening(long schoolId, Instant from) {
        return clock(schoolId).nextOpening(from);
    }

    /** The cached clock of a school, loaded on first use. */
    SchoolClock clock(long schoolId) {
        SchoolClock clock = cache.get(schoolId);
        if (clock != null) {
            return clock;
        }
        long before = generation.get();
        clock = store.clock(schoolId);
        if (generation.get() == before) {
            cache.putIfAbsent(schoolId, clock);
        }
        return clock;
    }

    /** Drops every cached clock once the current transaction commits (at once outside a transaction). */
    void changed() {
        generation.incrementAndGet();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    evictAll();
                }
            });
        } else {
            evictAll();
        }
    }

    private void evictAll() {
        generation.incrementAndGet();
        cache.clear();
    }
}
