package be.coordinaat.inventory.agent;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits what one source address can send: at most {@code coordinaat.agent.requests-per-minute} requests per
 * minute (default 600 — a school behind one NAT address with a few hundred computers that start at 8:30 stays
 * under it; an agent run is two requests), and at most a few inventories stored at once over all sources, so a
 * flood waits or gets 503 instead of taking every database connection from the people using the application.
 */
@Component
class AgentRateLimit {

    private record Window(long minute, int count) {}

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private volatile int perMinute;
    private final Semaphore concurrent;

    AgentRateLimit(@Value("${coordinaat.agent.requests-per-minute:600}") int perMinute,
            @Value("${coordinaat.agent.concurrent-inventories:4}") int concurrent) {
        this.perMinute = perMinute;
        this.concurrent = new Semaphore(concurrent, true);
    }

    /** Counts a request of this address; 429 over the limit. */
    void count(String address) {
        long minute = System.currentTimeMillis() / 60_000;
        if (windows.size() > 100_000) {
            windows.clear(); // a spread-out flood must not grow the map without end
        }
        Window w = windows.merge(address == null ? "?" : address, new Window(minute, 1),
                (old, one) -> old.minute() == minute ? new Window(minute, old.count() + 1) : one);
        if (perMinute > 0 && w.count() > perMinute) {
            throw new AgentInputException(429, "too many requests from " + address + "; try again in a minute");
        }
    }

    /** Runs the store of one inventory when a slot is free within 30 s; 503 otherwise. */
    <T> T withSlot(java.util.function.Supplier<T> work) {
        try {
            if (!concurrent.tryAcquire(30, TimeUnit.SECONDS)) {
                throw new AgentInputException(503, "server busy; try again later");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgentInputException(503, "server busy; try again later");
        }
        try {
            return work.get();
        } finally {
            concurrent.release();
        }
    }

    /** For tests: another limit per minute (0 = none), and a fresh count. */
    void setPerMinute(int perMinute) {
        this.perMinute = perMinute;
        windows.clear();
    }

    int perMinute() {
        return perMinute;
    }
}
