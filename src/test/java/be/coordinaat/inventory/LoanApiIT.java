package be.coordinaat.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Browserless;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Loans through the API: check-out and check-in with history and status, refusals, bulk, agreement, overdue, scope. */
@IntegrationTest
class LoanApiIT {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Brussels"));

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    long chromebook(Api api, long school) {
        var r = api.post("/api/v1/assets", Api.json(Map.of("schoolId", school, "kind", "CHROMEBOOK", "serial", "NX" + System.nanoTime())));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    long pupil(long school, String className, int index) {
        return jdbc.sql("""
                SELECT p.id FROM person p JOIN person_school ps ON ps.person_id = p.id AND ps.school_id = ?
                WHERE p.kind = 'PUPIL' AND p.class_name = ? ORDER BY lower(p.last_name), lower(p.first_name), p.id OFFSET ? LIMIT 1""")
                .params(school, className, index).query(Long.class).single();
    }

    String status(long asset) {
        return jdbc.sql("SELECT status FROM asset WHERE id = ?").param(asset).query(String.class).single();
    }

    static String checkOut(long asset, long person, LocalDate expected) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("assetId", asset);
        m.put("personId", person);
        m.put("accessories", List.of("CHARGER", "CASE"));
        m.put("expectedReturn", expected.toString());
        m.put("notes", "Thuisgebruik");
        return Api.json(m);
    }

    List<String> history(String type, long id) {
        return jdbc.sql("SELECT action || '|' || changes::text FROM history_entry WHERE record_type = ? AND record_id = ? ORDER BY id")
                .params(type, id).query(String.class).list();
    }

    static String field(Api.Response r) {
        return r.json().get("errors").get(0).get("field").asString();
    }

    @Test
    void checkOutAndCheckInWithHistoryAndStatus() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        long asset = chromebook(coordinator, a);
        long pupil = pupil(a, "5A", 4);
        var out = coordinator.post("/api/v1/loans", checkOut(asset, pupil, TODAY.plusMonths(3)));
        assertThat(out.status()).as(out.toString()).isEqualTo(201);
        JsonNode loan = out.json();
        long id = loan.get("id").asLong();
        assertThat(loan.get("open").asBoolean()).isTrue();
        assertThat(loan.get("accessories").toString()).contains("CHARGER").contains("CASE");
        assertThat(loan.get("className").asString()).isEqualTo("5A");
        assertThat(status(asset)).isEqualTo("ON_LOAN");
        assertThat(coordinator.get("/api/v1/loans/" + id).json().get("personId").asLong()).isEqualTo(pupil);
        assertThat(coordinator.get("/api/v1/loans?asset=" + asset).json().get("total").asLong()).isEqualTo(1);

        var again = coordinator.post("/api/v1/loans", checkOut(asset, pupil(a, "5A", 5), TODAY.plusMonths(3)));
        assertThat(again.status()).isEqualTo(400);
        assertThat(field(again)).isEqualTo("assetId");

        var noNotes = coordinator.post("/api/v1/loans/" + id + "/return", "{\"condition\":\"DAMAGED\"}");
        assertThat(noNotes.status()).isEqualTo(400);
        assertThat(field(noNotes)).isEqualTo("damageNotes");
        var back = coordinator.post("/api/v1/loans/" + id + "/return",
                "{\"condition\":\"DAMAGED\",\"damageNotes\":\"Scherm gebarsten\",\"accessoriesReturned\":[\"CHARGER\"]}");
        assertThat(back.status()).as(back.toString()).isEqualTo(200);
        assertThat(back.json().get("open").asBoolean()).isFalse();
        assertThat(back.json().get("condition").asString()).isEqualTo("DAMAGED");
        assertThat(status(asset)).as("a damaged device goes into repair").isEqualTo("IN_REPAIR");
        assertThat(coordinator.post("/api/v1/loans/" + id + "/return", "{\"condition\":\"GOOD\"}").status()).isEqualTo(409);

        assertThat(history("loan", id)).hasSize(2);
        assertThat(history("loan", id).get(0)).startsWith("CREATED|").contains("CHARGER, CASE").contains("Thuisgebruik");
        assertThat(history("loan", id).get(1)).startsWith("UPDATED|").contains("DAMAGED").contains("Scherm gebarsten");
        assertThat(history("asset", asset)).anyMatch(h -> h.contains("ON_LOAN") && h.contains("IN_STOCK"))
                .anyMatch(h -> h.contains("ON_LOAN") && h.contains("IN_REPAIR"));
        assertThat(coordinator.get("/api/v1/loans?person=" + pupil + "&open=false").json().get("total").asLong()).isGreaterThanOrEqualTo(1);

        // a good return puts it back in stock
        long other = chromebook(coordinator, a);
        long second = coordinator.post("/api/v1/loans", checkOut(other, pupil, TODAY)).json().get("id").asLong();
        assertThat(coordinator.post("/api/v1/loans/" + second + "/return", "{\"condition\":\"GOOD\"}").status()).isEqualTo(200);
        assertThat(status(other)).isEqualTo("IN_STOCK");
    }

    @Test
    void refusedCheckOutsNameTheField() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        long b = Demo.atheneum(jdbc);
        long asset = chromebook(coordinator, a);
        var otherSchool = coordinator.post("/api/v1/loans", checkOut(asset, pupil(b, "1A", 0), TODAY.plusDays(7)));
        assertThat(otherSchool.status()).isEqualTo(400);
        assertThat(field(otherSchool)).isEqualTo("personId");
        var past = coordinator.post("/api/v1/loans", checkOut(asset, pupil(a, "5A", 0), TODAY.minusDays(1)));
        assertThat(past.status()).isEqualTo(400);
        assertThat(field(past)).isEqualTo("expectedReturn");
        assertThat(coordinator.post("/api/v1/assets/" + asset + "/status", "{\"status\":\"IN_USE\"}").status()).isEqualTo(200);
        var inUse = coordinator.post("/api/v1/loans", checkOut(asset, pupil(a, "5A", 0), TODAY.plusDays(7)));
        assertThat(inUse.status()).isEqualTo(400);
        assertThat(field(inUse)).isEqualTo("assetId");
        assertThat(inUse.json().get("errors").get(0).get("reason").asString()).contains("IN_USE");
        assertThat(status(asset)).isEqualTo("IN_USE");

        // malformed input: 400 problem+json with field names
        var malformed = coordinator.post("/api/v1/loans", "{\"assetId\":\"x\",\"expectedReturn\":\"morgen\"}");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        var missing = coordinator.post("/api/v1/loans", "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().get("errors").toString()).contains("assetId").contains("personId").contains("expectedReturn");
        var badCondition = coordinator.post("/api/v1/loans/1/return", "{\"condition\":\"BROKEN\"}");
        assertThat(badCondition.status()).isEqualTo(400);
    }

    @Test
    void bulkCheckOutIsAllOrNothing() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        int pupils = jdbc.sql("SELECT count(*) FROM person p JOIN person_school ps ON ps.person_id = p.id AND ps.school_id = ? WHERE p.kind = 'PUPIL' AND p.class_name = '6B'")
                .param(a).query(Integer.class).single();
        List<Long> assets = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < pupils; i++) {
            long id = chromebook(coordinator, a);
            assets.add(id);
            tags.add(coordinator.get("/api/v1/assets/" + id).json().get("tag").asString());
        }
        // one device is in use: nothing is lent, and its row is named
        assertThat(coordinator.post("/api/v1/assets/" + assets.get(3) + "/status", "{\"status\":\"IN_USE\"}").status()).isEqualTo(200);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schoolId", a);
        body.put("tags", String.join("\n", tags));
        body.put("className", "6B");
        body.put("expectedReturn", TODAY.plusMonths(10).toString());
        body.put("accessories", List.of("CHARGER"));
        var preview = coordinator.post("/api/v1/loans/bulk?preview=true", Api.json(body));
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        assertThat(preview.json().get("rows")).hasSize(pupils);
        assertThat(preview.json().get("rows").get(3).get("problem").asString()).contains(tags.get(3));
        var refused = coordinator.post("/api/v1/loans/bulk", Api.json(body));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors")).hasSize(1);
        assertThat(field(refused)).isEqualTo("rows[4]");
        assertThat(refused.json().get("errors").get(0).get("reason").asString()).contains(tags.get(3)).contains("row 4");
        for (long id : assets) {
            assertThat(status(id)).isNotEqualTo("ON_LOAN");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM loan WHERE asset_id = ANY(?)").param(assets.toArray(new Long[0]))
                .query(Long.class).single()).isZero();

        assertThat(coordinator.post("/api/v1/assets/" + assets.get(3) + "/status", "{\"status\":\"IN_STOCK\"}").status()).isEqualTo(200);
        var done = coordinator.post("/api/v1/loans/bulk", Api.json(body));
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.json().get("loanIds")).hasSize(pupils);
        for (long id : assets) {
            assertThat(status(id)).isEqualTo("ON_LOAN");
        }
        // in name order: the first pupil of 6B got the first tag
        JsonNode first = coordinator.get("/api/v1/loans?asset=" + assets.get(0)).json().get("items").get(0);
        assertThat(first.get("personId").asLong()).isEqualTo(pupil(a, "6B", 0));
        for (long id : assets) {
            long loan = coordinator.get("/api/v1/loans?asset=" + id).json().get("items").get(0).get("id").asLong();
            coordinator.post("/api/v1/loans/" + loan + "/return", "{\"condition\":\"GOOD\"}");
        }
    }

    @Test
    void theAgreementNamesTheSchoolAndTheBorrower() throws Exception {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        long asset = chromebook(coordinator, a);
        long pupil = pupil(a, "5A", 6);
        long id = coordinator.post("/api/v1/loans", checkOut(asset, pupil, TODAY.plusMonths(2))).json().get("id").asLong();
        String name = jdbc.sql("SELECT first_name || ' ' || last_name FROM person WHERE id = ?").param(pupil).query(String.class).single();
        HttpResponse<byte[]> pdf = bytes("coordinator", "/api/v1/loans/" + id + "/agreement.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("123456").contains(name).contains("Uitleenovereenkomst").contains("5A")
                    .contains("Handtekening");
        }
        assertThat(bytes("coordinator", "/api/v1/loans/" + id + "/agreement.pdf").statusCode()).isEqualTo(200);
        coordinator.post("/api/v1/loans/" + id + "/return", "{\"condition\":\"GOOD\"}");
    }

    HttpResponse<byte[]> bytes(String user, String path) throws Exception {
        byte[] secret = new byte[24];
        new java.security.SecureRandom().nextBytes(secret);
        String token = "cdn_" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        jdbc.sql("INSERT INTO api_token (user_id, name, token_hash, prefix) SELECT id, 'pdf', ?, ? FROM app_user WHERE username = ?")
                .params(hash, token.substring(0, 10), user).update();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void overdueLoansAreListed() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        var overdue = coordinator.get("/api/v1/loans?overdue=true&size=200");
        assertThat(overdue.status()).isEqualTo(200);
        assertThat(overdue.json().get("total").asLong()).isGreaterThanOrEqualTo(1);
        overdue.json().get("items").forEach(l -> {
            assertThat(l.get("overdue").asBoolean()).isTrue();
            assertThat(LocalDate.parse(l.get("expectedReturn").asString())).isBefore(TODAY);
        });
        assertThat(overdue.body()).contains("RB-LEEN-01");
        // a loan due today is not overdue
        long asset = chromebook(coordinator, a);
        long id = coordinator.post("/api/v1/loans", checkOut(asset, pupil(a, "5A", 7), TODAY)).json().get("id").asLong();
        assertThat(coordinator.get("/api/v1/loans/" + id).json().get("overdue").asBoolean()).isFalse();
        assertThat(coordinator.get("/api/v1/loans?overdue=true&size=200").body()).doesNotContain("\"id\":" + id + ",");
        Browserless web = Browserless.signIn(port, "coordinator", "coordinator");
        var page = web.get("/inventory/loans?overdue=true");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("RB-LEEN-01");
        assertThat(web.get("/inventory/loans/overdue").status()).isEqualTo(302);
        assertThat(web.get("/inventory/loans?sort=-borrower&className=5A&page=0").status()).isEqualTo(200);
        coordinator.post("/api/v1/loans/" + id + "/return", "{\"condition\":\"GOOD\"}");
    }

    @Test
    void staffSeeOnlyTheirOwnLoans() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        long teacherPerson = jdbc.sql("SELECT person_id FROM app_user WHERE username = 'teacher'").query(Long.class).single();
        long asset = chromebook(coordinator, a);
        String tag = coordinator.get("/api/v1/assets/" + asset).json().get("tag").asString();
        long id = coordinator.post("/api/v1/loans", checkOut(asset, teacherPerson, TODAY.plusDays(30))).json().get("id").asLong();

        Api teacher = Api.as("teacher", port, jdbc);
        var mine = teacher.get("/api/v1/my/loans");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body()).contains(tag).doesNotContain("RB-LEEN-0");
        mine.json().forEach(l -> assertThat(l.get("personId").asLong()).isEqualTo(teacherPerson));
        assertThat(teacher.get("/api/v1/loans").status()).isEqualTo(403);
        assertThat(teacher.get("/api/v1/loans/" + id).status()).isEqualTo(404);
        assertThat(teacher.get("/api/v1/loans/" + id + "/agreement.pdf").status()).isEqualTo(404);
        assertThat(teacher.post("/api/v1/loans/" + id + "/return", "{\"condition\":\"GOOD\"}").status()).isEqualTo(404);
        assertThat(teacher.post("/api/v1/loans", checkOut(asset, teacherPerson, TODAY)).status()).isEqualTo(403);
        assertThat(teacher.get("/api/v1/consumables").status()).isEqualTo(403);

        Browserless web = Browserless.signIn(port, "teacher", "teacher");
        var devices = web.get("/my/devices");
        assertThat(devices.status()).isEqualTo(200);
        assertThat(devices.body()).contains(tag).doesNotContain("RB-LEEN-0");
        assertThat(web.get("/inventory/loans").status()).isEqualTo(403);
        assertThat(web.get("/inventory/loans/" + id).status()).isEqualTo(404);
        assertThat(web.get("/inventory/consumables").status()).isEqualTo(403);
        assertThat(web.get("/inventory/loans/bulk").status()).isEqualTo(403);
        assertThat(web.get("/inventory/assets/" + asset + "/loans").status()).isEqualTo(404);
        assertThat(web.get("/").body()).contains("nav-my-devices").doesNotContain("nav-loans");

        // a user without a linked person has no loans
        assertThat(Api.as("admin", port, jdbc).get("/api/v1/my/loans").status()).isEqualTo(200);
        coordinator.post("/api/v1/loans/" + id + "/return", "{\"condition\":\"GOOD\"}");
    }

    @Test
    void coordinatorOfSchoolAGets404ForLoansOfSchoolB() {
        Api admin = Api.as("admin", port, jdbc);
        long b = Demo.atheneum(jdbc);
        long assetB = chromebook(admin, b);
        long loanB = admin.post("/api/v1/loans", checkOut(assetB, pupil(b, "1A", 2), TODAY.plusDays(20))).json().get("id").asLong();

        Api coordinator = Api.as("coordinator", port, jdbc);
        assertThat(coordinator.get("/api/v1/loans/" + loanB).status()).isEqualTo(404);
        assertThat(coordinator.get("/api/v1/loans/" + loanB + "/agreement.pdf").status()).isEqualTo(404);
        assertThat(coordinator.post("/api/v1/loans/" + loanB + "/return", "{\"condition\":\"GOOD\"}").status()).isEqualTo(404);
        assertThat(coordinator.get("/api/v1/loans/999999999").status()).isEqualTo(404);
        assertThat(coordinator.get("/api/v1/loans?school=" + b).status()).isEqualTo(404);
        assertThat(coordinator.get("/api/v1/loans?open=false&size=200").body()).doesNotContain("\"schoolId\":" + b + ",");
        var lendB = coordinator.post("/api/v1/loans", checkOut(assetB, pupil(b, "1A", 3), TODAY.plusDays(3)));
        assertThat(lendB.status()).isEqualTo(400);
        assertThat(field(lendB)).isEqualTo("assetId");
        var bulkB = coordinator.post("/api/v1/loans/bulk?preview=true", Api.json(Map.of("schoolId", b, "tags", "AT-000001",
                "className", "1A", "expectedReturn", TODAY.plusDays(3).toString())));
        assertThat(bulkB.status()).isEqualTo(400);
        assertThat(field(bulkB)).isEqualTo("schoolId");

        Browserless web = Browserless.signIn(port, "coordinator", "coordinator");
        assertThat(web.get("/inventory/loans/" + loanB).status()).isEqualTo(404);
        assertThat(web.get("/inventory/loans/" + loanB + "/agreement.pdf").status()).isEqualTo(404);
        assertThat(web.get("/inventory/loans/999999999").status()).isEqualTo(404);
        assertThat(web.get("/inventory/assets/" + assetB + "/loans").status()).isEqualTo(404);
        assertThat(web.get("/inventory/assets/" + assetB + "/checkout").status()).isEqualTo(404);
        assertThat(web.get("/inventory/loans/bulk?school=" + b).status()).isEqualTo(404);
        assertThat(web.get("/inventory/loans?school=" + b).status()).isEqualTo(404);
        assertThat(web.get("/inventory/loans?all=true&size=200").body()).doesNotContain("Atheneum");
        admin.post("/api/v1/loans/" + loanB + "/return", "{\"condition\":\"GOOD\"}");
    }
}
