package be.coordinaat.people;

import static be.coordinaat.people.PeopleApiIT.enc;
import static be.coordinaat.people.PeopleApiIT.fields;
import static be.coordinaat.people.PeopleTestData.contact;
import static be.coordinaat.people.PeopleTestData.contactOf;
import static be.coordinaat.people.PeopleTestData.count;
import static be.coordinaat.people.PeopleTestData.history;
import static be.coordinaat.people.PeopleTestData.organisation;
import static be.coordinaat.people.PeopleTestData.unique;
import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class OrganisationApiIT {

    static final String EDUNET = "EduNet Vlaanderen nv";
    static final String ICT = "ICT-dienst Gemeente Zonnebeke-Demo";
    static final String DPO = "Functionaris voor gegevensbescherming schoolbestuur";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void coordinatorManagesAnOrganisationOfTheirSchoolWithContactsAndHistory() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        String name = unique("Printservice ");
        var created = coordinator.post("/api/v1/organisations", Api.json(organisation(name, "SUPPLIER", a)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("schools").get(0).get("id").asLong()).isEqualTo(a);

        var contact = coordinator.post("/api/v1/organisations/" + id + "/contacts", Api.json(contact("Mieke Lievens")));
        assertThat(contact.status()).as(contact.toString()).isEqualTo(201);
        long contactId = contact.json().get("id").asLong();
        assertThat(contact.json().get("organisationId").asLong()).isEqualTo(id);
        assertThat(coordinator.get("/api/v1/organisations/" + id + "/contacts").json().findValuesAsString("name"))
                .containsExactly("Mieke Lievens");

        Map<String, Object> editContact = contact("Mieke Lievens");
        editContact.put("roleTitle", "Technisch verantwoordelijke");
        editContact.put("version", contact.json().get("version").asInt());
        var contactUpdated = coordinator.put("/api/v1/contacts/" + contactId, Api.json(editContact));
        assertThat(contactUpdated.status()).as(contactUpdated.toString()).isEqualTo(200);
        assertThat(coordinator.put("/api/v1/contacts/" + contactId, Api.json(editContact)).status()).isEqualTo(409);

        Map<String, Object> edit = organisation(name, "OTHER", a);
        edit.put("notes", "Onderhoud van de printers.");
        edit.put("version", created.json().get("version").asInt());
        var updated = coordinator.put("/api/v1/organisations/" + id, Api.json(edit));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("kind").asString()).isEqualTo("OTHER");
        assertThat(updated.json().get("contactCount").asInt()).isEqualTo(1);

        assertThat(coordinator.get("/api/v1/organisations?q=" + enc("mieke LIEV")).json().findValuesAsString("name"))
                .as("search by contact name").contains(name);

        assertThat(coordinator.delete("/api/v1/organisations/" + id).status()).isEqualTo(204);
        assertThat(coordinator.get("/api/v1/organisations/" + id).status()).isEqualTo(404);
        assertThat(coordinator.get("/api/v1/contacts/" + contactId).status()).isEqualTo(404);

        List<String> orgHistory = history(jdbc, "organisation", id);
        assertThat(orgHistory).hasSize(3);
        assertThat(orgHistory.get(0)).startsWith("CREATED|Koen Coördinator (coordinator)|").contains(name);
        assertThat(orgHistory.get(1)).startsWith("UPDATED|").contains("OTHER").contains("Onderhoud van de printers.");
        assertThat(orgHistory.get(2)).startsWith("DELETED|");
        List<String> contactHistory = history(jdbc, "contact", contactId);
        assertThat(contactHistory).extracting(h -> h.substring(0, h.indexOf('|'))).containsExactly("CREATED", "UPDATED", "DELETED");
        assertThat(contactHistory.get(1)).contains("Technisch verantwoordelijke");
    }

    @Test
    void boardWideOrganisationsAreVisibleToAllReadersButChangedOnlyBoardWide() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        Api admin = Api.as("admin", port, jdbc);
        long dpo = organisation(jdbc, DPO);
        var seen = coordinator.get("/api/v1/organisations/" + dpo);
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.json().get("schools").size()).isZero();

        Map<String, Object> edit = organisation(DPO, "DPO");
        edit.put("version", seen.json().get("version").asInt());
        assertThat(coordinator.put("/api/v1/organisations/" + dpo, Api.json(edit)).status()).isEqualTo(403);
        assertThat(coordinator.delete("/api/v1/organisations/" + dpo).status()).isEqualTo(403);
        assertThat(coordinator.post("/api/v1/organisations/" + dpo + "/contacts", Api.json(contact("Indringer"))).status())
                .isEqualTo(403);
        assertThat(coordinator.delete("/api/v1/contacts/" + contactOf(jdbc, dpo)).status()).isEqualTo(403);

        long organisations = count(jdbc, "organisation");
        assertThat(coordinator.post("/api/v1/organisations", Api.json(organisation(unique("Bestuursbreed "), "OTHER"))).status())
                .isEqualTo(403);
        assertThat(count(jdbc, "organisation")).isEqualTo(organisations);

        var boardWide = admin.post("/api/v1/organisations", Api.json(organisation(unique("Bestuursbreed "), "OTHER")));
        assertThat(boardWide.status()).as(boardWide.toString()).isEqualTo(201);
        long id = boardWide.json().get("id").asLong();
        assertThat(coordinator.get("/api/v1/organisations/" + id).status()).isEqualTo(200);
        assertThat(Api.as("technician", port, jdbc).get("/api/v1/organisations/" + id).status()).isEqualTo(200);
        assertThat(history(jdbc, "organisation", id).get(0)).startsWith("CREATED|An Beheerder (admin)|");
        assertThat(admin.delete("/api/v1/organisations/" + id).status()).isEqualTo(204);

        // an organisation serving both schools is visible to school A but changed only by who manages both
        long ict = organisation(jdbc, ICT);
        var both = coordinator.get("/api/v1/organisations/" + ict);
        assertThat(both.status()).isEqualTo(200);
        Map<String, Object> onlyA = organisation(ICT, "MUNICIPAL_ICT", Demo.regenboog(jdbc));
        onlyA.put("version", both.json().get("version").asInt());
        assertThat(coordinator.put("/api/v1/organisations/" + ict, Api.json(onlyA)).status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM organisation_school WHERE organisation_id = ?").param(ict)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void coordinatorOfSchoolACannotSeeOrChangeOrganisationsOfSchoolB() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long b = Demo.atheneum(jdbc);
        long edunet = organisation(jdbc, EDUNET);
        long contactB = contactOf(jdbc, edunet);
        long missing = jdbc.sql("SELECT max(id) FROM organisation").query(Long.class).single() + 1000;

        for (long id : new long[] {edunet, missing}) {
            assertThat(coordinator.get("/api/v1/organisations/" + id).status()).as("GET " + id).isEqualTo(404);
            Map<String, Object> body = organisation("Gekaapt", "SUPPLIER", Demo.regenboog(jdbc));
            body.put("version", 0);
            assertThat(coordinator.put("/api/v1/organisations/" + id, Api.json(body)).status()).isEqualTo(404);
            assertThat(coordinator.delete("/api/v1/organisations/" + id).status()).isEqualTo(404);
            assertThat(coordinator.get("/api/v1/organisations/" + id + "/contacts").status()).isEqualTo(404);
            assertThat(coordinator.post("/api/v1/organisations/" + id + "/contacts", Api.json(contact("Indringer"))).status())
                    .isEqualTo(404);
        }
        for (long id : new long[] {contactB, contactB + 100_000}) {
            assertThat(coordinator.get("/api/v1/contacts/" + id).status()).isEqualTo(404);
            Map<String, Object> body = contact("Gekaapt");
            body.put("version", 0);
            assertThat(coordinator.put("/api/v1/contacts/" + id, Api.json(body)).status()).isEqualTo(404);
            assertThat(coordinator.delete("/api/v1/contacts/" + id).status()).isEqualTo(404);
        }
        assertThat(coordinator.get("/api/v1/organisations?size=200").json().get("items").findValuesAsString("name"))
                .contains(ICT, DPO, "Westhoek IT bv").doesNotContain(EDUNET);
        assertThat(coordinator.get("/api/v1/organisations?q=edunet").json().get("total").asLong()).isZero();
        assertThat(coordinator.get("/api/v1/organisations?q=vermeersch").json().get("total").asLong()).isZero();

        long organisations = count(jdbc, "organisation");
        var inB = coordinator.post("/api/v1/organisations", Api.json(organisation("Indringer", "SUPPLIER", b)));
        assertThat(fields(inB)).containsExactly("schoolIds");
        assertThat(count(jdbc, "organisation")).isEqualTo(organisations);
        assertThat(jdbc.sql("SELECT count(*) FROM contact WHERE name IN ('Gekaapt', 'Indringer')").query(Long.class).single()).isZero();

        // the technician reads the organisations of both schools but changes nothing
        Api technician = Api.as("technician", port, jdbc);
        assertThat(technician.get("/api/v1/organisations/" + edunet).status()).isEqualTo(200);
        assertThat(technician.delete("/api/v1/organisations/" + edunet).status()).isEqualTo(403);
        assertThat(technician.post("/api/v1/organisations", Api.json(organisation("Nee", "OTHER", b))).status()).isEqualTo(403);

        Api teacher = Api.as("teacher", port, jdbc);
        assertThat(teacher.get("/api/v1/organisations").status()).isEqualTo(403);
        assertThat(teacher.get("/api/v1/organisations/" + organisation(jdbc, ICT)).status()).isEqualTo(404);
        assertThat(teacher.get("/api/v1/contacts/" + contactOf(jdbc, organisation(jdbc, ICT))).status()).isEqualTo(404);
    }

    @Test
    void badInputGetsFieldErrorsAndStoresNothing() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        long organisations = count(jdbc, "organisation");
        long contacts = count(jdbc, "contact");

        assertThat(fields(coordinator.post("/api/v1/organisations", Api.json(organisation(" ", "SUPPLIER", a)))))
                .containsExactly("name");
        assertThat(fields(coordinator.post("/api/v1/organisations", Api.json(organisation("x".repeat(201), "SUPPLIER", a)))))
                .containsExactly("name");
        Map<String, Object> bad = organisation("Fout", "SUPPLIER", a);
        bad.put("email", "geen e-mail");
        bad.put("website", "javascript:alert(1)");
        bad.put("postalCode", "89000");
        bad.put("notes", "n".repeat(2001));
        assertThat(fields(coordinator.post("/api/v1/organisations", Api.json(bad))))
                .containsExactlyInAnyOrder("email", "website", "postalCode", "notes");
        assertThat(fields(coordinator.post("/api/v1/organisations", Api.json(organisation("Fout", "BANK", a)))))
                .containsExactly("kind");
        assertThat(fields(coordinator.post("/api/v1/organisations", Api.json(organisation("Fout", "SUPPLIER", 999_999_999L)))))
                .containsExactly("schoolIds");
        Map<String, Object> unknown = organisation("Fout", "SUPPLIER", a);
        unknown.put("iban", "BE00");
        assertThat(fields(coordinator.post("/api/v1/organisations", Api.json(unknown)))).containsExactly("iban");
        assertThat(coordinator.post("/api/v1/organisations", "[1, 2").status()).isEqualTo(400);

        long westhoek = organisation(jdbc, "Westhoek IT bv");
        assertThat(fields(coordinator.post("/api/v1/organisations/" + westhoek + "/contacts", Api.json(contact(""))))).containsExactly("name");
        Map<String, Object> badContact = contact("Jan");
        badContact.put("email", "jan@");
        badContact.put("phone", "0".repeat(41));
        assertThat(fields(coordinator.post("/api/v1/organisations/" + westhoek + "/contacts", Api.json(badContact))))
                .containsExactlyInAnyOrder("email", "phone");
        assertThat(coordinator.post("/api/v1/organisations/" + westhoek + "/contacts", "{\"name\": \"Jan\", \"organisationId\": 1}")
                .status()).isEqualTo(400);

        assertThat(count(jdbc, "organisation")).isEqualTo(organisations);
        assertThat(count(jdbc, "contact")).isEqualTo(contacts);
    }

    @Test
    void listFiltersByKindAndSorts() {
        Api admin = Api.as("admin", port, jdbc);
        JsonNode suppliers = admin.get("/api/v1/organisations?kind=SUPPLIER&sort=-name").json();
        List<String> names = suppliers.get("items").findValuesAsString("name");
        assertThat(names).contains("Westhoek IT bv", EDUNET);
        assertThat(names.indexOf("Westhoek IT bv")).isLessThan(names.indexOf(EDUNET));
        assertThat(suppliers.get("items").findValuesAsString("kind")).containsOnly("SUPPLIER");
        for (String s : new String[] {"%", "kind", "-kind", "bogus", "x".repeat(300)}) {
            assertThat(admin.get("/api/v1/organisations?q=" + enc(s) + "&sort=" + enc(s)).status()).as(s).isEqualTo(200);
        }
        assertThat(admin.get("/api/v1/organisations?q=" + enc("\u0000")).status()).as("NUL is refused").isEqualTo(400);
    }
}
