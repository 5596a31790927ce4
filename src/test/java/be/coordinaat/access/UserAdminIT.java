package be.coordinaat.access;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Browserless;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class UserAdminIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void boardAdminCreatesAnAccountAndGrantsAndRevokesARole() {
        Browserless admin = Browserless.signIn(port, "admin", "admin");
        String username = "els" + System.nanoTime();
        var weak = admin.post("/users", Map.of("username", username, "displayName", "Els Peeters", "password", "kort"), "/users/new");
        assertThat(weak.status()).isEqualTo(200);
        assertThat(weak.body()).contains("minstens 12 tekens");
        assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE username = ?").param(username).query(Long.class).single()).isZero();

        var created = admin.post("/users", Map.of("username", username, "displayName", "Els Peeters", "email", "els@example.be",
                "password", "een lang wachtwoord"), "/users/new");
        assertThat(created.status()).isEqualTo(302);
        long id = jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(username).query(Long.class).single();
        long b = Demo.atheneum(jdbc);

        admin.post("/users/" + id + "/grants", Map.of("role", "COORDINATOR", "schoolId", ""), "/users/" + id);
        assertThat(jdbc.sql("SELECT count(*) FROM role_grant WHERE user_id = ? AND role = 'COORDINATOR'").param(id).query(Long.class).single())
                .as("a school role needs a school").isZero();
        admin.post("/users/" + id + "/grants", Map.of("role", "COORDINATOR", "schoolId", String.valueOf(b)), "/users/" + id);

        Browserless els = Browserless.signIn(port, username, "een lang wachtwoord");
        assertThat(els.get("/schools/" + b).status()).isEqualTo(200);
        assertThat(admin.get("/users?q=" + username).body()).contains("Els Peeters").contains("ICT-coördinator");

        long grant = jdbc.sql("SELECT id FROM role_grant WHERE user_id = ? AND role = 'COORDINATOR'").param(id).query(Long.class).single();
        admin.post("/users/" + id + "/grants/" + grant + "/revoke", Map.of(), "/users/" + id);
        assertThat(Browserless.signIn(port, username, "een lang wachtwoord").get("/schools/" + b).status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT string_agg(action, ',' ORDER BY id) FROM history_entry WHERE record_type = 'user' AND record_id = ?")
                .param(id).query(String.class).single()).contains("CREATED").contains("ROLE_GRANTED").contains("ROLE_REVOKED");
    }

    @Test
    void disabledAccountsCannotSignInNorUseTheirTokens() {
        Browserless admin = Browserless.signIn(port, "admin", "admin");
        String username = "piet" + System.nanoTime();
        admin.post("/users", Map.of("username", username, "displayName", "Piet", "password", "een lang wachtwoord"), "/users/new");
        long id = jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(username).query(Long.class).single();
        Api api = Api.as(username, port, jdbc);
        assertThat(api.get("/api/v1/schools").status()).isEqualTo(200);
        admin.post("/users/" + id + "/enabled", Map.of("enabled", "false", "version", "0"), "/users/" + id);
        assertThat(api.get("/api/v1/schools").status()).isEqualTo(401);
        var signIn = Browserless.anonymous(port).post("/login", Map.of("username", username, "password", "een lang wachtwoord"), "/login");
        assertThat(signIn.location()).contains("/login?");
    }

    @Test
    void anotherBoardsAccountIsNotFound() {
        long otherBoard = jdbc.sql("INSERT INTO board (name) VALUES ('Ander bestuur') RETURNING id").query(Long.class).single();
        long other = jdbc.sql("INSERT INTO app_user (board_id, username, password_hash, display_name) VALUES (?, ?, 'x', 'Vreemde') RETURNING id")
                .params(otherBoard, "vreemde" + System.nanoTime()).query(Long.class).single();
        Browserless admin = Browserless.signIn(port, "admin", "admin");
        assertThat(admin.get("/users/" + other).status()).isEqualTo(404);
        assertThat(admin.post("/users/" + other + "/password", Map.of("password", "een lang wachtwoord"), "/users").status()).isEqualTo(404);
        assertThat(admin.get("/users").body()).doesNotContain("Vreemde");
    }
}
