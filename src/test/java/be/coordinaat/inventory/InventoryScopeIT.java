package be.coordinaat.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Browserless;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * School scope of the inventory: the coordinator of school A ("regenboog") finds nothing of school B ("atheneum")
 * through any endpoint or page, also by guessing ids, and cannot link A's assets to B's rooms or people; staff see no
 * inventory at all; a director reads but does not change.
 */
@IntegrationTest
class InventoryScopeIT {

    static final byte[] PNG = InventoryApiIT.PNG;

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    long a;
    long b;
    long assetA;
    long assetB;
    long attachmentB;
    long adminFilter;

    @BeforeEach
    void schoolB() {
        a = Demo.regenboog(jdbc);
        b = Demo.atheneum(jdbc);
        assetA = jdbc.sql("SELECT id FROM asset WHERE school_id = ? AND tag = 'RB-000001'").param(a).query(Long.class).single();
        assetB = jdbc.sql("SELECT id FROM asset WHERE school_id = ? AND tag = 'AT-000001'").param(b).query(Long.class).single();
        Api admin = Api.as("admin", port, jdbc);
        var upload = InventoryApiIT.upload(admin, port, "/api/v1/assets/" + assetB + "/attachments", "foto.png", "image/png", PNG);
        assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
        attachmentB = upload.json().get("id").asLong();
        adminFilter = admin.post("/api/v1/asset-filters", "{\"name\":\"Atheneum " + System.nanoTime() + "\",\"query\":\"school=" + b + "\"}")
                .json().get("id").asLong();
    }

    String assetJson(long school, Long room, Long person) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schoolId", school);
        m.put("kind", "PRINTER");
        m.put("roomId", room);
        m.put("assignedPersonId", person);
        return Api.json(m);
    }

    @Test
    void coordinatorOfSchoolAGets404ForEverythingOfSchoolBThroughTheApi() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        String asset = "/api/v1/assets/" + assetB;
        String before = jdbc.sql("SELECT tag || status || version FROM asset WHERE id = ?").param(assetB).query(String.class).single();
        for (String path : List.of(asset, asset + "/attachments", asset + "/attachments/" + attachmentB,
                "/api/v1/assets/" + assetA + "/attachments/" + attachmentB, "/api/v1/assets?school=" + b,
                "/api/v1/asset-filters/" + adminFilter, "/api/v1/assets/987654321", "/api/v1/assets/987654321/attachments")) {
            var r = coordinator.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.contentType()).as(path).startsWith("application/problem+json");
        }
        assertThat(coordinator.put(asset, assetJson(b, null, null)).status()).isEqualTo(404);
        assertThat(coordinator.delete(asset).status()).isEqualTo(404);
        assertThat(coordinator.post(asset + "/status", "{\"status\":\"RETIRED\",\"reason\":\"weg\"}").status()).isEqualTo(404);
        assertThat(InventoryApiIT.upload(coordinator, port, asset + "/attachments", "x.png", "image/png", PNG).status()).isEqualTo(404);
        assertThat(coordinator.delete(asset + "/attachments/" + attachmentB).status()).isEqualTo(404);
        assertThat(coordinator.delete("/api/v1/assets/" + assetA + "/attachments/" + attachmentB).status()).isEqualTo(404);
        assertThat(coordinator.delete("/api/v1/asset-filters/" + adminFilter).status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT tag || status || version FROM asset WHERE id = ?").param(assetB).query(String.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM asset_attachment WHERE id = ?").param(attachmentB).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM saved_filter WHERE id = ?").param(adminFilter).query(Long.class).single()).isEqualTo(1);

        // lists and counts hold only school A
        var list = coordinator.get("/api/v1/assets?size=200");
        long inA = jdbc.sql("SELECT count(*) FROM asset WHERE school_id = ?").param(a).query(Long.class).single();
        assertThat(list.json().get("total").asLong()).isEqualTo(inA);
        assertThat(list.json().get("items").findValuesAsString("schoolName")).containsOnly("Gemeentelijke Basisschool De Regenboog");
        assertThat(coordinator.get("/api/v1/assets?q=AT-0000").json().get("total").asLong()).isZero();
        assertThat(coordinator.get("/api/v1/inventory/summary").json().findValuesAsString("schoolName"))
                .containsExactly("Gemeentelijke Basisschool De Regenboog");
        assertThat(coordinator.get("/api/v1/asset-filters").json().findValuesAsString("query")).noneMatch(q -> q.contains("school=" + b));
    }

    @Test
    void coordinatorCannotLinkAnAssetToARoomOrPersonOfSchoolB() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long roomB = Demo.roomOf(jdbc, b);
        long personB = person(b, "Bert", "Andereschool");
        long personA = person(a, "Anna", "Eigenschool");
        long before = jdbc.sql("SELECT count(*) FROM asset").query(Long.class).single();

        InventoryApiIT.assertField(coordinator.post("/api/v1/assets", assetJson(a, roomB, null)), "roomId");
        InventoryApiIT.assertField(coordinator.post("/api/v1/assets", assetJson(a, null, personB)), "assignedPersonId");
        InventoryApiIT.assertField(coordinator.post("/api/v1/assets", assetJson(b, null, null)), "schoolId");
        assertThat(jdbc.sql("SELECT count(*) FROM asset").query(Long.class).single()).isEqualTo(before);

        var mine = coordinator.post("/api/v1/assets", assetJson(a, Demo.roomOf(jdbc, a), personA));
        assertThat(mine.status()).as(mine.toString()).isEqualTo(201);
        long id = mine.json().get("id").asLong();
        assertThat(mine.json().get("assignedPersonName").asString()).isEqualTo("Anna Eigenschool");
        InventoryApiIT.assertField(coordinator.put("/api/v1/assets/" + id, assetJson(a, roomB, null)), "roomId");
        InventoryApiIT.assertField(coordinator.put("/api/v1/assets/" + id, assetJson(a, null, personB)), "assignedPersonId");
        InventoryApiIT.assertField(coordinator.put("/api/v1/assets/" + id, assetJson(b, null, null)), "schoolId");
        assertThat(jdbc.sql("SELECT room_id = ? AND assigned_person_id = ? FROM asset WHERE id = ?")
                .params(Demo.roomOf(jdbc, a), personA, id).query(Boolean.class).single()).isTrue();
        assertThat(coordinator.get("/api/v1/assets?person=" + personB).json().get("total").asLong()).isZero();
        assertThat(coordinator.get("/api/v1/assets?room=" + roomB).json().get("total").asLong()).isZero();
    }

    long person(long school, String first, String last) {
        long id = jdbc.sql("INSERT INTO person (board_id, kind, first_name, last_name) SELECT board_id, 'STAFF', ?, ? FROM school WHERE id = ? RETURNING id")
                .params(first, last, school).query(Long.class).single();
        jdbc.sql("INSERT INTO person_school (person_id, school_id) VALUES (?, ?)").params(id, school).update();
        return id;
    }

    @Test
    void coordinatorOfSchoolAGets404ForEveryPageOfSchoolB() {
        Browserless coordinator = Browserless.signIn(port, "coordinator", "coordinator");
        String asset = "/inventory/assets/" + assetB;
        for (String path : List.of(asset, asset + "/edit", asset + "/attachments/" + attachmentB,
                "/inventory/assets/" + assetA + "/attachments/" + attachmentB, "/inventory/assets?school=" + b,
                "/inventory/assets/new?school=" + b, "/inventory/assets/person-options?school=" + b, "/inventory/assets/987654321")) {
            assertThat(coordinator.get(path).status()).as(path).isEqualTo(404);
        }
        String formPage = "/inventory/assets/" + assetA;
        assertThat(coordinator.post(asset, Map.of("schoolId", String.valueOf(b), "kind", "PRINTER", "tag", "GEKAAPT"), formPage).status()).isEqualTo(404);
        assertThat(coordinator.post(asset + "/status", Map.of("status", "RETIRED", "reason", "weg"), formPage).status()).isEqualTo(404);
        assertThat(coordinator.post(asset + "/delete", Map.of(), formPage).status()).isEqualTo(404);
        assertThat(coordinator.post(asset + "/attachments/" + attachmentB + "/delete", Map.of(), formPage).status()).isEqualTo(404);
        assertThat(coordinator.postFile(asset + "/attachments", "file", "x.png", "image/png", PNG, formPage).status()).isEqualTo(404);
        assertThat(coordinator.post("/inventory/filters/" + adminFilter + "/delete", Map.of(), formPage).status()).isEqualTo(404);
        assertThat(coordinator.post("/inventory/schools/" + b + "/tag-prefix", Map.of("prefix", "XX"), formPage).status()).isEqualTo(404);
        var created = coordinator.post("/inventory/assets", Map.of("schoolId", String.valueOf(b), "kind", "PRINTER"), "/inventory/assets/new");
        assertThat(created.status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT tag FROM asset WHERE id = ?").param(assetB).query(String.class).single()).isEqualTo("AT-000001");
        assertThat(jdbc.sql("SELECT prefix FROM asset_tag_counter WHERE school_id = ?").param(b).query(String.class).single()).isEqualTo("AT");

        assertThat(coordinator.get("/inventory").body()).contains("De Regenboog").doesNotContain("Atheneum");
        assertThat(coordinator.get("/inventory/assets?size=200").body()).contains("RB-000001").doesNotContain("AT-0000");
        assertThat(coordinator.get("/history/record?type=asset&id=" + assetB).body()).doesNotContain("AT-000001");
    }

    @Test
    void staffSeeNoInventoryAndDirectorsOnlyRead() {
        Api teacher = Api.as("teacher", port, jdbc);
        for (String path : List.of("/api/v1/assets", "/api/v1/inventory/summary", "/api/v1/asset-models", "/api/v1/manufacturers",
                "/api/v1/asset-fields", "/api/v1/asset-filters")) {
            assertThat(teacher.get(path).status()).as(path).isEqualTo(403);
        }
        assertThat(teacher.get("/api/v1/assets/" + assetA).status()).isEqualTo(404);
        assertThat(teacher.get("/api/v1/assets/" + assetA + "/attachments").status()).isEqualTo(404);
        assertThat(teacher.post("/api/v1/assets", assetJson(a, null, null)).status()).isEqualTo(403);
        assertThat(teacher.post("/api/v1/manufacturers", "{\"name\":\"Leraar BV\"}").status()).isEqualTo(403);
        assertThat(teacher.post("/api/v1/asset-filters", "{\"name\":\"x\",\"query\":\"kind=LAPTOP\"}").status()).isEqualTo(403);

        Browserless teacherWeb = Browserless.signIn(port, "teacher", "teacher");
        for (String path : List.of("/inventory", "/inventory/assets", "/inventory/models", "/inventory/manufacturers",
                "/inventory/fields", "/inventory/assets/new")) {
            assertThat(teacherWeb.get(path).status()).as(path).isEqualTo(403);
        }
        assertThat(teacherWeb.get("/inventory/assets/" + assetA).status()).isEqualTo(404);
        assertThat(teacherWeb.get("/").body()).doesNotContain("nav-technical");

        Api director = Api.as("director", port, jdbc);
        assertThat(director.get("/api/v1/assets/" + assetA).status()).isEqualTo(200);
        assertThat(director.get("/api/v1/assets/" + assetB).status()).isEqualTo(404);
        assertThat(director.post("/api/v1/assets", assetJson(a, null, null)).status()).isEqualTo(403);
        assertThat(director.post("/api/v1/assets/" + assetA + "/status", "{\"status\":\"IN_STOCK\"}").status()).isEqualTo(403);
        assertThat(director.delete("/api/v1/assets/" + assetA).status()).isEqualTo(403);
        Browserless directorWeb = Browserless.signIn(port, "director", "director");
        assertThat(directorWeb.get("/inventory/assets/" + assetA).status()).isEqualTo(200);
        assertThat(directorWeb.get("/inventory/assets/" + assetA).body()).doesNotContain("edit-asset").doesNotContain("status-form");
        assertThat(directorWeb.get("/inventory/assets/" + assetA + "/edit").status()).isEqualTo(403);
        assertThat(directorWeb.get("/").body()).contains("nav-technical");
    }
}
