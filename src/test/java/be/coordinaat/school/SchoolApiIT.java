package be.coordinaat.school;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class SchoolApiIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    Map<String, Object> school(String name, String number) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("institutionNumber", number);
        m.put("level", "SECONDARY");
        m.put("postalCode", "8900");
        m.put("city", "Ieper");
        return m;
    }

    long schoolCount() {
        return jdbc.sql("SELECT count(*) FROM school").query(Long.class).single();
    }

    @Test
    void boardAdminCreatesAndEditsASchoolWithHistory() {
        Api admin = Api.as("admin", port, jdbc);
        String number = Demo.freshInstitutionNumber(jdbc);
        var created = admin.post("/api/v1/schools", Api.json(school("Atheneum Ieper", number)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("institutionNumber").asString()).isEqualTo(number);

        Map<String, Object> edit = school("Koninklijk Atheneum Ieper", number);
        edit.put("version", created.json().get("version").asInt());
        var updated = admin.put("/api/v1/schools/" + id, Api.json(edit));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("name").asString()).isEqualTo("Koninklijk Atheneum Ieper");

        // a second edit with the old version is a conflict, not a silent overwrite
        var stale = admin.put("/api/v1/schools/" + id, Api.json(edit));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.contentType()).startsWith("application/problem+json");

        var history = jdbc.sql("SELECT action, actor_name, changes::text FROM history_entry WHERE record_type = 'school' AND record_id = ? ORDER BY id")
                .param(id).query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3)).list();
        assertThat(history).hasSize(2);
        assertThat(history.get(0)).startsWith("CREATED|An Beheerder (admin)|");
        assertThat(history.get(1)).startsWith("UPDATED|An Beheerder (admin)|").contains("Koninklijk Atheneum Ieper").doesNotContain("institutionNumber");
    }

    @Test
    void badInputGetsFieldErrorsAndStoresNothing() {
        Api admin = Api.as("admin", port, jdbc);
        long before = schoolCount();

        var invalidNumber = admin.post("/api/v1/schools", Api.json(school("X", "12AB")));
        assertThat(invalidNumber.status()).isEqualTo(400);
        assertThat(invalidNumber.contentType()).startsWith("application/problem+json");
        assertThat(invalidNumber.json().get("errors").toString()).contains("institutionNumber").contains("6 digits");

        var duplicate = admin.post("/api/v1/schools", Api.json(school("Dubbel", "123456")));
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.json().get("errors").get(0).get("field").asString()).isEqualTo("institutionNumber");

        var empty = admin.post("/api/v1/schools", Api.json(school("  ", Demo.freshInstitutionNumber(jdbc))));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("errors").toString()).contains("name");

        var oversized = admin.post("/api/v1/schools", Api.json(school("x".repeat(10_000), Demo.freshInstitutionNumber(jdbc))));
        assertThat(oversized.status()).isEqualTo(400);
        assertThat(oversized.json().get("errors").toString()).contains("name").contains("at most 200");

        var malformed = admin.post("/api/v1/schools", "{\"name\": \"broken\", ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");

        Map<String, Object> unknown = school("Onbekend veld", Demo.freshInstitutionNumber(jdbc));
        unknown.put("principal", "Jan");
        var unknownField = admin.post("/api/v1/schools", Api.json(unknown));
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().get("errors").get(0).get("field").asString()).isEqualTo("principal");

        Map<String, Object> badEnum = school("Fout niveau", Demo.freshInstitutionNumber(jdbc));
        badEnum.put("level", "UNIVERSITY");
        var wrongEnum = admin.post("/api/v1/schools", Api.json(badEnum));
        assertThat(wrongEnum.status()).isEqualTo(400);
        assertThat(wrongEnum.json().get("errors").get(0).get("field").asString()).isEqualTo("level");

        assertThat(schoolCount()).isEqualTo(before);
    }

    @Test
    void coordinatorManagesPlacesOfOwnSchoolOnly() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        long b = Demo.atheneum(jdbc);

        var campus = coordinator.post("/api/v1/schools/" + a + "/campuses", "{\"name\":\"Campus Zuid " + System.nanoTime() + "\"}");
        assertThat(campus.status()).as(campus.toString()).isEqualTo(201);
        long campusId = campus.json().get("id").asLong();
        var building = coordinator.post("/api/v1/schools/" + a + "/buildings", "{\"campusId\":" + campusId + ",\"name\":\"Blok Z\"}");
        assertThat(building.status()).as(building.toString()).isEqualTo(201);
        long buildingId = building.json().get("id").asLong();
        var room = coordinator.post("/api/v1/schools/" + a + "/rooms",
                "{\"buildingId\":" + buildingId + ",\"name\":\"Klas Z1\",\"kind\":\"CLASSROOM\",\"capacity\":22}");
        assertThat(room.status()).as(room.toString()).isEqualTo(201);
        assertThat(coordinator.get("/api/v1/schools/" + a + "/rooms?q=z1").json().get("total").asLong()).isEqualTo(1);

        // a building of school B cannot be used for a room of school A
        long buildingOfB = Demo.buildingOf(jdbc, b);
        var crossLink = coordinator.post("/api/v1/schools/" + a + "/rooms",
                "{\"buildingId\":" + buildingOfB + ",\"name\":\"Sluiproute\",\"kind\":\"CLASSROOM\"}");
        assertThat(crossLink.status()).isEqualTo(400);

        // coordinators cannot create schools
        assertThat(coordinator.post("/api/v1/schools", Api.json(school("Nee", Demo.freshInstitutionNumber(jdbc)))).status()).isEqualTo(403);
    }

    @Test
    void coordinatorOfSchoolACannotReadOrChangeAnythingOfSchoolB() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long b = Demo.atheneum(jdbc);
        long roomB = Demo.roomOf(jdbc, b);
        long buildingB = Demo.buildingOf(jdbc, b);
        long campusB = Demo.campusOf(jdbc, b);

        assertThat(coordinator.get("/api/v1/schools").json().get("items").findValuesAsString("institutionNumber"))
                .contains("123456").doesNotContain("654321");
        for (String path : new String[] {"/api/v1/schools/" + b, "/api/v1/schools/" + b + "/campuses",
                "/api/v1/schools/" + b + "/buildings", "/api/v1/schools/" + b + "/rooms", "/api/v1/rooms/" + roomB,
                "/api/v1/buildings/" + buildingB, "/api/v1/campuses/" + campusB, "/api/v1/rooms/999999999"}) {
            assertThat(coordinator.get(path).status()).as(path).isEqualTo(404);
        }
        String roomName = jdbc.sql("SELECT name FROM room WHERE id = ?").param(roomB).query(String.class).single();
        assertThat(coordinator.put("/api/v1/rooms/" + roomB,
                "{\"buildingId\":" + buildingB + ",\"name\":\"Gekaapt\",\"kind\":\"OFFICE\"}").status()).isEqualTo(404);
        assertThat(coordinator.delete("/api/v1/rooms/" + roomB).status()).isEqualTo(404);
        assertThat(coordinator.post("/api/v1/schools/" + b + "/campuses", "{\"name\":\"Indringer\"}").status()).isEqualTo(404);
        assertThat(coordinator.delete("/api/v1/campuses/" + campusB).status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT name FROM room WHERE id = ?").param(roomB).query(String.class).single()).isEqualTo(roomName);
    }

    @Test
    void apiWithoutOrWithBadTokenIsUnauthorised() {
        var anonymous = Api.anonymous(port).get("/api/v1/schools");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        var bogus = Api.anonymous(port).send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/schools"))
                .header("Authorization", "Bearer cdn_not-a-real-token").GET());
        assertThat(bogus.status()).isEqualTo(401);
    }
}
