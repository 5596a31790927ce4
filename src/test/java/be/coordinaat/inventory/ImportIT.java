package be.coordinaat.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Import through the API: a file with one bad row imports nothing and names row and column; fixed, every row is
 * imported with its history; updates by tag; a commit that meets a conflict rolls everything back; the school
 * scope holds for uploads, jobs and exports.
 */
@IntegrationTest
class ImportIT {

    static final Charset CP1252 = Charset.forName("windows-1252");

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    static Api.Response upload(Api api, int port, Map<String, String> fields, String fileName, byte[] bytes) {
        String boundary = "----import" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((k, v) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
                + "\"\r\n\r\n" + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/assets/imports"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    static JsonNode waitFinished(Api api, long id) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            JsonNode job = api.get("/api/v1/assets/imports/" + id).json();
            String status = job.get("status").asText();
            if (status.equals("DONE") || status.equals("FAILED")) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import " + id + " did not finish");
    }

    static String prefix() {
        return "IM" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
    }

    long count(String prefix) {
        return jdbc.sql("SELECT count(*) FROM asset WHERE tag LIKE ?").param(prefix + "-%").query(Long.class).single();
    }

    @Test
    void oneBadRowImportsNothingAndNamesRowAndColumnThenTheFixedFileImportsEverythingWithHistory() throws Exception {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        String p = prefix();
        String header = "Inventarisnummer;Serienummer;Soort;Status;Aankoopdatum;Prijs;Opmerkingen;Besturingssysteem\r\n";
        String good1 = p + "-1;SN-" + p + "-1;laptop;in gebruik;01/09/2024;\"1.234,56\";Café €;Windows 11\r\n";
        String bad = p + "-2;SN-" + p + "-2;laptop;in gebruik;31/02/2024;12;foute datum;Ubuntu\r\n";
        String good3 = p + "-3;SN-" + p + "-3;printer;;2024-09-01;12,5;\"twee\r\nlijnen\";\r\n";
        var first = upload(coordinator, port, Map.of("schoolId", "" + a), "toestellen.csv",
                (header + good1 + bad + good3).getBytes(CP1252));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        JsonNode job = first.json();
        assertThat(job.get("errorCount").asInt()).isEqualTo(1);
        assertThat(job.get("totalRows").asInt()).isEqualTo(3);
        JsonNode error = job.get("errors").get("items").get(0);
        assertThat(error.get("row").asInt()).isEqualTo(3);
        assertThat(error.get("column").asText()).isEqualTo("Aankoopdatum");
        assertThat(error.get("code").asText()).isEqualTo("import.error.date");
        assertThat(coordinator.post("/api/v1/assets/imports/" + job.get("id").asLong() + "/commit", "").status()).isEqualTo(409);
        assertThat(count(p)).isZero();

        var fixed = upload(coordinator, port, Map.of("schoolId", "" + a), "toestellen.csv",
                (header + good1 + bad.replace("31/02/2024", "28/02/2024") + good3).getBytes(CP1252));
        assertThat(fixed.status()).as(fixed.toString()).isEqualTo(201);
        assertThat(fixed.json().get("errorCount").asInt()).isZero();
        assertThat(fixed.json().get("newCount").asInt()).isEqualTo(3);
        long id = fixed.json().get("id").asLong();
        var commit = coordinator.post("/api/v1/assets/imports/" + id + "/commit", "");
        assertThat(commit.status()).as(commit.toString()).isEqualTo(202);
        JsonNode done = waitFinished(coordinator, id);
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.get("newCount").asInt()).isEqualTo(3);
        assertThat(count(p)).isEqualTo(3);
        var asset = jdbc.sql("SELECT id, price::text, notes, status, kind, purchase_date::text FROM asset WHERE tag = ?")
                .param(p + "-1").query().singleRow();
        assertThat(asset.get("price")).isEqualTo("1234.56");
        assertThat(asset.get("notes")).isEqualTo("Café €");
        assertThat(asset.get("status")).isEqualTo("IN_USE");
        assertThat(asset.get("purchase_date")).isEqualTo("2024-09-01");
        assertThat(jdbc.sql("SELECT notes FROM asset WHERE tag = ?").param(p + "-3").query(String.class).single())
                .isEqualTo("twee\r\nlijnen");
        assertThat(jdbc.sql("""
                SELECT count(*) FROM history_entry h JOIN asset x ON x.id = h.record_id
                WHERE h.record_type = 'asset' AND h.action = 'CREATED' AND x.tag LIKE ? AND h.actor_name LIKE '%coordinator%'""")
                .param(p + "-%").query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM history_entry WHERE record_type = 'asset-import' AND record_id = ?")
                .param(id).query(Long.class).single()).isEqualTo(1);
        // the job cannot run twice
        assertThat(coordinator.post("/api/v1/assets/imports/" + id + "/commit", "").status()).isEqualTo(409);
    }

    @Test
    void updatesByTagKeepWhatTheFileDoesNotName() throws Exception {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        String p = prefix();
        var created = upload(coordinator, port, Map.of("schoolId", "" + a), "a.csv",
                ("Tag,Kind,Serial,Notes,os\n" + p + "-1,laptop,S1,old,Windows 10\n").getBytes(StandardCharsets.UTF_8));
        assertThat(waitFinished(coordinator, commit(coordinator, created)).get("status").asText()).isEqualTo("DONE");

        var update = upload(coordinator, port, Map.of("schoolId", "" + a, "mode", "UPDATE_BY_TAG"), "b.csv",
                ("Asset tag,Kind,Notes,Price\n" + p + "-1,,new notes,\"1,234.50\"\n" + p + "-2,printer,a new one,\n")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(update.json().get("errorCount").asInt()).as(update.toString()).isZero();
        assertThat(update.json().get("newCount").asInt()).isEqualTo(1);
        assertThat(update.json().get("updateCount").asInt()).isEqualTo(1);
        JsonNode done = waitFinished(coordinator, commit(coordinator, update));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("DONE");
        var row = jdbc.sql("SELECT id, kind, serial, notes, price::text AS price, version FROM asset WHERE tag = ?")
                .param(p + "-1").query().singleRow();
        assertThat(row.get("kind")).isEqualTo("LAPTOP");
        assertThat(row.get("serial")).isEqualTo("S1");
        assertThat(row.get("notes")).isEqualTo("new notes");
        assertThat(row.get("price")).isEqualTo("1234.50");
        assertThat(row.get("version")).isEqualTo(1);
        String changes = jdbc.sql("SELECT changes::text FROM history_entry WHERE record_type = 'asset' AND record_id = ? AND action = 'UPDATED'")
                .param(row.get("id")).query(String.class).single();
        assertThat(changes).contains("new notes").contains("old").doesNotContain("serial");

        // the search text the import writes for a whole batch is the one the row trigger would have made
        var withModel = upload(coordinator, port, Map.of("schoolId", "" + a, "mode", "UPDATE_BY_TAG",
                "createModels", "true"), "c.csv", ("Asset tag,Kind,Merk,Model,Name\n" + p + "-2,printer,Zebra " + p
                        + ",ZT411,Labelprinter secretariaat\n" + p + "-3,monitor,,,Scherm\n").getBytes(StandardCharsets.UTF_8));
        assertThat(withModel.json().get("errorCount").asInt()).as(withModel.toString()).isZero();
        assertThat(waitFinished(coordinator, commit(coordinator, withModel)).get("status").asText()).isEqualTo("DONE");
        assertThat(jdbc.sql("SELECT count(*) FROM asset WHERE tag LIKE ? AND search IS DISTINCT FROM "
                + "asset_search_text(tag, name, serial, model_id, notes)").param(p + "-%").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT search FROM asset WHERE tag = ?").param(p + "-2").query(String.class).single())
                .contains("zebra " + p.toLowerCase()).contains("zt411").contains("labelprinter");
        assertThat(jdbc.sql("SELECT search FROM asset WHERE tag = ?").param(p + "-1").query(String.class).single())
                .contains("new notes");
        // a later change through the application still renews it (the trigger fires when a statement leaves it)
        jdbc.sql("UPDATE asset SET notes = 'verhuisd' WHERE tag = ?").param(p + "-1").update();
        assertThat(jdbc.sql("SELECT search FROM asset WHERE tag = ?").param(p + "-1").query(String.class).single())
                .contains("verhuisd").doesNotContain("new notes");
    }

    long commit(Api api, Api.Response upload) {
        assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
        long id = upload.json().get("id").asLong();
        assertThat(api.post("/api/v1/assets/imports/" + id + "/commit", "").status()).isEqualTo(202);
        return id;
    }

    @Test
    void aConflictDuringTheCommitRollsBackEveryRow() throws Exception {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        String p = prefix();
        StringBuilder csv = new StringBuilder("Tag;Soort\n");
        for (int i = 1; i <= 2500; i++) {
            csv.append(p).append('-').append(i).append(";monitor\n");
        }
        var upload = upload(coordinator, port, Map.of("schoolId", "" + a), "many.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(upload.json().get("errorCount").asInt()).isZero();
        // someone registers one of the tags between the check and the commit
        jdbc.sql("INSERT INTO asset (school_id, tag, kind, status) VALUES (?, ?, 'OTHER', 'IN_STOCK')").params(a, p + "-2400").update();
        JsonNode done = waitFinished(coordinator, commit(coordinator, upload));
        assertThat(done.get("status").asText()).isEqualTo("FAILED");
        assertThat(done.get("errors").get("items").get(0).get("row").asInt()).isEqualTo(2401);
        assertThat(done.get("errors").get("items").get(0).get("column").asText()).isEqualTo("Tag");
        assertThat(count(p)).isEqualTo(1);
    }

    @Test
    void mappingCanBeChangedAndIsCheckedAgain() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        String p = prefix();
        var upload = upload(coordinator, port, Map.of("schoolId", "" + a), "m.csv",
                ("Code;Wat;Onbekend\n" + p + "-1;printer;x\n").getBytes(StandardCharsets.UTF_8));
        JsonNode job = upload.json();
        assertThat(job.get("mapping").toString()).isEqualTo("[\"\",\"\",\"\"]");
        assertThat(job.get("errorCount").asInt()).isPositive();
        long id = job.get("id").asLong();
        var mapped = coordinator.put("/api/v1/assets/imports/" + id + "/mapping", "{\"mapping\":[\"tag\",\"kind\",\"\"]}");
        assertThat(mapped.status()).as(mapped.toString()).isEqualTo(200);
        assertThat(mapped.json().get("errorCount").asInt()).isZero();
        assertThat(mapped.json().get("newCount").asInt()).isEqualTo(1);
        assertThat(coordinator.put("/api/v1/assets/imports/" + id + "/mapping", "{\"mapping\":[\"tag\",\"tag\",\"\"]}").status())
                .isEqualTo(400);
        assertThat(coordinator.put("/api/v1/assets/imports/" + id + "/mapping", "{\"mapping\":[\"hack\",\"\",\"\"]}").status())
                .isEqualTo(400);
    }

    @Test
    void junkFilesAreClearErrors() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        var junk = upload(coordinator, port, Map.of("schoolId", "" + a), "x.csv", new byte[] {0, 1, 2, 3, (byte) 0xFF, 0, 7, 0});
        assertThat(junk.status()).isEqualTo(400);
        assertThat(junk.body()).contains("file").contains("not a CSV or XLSX");
        var zip = upload(coordinator, port, Map.of("schoolId", "" + a), "x.xlsx", new byte[] {'P', 'K', 3, 4, 0, 0, 1});
        assertThat(zip.status()).isEqualTo(400);
    }

    @Test
    void schoolScopeForUploadsJobsAndExports() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        Api admin = Api.as("admin", port, jdbc);
        Api teacher = Api.as("teacher", port, jdbc);
        long a = Demo.regenboog(jdbc);
        long b = Demo.atheneum(jdbc);
        byte[] csv = ("Tag;Soort\n" + prefix() + "-1;monitor\n").getBytes(StandardCharsets.UTF_8);
        assertThat(upload(coordinator, port, Map.of("schoolId", "" + b), "b.csv", csv).status()).isEqualTo(404);
        var adminJob = upload(admin, port, Map.of("schoolId", "" + b), "b.csv", csv);
        assertThat(adminJob.status()).as(adminJob.toString()).isEqualTo(201);
        long jobB = adminJob.json().get("id").asLong();
        assertThat(coordinator.get("/api/v1/assets/imports/" + jobB).status()).isEqualTo(404);
        assertThat(coordinator.post("/api/v1/assets/imports/" + jobB + "/commit", "").status()).isEqualTo(404);
        assertThat(coordinator.put("/api/v1/assets/imports/" + jobB + "/mapping", "{\"mapping\":[\"tag\",\"kind\"]}").status())
                .isEqualTo(404);
        assertThat(coordinator.get("/api/v1/assets/export?format=csv&school=" + b).status()).isEqualTo(404);
        var all = coordinator.get("/api/v1/assets/export?format=csv");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body()).contains("RB-000001").doesNotContain("AT-000001");

        assertThat(upload(teacher, port, Map.of("schoolId", "" + a), "a.csv", csv).status()).isIn(403, 404);
        assertThat(teacher.get("/api/v1/assets/imports/" + jobB).status()).isEqualTo(404);
        assertThat(teacher.get("/api/v1/assets/export?format=csv").status()).isEqualTo(403);
    }
}
