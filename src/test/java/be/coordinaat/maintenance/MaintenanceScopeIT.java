package be.coordinaat.maintenance;

import static be.coordinaat.maintenance.MaintenanceFlowIT.ids;
import static be.coordinaat.maintenance.MaintenanceFlowIT.result;
import static be.coordinaat.maintenance.MaintenanceTestData.asset;
import static be.coordinaat.maintenance.MaintenanceTestData.ictService;
import static be.coordinaat.maintenance.MaintenanceTestData.plan;
import static be.coordinaat.maintenance.MaintenanceTestData.room;
import static be.coordinaat.maintenance.MaintenanceTestData.roomPlan;
import static be.coordinaat.maintenance.MaintenanceTestData.unique;
import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Browserless;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import be.coordinaat.shared.web.Formats;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * School scope and roles for every maintenance endpoint: the coordinator of school A sees nothing of school B, whatever
 * id they try; staff without the permission see nothing; an external organisation's account (the municipal ICT
 * service) sees and does only the plans assigned to its organisation and their assets, never the rest, and changes no
 * plan.
 */
@IntegrationTest
class MaintenanceScopeIT {

    static final long GUESSED = 987654321L;

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    /** A plan of school B on a room with one asset, with an open occurrence and a log entry, made by the board admin. */
    record Fixture(long plan, long occurrence, long target, long asset, long log, long room) {}

    Fixture planIn(long school, Long organisation) {
        Api admin = Api.as("admin", port, jdbc);
        long room = room(jdbc, school);
        long asset = asset(admin, school, "PROJECTOR", room);
        long plan = plan(admin, roomPlan(school, room, unique("Scope"), LocalDate.now(Formats.ZONE), organisation, "Kijken"));
        JsonNode oc = admin.post("/api/v1/maintenance/plans/" + plan + "/occurrences", "").json();
        var log = admin.post("/api/v1/maintenance/assets/" + asset + "/logs",
                Api.json(Map.of("performedOn", LocalDate.now(Formats.ZONE).toString(), "summary", "Lamp vervangen")));
        assertThat(log.status()).as(log.toString()).isEqualTo(201);
        return new Fixture(plan, oc.get("id").asLong(), oc.get("targets").get(0).get("id").asLong(), asset,
                log.json().get("id").asLong(), room);
    }

    @Test
    void coordinatorOfSchoolAGets404ForSchoolBThroughEveryApiEndpointAlsoForGuessedIds() {
        long schoolB = Demo.atheneum(jdbc);
        Fixture b = planIn(schoolB, null);
        Api coordinator = Api.as("coordinator", port, jdbc);
        String body = Api.json(roomPlan(schoolB, b.room(), "x", LocalDate.now(Formats.ZONE), null, "x"));
        for (long id : new long[] {b.plan(), GUESSED}) {
            String p = "/api/v1/maintenance/plans/" + id;
            assertThat(coordinator.get(p).status()).as(p).isEqualTo(404);
            assertThat(coordinator.get(p).contentType()).startsWith("application/problem+json");
            assertThat(coordinator.put(p, body).status()).as("PUT " + p).isEqualTo(404);
            assertThat(coordinator.delete(p).status()).as("DELETE " + p).isEqualTo(404);
            assertThat(coordinator.get(p + "/targets").status()).isEqualTo(404);
            assertThat(coordinator.get(p + "/occurrences").status()).isEqualTo(404);
            assertThat(coordinator.post(p + "/occurrences", "").status()).isEqualTo(404);
        }
        for (long id : new long[] {b.occurrence(), GUESSED}) {
            String o = "/api/v1/maintenance/occurrences/" + id;
            assertThat(coordinator.get(o).status()).as(o).isEqualTo(404);
            assertThat(coordinator.put(o + "/results", Api.json(Map.of("results", List.of(result(b.target(), 0, "DONE", null)))))
                    .status()).isEqualTo(404);
            assertThat(coordinator.post(o + "/complete", "{}").status()).isEqualTo(404);
        }
        for (long id : new long[] {b.log(), GUESSED}) {
            assertThat(coordinator.get("/api/v1/maintenance/logs/" + id).status()).isEqualTo(404);
            assertThat(coordinator.delete("/api/v1/maintenance/logs/" + id).status()).isEqualTo(404);
        }
        assertThat(coordinator.get("/api/v1/maintenance/logs?assetId=" + b.asset()).status()).isEqualTo(404);
        assertThat(coordinator.get("/api/v1/maintenance/logs?school=" + schoolB).status()).isEqualTo(404);
        assertThat(coordinator.post("/api/v1/maintenance/assets/" + b.asset() + "/logs",
                Api.json(Map.of("performedOn", "2025-01-01", "summary", "x"))).status()).isEqualTo(404);
        assertThat(coordinator.get("/api/v1/maintenance/due?school=" + schoolB).status()).isEqualTo(404);
        assertThat(coordinator.get("/api/v1/maintenance/plans?school=" + schoolB).status()).isEqualTo(404);
        // lists never show it
        assertThat(ids(coordinator.get("/api/v1/maintenance/plans?size=200").json().get("items"))).doesNotContain(b.plan());
        assertThat(ids(coordinator.get("/api/v1/maintenance/due?days=366&size=200").json().get("items"))).doesNotContain(b.plan());
        assertThat(ids(coordinator.get("/api/v1/maintenance/logs?size=200").json().get("items"))).doesNotContain(b.log());
        // creating in B, or pointing a plan of A at B's room or asset, is a field error
        var inB = coordinator.post("/api/v1/maintenance/plans", body);
        assertThat(inB.status()).isEqualTo(400);
        assertThat(MaintenanceFlowIT.fields(inB.json())).containsExactly("schoolId");
        long schoolA = Demo.regenboog(jdbc);
        var roomOfB = coordinator.post("/api/v1/maintenance/plans", Api.json(roomPlan(schoolA, b.room(), "x",
                LocalDate.now(Formats.ZONE), null, "x")));
        assertThat(MaintenanceFlowIT.fields(roomOfB.json())).containsExactly("targetRoomId");
        var assetOfB = Map.<String, Object>of("schoolId", schoolA, "name", "x", "targetType", "ASSET", "targetAssetId", b.asset(),
                "recurrence", "WEEKS", "every", 1, "checklist", List.of("x"));
        assertThat(MaintenanceFlowIT.fields(coordinator.post("/api/v1/maintenance/plans", Api.json(assetOfB)).json()))
                .containsExactly("targetAssetId");
        // nothing changed
        assertThat(jdbc.sql("SELECT count(*) FROM maintenance_plan WHERE id = ?").param(b.plan()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM maintenance_check c JOIN maintenance_target t ON t.id = c.target_id"
                + " WHERE t.occurrence_id = ?").param(b.occurrence()).query(Long.class).single()).isZero();
    }

    @Test
    void coordinatorOfSchoolAGets404ForSchoolBPages() {
        Fixture b = planIn(Demo.atheneum(jdbc), null);
        Browserless web = Browserless.signIn(port, "coordinator", "coordinator");
        for (String path : List.of("/maintenance/plans/" + b.plan(), "/maintenance/plans/" + b.plan() + "/edit",
                "/maintenance/occurrences/" + b.occurrence(), "/maintenance/assets/" + b.asset() + "/log",
                "/maintenance/assets/" + b.asset() + "/log/new", "/maintenance/plans/" + GUESSED,
                "/maintenance/due?school=" + Demo.atheneum(jdbc))) {
            assertThat(web.get(path).status()).as(path).isEqualTo(404);
        }
        for (String path : List.of("/maintenance/plans/" + b.plan() + "/delete", "/maintenance/plans/" + b.plan() + "/start",
                "/maintenance/occurrences/" + b.occurrence(), "/maintenance/log/" + b.log() + "/delete")) {
            assertThat(web.post(path, Map.of("action", "complete", "r_" + b.target() + "_0", "DONE", "active", "false"),
                    "/maintenance").status()).as("POST " + path).isEqualTo(404);
        }
        String list = web.get("/maintenance").body();
        assertThat(list).doesNotContain("data-plan=\"" + b.plan() + "\"");
        assertThat(jdbc.sql("SELECT status FROM maintenance_occurrence WHERE id = ?").param(b.occurrence()).query(String.class)
                .single()).isEqualTo("OPEN");
    }

    @Test
    void theMunicipalIctServiceSeesAndDoesOnlyThePlansAssignedToItsOrganisation() {
        long schoolA = Demo.regenboog(jdbc);
        long ict = ictService(jdbc);
        Fixture theirs = planIn(schoolA, ict);
        Fixture notTheirs = planIn(schoolA, null);
        Api ictdienst = Api.as("ictdienst", port, jdbc);

        JsonNode list = ictdienst.get("/api/v1/maintenance/plans?size=200").json().get("items");
        assertThat(ids(list)).contains(theirs.plan()).doesNotContain(notTheirs.plan());
        list.forEach(p -> assertThat(p.get("assigneeOrganisationId").asLong()).isEqualTo(ict));
        JsonNode due = ictdienst.get("/api/v1/maintenance/due?days=366&size=200").json().get("items");
        due.forEach(p -> assertThat(p.get("assigneeOrganisationId").asLong()).isEqualTo(ict));
        assertThat(ids(due)).contains(theirs.plan()).doesNotContain(notTheirs.plan());

        // the rest is not found, also by guessed ids
        assertThat(ictdienst.get("/api/v1/maintenance/plans/" + notTheirs.plan()).status()).isEqualTo(404);
        assertThat(ictdienst.get("/api/v1/maintenance/plans/" + notTheirs.plan() + "/targets").status()).isEqualTo(404);
        assertThat(ictdienst.post("/api/v1/maintenance/plans/" + notTheirs.plan() + "/occurrences", "").status()).isEqualTo(404);
        assertThat(ictdienst.get("/api/v1/maintenance/occurrences/" + notTheirs.occurrence()).status()).isEqualTo(404);
        assertThat(ictdienst.post("/api/v1/maintenance/occurrences/" + notTheirs.occurrence() + "/complete", "{}").status()).isEqualTo(404);
        assertThat(ictdienst.get("/api/v1/maintenance/logs?assetId=" + notTheirs.asset()).status()).isEqualTo(404);
        assertThat(ictdienst.get("/api/v1/maintenance/logs/" + notTheirs.log()).status()).isEqualTo(404);
        assertThat(ids(ictdienst.get("/api/v1/maintenance/logs?size=200").json().get("items"))).doesNotContain(notTheirs.log());

        // their own: plan, targets and the targets' log; they carry it out
        assertThat(ictdienst.get("/api/v1/maintenance/plans/" + theirs.plan()).status()).isEqualTo(200);
        assertThat(ids(ictdienst.get("/api/v1/maintenance/logs?assetId=" + theirs.asset()).json().get("items"))).contains(theirs.log());
        var done = ictdienst.post("/api/v1/maintenance/occurrences/" + theirs.occurrence() + "/complete",
                Api.json(Map.of("results", List.of(result(theirs.target(), 0, "DONE", null)))));
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(ictdienst.post("/api/v1/maintenance/assets/" + theirs.asset() + "/logs",
                Api.json(Map.of("performedOn", LocalDate.now(Formats.ZONE).toString(), "summary", "Firmware bijgewerkt"))).status())
                .isEqualTo(201);

        // but they change no plan
        String body = Api.json(roomPlan(schoolA, theirs.room(), "x", LocalDate.now(Formats.ZONE), ict, "x"));
        assertThat(ictdienst.post("/api/v1/maintenance/plans", body).status()).isEqualTo(403);
        assertThat(ictdienst.put("/api/v1/maintenance/plans/" + theirs.plan(), body).status()).isEqualTo(403);
        assertThat(ictdienst.delete("/api/v1/maintenance/plans/" + theirs.plan()).status()).isEqualTo(403);
        // nor see the network documentation
        assertThat(ictdienst.get("/api/v1/network/vlans").status()).isEqualTo(403);
        long vlanA = jdbc.sql("SELECT min(id) FROM network_vlan WHERE school_id = ?").param(schoolA).query(Long.class).single();
        assertThat(ictdienst.get("/api/v1/network/vlans/" + vlanA).status()).isEqualTo(404);
        assertThat(ictdienst.get("/api/v1/network/schools/" + schoolA).status()).isEqualTo(404);

        Browserless web = Browserless.signIn(port, "ictdienst", "ictdienst");
        String page = web.get("/maintenance").body();
        assertThat(page).contains("data-plan=\"" + theirs.plan() + "\"").doesNotContain("data-plan=\"" + notTheirs.plan() + "\"");
        assertThat(web.get("/maintenance/plans/" + notTheirs.plan()).status()).isEqualTo(404);
        assertThat(web.get("/maintenance/occurrences/" + notTheirs.occurrence()).status()).isEqualTo(404);
        assertThat(web.get("/maintenance/plans/" + theirs.plan()).status()).isEqualTo(200);
        assertThat(web.get("/maintenance/plans/" + theirs.plan()).body()).doesNotContain("id=\"edit-plan\"");
        assertThat(web.get("/maintenance/plans/" + theirs.plan() + "/edit").status()).isEqualTo(403);
        assertThat(web.get("/maintenance/plans/new").status()).isEqualTo(403);
        assertThat(web.get("/network").status()).isEqualTo(403);
        assertThat(web.get("/network/schools/" + schoolA).status()).isEqualTo(404);
        assertThat(web.get("/").body()).contains("nav-maintenance").doesNotContain("id=\"nav-assets\"");
    }

    @Test
    void staffWithoutThePermissionSeeNothingAndReadersChangeNothing() {
        long schoolA = Demo.regenboog(jdbc);
        Fixture a = planIn(schoolA, null);
        Api teacher = Api.as("teacher", port, jdbc);
        assertThat(teacher.get("/api/v1/maintenance/plans").status()).isEqualTo(403);
        assertThat(teacher.get("/api/v1/maintenance/due").status()).isEqualTo(403);
        assertThat(teacher.get("/api/v1/maintenance/logs").status()).isEqualTo(403);
        assertThat(teacher.get("/api/v1/maintenance/plans/" + a.plan()).status()).isEqualTo(404);
        assertThat(teacher.get("/api/v1/maintenance/occurrences/" + a.occurrence()).status()).isEqualTo(404);
        assertThat(teacher.get("/api/v1/maintenance/logs/" + a.log()).status()).isEqualTo(404);
        assertThat(teacher.post("/api/v1/maintenance/plans", Api.json(roomPlan(schoolA, a.room(), "x",
                LocalDate.now(Formats.ZONE), null, "x"))).status()).isEqualTo(403);
        assertThat(teacher.get("/api/v1/network/vlans").status()).isEqualTo(403);
        Browserless teacherWeb = Browserless.signIn(port, "teacher", "teacher");
        assertThat(teacherWeb.get("/maintenance").status()).isEqualTo(403);
        assertThat(teacherWeb.get("/maintenance/plans/" + a.plan()).status()).isEqualTo(404);
        assertThat(teacherWeb.get("/network").status()).isEqualTo(403);
        assertThat(teacherWeb.get("/").body()).doesNotContain("nav-maintenance");

        // the director reads, and changes nothing
        Api director = Api.as("director", port, jdbc);
        assertThat(director.get("/api/v1/maintenance/plans/" + a.plan()).status()).isEqualTo(200);
        assertThat(director.post("/api/v1/maintenance/plans/" + a.plan() + "/occurrences", "").status()).isEqualTo(403);
        assertThat(director.post("/api/v1/maintenance/occurrences/" + a.occurrence() + "/complete",
                Api.json(Map.of("results", List.of(result(a.target(), 0, "DONE", null))))).status()).isEqualTo(403);
        assertThat(director.delete("/api/v1/maintenance/plans/" + a.plan()).status()).isEqualTo(403);
        assertThat(director.post("/api/v1/maintenance/assets/" + a.asset() + "/logs",
                Api.json(Map.of("performedOn", "2025-01-01", "summary", "x"))).status()).isEqualTo(403);
        Browserless directorWeb = Browserless.signIn(port, "director", "director");
        String page = directorWeb.get("/maintenance/plans/" + a.plan()).body();
        assertThat(page).doesNotContain("id=\"start-occurrence\"").doesNotContain("id=\"edit-plan\"");
        assertThat(directorWeb.get("/maintenance/plans/" + a.plan() + "/edit").status()).isEqualTo(403);
    }
}
