package be.coordinaat.helpdesk.domain;

import be.coordinaat.helpdesk.SlaClock;
import java.time.Duration;
import java.time.Instant;

/** SLA time around the clock: used when no business calendar is available. */
public class AroundTheClock implements SlaClock {

    @Override
    public Instant addBusinessTime(long schoolId, Instant start, Duration businessTime) {
        return start.plus(businessTime);
    }

    @Override
    public Duration businessTimeBetween(long schoolId, Instant from, Instant to) {
        return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
    }
}
