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

    @Test
    void anAccountOfAnExternalOrganisationIsLimitedToWhatIsEscalatedToIt() {
        Browserless admin = Browserless.signIn(port, "admin", "admin");
        String username = "ext" + System.nanoTime();
        admin.post("/users", Map.of("username", username, "displayName", "Externe Technicus", "password", "een lang wachtwoord"), "/users/new");
        long id = jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(username).query(Long.class).single();
        long a = Demo.regenboog(jdbc);
        admin.post("/users/" + id + "/grants", Map.of("role", "TECHNICIAN", "schoolId", String.valueOf(a)), "/users/" + id);
        Api api = Api.as(username, port, jdbc);
        assertThat(api.get("/api/v1/assets").status()).as("a school's own technician sees the inventory").isEqualTo(200);

        long supplier = jdbc.sql("SELECT id FROM organisation WHERE name = 'Westhoek IT bv'").query(Long.class).single();
        long otherBoardsOrganisation = jdbc.sql("WITH b AS (INSERT INTO board (name) VALUES ('Ander') RETURNING id) "
                + "INSERT INTO organisation (board_id, name, kind) SELECT id, 'Vreemd', 'SUPPLIER' FROM b RETURNING id")
                .query(Long.class).single();
        var refused = admin.post("/users/" + id + "/organisation", Map.of("organisationId", String.valueOf(otherBoardsOrganisation),
                "version", "1"), "/users/" + id);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT organisation_id FROM app_user WHERE id = ?").param(id).query(Long.class).optional()).isEmpty();

        int version = jdbc.sql("SELECT version FROM app_user WHERE id = ?").param(id).query(Integer.class).single();
        admin.post("/users/" + id + "/organisation", Map.of("organisationId", String.valueOf(supplier), "version",
                String.valueOf(version)), "/users/" + id);
        assertThat(jdbc.sql("SELECT organisation_id FROM app_user WHERE id = ?").param(id).query(Long.class).single()).isEqualTo(supplier);
        assertThat(admin.get("/users/" + id).body()).contains("Westhoek IT bv");
        Api external = Api.as(username, port, jdbc);
        assertThat(external.get("/api/v1/assets").status()).as("an external technician does not browse the inventory").isEqualTo(403);
        assertThat(external.get("/api/v1/organisations").status()).isEqualTo(403);
        assertThat(external.get("/api/v1/schools/" + a).status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM history_entry WHERE record_type = 'user' AND record_id = ? AND changes::text LIKE '%Westhoek%'")
                .param(id).query(Long.class).single()).isEqualTo(1);
    }
}
