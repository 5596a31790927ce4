package be.coordinaat.helpdesk;

import java.time.Duration;
import java.time.Instant;

/**
 * Business time for the SLA: when a target of N business minutes falls due, and how much business time passed.
 * Backed by the calendar module's business hours and school holidays when it is there, around the clock otherwise.
 */
public interface SlaClock {

    Instant addBusinessTime(long schoolId, Instant start, Duration businessTime);

    Duration businessTimeBetween(long schoolId, Instant from, Instant to);
}
