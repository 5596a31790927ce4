package be.coordinaat.licences;

import static be.coordinaat.licences.LicenceTestData.PDF;
import static be.coordinaat.licences.LicenceTestData.assertField;
import static be.coordinaat.licences.LicenceTestData.assetOf;
import static be.coordinaat.licences.LicenceTestData.assign;
import static be.coordinaat.licences.LicenceTestData.count;
import static be.coordinaat.licences.LicenceTestData.licence;
import static be.coordinaat.licences.LicenceTestData.licenceBody;
import static be.coordinaat.licences.LicenceTestData.peopleOnlyOf;
import static be.coordinaat.licences.LicenceTestData.software;
import static be.coordinaat.licences.LicenceTestData.unique;
import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Browserless;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * School scope and roles: the coordinator of school A sees nothing of school B's licences through any endpoint or
 * page, whatever id they try; staff see no licences; board-wide licences are read by all and changed by board admins.
 */
@IntegrationTest
class LicenceScopeIT {

    static final long GUESSED = 987654321L;

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    /** A licence of school B with an asset assignment and a proof of purchase, made by the board admin. */
    record SchoolB(long software, long licence, long assignment, long asset, long person) {}

    SchoolB schoolB() {
        Api admin = Api.as("admin", port, jdbc);
        long b = Demo.atheneum(jdbc);
        long sw = software(admin, unique("Atheneumtool"), b);
        long licence = licence(admin, sw, b, "PER_DEVICE", 10);
        long asset = assetOf(jdbc, b);
        long assignment = assign(admin, licence, "assetId", asset);
        var proof = LicenceTestData.upload(admin, port, "PUT", "/api/v1/licences/" + licence + "/proof", "f.pdf", "application/pdf", PDF);
        assertThat(proof.status()).isEqualTo(200);
        return new SchoolB(sw, licence, assignment, asset, peopleOnlyOf(jdbc, b, 1).get(0));
    }

    @Test
    void coordinatorGets404ForSchoolBLicencesThroughEveryApiEndpointAlsoForGuessedIds() {
        SchoolB b = schoolB();
        Api coordinator = Api.as("coordinator", port, jdbc);
        long schoolB = Demo.atheneum(jdbc);
        String edit = Api.json(licenceBody(b.software(), schoolB, "PER_DEVICE", 11));
        for (long id : new long[] {b.licence(), GUESSED}) {
            String l = "/api/v1/licences/" + id;
            assertThat(coordinator.get(l).status()).as(l).isEqualTo(404);
            assertThat(coordinator.put(l, edit).status()).as("PUT " + l).isEqualTo(404);
            assertThat(coordinator.delete(l).status()).as("DELETE " + l).isEqualTo(404);
            assertThat(coordinator.get(l + "/assignments").status()).isEqualTo(404);
            assertThat(coordinator.post(l + "/assignments", "{\"assetId\":" + b.asset() + "}").status()).isEqualTo(404);
            assertThat(coordinator.get(l + "/assignments/" + b.assignment()).status()).isEqualTo(404);
            assertThat(coordinator.delete(l + "/assignments/" + b.assignment()).status()).isEqualTo(404);
            assertThat(coordinator.get(l + "/proof").status()).isEqualTo(404);
            assertThat(coordinator.get(l + "/proof/info").status()).isEqualTo(404);
            assertThat(coordinator.delete(l + "/proof").status()).isEqualTo(404);
            assertThat(LicenceTestData.upload(coordinator, port, "PUT", l + "/proof", "x.pdf", "application/pdf", PDF).status())
                    .isEqualTo(404);
            var problem = coordinator.get(l);
            assertThat(problem.contentType()).startsWith("application/problem+json");
        }
        assertThat(coordinator.get("/api/v1/licences/" + licenceOfA() + "/assignments/" + b.assignment()).status())
                .as("school B's assignment under a licence of A").isEqualTo(404);
        assertThat(coordinator.get("/api/v1/software/" + GUESSED).status()).isEqualTo(404);
        assertThat(coordinator.put("/api/v1/software/" + b.software() + "/schools/" + schoolB, "").status()).isEqualTo(404);
        assertThat(coordinator.put("/api/v1/software/" + b.software(), Api.json(Map.of("name", "Overgenomen",
                "category", "OTHER", "schoolIds", List.of(Demo.regenboog(jdbc))))).status()).isEqualTo(403);

        // lists and filters show nothing of school B
        JsonNode all = coordinator.get("/api/v1/licences?size=200").json();
        assertThat(all.get("items").findValuesAsString("schoolId")).doesNotContain(String.valueOf(schoolB));
        assertThat(coordinator.get("/api/v1/licences?software=" + b.software()).json().get("total").asLong()).isZero();
        assertThat(coordinator.get("/api/v1/licences?school=" + schoolB).status()).isEqualTo(404);
        assertThat(coordinator.get("/api/v1/licences?assetId=" + b.asset()).status()).isEqualTo(404);
        assertThat(coordinator.get("/api/v1/licences?personId=" + b.person()).status()).isEqualTo(404);
        assertThat(coordinator.get("/api/v1/licences/renewals?days=3650&size=200").json().get("items").findValuesAsString("schoolId"))
                .doesNotContain(String.valueOf(schoolB));
        assertThat(coordinator.get("/api/v1/licences/compliance").json().findValuesAsString("schoolId"))
                .doesNotContain(String.valueOf(schoolB));
        assertThat(coordinator.get("/api/v1/software?school=" + schoolB).status()).isEqualTo(404);
        assertThat(Api.as("admin", port, jdbc).get("/api/v1/licences/" + b.licence()).json().get("assignments").asLong())
                .as("nothing changed").isEqualTo(1);
    }

    long licenceOfA() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        return licence(coordinator, software(coordinator, unique("Regenboogtool"), a), a, "PER_DEVICE", 5);
    }

    @Test
    void coordinatorCannotAssignSchoolBsAssetsOrPeopleToTheirLicence() {
        SchoolB b = schoolB();
        Api coordinator = Api.as("coordinator", port, jdbc);
        long mine = licenceOfA();
        long before = count(jdbc, "licence_assignment");
        String path = "/api/v1/licences/" + mine + "/assignments";
        assertField(coordinator.post(path, "{\"assetId\":" + b.asset() + "}"), "assetId");
        assertField(coordinator.post(path, "{\"personId\":" + b.person() + "}"), "personId");
        assertField(coordinator.post(path, "{\"schoolId\":" + Demo.atheneum(jdbc) + "}"), "schoolId");
        assertField(coordinator.post(path, "{\"assetId\":" + GUESSED + "}"), "assetId");

        Browserless web = Browserless.signIn(port, "coordinator", "coordinator");
        var page = web.post("/licences/" + mine + "/assignments", Map.of("assetId", String.valueOf(b.asset())), "/licences/" + mine);
        assertThat(page.status()).isEqualTo(302);
        assertThat(web.get("/licences/" + mine).body()).contains("bestaat niet of u mag het niet zien");
        assertThat(web.get("/licences/" + mine + "/asset-options?q=AT-").body()).doesNotContain("AT-0");
        assertThat(count(jdbc, "licence_assignment")).isEqualTo(before);
    }

    @Test
    void coordinatorGets404ForSchoolBOnEveryPage() {
        SchoolB b = schoolB();
        Browserless web = Browserless.signIn(port, "coordinator", "coordinator");
        long schoolB = Demo.atheneum(jdbc);
        for (long id : new long[] {b.licence(), GUESSED}) {
            for (String path : new String[] {"/licences/" + id, "/licences/" + id + "/edit", "/licences/" + id + "/proof",
                    "/licences/" + id + "/asset-options?q=a", "/licences/" + id + "/person-options?q=a"}) {
                assertThat(web.get(path).status()).as(path).isEqualTo(404);
            }
            Map<String, Map<String, String>> posts = new LinkedHashMap<>();
            posts.put("/licences/" + id, Map.of("softwareId", String.valueOf(b.software()), "type", "SITE"));
            posts.put("/licences/" + id + "/delete", Map.of());
            posts.put("/licences/" + id + "/assignments", Map.of("schoolId", String.valueOf(schoolB)));
            posts.put("/licences/" + id + "/assignments/" + b.assignment() + "/delete", Map.of());
            posts.put("/licences/" + id + "/proof/delete", Map.of());
            posts.forEach((path, fields) -> assertThat(web.post(path, fields, "/licences").status()).as("POST " + path).isEqualTo(404));
        }
        for (String path : new String[] {"/licences/for-asset/" + b.asset(), "/licences/for-person/" + b.person(),
                "/licences/for-asset/" + GUESSED, "/licences/for-person/" + GUESSED, "/licences?school=" + schoolB,
                "/licences?assetId=" + b.asset(), "/software/" + GUESSED, "/software?school=" + schoolB}) {
            assertThat(web.get(path).status()).as(path).isEqualTo(404);
        }
        assertThat(web.post("/software/" + b.software() + "/schools/" + schoolB, Map.of("used", "true"), "/software").status())
                .isEqualTo(404);
        assertThat(web.get("/software/" + b.software() + "/edit").status()).isEqualTo(403);
        String list = web.get("/licences?size=200").body();
        assertThat(list).doesNotContain("/licences/" + b.licence() + "\"");
        assertThat(web.get("/software/" + b.software()).body()).as("the shared catalogue entry, without B's licence")
                .doesNotContain("/licences/" + b.licence() + "\"");
        assertThat(web.get("/licences/renewals?days=3650").body()).doesNotContain("/licences/" + b.licence() + "\"");
        assertThat(web.get("/licences/compliance").body()).doesNotContain("Gemeentelijk Atheneum Zonnebeke");
        assertThat(Api.as("admin", port, jdbc).get("/api/v1/licences/" + b.licence()).status()).as("still there").isEqualTo(200);
    }

    @Test
    void staffSeeNoLicences() {
        Api teacher = Api.as("teacher", port, jdbc);
        long a = Demo.regenboog(jdbc);
        long mine = licenceOfA();
        long sw = jdbc.sql("SELECT software_id FROM licence WHERE id = ?").param(mine).query(Long.class).single();
        assertThat(teacher.get("/api/v1/licences").status()).isEqualTo(403);
        assertThat(teacher.get("/api/v1/licences/renewals").status()).isEqualTo(403);
        assertThat(teacher.get("/api/v1/licences/compliance").status()).isEqualTo(403);
        assertThat(teacher.get("/api/v1/software").status()).isEqualTo(403);
        assertThat(teacher.get("/api/v1/licences/" + mine).status()).isEqualTo(404);
        assertThat(teacher.get("/api/v1/licences/" + mine + "/assignments").status()).isEqualTo(404);
        assertThat(teacher.get("/api/v1/software/" + sw).status()).isEqualTo(404);
        assertThat(teacher.post("/api/v1/licences", Api.json(licenceBody(sw, a, "SITE", null))).status()).isEqualTo(403);
        assertThat(teacher.post("/api/v1/software", "{\"name\":\"X\",\"category\":\"OTHER\",\"schoolIds\":[" + a + "]}").status())
                .isEqualTo(403);

        Browserless web = Browserless.signIn(port, "teacher", "teacher");
        for (String path : new String[] {"/licences", "/software", "/licences/renewals", "/licences/compliance", "/licences/new",
                "/software/new"}) {
            assertThat(web.get(path).status()).as(path).isEqualTo(403);
        }
        for (String path : new String[] {"/licences/" + mine, "/software/" + sw, "/licences/for-asset/" + assetOf(jdbc, a)}) {
            assertThat(web.get(path).status()).as(path).isEqualTo(404);
        }
        assertThat(web.get("/").body()).doesNotContain("/licences\"");
    }

    @Test
    void boardWideLicencesAreReadByCoordinatorsAndChangedByBoardAdminsOnly() {
        Api admin = Api.as("admin", port, jdbc);
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        long sw = software(admin, unique("Bestuurstool"), a, Demo.atheneum(jdbc));
        long board = licence(admin, sw, null, "SUBSCRIPTION", 500);
        long assignment = assign(admin, board, "schoolId", a);
        String l = "/api/v1/licences/" + board;

        var read = coordinator.get(l);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("schoolId").isNull()).isTrue();
        assertThat(coordinator.get("/api/v1/licences?board=true&software=" + sw).json().get("total").asLong()).isEqualTo(1);
        assertThat(coordinator.get(l + "/assignments").json().size()).isEqualTo(1);
        Map<String, Object> edit = licenceBody(sw, null, "SUBSCRIPTION", 600);
        assertThat(coordinator.put(l, Api.json(edit)).status()).isEqualTo(403);
        assertThat(coordinator.delete(l).status()).isEqualTo(403);
        assertThat(coordinator.post(l + "/assignments", "{\"schoolId\":" + a + "}").status()).isEqualTo(403);
        assertThat(coordinator.delete(l + "/assignments/" + assignment).status()).isEqualTo(403);
        assertThat(LicenceTestData.upload(coordinator, port, "PUT", l + "/proof", "x.pdf", "application/pdf", PDF).status()).isEqualTo(403);
        assertField(coordinator.post("/api/v1/licences", Api.json(licenceBody(sw, null, "SITE", null))), "schoolId");
        assertThat(Api.as("director", port, jdbc).get(l).status()).isEqualTo(200);
        assertThat(Api.as("dpo", port, jdbc).get(l).status()).isEqualTo(200);
        assertThat(Api.as("technician", port, jdbc).put(l, Api.json(edit)).status()).isEqualTo(403);

        var changed = admin.put(l, Api.json(edit));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("seats").asInt()).isEqualTo(600);

        Browserless web = Browserless.signIn(port, "coordinator", "coordinator");
        var page = web.get("/licences/" + board);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().select("#edit-licence, #assign, #proof-form")).as("no change buttons").isEmpty();
        assertThat(web.get("/licences/" + board + "/edit").status()).isEqualTo(403);
        assertThat(web.post("/licences/" + board + "/delete", Map.of(), "/licences/" + board).status()).isEqualTo(403);
    }

    @Test
    void readersAndManagersPerRole() {
        SchoolB b = schoolB();
        long mine = licenceOfA();
        Map<String, Object> edit = licenceBody(jdbc.sql("SELECT software_id FROM licence WHERE id = ?").param(mine)
                .query(Long.class).single(), null, "PER_DEVICE", 6);
        Api director = Api.as("director", port, jdbc);
        assertThat(director.get("/api/v1/licences/" + mine).status()).isEqualTo(200);
        assertThat(director.put("/api/v1/licences/" + mine, Api.json(edit)).status()).isEqualTo(403);
        assertThat(director.get("/api/v1/licences/" + b.licence()).status()).isEqualTo(404);
        Api dpo = Api.as("dpo", port, jdbc);
        assertThat(dpo.get("/api/v1/licences/" + b.licence()).status()).as("DPO reads every school").isEqualTo(200);
        assertThat(dpo.delete("/api/v1/licences/" + b.licence()).status()).isEqualTo(403);
        Api technician = Api.as("technician", port, jdbc);
        var changed = technician.put("/api/v1/licences/" + b.licence(), Api.json(licenceBody(b.software(), null, "PER_DEVICE", 12)));
        assertThat(changed.status()).as("technicians manage licences of their schools").isEqualTo(200);
    }
}
