package be.coordinaat.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Browserless;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The inventory pages through the real sign-in and forms (the browser flow itself is in InventoryBrowserIT). */
@IntegrationTest
class InventoryPagesIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    long model(String name) {
        return jdbc.sql("SELECT id FROM asset_model WHERE name = ?").param(name).query(Long.class).single();
    }

    @Test
    void overviewAndListShowTheDemoInventory() {
        Browserless coordinator = Browserless.signIn(port, "coordinator", "coordinator");
        Document overview = coordinator.get("/inventory").document();
        assertThat(overview.select("h2").text()).contains("De Regenboog");
        assertThat(overview.select("th[scope=row]").text()).contains("Chromebook").contains("access point (wifi)");
        assertThat(overview.select("#nav-technical").text()).isEqualTo("Technisch");

        Document list = coordinator.get("/inventory/assets?kind=CHROMEBOOK&status=IN_REPAIR").document();
        assertThat(list.select("#assets a.asset-link").eachText()).contains("RB-000007");
        assertThat(list.select("#assets tbody tr").text()).contains("in herstelling").contains("Acer Chromebook 311");
        Document rooms = coordinator.get("/inventory/assets?q=synology").document();
        assertThat(rooms.select("#assets tbody tr").text()).contains("RB-000034").contains("Serverlokaal");
        assertThat(coordinator.get("/inventory/assets?kind=NONSENSE&warranty=x").status()).as("a hand-edited URL still shows the list").isEqualTo(200);

        // htmx asks for the list only and gets its canonical address back
        var partial = coordinator.getWithHeaders("/inventory/assets?q=chromebook&kind=&sort=-tag", "HX-Request", "true",
                "HX-Target", "asset-list");
        assertThat(partial.statusCode()).isEqualTo(200);
        assertThat(partial.body()).contains("id=\"asset-list\"").doesNotContain("<nav class=\"navbar");
        assertThat(partial.headers().firstValue("HX-Push-Url")).contains("/inventory/assets?q=chromebook&sort=-tag");
        Document detail = coordinator.get("/inventory/assets/" + tagId("RB-000034")).document();
        assertThat(detail.select("#asset-fields").text()).contains("Synology DS220+").contains("IP-adres").contains("10.10.0.10");
    }

    long tagId(String tag) {
        return jdbc.sql("SELECT id FROM asset WHERE tag = ?").param(tag).query(Long.class).single();
    }

    @Test
    void coordinatorRegistersAndEditsAnAssetThroughTheForms() {
        Browserless coordinator = Browserless.signIn(port, "coordinator", "coordinator");
        long a = Demo.regenboog(jdbc);
        Document empty = coordinator.get("/inventory/assets/new").document();
        assertThat(empty.select("#form-school").text()).as("one school: no need to choose").contains("De Regenboog");
        assertThat(coordinator.get("/inventory/assets/extra-fields?kind=LAPTOP").body()).contains("Besturingssysteem").contains("extra[os]");

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("schoolId", String.valueOf(a));
        fields.put("tag", "RB-000001");
        fields.put("kind", "LAPTOP");
        fields.put("modelId", String.valueOf(model("ProBook 450 G9")));
        fields.put("status", "IN_USE");
        fields.put("price", "-3");
        fields.put("purchaseDate", "2025-02-01");
        fields.put("extra[ram_gb]", "veel");
        var invalid = coordinator.post("/inventory/assets", fields, "/inventory/assets/new");
        assertThat(invalid.status()).isEqualTo(200);
        Document errors = invalid.document();
        assertThat(errors.select("#tag-error").text()).isEqualTo("wordt al gebruikt door een ander toestel van deze school");
        assertThat(errors.select("#price-error").text()).isEqualTo("mag niet negatief zijn");
        assertThat(errors.select("#extra-ram_gb-error").text()).isEqualTo("moet een getal zijn");
        assertThat(errors.select("#extra-os-error").text()).isEqualTo("is verplicht");
        assertThat(errors.select("#extra-ram_gb").val()).as("what was typed is kept").isEqualTo("veel");
        assertThat(errors.select("#purchaseDate").val()).isEqualTo("2025-02-01");

        fields.put("tag", "");
        fields.put("price", "912.40");
        fields.put("extra[ram_gb]", "32");
        fields.put("extra[os]", "Ubuntu");
        fields.put("serial", "PAGES-SN-1");
        fields.put("roomId", String.valueOf(Demo.roomOf(jdbc, a)));
        var created = coordinator.post("/inventory/assets", fields, "/inventory/assets/new");
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        String page = created.location().replaceFirst("^https?://[^/]+", "");
        Document detail = coordinator.get(page).document();
        assertThat(detail.select("#asset-tag").text()).matches("RB-\\d{6}");
        assertThat(detail.select("#asset-fields").text()).contains("PAGES-SN-1").contains("€ 912,40").contains("Ubuntu").contains("32")
                .contains("01/02/2030");
        long id = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));

        Document edit = coordinator.get(page + "/edit").document();
        assertThat(edit.select("#serial").val()).isEqualTo("PAGES-SN-1");
        assertThat(edit.select("#extra-os option[selected]").val()).isEqualTo("Ubuntu");
        assertThat(edit.select("#purchaseDate").val()).isEqualTo("2025-02-01");
        assertThat(edit.select("#price").val()).isEqualTo("912.40");
        Map<String, String> change = new LinkedHashMap<>(fields);
        change.put("tag", detail.select("#asset-tag").text());
        change.put("serial", "PAGES-SN-2");
        change.put("version", edit.select("#version").val());
        change.remove("status");
        var updated = coordinator.post(page, change, page + "/edit");
        assertThat(updated.status()).as(updated.body()).isEqualTo(302);
        assertThat(coordinator.get(page).document().select("#asset-serial").text()).isEqualTo("PAGES-SN-2");

        // status: the form offers only the allowed changes and explains a refused one
        Document withStatus = coordinator.get(page).document();
        assertThat(withStatus.select("#status-form select option").eachAttr("value")).containsExactlyInAnyOrder("IN_STOCK", "IN_REPAIR", "RETIRED");
        var noReason = coordinator.post(page + "/status", Map.of("status", "RETIRED", "version", withStatus.select("#status-form #version").val()), page);
        assertThat(noReason.status()).isEqualTo(200);
        assertThat(noReason.document().select("#reason-error").text()).isEqualTo("is verplicht bij afdanken of afvoeren");
        var repaired = coordinator.post(page + "/status", Map.of("status", "IN_REPAIR", "reason", "scharnier"), page);
        assertThat(repaired.status()).isEqualTo(302);
        assertThat(coordinator.get(page).document().select("#asset-status").text()).isEqualTo("in herstelling");

        // attachments through the upload form
        var photo = coordinator.postFile(page + "/attachments", "file", "laptop.png", "image/png", InventoryApiIT.PNG, page);
        assertThat(photo.status()).isEqualTo(302);
        var program = coordinator.postFile(page + "/attachments", "file", "virus.png", "image/png", "MZ\0\0PE\0\0".getBytes(), page);
        assertThat(program.status()).isEqualTo(302);
        Document withFiles = coordinator.get(page).document();
        assertThat(withFiles.select("#attachments img").attr("alt")).isEqualTo("laptop.png");
        assertThat(jdbc.sql("SELECT count(*) FROM asset_attachment WHERE asset_id = ?").param(id).query(Long.class).single()).isEqualTo(1);
        String src = withFiles.select("#attachments img").attr("src");
        assertThat(coordinator.get(src).status()).isEqualTo(200);
        assertThat(coordinator.get("/history/record?type=asset&id=" + id).body()).contains("PAGES-SN-2").contains("scharnier").contains("laptop.png");
    }

    @Test
    void refusedUploadIsExplained() {
        Browserless coordinator = Browserless.signIn(port, "coordinator", "coordinator");
        String page = "/inventory/assets/" + tagId("RB-000002");
        var program = coordinator.postFile(page + "/attachments", "file", "virus.png", "image/png", "MZ\0\0PE\0\0".getBytes(), page);
        assertThat(program.status()).isEqualTo(302);
        // the flash message is shown once, on the page the upload came from
        assertThat(coordinator.get(page).document().select(".alert-danger").text()).contains("geen JPEG-, PNG- of WebP-foto of PDF-document");
    }

    @Test
    void catalogueAndSavedFilterPages() {
        Browserless coordinator = Browserless.signIn(port, "coordinator", "coordinator");
        String maker = "Makerbot " + System.nanoTime();
        assertThat(coordinator.post("/inventory/manufacturers", Map.of("name", maker), "/inventory/manufacturers").status()).isEqualTo(302);
        var duplicate = coordinator.post("/inventory/manufacturers", Map.of("name", maker.toUpperCase()), "/inventory/manufacturers");
        assertThat(duplicate.status()).isEqualTo(200);
        assertThat(duplicate.document().select("#name-error").text()).isEqualTo("bestaat al");
        long makerId = jdbc.sql("SELECT id FROM manufacturer WHERE name = ?").param(maker).query(Long.class).single();
        assertThat(coordinator.post("/inventory/models", Map.of("manufacturerId", String.valueOf(makerId), "name", "Replicator",
                "kind", "OTHER", "endOfLifeMonths", "36"), "/inventory/models").status()).isEqualTo(302);
        assertThat(coordinator.get("/inventory/models?kind=OTHER").document().select("#models").text()).contains(maker + " Replicator");

        String key = "f" + System.nanoTime() % 100000;
        var field = coordinator.post("/inventory/fields", Map.of("kind", "PHONE", "key", key, "label", "Abonnement",
                "type", "CHOICE", "choicesText", "Proximus\nOrange\n\n Telenet ", "required", "true"), "/inventory/fields");
        assertThat(field.status()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT array_to_string(choices, '|') FROM asset_field WHERE key = ?").param(key).query(String.class).single())
                .isEqualTo("Proximus|Orange|Telenet");
        var noChoices = coordinator.post("/inventory/fields", Map.of("kind", "PHONE", "key", key + "x", "label", "Leeg", "type", "CHOICE"),
                "/inventory/fields");
        assertThat(noChoices.document().select("#choices-error").text()).isEqualTo("een keuzelijst heeft minstens één keuze nodig");
        long fieldId = jdbc.sql("SELECT id FROM asset_field WHERE key = ?").param(key).query(Long.class).single();
        assertThat(coordinator.post("/inventory/fields/" + fieldId + "/delete", Map.of(), "/inventory/fields").status()).isEqualTo(302);

        var saved = coordinator.post("/inventory/filters", Map.of("name", "Projectoren", "query", "kind=PROJECTOR&sort=-warrantyEnd"),
                "/inventory/assets");
        assertThat(saved.status()).isEqualTo(302);
        Document list = coordinator.get("/inventory/assets").document();
        assertThat(list.select("a.saved-filter").eachText()).contains("Projectoren");
        String href = list.select("a.saved-filter:contains(Projectoren)").attr("href");
        assertThat(href).isEqualTo("/inventory/assets?kind=PROJECTOR&sort=-warrantyEnd");
        assertThat(coordinator.get(href).document().select("#assets a.asset-link").eachText()).contains("RB-000028", "RB-000029");

        Document prefix = coordinator.get("/inventory").document();
        assertThat(prefix.select("input[name=prefix]").val()).isEqualTo("RB");
    }

    @Test
    void aTextSearchWithThousandsOfMatchesSaysMoreThanAThousand() {
        long school = jdbc.sql("INSERT INTO school (board_id, name, institution_number, level) SELECT board_id, 'Grote school', ?, 'SECONDARY' FROM school WHERE institution_number = '123456' RETURNING id")
                .param(Demo.freshInstitutionNumber(jdbc)).query(Long.class).single();
        jdbc.sql("INSERT INTO asset (school_id, tag, kind, status, notes) SELECT ?, 'GS-' || g, 'CHROMEBOOK', 'IN_USE', 'klasset' FROM generate_series(1, 1001) g")
                .param(school).update();
        var api = be.coordinaat.support.Api.as("admin", port, jdbc).get("/api/v1/assets?school=" + school + "&q=klasset").json();
        assertThat(api.get("total").asLong()).isEqualTo(1000);
        assertThat(api.get("totalCapped").asBoolean()).isTrue();
        assertThat(be.coordinaat.support.Api.as("admin", port, jdbc).get("/api/v1/assets?school=" + school).json().get("total").asLong())
                .as("without text: exact").isEqualTo(1001);
        Document page = Browserless.signIn(port, "admin", "admin").get("/inventory/assets?school=" + school + "&q=klasset").document();
        assertThat(page.select("#asset-count").text()).isEqualTo("meer dan 1.000 toestellen: verfijn de zoekopdracht");
        assertThat(page.select(".pagination").text()).contains("Pagina 1 (van meer dan 1.000 toestellen)");
    }

    @Test
    void overviewScalesFromOneSchoolToTheWholeBoard() {
        long a = Demo.regenboog(jdbc);
        Document one = Browserless.signIn(port, "coordinator", "coordinator").get("/inventory").document();
        // other tests repair or lend devices too: compare with the database, not with the demo data's number
        long inRepair = jdbc.sql("SELECT count(*) FROM asset WHERE school_id = ? AND kind = 'CHROMEBOOK' AND status = 'IN_REPAIR'")
                .param(a).query(Long.class).single();
        assertThat(inRepair).isPositive();
        assertThat(one.select("#summary-" + a + " a[href='/inventory/assets?school=" + a + "&kind=CHROMEBOOK&status=IN_REPAIR']").text())
                .isEqualTo(String.valueOf(inRepair));
        assertThat(one.select("#summary-schools")).isEmpty();

        // a board with many schools: the board's counts and one row per school, a school's details on request
        for (int i = 0; i < 7; i++) {
            jdbc.sql("INSERT INTO school (board_id, name, institution_number, level) SELECT board_id, ?, ?, 'PRIMARY' FROM school WHERE id = ?")
                    .params("Overzichtschool " + i, Demo.freshInstitutionNumber(jdbc), a).update();
        }
        Browserless admin = Browserless.signIn(port, "admin", "admin");
        Document board = admin.get("/inventory").document();
        assertThat(board.select("#summary-board h2").text()).startsWith("Alle").endsWith("scholen samen");
        assertThat(board.select("#summary-schools tbody tr").text()).contains("Overzichtschool 3").contains("De Regenboog");
        // other tests make boards of their own: count this board's assets
        assertThat(board.select("#summary-board tfoot").text()).contains(String.valueOf(
                jdbc.sql("SELECT count(*) FROM asset a JOIN school s ON s.id = a.school_id "
                        + "WHERE s.board_id = (SELECT board_id FROM school WHERE id = ?)").param(a).query(Long.class).single()));
        Document detail = admin.get("/inventory?school=" + a).document();
        assertThat(detail.select("#summary-" + a)).hasSize(1);
        assertThat(detail.select("#prefix-" + a).val()).isEqualTo("RB");
        assertThat(Browserless.signIn(port, "coordinator", "coordinator").get("/inventory?school=" + Demo.atheneum(jdbc)).status())
                .isEqualTo(404);
    }

    @Test
    void assignmentChooserAndSchoolChoice() {
        long a = Demo.regenboog(jdbc);
        long person = jdbc.sql("INSERT INTO person (board_id, kind, first_name, last_name, class_name) SELECT board_id, 'PUPIL', 'Lotte', 'Kiezer', '5B' FROM school WHERE id = ? RETURNING id")
                .param(a).query(Long.class).single();
        jdbc.sql("INSERT INTO person_school (person_id, school_id) VALUES (?, ?)").params(person, a).update();
        Browserless coordinator = Browserless.signIn(port, "coordinator", "coordinator");
        Document options = coordinator.get("/inventory/assets/person-options?school=" + a + "&personQ=kiez").document();
        assertThat(options.select("option[value=" + person + "]").text()).isEqualTo("Lotte Kiezer (5B)");

        // a board admin registers for one of several schools: the form asks which
        Browserless admin = Browserless.signIn(port, "admin", "admin");
        Document choose = admin.get("/inventory/assets/new").document();
        assertThat(choose.select("#choose-school a").eachText()).contains("Gemeentelijke Basisschool De Regenboog", "Gemeentelijk Atheneum Zonnebeke");
        assertThat(admin.get("/inventory/assets/new?school=" + Demo.atheneum(jdbc)).document().select("#form-school").text()).contains("Atheneum");
    }
}
