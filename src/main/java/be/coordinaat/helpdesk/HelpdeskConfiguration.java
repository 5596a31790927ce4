package be.coordinaat.helpdesk;

import be.coordinaat.calendar.BusinessCalendars;
import be.coordinaat.helpdesk.domain.CalendarSlaClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The SLA clock: the school's business hours and holidays from the calendar module. */
@Configuration(proxyBeanMethods = false)
class HelpdeskConfiguration {

    @Bean
    SlaClock slaClock(BusinessCalendars calendars) {
        return new CalendarSlaClock(calendars);
    }
}
