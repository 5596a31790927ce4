package be.coordinaat.helpdesk.domain;

import be.coordinaat.calendar.BusinessCalendars;
import be.coordinaat.calendar.NeverOpenException;
import be.coordinaat.helpdesk.SlaClock;
import java.time.Duration;
import java.time.Instant;

/**
 * SLA time in a school's business hours, without its holidays and closures (the calendar module). A school whose
 * calendar is never open falls back to time around the clock, so a ticket always gets due times.
 */
public class CalendarSlaClock implements SlaClock {

    private final BusinessCalendars calendars;
    private final SlaClock fallback = new AroundTheClock();

    public CalendarSlaClock(BusinessCalendars calendars) {
        this.calendars = calendars;
    }

    @Override
    public Instant addBusinessTime(long schoolId, Instant start, Duration businessTime) {
        try {
            return calendars.addBusinessTime(schoolId, start, businessTime);
        } catch (NeverOpenException e) {
            return fallback.addBusinessTime(schoolId, start, businessTime);
        }
    }

    @Override
    public Duration businessTimeBetween(long schoolId, Instant from, Instant to) {
        return calendars.businessTimeBetween(schoolId, from, to);
    }
}
