package be.coordinaat.school;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Browserless;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Hostile and malformed input gets a clear 4xx, never a 500, and stores nothing. */
@IntegrationTest
class HostileInputIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void nulCharactersAreRefusedEverywhere() {
        Api admin = Api.as("admin", port, jdbc);
        long before = jdbc.sql("SELECT count(*) FROM school").query(Long.class).single();
        var json = admin.post("/api/v1/schools", "{\"name\":\"Nul\\u0000school\",\"institutionNumber\":\"" + Demo.freshInstitutionNumber(jdbc)
                + "\",\"level\":\"PRIMARY\"}");
        assertThat(json.status()).as(json.toString()).isEqualTo(400);
        assertThat(json.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
        assertThat(admin.get("/api/v1/schools?q=a%00b").status()).isEqualTo(400);
        var form = Browserless.signIn(port, "admin", "admin").post("/schools", Map.of("name", "Nul\0school",
                "institutionNumber", Demo.freshInstitutionNumber(jdbc), "level", "PRIMARY"), "/schools/new");
        assertThat(form.status()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM school").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void randomQueryParametersNeverCauseAServerError() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        Random random = new Random(7);
        String[] nasty = {"'", "\"", "%", "_", "\\", "--", ";DROP TABLE school;", "ø", "😀", "\uD800", "-", "", " ", "name,id",
                "999999999999999999999", "-1", "NaN", "../", "<script>", "${7*7}", "%25", "%2"};
        for (int i = 0; i < 150; i++) {
            String value = nasty[random.nextInt(nasty.length)] + (random.nextBoolean() ? nasty[random.nextInt(nasty.length)] : "");
            String encoded = java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
            for (String path : new String[] {"/api/v1/schools?q=" + encoded, "/api/v1/schools?sort=" + encoded,
                    "/api/v1/schools?page=" + encoded, "/api/v1/schools?size=" + encoded, "/api/v1/schools/" + a + "/rooms?q=" + encoded,
                    "/api/v1/people?q=" + encoded + "&sort=" + encoded}) {
                int status = coordinator.get(path).status();
                assertThat(status).as(path).isIn(200, 400);
            }
        }
        assertThat(coordinator.get("/api/v1/schools?page=2147483647&size=200").status()).isEqualTo(200);
    }
}
