package be.coordinaat.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Browserless;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ReminderIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    long count(String sql, long school) {
        return jdbc.sql(sql).param(school).query(Long.class).single();
    }

    @Test
    void theStartPageRemindsTheCoordinatorOfTheirOwnSchoolsOnly() {
        long a = Demo.regenboog(jdbc);
        Browserless coordinator = Browserless.signIn(port, "coordinator", "coordinator");
        assertThat(coordinator.get("/").body()).contains("/inventory/reminders");
        var card = coordinator.get("/inventory/reminders").document();
        long overdue = count("SELECT count(*) FROM loan WHERE school_id = ? AND returned_at IS NULL AND expected_return < current_date", a);
        assertThat(overdue).as("the demo data has an overdue loan").isPositive();
        assertThat(card.select("#reminder-overdue").text()).startsWith(String.valueOf(overdue));
        assertThat(card.select("#reminder-overdue").attr("href")).isEqualTo("/inventory/loans?overdue=true");

        long warranty = count("SELECT count(*) FROM asset WHERE school_id = ? AND status NOT IN ('RETIRED', 'DISPOSED') "
                + "AND warranty_end BETWEEN current_date AND current_date + 60", a);
        if (warranty > 0) {
            assertThat(card.select("#reminder-warranty").text()).startsWith(String.valueOf(warranty));
        }
        // a warranty ending soon in school B does not count for school A's coordinator
        long b = Demo.atheneum(jdbc);
        jdbc.sql("UPDATE asset SET warranty_end = current_date + 5 WHERE id = (SELECT min(id) FROM asset WHERE school_id = ? AND status NOT IN ('RETIRED', 'DISPOSED'))")
                .param(b).update();
        var again = coordinator.get("/inventory/reminders").document();
        assertThat(again.select("#reminder-warranty").text()).isEqualTo(card.select("#reminder-warranty").text());
    }

    @Test
    void staffHaveNoInventoryReminders() {
        Browserless teacher = Browserless.signIn(port, "teacher", "teacher");
        assertThat(teacher.get("/").body()).doesNotContain("/inventory/reminders");
        assertThat(teacher.get("/inventory/reminders").status()).isEqualTo(403);
    }
}
