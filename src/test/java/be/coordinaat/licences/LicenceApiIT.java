package be.coordinaat.licences;

import static be.coordinaat.licences.LicenceTestData.JPEG;
import static be.coordinaat.licences.LicenceTestData.PDF;
import static be.coordinaat.licences.LicenceTestData.PNG;
import static be.coordinaat.licences.LicenceTestData.assertField;
import static be.coordinaat.licences.LicenceTestData.assetOf;
import static be.coordinaat.licences.LicenceTestData.assetsOf;
import static be.coordinaat.licences.LicenceTestData.assign;
import static be.coordinaat.licences.LicenceTestData.count;
import static be.coordinaat.licences.LicenceTestData.history;
import static be.coordinaat.licences.LicenceTestData.licence;
import static be.coordinaat.licences.LicenceTestData.licenceBody;
import static be.coordinaat.licences.LicenceTestData.peopleOnlyOf;
import static be.coordinaat.licences.LicenceTestData.software;
import static be.coordinaat.licences.LicenceTestData.unique;
import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Software and licences through the REST API: CRUD with history, seats, renewals, assignments, proof, bad input. */
@IntegrationTest
class LicenceApiIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Brussels"));
    }

    @Test
    void coordinatorRegistersChangesAndDeletesSoftwareWithHistory() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        Api admin = Api.as("admin", port, jdbc);
        long a = Demo.regenboog(jdbc);
        long b = Demo.atheneum(jdbc);
        String name = unique("Rekentuin");
        long supplier = jdbc.sql("SELECT id FROM organisation WHERE name = 'Westhoek IT bv'").query(Long.class).single();
        long coordinatorId = jdbc.sql("SELECT id FROM app_user WHERE username = 'coordinator'").query(Long.class).single();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("category", "EDUCATIONAL_APP");
        body.put("vendorOrganisationId", supplier);
        body.put("administratorUserId", coordinatorId);
        body.put("website", "https://www.rekentuin.nl");
        body.put("contractReference", "RT-2025-01");
        body.put("schoolIds", List.of(a));
        var created = coordinator.post("/api/v1/software", Api.json(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode sw = created.json();
        long id = sw.get("id").asLong();
        assertThat(sw.get("vendorOrganisationName").asString()).isEqualTo("Westhoek IT bv");
        assertThat(sw.get("administratorUserName").asString()).isEqualTo("Koen Coördinator");
        assertThat(sw.get("schools").findValuesAsString("id")).containsExactly(String.valueOf(a));

        var duplicate = coordinator.post("/api/v1/software", Api.json(body));
        assertField(duplicate, "name");

        Map<String, Object> edit = new LinkedHashMap<>(body);
        edit.remove("vendorOrganisationId");
        edit.put("vendorName", "Prowise");
        edit.put("notes", "Adaptief rekenen");
        edit.put("version", sw.get("version").asInt());
        var updated = coordinator.put("/api/v1/software/" + id, Api.json(edit));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("vendorName").asString()).isEqualTo("Prowise");
        assertThat(updated.json().get("vendorOrganisationId").isNull()).isTrue();
        assertThat(coordinator.put("/api/v1/software/" + id, Api.json(edit)).status()).as("stale version").isEqualTo(409);

        // the list finds it by vendor, category and school
        var found = coordinator.get("/api/v1/software?q=prowise&category=EDUCATIONAL_APP&school=" + a);
        assertThat(found.json().get("items").size()).isEqualTo(1);
        assertThat(found.json().get("items").get(0).get("name").asString()).isEqualTo(name);
        assertThat(coordinator.get("/api/v1/software?q=prowise&category=OFFICE").json().get("total").asLong()).isZero();

        assertThat(coordinator.delete("/api/v1/software/" + id + "/schools/" + a).status()).as("the last school").isEqualTo(409);

        // school B marks that it uses it too; from then on the coordinator of school A alone cannot change it
        assertThat(coordinator.put("/api/v1/software/" + id + "/schools/" + b, "").status()).as("not their school").isEqualTo(404);
        var joined = admin.put("/api/v1/software/" + id + "/schools/" + b, "");
        assertThat(joined.status()).as(joined.toString()).isEqualTo(200);
        assertThat(joined.json().get("schools").size()).isEqualTo(2);
        edit.put("version", joined.json().get("version").asInt());
        assertThat(coordinator.put("/api/v1/software/" + id, Api.json(edit)).status()).isEqualTo(403);
        assertThat(coordinator.delete("/api/v1/software/" + id).status()).isEqualTo(403);
        assertThat(coordinator.get("/api/v1/software/" + id).status()).as("the catalogue is shared").isEqualTo(200);
        assertThat(admin.delete("/api/v1/software/" + id + "/schools/" + b).status()).isEqualTo(200);

        // software with a licence cannot be deleted
        long licence = licence(coordinator, id, a, "PER_USER", 5);
        assertThat(coordinator.delete("/api/v1/software/" + id).status()).isEqualTo(409);
        assertThat(coordinator.delete("/api/v1/licences/" + licence).status()).isEqualTo(204);
        assertThat(coordinator.delete("/api/v1/software/" + id).status()).isEqualTo(204);
        assertThat(coordinator.get("/api/v1/software/" + id).status()).isEqualTo(404);

        List<String> h = history(jdbc, "software", id);
        assertThat(h).hasSizeGreaterThanOrEqualTo(5);
        assertThat(h.get(0)).startsWith("CREATED|Koen Coördinator (coordinator)|").contains(name).contains("RT-2025-01");
        assertThat(h.get(1)).startsWith("UPDATED|").contains("Prowise").contains("Adaptief rekenen");
        assertThat(h).anyMatch(e -> e.startsWith("UPDATED|An Beheerder") && e.contains("Gemeentelijk Atheneum Zonnebeke"));
        assertThat(h.get(h.size() - 1)).startsWith("DELETED|");
    }

    @Test
    void coordinatorRegistersChangesAndDeletesALicenceWithHistory() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        long sw = software(coordinator, unique("Scoodle"), a);
        Map<String, Object> body = licenceBody(sw, a, "SUBSCRIPTION", 25);
        body.put("name", "Schooljaar 2025-2026");
        body.put("cost", 312.5);
        body.put("startDate", today().minusMonths(3).toString());
        body.put("endDate", today().plusMonths(9).toString());
        body.put("autoRenew", true);
        body.put("supplier", "Scoodle bv");
        body.put("orderReference", "SC-991");
        var created = coordinator.post("/api/v1/licences", Api.json(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode l = created.json();
        long id = l.get("id").asLong();
        assertThat(l.get("schoolId").asLong()).isEqualTo(a);
        assertThat(l.get("cost").decimalValue()).isEqualByComparingTo("312.50");
        assertThat(l.get("seatsUsed").asLong()).isZero();
        assertThat(l.get("overUsed").asBoolean()).isFalse();
        assertThat(l.get("state").asString()).isEqualTo("ACTIVE");
        assertThat(l.get("autoRenew").asBoolean()).isTrue();
        assertThat(coordinator.get("/api/v1/licences/" + id).json().get("orderReference").asString()).isEqualTo("SC-991");

        Map<String, Object> edit = new LinkedHashMap<>(body);
        edit.put("seats", 30);
        edit.put("cost", 375);
        edit.put("version", l.get("version").asInt());
        var updated = coordinator.put("/api/v1/licences/" + id, Api.json(edit));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("seats").asInt()).isEqualTo(30);
        var stale = coordinator.put("/api/v1/licences/" + id, Api.json(edit));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        Map<String, Object> move = new LinkedHashMap<>(edit);
        move.put("schoolId", Demo.atheneum(jdbc));
        move.remove("version");
        assertField(coordinator.put("/api/v1/licences/" + id, Api.json(move)), "schoolId");

        assertThat(coordinator.delete("/api/v1/licences/" + id).status()).isEqualTo(204);
        assertThat(coordinator.get("/api/v1/licences/" + id).status()).isEqualTo(404);
        List<String> h = history(jdbc, "licence", id);
        assertThat(h).hasSize(3);
        assertThat(h.get(0)).startsWith("CREATED|Koen Coördinator (coordinator)|").contains("312.50").contains("SUBSCRIPTION");
        assertThat(h.get(1)).startsWith("UPDATED|").contains("\"seats\": {\"to\": \"30\", \"from\": \"25\"}").contains("375.00");
        assertThat(h.get(2)).startsWith("DELETED|");
    }

    @Test
    void seatsUsedAndOverUseAreComputedPerType() {
        Api admin = Api.as("admin", port, jdbc);
        long a = Demo.regenboog(jdbc);
        long sw = software(admin, unique("Seattool"), a);

        // per user: each person one seat, 3 people on 2 seats is over-use
        long perUser = licence(admin, sw, a, "PER_USER", 2);
        List<Long> people = peopleOnlyOf(jdbc, a, 3);
        List<Long> assignments = new ArrayList<>();
        for (long p : people) {
            assignments.add(assign(admin, perUser, "personId", p));
        }
        JsonNode l = admin.get("/api/v1/licences/" + perUser).json();
        assertThat(l.get("seatsUsed").asLong()).isEqualTo(3);
        assertThat(l.get("overUsed").asBoolean()).isTrue();
        assertThat(ids(admin.get("/api/v1/licences?overUse=true&software=" + sw))).containsExactly(perUser);
        assertThat(ids(admin.get("/api/v1/licences?personId=" + people.get(0)))).contains(perUser);
        assertThat(admin.delete("/api/v1/licences/" + perUser + "/assignments/" + assignments.get(0)).status()).isEqualTo(204);
        l = admin.get("/api/v1/licences/" + perUser).json();
        assertThat(l.get("seatsUsed").asLong()).isEqualTo(2);
        assertThat(l.get("overUsed").asBoolean()).as("2 of 2 is full, not over-used").isFalse();
        assertThat(ids(admin.get("/api/v1/licences?overUse=true&software=" + sw))).isEmpty();

        // per user for the whole school: everyone of the school, a person also assigned directly counted once
        long schoolWide = licence(admin, sw, a, "PER_USER", 5);
        assign(admin, schoolWide, "schoolId", a);
        assign(admin, schoolWide, "personId", people.get(1));
        long inSchool = jdbc.sql("SELECT count(*) FROM person_school WHERE school_id = ?").param(a).query(Long.class).single();
        l = admin.get("/api/v1/licences/" + schoolWide).json();
        assertThat(l.get("seatsUsed").asLong()).isEqualTo(inSchool);
        assertThat(l.get("overUsed").asBoolean()).isTrue();
        assertThat(l.get("assignments").asLong()).isEqualTo(2);

        // per device for the whole school: every asset in service, a device also assigned directly counted once
        long perDevice = licence(admin, sw, a, "PER_DEVICE", 1);
        assign(admin, perDevice, "assetId", assetOf(jdbc, a));
        assertThat(admin.get("/api/v1/licences/" + perDevice).json().get("seatsUsed").asLong()).isEqualTo(1);
        assign(admin, perDevice, "schoolId", a);
        long devices = jdbc.sql("SELECT count(*) FROM asset WHERE school_id = ? AND status NOT IN ('RETIRED', 'DISPOSED')")
                .param(a).query(Long.class).single();
        assertThat(admin.get("/api/v1/licences/" + perDevice).json().get("seatsUsed").asLong()).isEqualTo(devices);
        long retired = jdbc.sql("SELECT min(id) FROM asset WHERE school_id = ? AND status = 'RETIRED'").param(a).query(Long.class).single();
        assign(admin, perDevice, "assetId", retired);
        assertThat(admin.get("/api/v1/licences/" + perDevice).json().get("seatsUsed").asLong())
                .as("a retired device is not in service, but assigned directly it takes a seat").isEqualTo(devices + 1);
        devices++;
        assertThat(ids(admin.get("/api/v1/licences?assetId=" + assetOf(jdbc, a) + "&software=" + sw)))
                .as("per-user licences of the school do not cover a device").containsExactly(perDevice);

        // a site licence: unlimited, a whole school is one site
        long site = licence(admin, sw, a, "SITE", null);
        assign(admin, site, "schoolId", a);
        l = admin.get("/api/v1/licences/" + site).json();
        assertThat(l.get("seats").isNull()).isTrue();
        assertThat(l.get("seatsUsed").asLong()).isEqualTo(1);
        assertThat(l.get("overUsed").asBoolean()).isFalse();

        // sorted by seats used, most first
        assertThat(ids(admin.get("/api/v1/licences?software=" + sw + "&sort=-used")))
                .containsExactly(devices > inSchool ? new Long[] {perDevice, schoolWide, perUser, site}
                        : new Long[] {schoolWide, perDevice, perUser, site});

        // the compliance view lists the over-used ones under the school
        JsonNode compliance = admin.get("/api/v1/licences/compliance").json();
        JsonNode mine = null;
        for (JsonNode c : compliance) {
            if (!c.get("schoolId").isNull() && c.get("schoolId").asLong() == a) {
                mine = c;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("overUsed").findValuesAsString("id")).contains(String.valueOf(schoolWide), String.valueOf(perDevice))
                .doesNotContain(String.valueOf(perUser), String.valueOf(site));

        // the per-row count and the board-wide count (filters, sorting, compliance) agree on every licence there is
        for (long board : jdbc.sql("SELECT DISTINCT board_id FROM licence").query(Long.class).list()) {
            List<String> disagree = jdbc.sql("""
                    SELECT l.id || ': ' || licence_seats_used(l.id, l.type) || ' <> ' || coalesce(u.used, 0)
                    FROM licence l LEFT JOIN licence_usage(?) u ON u.licence_id = l.id
                    WHERE l.board_id = ? AND licence_seats_used(l.id, l.type) <> coalesce(u.used, 0)""")
                    .params(board, board).query(String.class).list();
            assertThat(disagree).isEmpty();
        }
    }

    @Test
    void renewalsDueInTheNextDays() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        long sw = software(coordinator, unique("Renewtool"), a);
        long in10 = dated(coordinator, sw, a, today().plusDays(10));
        long in60 = dated(coordinator, sw, a, today().plusDays(60));
        long in61 = dated(coordinator, sw, a, today().plusDays(61));
        long today = dated(coordinator, sw, a, today());
        long yesterday = dated(coordinator, sw, a, today().minusDays(1));
        long open = dated(coordinator, sw, a, null);

        List<Long> due = ids(coordinator.get("/api/v1/licences/renewals?size=200"));
        assertThat(due).as("default 60 days, soonest first").containsSubsequence(today, in10, in60)
                .doesNotContain(in61, yesterday, open);
        assertThat(ids(coordinator.get("/api/v1/licences/renewals?days=10&size=200"))).contains(today, in10).doesNotContain(in60);
        assertThat(ids(coordinator.get("/api/v1/licences/renewals?days=0&size=200"))).contains(today).doesNotContain(in10);
        assertThat(ids(coordinator.get("/api/v1/licences?software=" + sw + "&expiring=60&sort=end"))).containsExactly(today, in10, in60);
        assertThat(ids(coordinator.get("/api/v1/licences?software=" + sw + "&expired=true"))).containsExactly(yesterday);
        assertThat(coordinator.get("/api/v1/licences/" + in10).json().get("state").asString()).isEqualTo("RENEWAL_DUE");
        assertThat(coordinator.get("/api/v1/licences/" + in61).json().get("state").asString()).isEqualTo("ACTIVE");
        assertThat(coordinator.get("/api/v1/licences/" + yesterday).json().get("state").asString()).isEqualTo("EXPIRED");
        assertField(coordinator.get("/api/v1/licences/renewals?days=-1"), "days");
        assertField(coordinator.get("/api/v1/licences/renewals?days=5000"), "days");

        // expired and still assigned: on the compliance view
        assign(coordinator, yesterday, "personId", peopleOnlyOf(jdbc, a, 1).get(0));
        JsonNode mine = null;
        for (JsonNode c : coordinator.get("/api/v1/licences/compliance").json()) {
            if (!c.get("schoolId").isNull() && c.get("schoolId").asLong() == a) {
                mine = c;
            }
        }
        assertThat(mine.get("expiredInUse").findValuesAsString("id")).contains(String.valueOf(yesterday));
        assertThat(mine.get("renewalsDue").findValuesAsString("id")).contains(String.valueOf(in10)).doesNotContain(String.valueOf(in61));
    }

    long dated(Api api, long sw, long school, LocalDate end) {
        Map<String, Object> body = licenceBody(sw, school, "SITE", null);
        body.put("endDate", end == null ? null : end.toString());
        var r = api.post("/api/v1/licences", Api.json(body));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    static List<Long> ids(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        r.json().get("items").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }

    @Test
    void assignmentsFollowTheRules() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        Api technician = Api.as("technician", port, jdbc);
        Api admin = Api.as("admin", port, jdbc);
        long a = Demo.regenboog(jdbc);
        long b = Demo.atheneum(jdbc);
        long sw = software(admin, unique("Assigntool"), a, b);
        long licence = licence(coordinator, sw, a, "VOLUME", 10);
        String path = "/api/v1/licences/" + licence + "/assignments";
        long before = count(jdbc, "licence_assignment");

        assertField(coordinator.post(path, "{\"assetId\":" + assetOf(jdbc, b) + "}"), "assetId");
        var otherSchool = technician.post(path, "{\"assetId\":" + assetOf(jdbc, b) + "}");
        assertField(otherSchool, "assetId");
        assertThat(otherSchool.json().get("errors").get(0).get("reason").asString()).contains("another school");
        assertField(coordinator.post(path, "{\"personId\":" + peopleOnlyOf(jdbc, b, 1).get(0) + "}"), "personId");
        assertField(coordinator.post(path, "{\"schoolId\":" + b + "}"), "schoolId");
        assertField(technician.post(path, "{\"schoolId\":" + b + "}"), "schoolId");
        assertField(coordinator.post(path, "{\"assetId\":987654321}"), "assetId");
        var none = coordinator.post(path, "{}");
        assertThat(none.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("assetId", "personId", "schoolId");
        var two = coordinator.post(path, "{\"assetId\":" + assetOf(jdbc, a) + ",\"personId\":" + peopleOnlyOf(jdbc, a, 1).get(0) + "}");
        assertThat(two.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("assetId", "personId");
        assertThat(two.json().get("errors").get(0).get("reason").asString()).contains("exactly one");
        assertField(coordinator.post(path, "{\"assetId\":\"RB-1\"}"), "assetId");
        assertField(coordinator.post(path, "{\"assetId\":1,\"tag\":\"RB-1\"}"), "tag");
        var malformed = coordinator.post(path, "{\"assetId\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(count(jdbc, "licence_assignment")).as("nothing stored").isEqualTo(before);

        long asset = assign(coordinator, licence, "assetId", assetOf(jdbc, a));
        long person = assign(coordinator, licence, "personId", peopleOnlyOf(jdbc, a, 1).get(0));
        long school = assign(coordinator, licence, "schoolId", a);
        assertField(coordinator.post(path, "{\"assetId\":" + assetOf(jdbc, a) + "}"), "assetId");
        JsonNode list = coordinator.get(path).json();
        assertThat(list.findValuesAsString("target")).containsExactlyInAnyOrder("ASSET", "PERSON", "SCHOOL");
        JsonNode one = coordinator.get(path + "/" + asset).json();
        assertThat(one.get("assetTag").asString()).startsWith("RB-");
        assertThat(one.get("assignedBy").asString()).isEqualTo("Koen Coördinator");
        assertThat(coordinator.get("/api/v1/licences/" + licence).json().get("seatsUsed").asLong()).isEqualTo(3);
        assertThat(coordinator.delete(path + "/" + person).status()).isEqualTo(204);
        assertThat(coordinator.get(path + "/" + person).status()).isEqualTo(404);
        assertThat(coordinator.delete(path + "/" + school).status()).isEqualTo(204);
        assertThat(history(jdbc, "licence", licence)).anyMatch(h -> h.contains("\"assigned\"") && h.contains("asset RB-"))
                .anyMatch(h -> h.contains("\"assigned\"") && h.contains("\"to\": null"));

        // a board-wide licence (board admin) takes assets of every school; a coordinator sees only their school's
        long board = licence(admin, sw, null, "PER_DEVICE", 100);
        long assetA = assign(admin, board, "assetId", assetOf(jdbc, a));
        long assetB = assign(admin, board, "assetId", assetOf(jdbc, b));
        String boardPath = "/api/v1/licences/" + board + "/assignments";
        assertThat(admin.get(boardPath).json().size()).isEqualTo(2);
        assertThat(coordinator.get(boardPath).json().findValuesAsString("id")).containsExactly(String.valueOf(assetA));
        assertThat(coordinator.get(boardPath + "/" + assetB).status()).isEqualTo(404);
        assertThat(coordinator.get("/api/v1/licences/" + board).json().get("seatsUsed").asLong()).as("the count is the board's").isEqualTo(2);
    }

    @Test
    void theProofOfPurchaseIsCheckedByItsContent() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        long licence = licence(coordinator, software(coordinator, unique("Prooftool"), a), a, "PER_USER", 3);
        String path = "/api/v1/licences/" + licence + "/proof";
        assertThat(coordinator.get(path).status()).isEqualTo(404);

        var pdf = LicenceTestData.upload(coordinator, port, "PUT", path, "factuur 2025.png", "image/png", PDF);
        assertThat(pdf.status()).as(pdf.toString()).isEqualTo(200);
        assertThat(pdf.json().get("contentType").asString()).as("the content decides").isEqualTo("application/pdf");
        assertThat(pdf.json().get("fileName").asString()).isEqualTo("factuur 2025.png");
        assertThat(pdf.json().get("uploadedBy").asString()).isEqualTo("Koen Coördinator");
        var download = coordinator.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET());
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).isEqualTo("application/pdf");
        assertThat(download.body()).startsWith("%PDF-1.4");
        assertThat(coordinator.get("/api/v1/licences/" + licence).json().get("proof").get("size").asLong()).isEqualTo(PDF.length);

        byte[] program = Arrays.copyOf("MZ\u0090\0\3\0\0\0\4\0\0\0PE".getBytes(StandardCharsets.ISO_8859_1), 64);
        var renamed = LicenceTestData.upload(coordinator, port, "PUT", path, "factuur.pdf", "application/pdf", program);
        assertField(renamed, "file");
        assertThat(renamed.json().get("errors").get(0).get("reason").asString()).contains("not a PDF document");
        byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
        assertField(LicenceTestData.upload(coordinator, port, "PUT", path, "scan.webp", "image/webp", webp), "file");
        var oversize = LicenceTestData.upload(coordinator, port, "PUT", path, "groot.pdf", "application/pdf",
                Arrays.copyOf(PDF, 10 * 1024 * 1024 + 1));
        assertField(oversize, "file");
        assertThat(oversize.json().get("errors").get(0).get("reason").asString()).contains("larger than 10 MB");
        assertField(LicenceTestData.upload(coordinator, port, "PUT", path, "leeg.pdf", "application/pdf", new byte[0]), "file");
        assertThat(coordinator.get(path + "/info").json().get("contentType").asString()).as("still the first").isEqualTo("application/pdf");

        var scan = LicenceTestData.upload(coordinator, port, "PUT", path, "../../etc/scan.jpg", "image/jpeg", JPEG);
        assertThat(scan.status()).as(scan.toString()).isEqualTo(200);
        assertThat(scan.json().get("fileName").asString()).as("no folders").isEqualTo("scan.jpg");
        assertThat(scan.json().get("contentType").asString()).isEqualTo("image/jpeg");
        assertThat(LicenceTestData.upload(coordinator, port, "PUT", path, "foto.png", "image/png", PNG).json().get("contentType")
                .asString()).isEqualTo("image/png");
        assertThat(coordinator.delete(path).status()).isEqualTo(204);
        assertThat(coordinator.get(path).status()).isEqualTo(404);
        assertThat(coordinator.delete(path).status()).isEqualTo(404);
        assertThat(history(jdbc, "licence", licence)).anyMatch(h -> h.contains("\"proof\"") && h.contains("factuur 2025.png"))
                .anyMatch(h -> h.contains("\"proof\"") && h.contains("scan.jpg"));
    }

    @Test
    void badInputIsRefusedWithFieldNamesAndNothingIsStored() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        long b = Demo.atheneum(jdbc);
        long sw = software(coordinator, unique("Inputtool"), a);
        long licences = count(jdbc, "licence");
        long software = count(jdbc, "software");
        String base = "\"softwareId\":" + sw + ",\"schoolId\":" + a + ",\"type\":\"PER_USER\"";

        var malformed = coordinator.post("/api/v1/licences", "{" + base + ",");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertField(coordinator.post("/api/v1/licences", "{" + base + ",\"seats\":5,\"colour\":\"rood\"}"), "colour");
        assertField(coordinator.post("/api/v1/licences", "{" + base + ",\"seats\":-1}"), "seats");
        assertField(coordinator.post("/api/v1/licences", "{" + base + ",\"seats\":0}"), "seats");
        assertField(coordinator.post("/api/v1/licences", "{" + base + ",\"seats\":1000001}"), "seats");
        assertThat(coordinator.post("/api/v1/licences", "{" + base + ",\"seats\":99999999999}").status()).isEqualTo(400);
        assertField(coordinator.post("/api/v1/licences", "{" + base + ",\"seats\":\"veel\"}"), "seats");
        assertField(coordinator.post("/api/v1/licences", "{" + base + "}"), "seats");
        assertField(coordinator.post("/api/v1/licences", "{" + base + ",\"seats\":5,\"cost\":-0.01}"), "cost");
        assertField(coordinator.post("/api/v1/licences", "{" + base + ",\"seats\":5,\"cost\":1.234}"), "cost");
        assertField(coordinator.post("/api/v1/licences", "{" + base + ",\"seats\":5,\"cost\":1e12}"), "cost");
        assertField(coordinator.post("/api/v1/licences", "{" + base + ",\"seats\":5,\"startDate\":\"2025-09-01\",\"endDate\":\"2025-08-31\"}"), "endDate");
        assertField(coordinator.post("/api/v1/licences", "{" + base + ",\"seats\":5,\"startDate\":\"31/12/2024\"}"), "startDate");
        assertField(coordinator.post("/api/v1/licences", "{" + base + ",\"seats\":5,\"endDate\":\"2025-02-30\"}"), "endDate");
        assertField(coordinator.post("/api/v1/licences", "{" + base + ",\"seats\":5,\"name\":\"" + "x".repeat(151) + "\"}"), "name");
        assertField(coordinator.post("/api/v1/licences", "{" + base + ",\"seats\":5,\"supplier\":\"" + "x".repeat(201) + "\"}"), "supplier");
        assertField(coordinator.post("/api/v1/licences", "{" + base + ",\"seats\":5,\"orderReference\":\"" + "x".repeat(101) + "\"}"), "orderReference");
        assertField(coordinator.post("/api/v1/licences", "{" + base + ",\"seats\":5,\"notes\":\"" + "x".repeat(4001) + "\"}"), "notes");
        assertField(coordinator.post("/api/v1/licences", "{" + base + ",\"seats\":5,\"autoRenew\":\"misschien\"}"), "autoRenew");
        assertField(coordinator.post("/api/v1/licences", "{\"softwareId\":" + sw + ",\"schoolId\":" + a + ",\"type\":\"PER_SEAT\",\"seats\":5}"), "type");
        assertField(coordinator.post("/api/v1/licences", "{\"softwareId\":" + sw + ",\"schoolId\":" + a + ",\"seats\":5}"), "type");
        assertField(coordinator.post("/api/v1/licences", "{\"schoolId\":" + a + ",\"type\":\"SITE\"}"), "softwareId");
        assertField(coordinator.post("/api/v1/licences", "{\"softwareId\":987654321,\"schoolId\":" + a + ",\"type\":\"SITE\"}"), "softwareId");
        assertField(coordinator.post("/api/v1/licences", "{\"softwareId\":" + sw + ",\"schoolId\":" + b + ",\"type\":\"SITE\"}"), "schoolId");
        assertField(coordinator.post("/api/v1/licences", "{\"softwareId\":" + sw + ",\"type\":\"SITE\"}"), "schoolId");
        var several = coordinator.post("/api/v1/licences", "{" + base + ",\"seats\":-3,\"cost\":-1,\"startDate\":\"2025-09-01\",\"endDate\":\"2024-09-01\"}");
        assertThat(several.json().get("errors").findValuesAsString("field")).as("all problems at once")
                .containsExactlyInAnyOrder("seats", "cost", "endDate");
        assertThat(count(jdbc, "licence")).isEqualTo(licences);

        assertField(coordinator.post("/api/v1/software", "{\"name\":\" \",\"category\":\"OFFICE\",\"schoolIds\":[" + a + "]}"), "name");
        assertField(coordinator.post("/api/v1/software", "{\"name\":\"" + "x".repeat(151) + "\",\"category\":\"OFFICE\",\"schoolIds\":[" + a + "]}"), "name");
        assertField(coordinator.post("/api/v1/software", "{\"name\":\"X\",\"schoolIds\":[" + a + "]}"), "category");
        assertField(coordinator.post("/api/v1/software", "{\"name\":\"X\",\"category\":\"GAME\",\"schoolIds\":[" + a + "]}"), "category");
        assertField(coordinator.post("/api/v1/software", "{\"name\":\"X\",\"category\":\"OFFICE\",\"website\":\"javascript:alert(1)\",\"schoolIds\":[" + a + "]}"), "website");
        assertField(coordinator.post("/api/v1/software", "{\"name\":\"X\",\"category\":\"OFFICE\",\"vendorName\":\"" + "x".repeat(201) + "\",\"schoolIds\":[" + a + "]}"), "vendorName");
        assertField(coordinator.post("/api/v1/software", "{\"name\":\"X\",\"category\":\"OFFICE\",\"contractReference\":\"" + "x".repeat(101) + "\",\"schoolIds\":[" + a + "]}"), "contractReference");
        assertField(coordinator.post("/api/v1/software", "{\"name\":\"X\",\"category\":\"OFFICE\",\"schoolIds\":[" + b + "]}"), "schoolIds");
        assertField(coordinator.post("/api/v1/software", "{\"name\":\"X\",\"category\":\"OFFICE\",\"schoolIds\":[]}"), "schoolIds");
        assertField(coordinator.post("/api/v1/software", "{\"name\":\"X\",\"category\":\"OFFICE\",\"vendorName\":\"Y\",\"vendorOrganisationId\":1,\"schoolIds\":[" + a + "]}"), "vendorName");
        assertField(coordinator.post("/api/v1/software", "{\"name\":\"X\",\"category\":\"OFFICE\",\"vendorOrganisationId\":987654321,\"schoolIds\":[" + a + "]}"), "vendorOrganisationId");
        assertField(coordinator.post("/api/v1/software", "{\"name\":\"X\",\"category\":\"OFFICE\",\"administratorUserId\":987654321,\"schoolIds\":[" + a + "]}"), "administratorUserId");
        assertField(coordinator.post("/api/v1/software", "{\"name\":\"X\",\"category\":\"OFFICE\",\"administratorUserId\":1,\"administratorName\":\"Z\",\"schoolIds\":[" + a + "]}"), "administratorName");
        assertField(coordinator.post("/api/v1/software", "{\"name\":\"X\",\"category\":\"OFFICE\",\"licences\":3,\"schoolIds\":[" + a + "]}"), "licences");
        assertField(coordinator.post("/api/v1/software", "{\"name\":\"X\\u0000\",\"category\":\"OFFICE\",\"schoolIds\":[" + a + "]}"), "name");
        assertThat(count(jdbc, "software")).isEqualTo(software);

        assertField(coordinator.get("/api/v1/licences?type=PER_SEAT"), "type");
        assertField(coordinator.get("/api/v1/licences?expiring=99999"), "expiring");
        assertField(coordinator.get("/api/v1/licences?school=regenboog"), "school");
        assertField(coordinator.get("/api/v1/licences?overUse=misschien"), "overUse");
        assertThat(coordinator.get("/api/v1/software?category=GAME").status()).isEqualTo(400);
        assertThat(coordinator.get("/api/v1/licences?q=%25_%5C&sort=drop+table&page=-5&size=100000").status()).isEqualTo(200);
    }
}
