package be.coordinaat.calendar;

import static be.coordinaat.calendar.CalendarTestData.freshSchool;
import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Browserless;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The calendar pages through the real sign-in form: week hours, closures with field errors, the holiday button. */
@IntegrationTest
class CalendarPagesIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void theBoardAdminSetsHoursAddsClosuresAndTheFlemishHolidaysOfASchool() {
        long school = freshSchool(Api.as("admin", port, jdbc), jdbc);
        String base = "/schools/" + school + "/calendar";
        Browserless admin = Browserless.signIn(port, "admin", "admin");
        Document page = admin.get(base).document();
        assertThat(page.select("#hours-origin").text()).isEqualTo("Overgenomen van het schoolbestuur");
        assertThat(page.select("#clock-state")).hasSize(1);
        assertThat(page.select("#zone").text()).isEqualTo("Europe/Brussels");

        // hours with a field error per day, then right
        Map<String, String> form = new LinkedHashMap<>();
        form.put("ownHours", "true");
        form.put("boardClosures", "false");
        form.put("monday", "08:15-12:05, 13:15-15:45");
        form.put("wednesday", "8u15 tot 12u");
        form.put("zoneId", "");
        var invalid = admin.post(base + "/hours", form, base + "/hours");
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.document().select("#wednesday.is-invalid")).hasSize(1);
        assertThat(invalid.document().select("#wednesday-error").text()).contains("08:15-12:05");
        assertThat(invalid.document().select("#monday").val()).isEqualTo("08:15-12:05, 13:15-15:45");
        form.put("wednesday", "08:15-12:05");
        var saved = admin.post(base + "/hours", form, base + "/hours");
        assertThat(saved.status()).isEqualTo(302);
        page = admin.get(base).document();
        assertThat(page.select("#hours-origin").text()).isEqualTo("Eigen openingsuren van de school");
        assertThat(page.select("#week-hours tr").get(0).text()).contains("08:15–12:05").contains("13:15–15:45");
        assertThat(page.select("#week-hours tr").get(1).text()).contains("gesloten");
        assertThat(page.select("#closures-origin").text()).contains("niet");

        // a closure with field errors, then right
        Map<String, String> closure = new LinkedHashMap<>();
        closure.put("name", "");
        closure.put("kind", "STUDY_DAY");
        closure.put("firstDay", "2026-10-14");
        closure.put("lastDay", "2026-10-13");
        var bad = admin.post(base + "/closures", closure, base + "/closures/new");
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.document().select("#name.is-invalid, #lastDay.is-invalid")).hasSize(1);
        closure.put("name", "Pedagogische studiedag");
        var badDate = admin.post(base + "/closures", closure, base + "/closures/new");
        assertThat(badDate.document().select("#lastDay.is-invalid")).hasSize(1);
        closure.put("lastDay", "");
        var ok = admin.post(base + "/closures", closure, base + "/closures/new");
        assertThat(ok.status()).isEqualTo(302);
        assertThat(ok.location()).contains("year=2026-2027");

        // the Flemish holidays of 2026-2027: the button of the shown school year
        page = admin.get(base + "?year=2026-2027").document();
        assertThat(page.select("#generate").text()).isEqualTo("Vlaamse schoolvakanties 2026-2027 toevoegen");
        var generated = admin.post(base + "/holidays", Map.of("schoolYear", "2026-2027"), base + "?year=2026-2027");
        assertThat(generated.status()).isEqualTo(302);
        page = admin.get(generated.location().replaceFirst("^https?://[^/]+", "")).document();
        assertThat(page.select("#generated").text()).contains("10 vakanties en feestdagen toegevoegd voor 2026-2027");
        assertThat(page.select("#closures tbody tr")).hasSize(11);
        assertThat(page.select("#closures").text()).contains("Herfstvakantie", "02/11/2026", "08/11/2026", "Pedagogische studiedag");
        var badYear = admin.post(base + "/holidays", Map.of("schoolYear", "twintig"), base);
        assertThat(badYear.status()).isEqualTo(302);

        // editing and deleting the study day
        long id = jdbc.sql("SELECT id FROM calendar_closure WHERE school_id = ? AND kind = 'STUDY_DAY'").param(school)
                .query(Long.class).single();
        var edit = admin.get(base + "/closures/" + id + "/edit").document();
        assertThat(edit.select("#name").val()).isEqualTo("Pedagogische studiedag");
        assertThat(edit.select("#firstDay").val()).isEqualTo("2026-10-14");
        assertThat(admin.get(base + "/closures.ics").body()).contains("SUMMARY:Pedagogische studiedag");
        closure.put("name", "Studiedag ICT");
        closure.put("version", edit.select("#version").val());
        assertThat(admin.post(base + "/closures/" + id, closure, base + "/closures/" + id + "/edit").status()).isEqualTo(302);
        assertThat(admin.post(base + "/closures/" + id + "/delete", Map.of(), base).status()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT count(*) FROM calendar_closure WHERE id = ?").param(id).query(Long.class).single()).isZero();
    }

    @Test
    void theOverviewTheBoardPageAndTheEnglishTexts() {
        Browserless coordinator = Browserless.signIn(port, "coordinator", "coordinator");
        var overview = coordinator.get("/calendars");
        assertThat(overview.status()).isEqualTo(200);
        assertThat(overview.body()).contains("/schools/" + Demo.regenboog(jdbc) + "/calendar")
                .doesNotContain("/schools/" + Demo.atheneum(jdbc) + "/calendar");
        var board = coordinator.get("/board/calendar?year=2026-2027").document();
        assertThat(board.select("#week-hours tr").get(2).text()).contains("08:15–12:05");
        assertThat(board.select("#closures").text()).contains("Kerstvakantie", "21/12/2026");
        assertThat(board.select("#edit-hours")).isEmpty();
        var school = coordinator.get("/schools/" + Demo.regenboog(jdbc) + "/calendar?year=nonsense");
        assertThat(school.status()).isEqualTo(200);
        assertThat(school.document().select("#edit-hours, #new-closure, #generate")).hasSize(3);
        assertThat(coordinator.get("/schools/" + Demo.regenboog(jdbc)).document().select("#school-calendar")).hasSize(1);
        assertThat(coordinator.get("/schools/" + Demo.regenboog(jdbc) + "/calendar/hours").status()).isEqualTo(200);
    }
}
