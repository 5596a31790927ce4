package be.coordinaat.helpdesk;

import be.coordinaat.helpdesk.domain.AroundTheClock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The SLA clock: around the clock unless a business calendar provides one. */
@Configuration(proxyBeanMethods = false)
class HelpdeskConfiguration {

    @Bean
    @ConditionalOnMissingBean(SlaClock.class)
    SlaClock aroundTheClock() {
        return new AroundTheClock();
    }
}
