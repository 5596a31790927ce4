package be.coordinaat.people;

import static be.coordinaat.people.PeopleTestData.count;
import static be.coordinaat.people.PeopleTestData.history;
import static be.coordinaat.people.PeopleTestData.person;
import static be.coordinaat.people.PeopleTestData.pupil;
import static be.coordinaat.people.PeopleTestData.staff;
import static be.coordinaat.people.PeopleTestData.unique;
import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class PeopleApiIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void coordinatorCreatesEditsAndDeletesAStaffMemberWithHistory() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        String last = unique("Vermeersch");
        var created = coordinator.post("/api/v1/people", Api.json(staff("Jolien", last, a)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("kind").asString()).isEqualTo("STAFF");
        assertThat(created.json().get("schools").get(0).get("id").asLong()).isEqualTo(a);
        assertThat(coordinator.get("/api/v1/people/" + id).json().get("lastName").asString()).isEqualTo(last);

        Map<String, Object> edit = staff("Jolien", last, a);
        edit.put("functionTitle", "Zorgleerkracht");
        edit.put("version", created.json().get("version").asInt());
        var updated = coordinator.put("/api/v1/people/" + id, Api.json(edit));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("functionTitle").asString()).isEqualTo("Zorgleerkracht");

        var stale = coordinator.put("/api/v1/people/" + id, Api.json(edit));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.contentType()).startsWith("application/problem+json");

        assertThat(coordinator.delete("/api/v1/people/" + id).status()).isEqualTo(204);
        assertThat(coordinator.get("/api/v1/people/" + id).status()).isEqualTo(404);

        List<String> entries = history(jdbc, "person", id);
        assertThat(entries).hasSize(3);
        assertThat(entries.get(0)).startsWith("CREATED|Koen Coördinator (coordinator)|").contains(last).contains("Leerkracht");
        assertThat(entries.get(1)).startsWith("UPDATED|").contains("Zorgleerkracht").doesNotContain("firstName");
        assertThat(entries.get(2)).startsWith("DELETED|").contains(last);
        assertThat(jdbc.sql("SELECT school_id FROM history_entry WHERE record_type = 'person' AND record_id = ? LIMIT 1")
                .param(id).query(Long.class).single()).isEqualTo(a);
    }

    @Test
    void pupilsHaveOnlyMinimalDataAndOneSchool() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        String last = unique("Debaene");
        Map<String, Object> body = pupil("Wout", last, "4C", a);
        body.put("adminNumber", "RB-0042");
        var created = coordinator.post("/api/v1/people", Api.json(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        JsonNode json = created.json();
        assertThat(json.get("className").asString()).isEqualTo("4C");
        assertThat(json.get("adminNumber").asString()).isEqualTo("RB-0042");
        assertThat(json.get("email").isNull()).isTrue();

        body.put("className", "5C");
        body.put("version", json.get("version").asInt());
        var moved = coordinator.put("/api/v1/people/" + id, Api.json(body));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().get("className").asString()).isEqualTo("5C");
        assertThat(history(jdbc, "person", id).get(1)).startsWith("UPDATED|").contains("\"className\"").contains("4C").contains("5C");

        // a pupil cannot become staff, nor get staff fields
        Map<String, Object> toStaff = staff("Wout", last, a);
        toStaff.put("version", moved.json().get("version").asInt());
        assertThat(fields(coordinator.put("/api/v1/people/" + id, Api.json(toStaff)))).containsExactly("kind");
        body.put("version", moved.json().get("version").asInt());
        body.put("phone", "0470 11 22 33");
        assertThat(fields(coordinator.put("/api/v1/people/" + id, Api.json(body)))).containsExactly("phone");
        assertThat(coordinator.get("/api/v1/people/" + id).json().get("kind").asString()).isEqualTo("PUPIL");
    }

    @Test
    void badInputGetsFieldErrorsAndStoresNothing() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        long b = Demo.atheneum(jdbc);
        long persons = count(jdbc, "person");
        long links = count(jdbc, "person_school");

        var empty = coordinator.post("/api/v1/people", Api.json(staff(" ", "", a)));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.contentType()).startsWith("application/problem+json");
        assertThat(fields(empty)).contains("firstName", "lastName");

        var oversized = coordinator.post("/api/v1/people", Api.json(staff("x".repeat(5000), "Peeters", a)));
        assertThat(oversized.status()).isEqualTo(400);
        assertThat(oversized.json().get("errors").toString()).contains("firstName").contains("at most 100");

        Map<String, Object> badMail = staff("Jan", "Peeters", a);
        badMail.put("email", "jan.peeters-at-school");
        var invalidEmail = coordinator.post("/api/v1/people", Api.json(badMail));
        assertThat(invalidEmail.status()).isEqualTo(400);
        assertThat(fields(invalidEmail)).containsExactly("email");

        var unknownSchool = coordinator.post("/api/v1/people", Api.json(staff("Jan", "Peeters", 999_999_999L)));
        assertThat(unknownSchool.status()).isEqualTo(400);
        assertThat(fields(unknownSchool)).containsExactly("schoolIds");

        var noSchool = coordinator.post("/api/v1/people", Api.json(staff("Jan", "Peeters")));
        assertThat(noSchool.status()).isEqualTo(400);
        assertThat(fields(noSchool)).containsExactly("schoolIds");

        var twoSchools = Api.as("admin", port, jdbc).post("/api/v1/people", Api.json(pupil("Lotte", "Maes", "1A", a, b)));
        assertThat(twoSchools.status()).isEqualTo(400);
        assertThat(twoSchools.json().get("errors").toString()).contains("schoolIds").contains("exactly one school");

        Map<String, Object> chatty = pupil("Lotte", "Maes", "5A", a);
        chatty.put("email", "lotte@example.org");
        chatty.put("functionTitle", "Klasverantwoordelijke");
        var pupilWithStaffFields = coordinator.post("/api/v1/people", Api.json(chatty));
        assertThat(pupilWithStaffFields.status()).isEqualTo(400);
        assertThat(fields(pupilWithStaffFields)).containsExactlyInAnyOrder("email", "functionTitle");

        var pupilWithoutClass = coordinator.post("/api/v1/people", Api.json(pupil("Lotte", "Maes", " ", a)));
        assertThat(pupilWithoutClass.status()).isEqualTo(400);
        assertThat(fields(pupilWithoutClass)).containsExactly("className");

        Map<String, Object> staffWithClass = staff("Jan", "Peeters", a);
        staffWithClass.put("className", "5A");
        assertThat(fields(coordinator.post("/api/v1/people", Api.json(staffWithClass)))).containsExactly("className");

        Map<String, Object> noKind = staff("Jan", "Peeters", a);
        noKind.remove("kind");
        assertThat(fields(coordinator.post("/api/v1/people", Api.json(noKind)))).containsExactly("kind");

        Map<String, Object> badKind = staff("Jan", "Peeters", a);
        badKind.put("kind", "PARENT");
        assertThat(fields(coordinator.post("/api/v1/people", Api.json(badKind)))).containsExactly("kind");

        var malformed = coordinator.post("/api/v1/people", "{\"kind\": \"STAFF\", \"firstName\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");

        Map<String, Object> unknown = staff("Jan", "Peeters", a);
        unknown.put("birthDate", "2015-01-01");
        var unknownField = coordinator.post("/api/v1/people", Api.json(unknown));
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(fields(unknownField)).containsExactly("birthDate");

        var wrongType = coordinator.post("/api/v1/people", Api.json(Map.of("kind", "STAFF", "firstName", "Jan",
                "lastName", "Peeters", "schoolIds", "regenboog")));
        assertThat(wrongType.status()).isEqualTo(400);

        assertThat(count(jdbc, "person")).isEqualTo(persons);
        assertThat(count(jdbc, "person_school")).isEqualTo(links);
    }

    @Test
    void coordinatorOfSchoolACannotSeeOrChangePeopleOfSchoolB() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        long b = Demo.atheneum(jdbc);
        long staffB = person(jdbc, "Els", "Vanhoutte");
        long pupilB = jdbc.sql("""
                SELECT min(p.id) FROM person p JOIN person_school ps ON ps.person_id = p.id
                WHERE p.kind = 'PUPIL' AND ps.school_id = ?""").param(b).query(Long.class).single();
        long maxId = jdbc.sql("SELECT max(id) FROM person").query(Long.class).single();

        for (long id : new long[] {staffB, pupilB, maxId + 1000, -1}) {
            assertThat(coordinator.get("/api/v1/people/" + id).status()).as("GET " + id).isEqualTo(404);
            Map<String, Object> body = staff("Gekaapt", "Gekaapt", a);
            body.put("version", 0);
            assertThat(coordinator.put("/api/v1/people/" + id, Api.json(body)).status()).as("PUT " + id).isEqualTo(404);
            assertThat(coordinator.delete("/api/v1/people/" + id).status()).as("DELETE " + id).isEqualTo(404);
        }
        assertThat(jdbc.sql("SELECT last_name FROM person WHERE id = ?").param(staffB).query(String.class).single())
                .isEqualTo("Vanhoutte");

        // the list holds only school A's people, whatever the filter asks
        JsonNode all = coordinator.get("/api/v1/people?size=200").json();
        assertThat(all.get("items").findValuesAsString("lastName")).contains("Desmet").doesNotContain("Vanhoutte");
        for (JsonNode p : all.get("items")) {
            assertThat(p.get("schools").findValuesAsString("id").stream().map(Long::valueOf).toList()).as(p.toString()).contains(a);
        }
        assertThat(coordinator.get("/api/v1/people?schoolId=" + b).json().get("total").asLong()).isZero();
        assertThat(coordinator.get("/api/v1/people?q=vanhoutte").json().get("total").asLong()).isZero();
        assertThat(coordinator.get("/api/v1/people?className=1A").json().get("total").asLong()).isZero();

        // no person can be created in school B, alone or together with A
        long persons = count(jdbc, "person");
        var inB = coordinator.post("/api/v1/people", Api.json(staff("Indringer", "Indringer", b)));
        assertThat(inB.status()).isEqualTo(400);
        assertThat(fields(inB)).containsExactly("schoolIds");
        assertThat(coordinator.post("/api/v1/people", Api.json(staff("Indringer", "Indringer", a, b))).status()).isEqualTo(400);
        assertThat(coordinator.post("/api/v1/people", Api.json(pupil("Indringer", "Indringer", "1A", b))).status()).isEqualTo(400);
        assertThat(count(jdbc, "person")).isEqualTo(persons);

        // someone working in both schools is visible, but only changed by who may manage both
        long both = person(jdbc, "Ann", "Deprez");
        var shared = coordinator.get("/api/v1/people/" + both);
        assertThat(shared.status()).isEqualTo(200);
        Map<String, Object> onlyA = staff("Ann", "Deprez", a);
        onlyA.put("version", shared.json().get("version").asInt());
        assertThat(coordinator.put("/api/v1/people/" + both, Api.json(onlyA)).status()).isEqualTo(403);
        assertThat(coordinator.delete("/api/v1/people/" + both).status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM person_school WHERE person_id = ?").param(both).query(Long.class).single())
                .isEqualTo(2);

        // moving one of school A's people to school B is refused too
        long own = coordinator.post("/api/v1/people", Api.json(staff("Verhuis", unique("Naar"), a))).json().get("id").asLong();
        Map<String, Object> move = staff("Verhuis", "Naar", b);
        move.put("version", 0);
        assertThat(coordinator.put("/api/v1/people/" + own, Api.json(move)).status()).isEqualTo(400);
        assertThat(coordinator.get("/api/v1/people/" + own).json().get("schools").get(0).get("id").asLong()).isEqualTo(a);
    }

    @Test
    void staffWithoutPeopleRightsGetNothing() {
        Api teacher = Api.as("teacher", port, jdbc);
        long a = Demo.regenboog(jdbc);
        long own = person(jdbc, "Tine", "Claeys");
        assertThat(teacher.get("/api/v1/people").status()).isEqualTo(403);
        assertThat(teacher.get("/api/v1/people/" + own).status()).isEqualTo(404);
        assertThat(teacher.post("/api/v1/people", Api.json(staff("Niet", "Toegelaten", a))).status()).isEqualTo(403);
        assertThat(teacher.delete("/api/v1/people/" + own).status()).isEqualTo(404);

        Api director = Api.as("director", port, jdbc);
        assertThat(director.get("/api/v1/people/" + own).status()).isEqualTo(200);
        assertThat(director.post("/api/v1/people", Api.json(staff("Niet", "Toegelaten", a))).status()).isEqualTo(403);
        assertThat(director.delete("/api/v1/people/" + own).status()).isEqualTo(403);
        assertThat(Api.anonymous(port).get("/api/v1/people").status()).isEqualTo(401);
    }

    @Test
    void searchFiltersAndSortingWorkInSql() {
        Api admin = Api.as("admin", port, jdbc);
        long b = Demo.atheneum(jdbc);
        for (String q : new String[] {"VANHOUT", "els van", "anhoutt", "Els Vanhoutte"}) {
            JsonNode found = admin.get("/api/v1/people?q=" + enc(q)).json();
            assertThat(found.get("items").findValuesAsString("lastName")).as(q).contains("Vanhoutte");
        }
        // wildcards in the search are taken literally
        assertThat(admin.get("/api/v1/people?q=" + enc("%")).json().get("total").asLong()).isZero();
        assertThat(admin.get("/api/v1/people?q=" + enc("_")).json().get("total").asLong()).isZero();

        String cls = unique("K");
        long a = Demo.regenboog(jdbc);
        for (String last : new String[] {"Zeebroek", "Adriaens", "Mortier"}) {
            assertThat(admin.post("/api/v1/people", Api.json(pupil("Test", last, cls, a))).status()).isEqualTo(201);
        }
        JsonNode klas = admin.get("/api/v1/people?className=" + cls.toLowerCase() + "&sort=-name").json();
        assertThat(klas.get("total").asLong()).isEqualTo(3);
        assertThat(klas.get("items").findValuesAsString("lastName")).containsExactly("Zeebroek", "Mortier", "Adriaens");
        JsonNode paged = admin.get("/api/v1/people?className=" + cls + "&sort=name&size=2&page=1").json();
        assertThat(paged.get("items").findValuesAsString("lastName")).containsExactly("Zeebroek");

        JsonNode pupilsB = admin.get("/api/v1/people?kind=PUPIL&schoolId=" + b + "&sort=class&size=200").json();
        assertThat(pupilsB.get("total").asLong()).isGreaterThanOrEqualTo(20);
        assertThat(pupilsB.get("items").findValuesAsString("className")).startsWith("1A").endsWith("3B");
        assertThat(admin.get("/api/v1/people?kind=STAFF&schoolId=" + b).json().get("items").findValuesAsString("kind"))
                .containsOnly("STAFF");
        assertThat(admin.get("/api/v1/people?kind=PARENT").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/people?schoolId=abc").status()).isEqualTo(400);
        for (String paging : new String[] {"page=2147483647", "page=100000000&size=200", "page=-3&size=-1", "size=100000"}) {
            var r = admin.get("/api/v1/people?" + paging);
            assertThat(r.status()).as(paging).isEqualTo(200);
        }
        assertThat(admin.get("/api/v1/organisations?page=2147483647&size=200").status()).isEqualTo(200);
    }

    /**
     * Whatever a script sends as search text, sort key or class, the list answers 200 — or 400 problem+json for
     * text with a NUL character, which no field accepts: 50 random strings over all of Unicode (seeded, so a
     * failure can be repeated) plus known troublemakers.
     */
    @Test
    void anySearchSortOrClassTextGives200OrAClearError() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        List<String> inputs = new ArrayList<>(List.of("%", "_", "\\", "'", "''; DROP TABLE person; --", "\u0000",
                "a\u0000b", "😀", "\uD800", "-", "--name", "-name", "name DESC", "x".repeat(500), " ", "\t\n"));
        Random random = new Random(20240901L);
        for (int i = 0; i < 50; i++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(300);
            for (int j = 0; j < length; j++) {
                // mostly ASCII and Latin, sometimes any code point (control characters, surrogates, emoji)
                b.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(Character.MAX_CODE_POINT + 1) : random.nextInt(0x250));
            }
            inputs.add(b.toString());
        }
        for (String s : inputs) {
            for (String param : new String[] {"q", "sort", "className"}) {
                var r = coordinator.get("/api/v1/people?" + param + "=" + enc(s));
                String what = param + "=" + s.codePoints().limit(40).mapToObj(Integer::toHexString).toList();
                if (s.indexOf('\u0000') >= 0) {
                    assertThat(r.status()).as(what).isEqualTo(400);
                    assertThat(r.contentType()).as(what).startsWith("application/problem+json");
                } else {
                    assertThat(r.status()).as(what).isEqualTo(200);
                }
            }
        }
    }

    static List<String> fields(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
