package be.coordinaat.helpdesk.domain;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A sliding-window limit per key (a client address, an asset): at most {@code max} events per window. Kept in memory,
 * bounded in size: the public form is a nuisance target, not a ledger.
 */
public final class RateLimiter {

    private static final int MAX_KEYS = 10_000;

    private final int max;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Long>> events = new LinkedHashMap<>(16, 0.75f, true);

    public RateLimiter(int max, Duration window, Clock clock) {
        this.max = max;
        this.window = window;
        this.clock = clock;
    }

    /** Records an event for the key when it is within the limit; false (and nothing recorded) when over it. */
    public synchronized boolean tryAcquire(String key) {
        long now = clock.millis();
        Deque<Long> times = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        while (!times.isEmpty() && times.peekFirst() <= now - window.toMillis()) {
            times.pollFirst();
        }
        if (times.size() >= max) {
            return false;
        }
        times.addLast(now);
        if (events.size() > MAX_KEYS) {
            Iterator<Map.Entry<String, Deque<Long>>> eldest = events.entrySet().iterator();
            eldest.next();
            eldest.remove();
        }
        return true;
    }

    public synchronized void clear() {
        events.clear();
    }
}
