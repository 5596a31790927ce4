package be.coordinaat.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Browserless;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Charging carts: devices put in and taken out, the bulk check-out of a cart to a class, scope and history. */
@IntegrationTest
class CartIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    long asset(Api api, long school, String kind) {
        var r = api.post("/api/v1/assets", Api.json(Map.of("schoolId", school, "kind", kind, "serial", "C" + System.nanoTime())));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    String tag(long id) {
        return jdbc.sql("SELECT tag FROM asset WHERE id = ?").param(id).query(String.class).single();
    }

    @Test
    void aCartsDevicesAreLentToAClassInOneGo() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        long cart = asset(coordinator, a, "CHARGING_CART");
        int pupils = jdbc.sql("SELECT count(*) FROM person p JOIN person_school ps ON ps.person_id = p.id AND ps.school_id = ? "
                + "WHERE p.kind = 'PUPIL' AND p.class_name = '5A'").param(a).query(Integer.class).single();
        List<String> tags = new ArrayList<>();
        List<Long> devices = new ArrayList<>();
        for (int i = 0; i < pupils; i++) {
            long d = asset(coordinator, a, "CHROMEBOOK");
            devices.add(d);
            tags.add(tag(d));
        }
        long monitor = asset(coordinator, a, "MONITOR");

        // all or none: a monitor and an unknown tag are named, nothing moves
        var refused = coordinator.post("/api/v1/assets/" + cart + "/devices",
                Api.json(Map.of("tags", String.join(", ", tags) + " " + tag(monitor) + " NIET-BESTAAND")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains(tag(monitor)).contains("NIET-BESTAAND");
        assertThat(coordinator.get("/api/v1/assets/" + cart + "/devices").json()).isEmpty();

        var put = coordinator.post("/api/v1/assets/" + cart + "/devices", Api.json(Map.of("tags", String.join("\n", tags))));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.json().get("moved").asInt()).isEqualTo(pupils);
        assertThat(coordinator.get("/api/v1/assets/" + cart + "/devices").json()).hasSize(pupils);
        assertThat(jdbc.sql("SELECT count(*) FROM history_entry WHERE record_type = 'asset' AND record_id = ? AND changes::text LIKE '%cart%'")
                .param(devices.get(0)).query(Long.class).single()).isEqualTo(1);

        // one device in repair stays out of the loan; the others go to the class in name order
        assertThat(coordinator.post("/api/v1/assets/" + devices.get(0) + "/status", "{\"status\":\"IN_REPAIR\"}").status()).isEqualTo(200);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schoolId", a);
        body.put("cartId", cart);
        body.put("className", "5A");
        body.put("expectedReturn", LocalDate.now(ZoneId.of("Europe/Brussels")).plusMonths(6).toString());
        var preview = coordinator.post("/api/v1/loans/bulk?preview=true", Api.json(body));
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        assertThat(preview.json().get("rows")).hasSize(pupils);
        assertThat(preview.json().get("rows").get(pupils - 1).get("problem").asString()).contains("no device left");
        assertThat(coordinator.post("/api/v1/loans/bulk", Api.json(body)).status()).as("all or nothing").isEqualTo(400);

        assertThat(coordinator.post("/api/v1/assets/" + devices.get(0) + "/status", "{\"status\":\"IN_STOCK\"}").status()).isEqualTo(200);
        var lent = coordinator.post("/api/v1/loans/bulk", Api.json(body));
        assertThat(lent.status()).as(lent.toString()).isEqualTo(200);
        assertThat(lent.json().get("loanIds")).hasSize(pupils);
        assertThat(jdbc.sql("SELECT count(*) FROM asset WHERE cart_id = ? AND status = 'ON_LOAN'").param(cart).query(Long.class).single())
                .isEqualTo(pupils);

        // taking one out
        assertThat(coordinator.delete("/api/v1/assets/" + cart + "/devices/" + devices.get(1)).status()).isEqualTo(204);
        assertThat(coordinator.get("/api/v1/assets/" + cart + "/devices").json()).hasSize(pupils - 1);
        assertThat(coordinator.delete("/api/v1/assets/" + cart + "/devices/" + devices.get(1)).status()).isEqualTo(404);
    }

    @Test
    void theCartPanelShowsTheDevicesAndTheDevicesPageItsCart() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        long cart = asset(coordinator, a, "CHARGING_CART");
        long device = asset(coordinator, a, "TABLET");
        Browserless browser = Browserless.signIn(port, "coordinator", "coordinator");
        var added = browser.post("/inventory/assets/" + cart + "/cart", Map.of("tags", tag(device)), "/inventory/assets/" + cart);
        assertThat(added.status()).isEqualTo(302);
        assertThat(browser.get("/inventory/assets/" + cart + "/cart").body()).contains(tag(device)).contains("Uitlenen aan een klas");
        assertThat(browser.get("/inventory/assets/" + device + "/cart").body()).contains("Staat in laadkar").contains(tag(cart));
        var bulk = browser.get("/inventory/loans/bulk?school=" + a + "&cart=" + cart);
        assertThat(bulk.status()).isEqualTo(200);
        assertThat(bulk.document().select("#cartId option[selected]").attr("value")).isEqualTo(String.valueOf(cart));

        var bad = browser.post("/inventory/assets/" + cart + "/cart", Map.of("tags", "<script>x</script>"), "/inventory/assets/" + cart);
        assertThat(bad.status()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT count(*) FROM asset WHERE cart_id = ?").param(cart).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anotherSchoolsCartIsNotFoundAndStaffCannotChangeCarts() {
        long a = Demo.regenboog(jdbc);
        long b = Demo.atheneum(jdbc);
        Api admin = Api.as("admin", port, jdbc);
        long cartB = asset(admin, b, "CHARGING_CART");
        long deviceB = asset(admin, b, "TABLET");
        long deviceA = asset(admin, a, "TABLET");
        Api coordinator = Api.as("coordinator", port, jdbc);
        assertThat(coordinator.get("/api/v1/assets/" + cartB + "/devices").status()).isEqualTo(404);
        assertThat(coordinator.post("/api/v1/assets/" + cartB + "/devices", Api.json(Map.of("tags", tag(deviceA)))).status()).isEqualTo(404);
        assertThat(coordinator.delete("/api/v1/assets/" + cartB + "/devices/" + deviceB).status()).isEqualTo(404);
        Browserless browser = Browserless.signIn(port, "coordinator", "coordinator");
        assertThat(browser.get("/inventory/assets/" + cartB + "/cart").status()).isEqualTo(404);
        assertThat(browser.post("/inventory/assets/" + cartB + "/cart", Map.of("tags", tag(deviceA)), "/inventory/assets").status()).isEqualTo(404);
        // a cart of school A cannot take a device of school B, even by its tag
        long cartA = asset(coordinator, a, "CHARGING_CART");
        var cross = coordinator.post("/api/v1/assets/" + cartA + "/devices", Api.json(Map.of("tags", tag(deviceB))));
        assertThat(cross.status()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT cart_id FROM asset WHERE id = ?").param(deviceB).query(Long.class).optional()).isEmpty();
        // staff see no inventory; the director reads but changes nothing
        assertThat(Api.as("teacher", port, jdbc).get("/api/v1/assets/" + cartA + "/devices").status()).isIn(403, 404);
        assertThat(Api.as("director", port, jdbc).get("/api/v1/assets/" + cartA + "/devices").status()).isEqualTo(200);
        assertThat(Api.as("director", port, jdbc).post("/api/v1/assets/" + cartA + "/devices",
                Api.json(Map.of("tags", tag(deviceA)))).status()).isEqualTo(403);
        // a bulk check-out from another school's cart is refused
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schoolId", a);
        body.put("cartId", cartB);
        body.put("className", "5A");
        body.put("expectedReturn", LocalDate.now(ZoneId.of("Europe/Brussels")).plusMonths(6).toString());
        var bulk = coordinator.post("/api/v1/loans/bulk?preview=true", Api.json(body));
        assertThat(bulk.status()).isEqualTo(400);
        assertThat(bulk.body()).contains("cartId");
    }
}
