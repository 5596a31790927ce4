package be.coordinaat.school;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Browserless;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class SchoolPagesIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void coordinatorOfSchoolASeesNoPageOfSchoolB() {
        Browserless coordinator = Browserless.signIn(port, "coordinator", "coordinator");
        long a = Demo.regenboog(jdbc);
        long b = Demo.atheneum(jdbc);
        long roomB = Demo.roomOf(jdbc, b);
        long buildingB = Demo.buildingOf(jdbc, b);
        long campusB = Demo.campusOf(jdbc, b);

        assertThat(coordinator.get("/schools/" + a).status()).isEqualTo(200);
        assertThat(coordinator.get("/schools").body()).contains("De Regenboog").doesNotContain("Atheneum");
        for (String path : new String[] {"/schools/" + b, "/schools/" + b + "/edit", "/rooms/" + roomB, "/rooms/" + roomB + "/edit",
                "/buildings/" + buildingB + "/edit", "/campuses/" + campusB + "/edit", "/schools/" + b + "/rooms/new",
                "/schools/" + b + "/campuses/new", "/schools/" + b + "/buildings/new", "/rooms/987654321"}) {
            assertThat(coordinator.get(path).status()).as(path).isEqualTo(404);
        }
        String formPage = "/schools/" + a;
        var renamed = coordinator.post("/rooms/" + roomB, Map.of("buildingId", String.valueOf(buildingB), "name", "Gekaapt",
                "kind", "OFFICE"), formPage);
        assertThat(renamed.status()).isEqualTo(404);
        assertThat(coordinator.post("/rooms/" + roomB + "/delete", Map.of(), formPage).status()).isEqualTo(404);
        assertThat(coordinator.post("/campuses/" + campusB + "/delete", Map.of(), formPage).status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM room WHERE id = ? AND name <> 'Gekaapt'").param(roomB).query(Long.class).single()).isEqualTo(1);
        // the history of school B's records is not shown either
        assertThat(coordinator.get("/history/record?type=school&id=" + b).body()).doesNotContain("Atheneum");
    }

    @Test
    void invalidSchoolFormShowsFieldMessagesAndStoresNothing() {
        Browserless admin = Browserless.signIn(port, "admin", "admin");
        long before = jdbc.sql("SELECT count(*) FROM school").query(Long.class).single();
        var page = admin.post("/schools", Map.of("name", "", "institutionNumber", "12345X", "level", "PRIMARY",
                "postalCode", "89"), "/schools/new");
        assertThat(page.status()).isEqualTo(200);
        var doc = page.document();
        assertThat(doc.select("#institutionNumber-error").text()).isEqualTo("moet uit 6 cijfers bestaan (bv. 012345)");
        assertThat(doc.select("#name-error").text()).isEqualTo("is verplicht");
        assertThat(doc.select("#postalCode-error").text()).isEqualTo("moet uit 4 cijfers bestaan");
        var duplicate = admin.post("/schools", Map.of("name", "Dubbel", "institutionNumber", "654321", "level", "PRIMARY"), "/schools/new");
        assertThat(duplicate.document().select("#institutionNumber-error").text()).contains("instellingsnummer");
        assertThat(jdbc.sql("SELECT count(*) FROM school").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void coordinatorAddsARoomAndSeesItsHistory() {
        Browserless coordinator = Browserless.signIn(port, "coordinator", "coordinator");
        long a = Demo.regenboog(jdbc);
        long building = Demo.buildingOf(jdbc, a);
        var created = coordinator.post("/schools/" + a + "/rooms", Map.of("buildingId", String.valueOf(building),
                "name", "STEM-lab", "code", "RB-STEM", "kind", "COMPUTER_LAB", "capacity", "20"), "/schools/" + a + "/rooms/new");
        assertThat(created.status()).isEqualTo(302);
        String roomPage = created.location().replaceFirst("^https?://[^/]+", "");
        assertThat(coordinator.get(roomPage).body()).contains("STEM-lab").contains("computerlokaal");
        long roomId = Long.parseLong(roomPage.substring(roomPage.lastIndexOf('/') + 1));
        assertThat(coordinator.get("/history/record?type=room&id=" + roomId).body()).contains("Koen Coördinator").contains("RB-STEM");
    }
}
