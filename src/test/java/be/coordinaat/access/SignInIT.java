package be.coordinaat.access;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Browserless;
import be.coordinaat.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

@IntegrationTest
class SignInIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder passwords;

    String freshUser(String password) {
        String name = "u" + System.nanoTime();
        long board = jdbc.sql("SELECT id FROM board ORDER BY id LIMIT 1").query(Long.class).single();
        jdbc.sql("INSERT INTO app_user (board_id, username, password_hash, display_name) VALUES (?, ?, ?, ?)")
                .params(board, name, passwords.encode(password), "Test " + name).update();
        return name;
    }

    long history(String action, String label) {
        return jdbc.sql("SELECT count(*) FROM history_entry WHERE action = ? AND label = ?").params(action, label)
                .query(Long.class).single();
    }

    @Test
    void passwordsAreStoredWithArgon2() {
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = 'admin'").query(String.class).single();
        assertThat(hash).startsWith("{argon2}$argon2id$");
    }

    @Test
    void signInAndFailedSignInAreInTheHistory() {
        String user = freshUser("correct horse battery");
        Browserless.signIn(port, user, "correct horse battery");
        assertThat(history("SIGNED_IN", user)).isEqualTo(1);
        var failed = Browserless.anonymous(port).post("/login", Map.of("username", user, "password", "wrong"), "/login");
        assertThat(failed.location()).endsWith("/login?error");
        assertThat(history("SIGN_IN_FAILED", user)).isEqualTo(1);
    }

    @Test
    void repeatedFailuresLockTheAccountEvenForTheRightPassword() {
        String user = freshUser("correct horse battery");
        for (int i = 0; i < 5; i++) {
            Browserless.anonymous(port).post("/login", Map.of("username", user, "password", "wrong" + i), "/login");
        }
        var locked = Browserless.anonymous(port).post("/login", Map.of("username", user, "password", "correct horse battery"), "/login");
        assertThat(locked.location()).endsWith("/login?locked");
        assertThat(jdbc.sql("SELECT locked_until > now() FROM app_user WHERE username = ?").param(user).query(Boolean.class).single()).isTrue();
    }

    @Test
    void sessionIdChangesAtSignIn() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String before = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String csrf = org.jsoup.Jsoup.parse(page.body()).selectFirst("input[name=_csrf]").attr("value");
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Cookie", before).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=teacher&password=teacher&_csrf=" + java.net.URLEncoder.encode(csrf, "UTF-8")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(302);
        String after = signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        assertThat(after).startsWith("JSESSIONID=").isNotEqualTo(before);
    }

    @Test
    void formsWithoutCsrfTokenAreRefused() {
        Browserless admin = Browserless.signIn(port, "admin", "admin");
        var page = admin.postRaw("/board/communities", Map.of("name", "Zonder token"));
        assertThat(page.status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM school_community WHERE name = 'Zonder token'").query(Long.class).single()).isZero();
    }

    @Test
    void pagesSendStrictSecurityHeaders() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'").contains("script-src 'self'").contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(r.headers().firstValue("Referrer-Policy")).isPresent();
    }

    @Test
    void staffCannotReachAdminPages() {
        Browserless teacher = Browserless.signIn(port, "teacher", "teacher");
        for (String path : new String[] {"/users", "/users/1", "/board", "/schools/new", "/users/new"}) {
            assertThat(teacher.get(path).status()).as(path).isEqualTo(403);
        }
        Browserless coordinator = Browserless.signIn(port, "coordinator", "coordinator");
        assertThat(coordinator.get("/users").status()).isEqualTo(403);
        assertThat(coordinator.get("/board").status()).isEqualTo(403);
    }

    @Test
    void tokensCreatedInTheUiWorkForTheApiUntilRevoked() {
        Browserless coordinator = Browserless.signIn(port, "coordinator", "coordinator");
        var page = coordinator.post("/account/tokens", Map.of("name", "inventaris-script"), "/account");
        assertThat(page.status()).isEqualTo(200);
        String token = page.document().selectFirst("#created-token").text();
        assertThat(token).startsWith("cdn_");
        assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE token_hash LIKE ?").param("%" + token.substring(4, 12) + "%")
                .query(Long.class).single()).as("only the hash is stored").isZero();

        HttpRequest.Builder call = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/schools"))
                .header("Authorization", "Bearer " + token);
        assertThat(Api.anonymous(port).send(call).status()).isEqualTo(200);

        long id = jdbc.sql("SELECT id FROM api_token WHERE name = 'inventaris-script' ORDER BY id DESC LIMIT 1").query(Long.class).single();
        coordinator.post("/account/tokens/" + id + "/revoke", Map.of(), "/account");
        call = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/schools")).header("Authorization", "Bearer " + token);
        assertThat(Api.anonymous(port).send(call).status()).isEqualTo(401);
    }

    @Test
    void usersChangeTheirPasswordAndLanguage() {
        String user = freshUser("old password 123");
        long board = jdbc.sql("SELECT id FROM board ORDER BY id LIMIT 1").query(Long.class).single();
        long school = jdbc.sql("SELECT id FROM school WHERE institution_number = '123456'").query(Long.class).single();
        jdbc.sql("INSERT INTO role_grant (user_id, board_id, school_id, role) SELECT id, ?, ?, 'STAFF' FROM app_user WHERE username = ?")
                .params(board, school, user).update();
        Browserless session = Browserless.signIn(port, user, "old password 123");
        var tooShort = session.post("/account/password", Map.of("currentPassword", "old password 123", "newPassword", "short",
                "repeatPassword", "short"), "/account");
        assertThat(tooShort.body()).contains("minstens 12 tekens");
        session.post("/account/password", Map.of("currentPassword", "old password 123", "newPassword", "new password 456",
                "repeatPassword", "new password 456"), "/account");
        Browserless.signIn(port, user, "new password 456");

        assertThat(session.get("/account").document().select("h1").text()).isEqualTo("Mijn account");
        session.get("/account?lang=en");
        assertThat(session.get("/account").document().select("h1").text()).isEqualTo("My account");
        assertThat(jdbc.sql("SELECT locale FROM app_user WHERE username = ?").param(user).query(String.class).single()).isEqualTo("en");
        // the choice follows the account into a new session
        assertThat(Browserless.signIn(port, user, "new password 456").get("/").document().select("h1").text()).startsWith("Welcome");
    }
}
