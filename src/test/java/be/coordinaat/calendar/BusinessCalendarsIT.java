package be.coordinaat.calendar;

import static be.coordinaat.calendar.CalendarTestData.closure;
import static be.coordinaat.calendar.CalendarTestData.freshSchool;
import static be.coordinaat.calendar.CalendarTestData.hours;
import static be.coordinaat.calendar.Clocks.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.coordinaat.shared.NotFoundException;
import be.coordinaat.support.Api;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The business clock facade on the real database, without a signed-in user (as a scheduler calls it): it follows the
 * board default, picks up every change made through the API at once (cache invalidation), and reports a school that
 * is never open.
 */
@IntegrationTest
class BusinessCalendarsIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired BusinessCalendars clocks;

    @Test
    void followsTheCalendarAsItChanges() {
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
        Api admin = Api.as("admin", port, jdbc);
        long school = freshSchool(admin, jdbc);
        String path = "/api/v1/schools/" + school + "/calendar";

        // a new school follows the board default: the same week as the board's
        var calendar = admin.get(path).json();
        assertThat(calendar.get("ownHours").asBoolean()).isFalse();
        assertThat(calendar.get("week")).isEqualTo(admin.get("/api/v1/board/calendar").json().get("week"));
        assertThat(clocks.nextOpening(school, at("2026-02-09T00:00"))).isPresent(); // cached from here on

        // own hours: Monday 09:00–12:00 only, without the board's closures (so the krokus week counts)
        var put = admin.put(path, Api.json(hours(true, false, "Europe/Brussels", "09:00-12:00")));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(clocks.addBusinessTime(school, at("2026-02-16T11:00"), Duration.ofHours(2))).isEqualTo(at("2026-02-23T10:00"));
        assertThat(clocks.isOpen(school, at("2026-02-16T09:00"))).isTrue();
        assertThat(clocks.isOpen(school, at("2026-02-17T09:00"))).isFalse();

        // a closure of the school's own on Monday 23 February
        var created = admin.post(path + "/closures", Api.json(closure("Pedagogische studiedag", "STUDY_DAY", "2026-02-23", null)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(clocks.addBusinessTime(school, at("2026-02-16T11:00"), Duration.ofHours(2))).isEqualTo(at("2026-03-02T10:00"));

        // following the board's closures again: krokusvakantie 16–22 February 2026 (demo: the Flemish holidays)
        admin.put(path, Api.json(hours(true, true, null, "09:00-12:00")));
        assertThat(clocks.isOpen(school, at("2026-02-16T09:00"))).isFalse();
        assertThat(clocks.addBusinessTime(school, at("2026-02-16T11:00"), Duration.ofHours(2))).isEqualTo(at("2026-03-02T11:00"));
        assertThat(clocks.businessTimeBetween(school, at("2026-02-09T00:00"), at("2026-03-03T00:00"))).isEqualTo(Duration.ofHours(6));

        // deleting the closure opens that Monday again
        admin.delete(path + "/closures/" + created.json().get("id").asLong());
        assertThat(clocks.nextOpening(school, at("2026-02-17T00:00"))).contains(at("2026-02-23T09:00"));

        // never open: no hours at all
        admin.put(path, Api.json(hours(true, true, null)));
        assertThatThrownBy(() -> clocks.addBusinessTime(school, at("2026-02-16T11:00"), Duration.ofMinutes(1)))
                .isInstanceOf(NeverOpenException.class);
        assertThat(clocks.addBusinessTime(school, at("2026-02-16T11:00"), Duration.ZERO)).isEqualTo(at("2026-02-16T11:00"));
        assertThat(clocks.nextOpening(school, at("2026-02-16T11:00"))).isEmpty();
        assertThat(clocks.isOpen(school, at("2026-02-16T11:00"))).isFalse();
        assertThat(clocks.businessTimeBetween(school, at("2026-01-01T00:00"), at("2027-01-01T00:00"))).isZero();

        // back to the board's hours
        admin.put(path, Api.json(hours(false, true, null)));
        assertThat(clocks.nextOpening(school, at("2026-02-16T11:00"))).isPresent();
    }

    @Test
    void aSchoolInAnotherTimeZone() {
        Api admin = Api.as("admin", port, jdbc);
        long school = freshSchool(admin, jdbc);
        admin.put("/api/v1/schools/" + school + "/calendar", Api.json(hours(true, false, "America/New_York",
                "09:00-17:00", "09:00-17:00", "09:00-17:00", "09:00-17:00", "09:00-17:00")));
        // Monday 2 March 2026 09:00 in New York is 14:00 UTC (EST)
        assertThat(clocks.nextOpening(school, java.time.Instant.parse("2026-03-02T05:00:00Z")))
                .contains(java.time.Instant.parse("2026-03-02T14:00:00Z"));
        // US summer time starts on 8 March 2026: Monday 9 March opens at 13:00 UTC
        assertThat(clocks.nextOpening(school, java.time.Instant.parse("2026-03-09T05:00:00Z")))
                .contains(java.time.Instant.parse("2026-03-09T13:00:00Z"));
    }

    @Test
    void anUnknownSchoolIsNotFound() {
        assertThatThrownBy(() -> clocks.isOpen(CalendarTestData.GUESSED, at("2026-02-16T11:00")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theDemoSchoolsFollowTheBoardsFlemishHolidays() {
        long regenboog = Demo.regenboog(jdbc);
        assertThat(clocks.isOpen(regenboog, at("2026-12-23T10:00"))).as("kerstvakantie 2026").isFalse();
        assertThat(clocks.isOpen(regenboog, at("2027-05-07T10:00"))).as("vrijdag na Hemelvaart 2027").isFalse();
    }
}
