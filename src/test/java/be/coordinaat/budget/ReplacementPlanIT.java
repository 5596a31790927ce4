package be.coordinaat.budget;

import static be.coordinaat.budget.BudgetTestData.fields;
import static be.coordinaat.budget.BudgetTestData.money;
import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The replacement forecast from the inventory of a fresh school whose devices are known exactly: due years from the
 * purchase date plus the expected life or from the end-of-life date, overdue devices in the first year, missing prices
 * at the median, school overrides of the expected life, corrections, the conversion into budget lines (twice: no
 * copies), and the XLSX and PDF exports read back.
 */
@IntegrationTest
class ReplacementPlanIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired be.coordinaat.inventory.ReplacementData replacementData;

    long freshSchool() {
        long board = jdbc.sql("SELECT board_id FROM app_user WHERE username = 'admin'").query(Long.class).single();
        return jdbc.sql("INSERT INTO school (board_id, name, institution_number, level, city) VALUES (?, ?, ?, 'PRIMARY', 'Ieper') RETURNING id")
                .params(board, "Vrije Basisschool Plan " + UUID.randomUUID().toString().substring(0, 6), Demo.freshInstitutionNumber(jdbc))
                .query(Long.class).single();
    }

    void asset(long school, String kind, String status, LocalDate purchased, String price, LocalDate endOfLife) {
        jdbc.sql("""
                INSERT INTO asset (school_id, tag, kind, status, purchase_date, price, end_of_life)
                VALUES (?, ?, ?, ?, ?, CAST(? AS numeric), ?)""")
                .params(school, "PL-" + UUID.randomUUID().toString().substring(0, 8), kind, status, purchased, price, endOfLife)
                .update();
    }

    static JsonNode cell(JsonNode year, String kind) {
        for (JsonNode c : year.get("cells")) {
            if (c.get("kind").asString().equals(kind)) {
                return c;
            }
        }
        return null;
    }

    @Test
    void forecastAdjustConvertAndExport() throws Exception {
        Api admin = Api.as("admin", port, jdbc);
        replacementData.forgetBoardMedians();
        long school = freshSchool();
        int first = YearKind.SCHOOL_YEAR.yearOf(LocalDate.now(ZoneId.of("Europe/Brussels")));
        LocalDate bought = LocalDate.of(first - 4, 10, 15);
        for (int i = 0; i < 3; i++) {
            asset(school, "CHROMEBOOK", "IN_USE", bought, "300.00", null);
        }
        asset(school, "CHROMEBOOK", "IN_STOCK", bought, null, null);             // priced at the median: 300
        asset(school, "CHROMEBOOK", "RETIRED", bought, "300.00", null);          // not in the plan
        asset(school, "LAPTOP", "IN_USE", LocalDate.of(first - 1, 1, 1), "800.00", LocalDate.of(first + 2, 3, 10));
        asset(school, "LAPTOP", "IN_REPAIR", LocalDate.of(first - 1, 1, 1), "850.10", LocalDate.of(first + 2, 3, 10));
        asset(school, "DESKTOP", "IN_USE", LocalDate.of(2000, 1, 1), "500.00", null);   // long overdue
        asset(school, "PROJECTOR", "IN_USE", null, "450.00", null);              // unknown age
        asset(school, "ACCESS_POINT", "IN_USE", LocalDate.of(first - 6, 12, 1), null, null); // board median

        JsonNode f = admin.get("/api/v1/budget/forecast?school=" + school).json();
        assertThat(f.get("assets").asLong()).isEqualTo(9);
        assertThat(f.get("unknownAge").asLong()).isEqualTo(1);
        JsonNode years = f.get("years");
        assertThat(years).hasSize(5);
        assertThat(years.get(0).get("startYear").asInt()).isEqualTo(first);
        JsonNode cb = cell(years.get(0), "CHROMEBOOK");
        assertThat(cb.get("count").asLong()).isEqualTo(4);
        assertThat(money(cb.get("amount"))).isEqualByComparingTo("1200.00");
        assertThat(cb.get("estimated").asLong()).isEqualTo(1);
        JsonNode desktop = cell(years.get(0), "DESKTOP");
        assertThat(desktop.get("overdue").asLong()).isEqualTo(1);
        assertThat(money(desktop.get("amount"))).isEqualByComparingTo("500.00");
        JsonNode laptops = cell(years.get(1), "LAPTOP");
        assertThat(laptops.get("count").asLong()).isEqualTo(2);
        assertThat(money(laptops.get("amount"))).isEqualByComparingTo("1650.10");
        JsonNode ap = cell(years.get(1), "ACCESS_POINT");
        assertThat(ap.get("estimated").asLong()).isEqualTo(1);
        assertThat(money(ap.get("amount"))).isPositive();
        assertThat(money(years.get(0).get("amount"))).isEqualByComparingTo("1700.00");
        assertThat(years.get(0).get("budgetYearId").isNull()).isTrue();

        // a school override of the expected life moves the Chromebooks one year later; removing it moves them back
        var override = admin.put("/api/v1/budget/settings", Api.json(Map.of("schoolId", school, "kind", "CHROMEBOOK", "lifeYears", 5)));
        assertThat(override.status()).as(override.toString()).isEqualTo(200);
        JsonNode moved = admin.get("/api/v1/budget/forecast?school=" + school).json().get("years");
        assertThat(cell(moved.get(0), "CHROMEBOOK")).isNull();
        assertThat(cell(moved.get(1), "CHROMEBOOK").get("count").asLong()).isEqualTo(4);
        assertThat(admin.delete("/api/v1/budget/settings?school=" + school + "&kind=CHROMEBOOK").status()).isEqualTo(200);
        assertThat(cell(admin.get("/api/v1/budget/forecast?school=" + school).json().get("years").get(0), "CHROMEBOOK")).isNotNull();
        assertThat(admin.put("/api/v1/budget/settings", Api.json(Map.of("schoolId", school, "kind", "CHROMEBOOK", "lifeYears", 31)))
                .status()).isEqualTo(400);

        // the coordinator's correction replaces the computed numbers
        var adjusted = admin.put("/api/v1/budget/forecast/adjustments", Api.json(Map.of("schoolId", school, "startYear", first,
                "kind", "CHROMEBOOK", "count", 2, "amount", "600,00", "note", "Twee gaan nog een jaar mee")));
        assertThat(adjusted.status()).as(adjusted.toString()).isEqualTo(200);
        JsonNode adj = cell(adjusted.json().get("years").get(0), "CHROMEBOOK");
        assertThat(adj.get("count").asLong()).isEqualTo(2);
        assertThat(adj.get("computedCount").asLong()).isEqualTo(4);
        assertThat(money(adj.get("amount"))).isEqualByComparingTo("600.00");
        assertThat(adj.get("note").asString()).isEqualTo("Twee gaan nog een jaar mee");
        var badAdjust = admin.put("/api/v1/budget/forecast/adjustments", Api.json(Map.of("schoolId", school, "startYear", first,
                "kind", "CHROMEBOOK", "count", -1, "amount", "12.345")));
        assertThat(badAdjust.status()).isEqualTo(400);
        assertThat(fields(badAdjust)).containsExactlyInAnyOrder("count", "amount");

        // the first year becomes a budget year with one line per kind; converting again changes nothing
        var converted = admin.post("/api/v1/budget/forecast/convert", Api.json(Map.of("schoolId", school, "startYear", first,
                "fundingSource", "GOVERNMENT_ICT")));
        assertThat(converted.status()).as(converted.toString()).isEqualTo(200);
        assertThat(converted.json().get("yearCreated").asBoolean()).isTrue();
        assertThat(converted.json().get("linesCreated").asInt()).isEqualTo(2);
        long budgetYear = converted.json().get("budgetYearId").asLong();
        JsonNode lines = admin.get("/api/v1/budget/years/" + budgetYear + "/lines?sort=planned").json().get("items");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("category").asString()).isEqualTo("STAFF_DEVICES");
        assertThat(money(lines.get(1).get("planned"))).isEqualByComparingTo("600.00");
        assertThat(lines.get(1).get("category").asString()).isEqualTo("PUPIL_DEVICES");
        assertThat(lines.get(1).get("fundingSource").asString()).isEqualTo("GOVERNMENT_ICT");
        assertThat(lines.get(1).get("replacementKind").asString()).isEqualTo("CHROMEBOOK");
        var again = admin.post("/api/v1/budget/forecast/convert", Api.json(Map.of("schoolId", school, "startYear", first,
                "fundingSource", "GOVERNMENT_ICT"))).json();
        assertThat(again.get("linesCreated").asInt()).isZero();
        assertThat(again.get("linesUpdated").asInt()).isZero();
        admin.put("/api/v1/budget/forecast/adjustments", Api.json(Map.of("schoolId", school, "startYear", first,
                "kind", "CHROMEBOOK", "count", 2, "amount", 700)));
        var updated = admin.post("/api/v1/budget/forecast/convert", Api.json(Map.of("schoolId", school, "startYear", first,
                "fundingSource", "OPERATING"))).json();
        assertThat(updated.get("linesUpdated").asInt()).isEqualTo(1);
        assertThat(admin.get("/api/v1/budget/years/" + budgetYear + "/lines").json().get("total").asLong()).isEqualTo(2);
        JsonNode year0 = admin.get("/api/v1/budget/forecast?school=" + school).json().get("years").get(0);
        assertThat(year0.get("budgetYearId").asLong()).isEqualTo(budgetYear);
        assertThat(money(year0.get("plannedForReplacement"))).isEqualByComparingTo("1200.00");
        assertThat(money(year0.get("gap"))).isEqualByComparingTo("0.00");
        var outside = admin.post("/api/v1/budget/forecast/convert", Api.json(Map.of("schoolId", school, "startYear", first + 9,
                "fundingSource", "OPERATING")));
        assertThat(outside.status()).isEqualTo(400);
        assertThat(fields(outside)).containsExactly("startYear");

        // exports, read back
        String token = token("coordinator");
        assertThat(download("/api/v1/budget/forecast/export.xlsx?school=" + school, token).statusCode()).isEqualTo(404);
        String adminToken = token("admin");
        HttpResponse<byte[]> xlsx = download("/api/v1/budget/forecast/export.xlsx?school=" + school, adminToken);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElse("")).contains(".xlsx");
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            List<String> cells = wb.getFirstSheet().read().stream()
                    .flatMap(r -> r.stream().filter(java.util.Objects::nonNull).map(c -> c.getRawValue() == null ? "" : c.getRawValue()))
                    .toList();
            assertThat(cells).contains("Chromebook", "700.00", "1650.10");
        }
        HttpResponse<byte[]> pdf = download("/api/v1/budget/forecast/export.pdf?school=" + school, adminToken);
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (var doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Vrije Basisschool Plan", "Chromebook", "€ 1.650,10");
        }
    }

    String token(String username) {
        String token = "cdn_" + UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        try {
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
            jdbc.sql("INSERT INTO api_token (user_id, name, token_hash, prefix) SELECT id, 'test', ?, ? FROM app_user WHERE username = ?")
                    .params(hash, token.substring(0, 10), username).update();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return token;
    }

    HttpResponse<byte[]> download(String path, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
