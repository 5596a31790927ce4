package be.coordinaat.setup;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Browserless;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

/**
 * Production mode: no demo data, no default password, the first board admin from the one-time setting. Its own
 * database (not tagged "integration": it needs an empty database, which the shared external one is not).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "coordinaat.embedded-db.data-dir=target/test-postgres-production",
        "coordinaat.embedded-db.clean=true",
        "coordinaat.demo=false",
        "coordinaat.bootstrap.board-name=Gemeentebestuur Productie",
        "coordinaat.bootstrap.admin-username=beheerder",
        "coordinaat.bootstrap.admin-password=een heel lang wachtwoord"})
class ProductionModeIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void startsWithoutDemoDataAndWithTheBootstrappedAdminOnly() {
        assertThat(jdbc.sql("SELECT username FROM app_user").query(String.class).list()).containsExactly("beheerder");
        assertThat(jdbc.sql("SELECT role FROM role_grant").query(String.class).list()).containsExactly("BOARD_ADMIN");
        assertThat(jdbc.sql("SELECT name FROM board").query(String.class).list()).containsExactly("Gemeentebestuur Productie");
        assertThat(Browserless.signIn(port, "beheerder", "een heel lang wachtwoord").get("/board").status()).isEqualTo(200);
        var demo = Browserless.anonymous(port).post("/login", Map.of("username", "admin", "password", "admin"), "/login");
        assertThat(demo.location()).endsWith("/login?error");
    }

    @Test
    void demoDataIsOnlyAutomaticOnTheEmbeddedDatabase() {
        FirstStart start = new FirstStart(null, null, null, java.util.List.of(), null, new MockEnvironment());
        start.demo = "auto";
        assertThat(start.demoWanted()).isTrue();
        start = new FirstStart(null, null, null, java.util.List.of(), null,
                new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/coordinaat"));
        start.demo = "auto";
        assertThat(start.demoWanted()).isFalse();
        start.demo = "true";
        assertThat(start.demoWanted()).isTrue();
    }
}
