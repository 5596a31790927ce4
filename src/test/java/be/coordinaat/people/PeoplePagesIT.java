package be.coordinaat.people;

import static be.coordinaat.people.PeopleTestData.contactOf;
import static be.coordinaat.people.PeopleTestData.history;
import static be.coordinaat.people.PeopleTestData.organisation;
import static be.coordinaat.people.PeopleTestData.person;
import static be.coordinaat.people.PeopleTestData.unique;
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

@IntegrationTest
class PeoplePagesIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    Document page(Browserless web, String path) {
        Browserless.Page p = web.get(path);
        assertThat(p.status()).as(path).isEqualTo(200);
        assertThat(p.body()).as(path + " has no missing message keys").doesNotContain("??");
        return p.document();
    }

    @Test
    void coordinatorBrowsesFiltersAndSearchesPeopleOfTheirSchool() {
        Browserless web = Browserless.signIn(port, "coordinator", "coordinator");
        Document list = page(web, "/people");
        assertThat(list.select("#person-list tbody tr")).hasSize(25);
        assertThat(list.select(".pagination")).isNotEmpty();
        assertThat(list.text()).contains("Desmet").doesNotContain("Vanhoutte");

        Document pupils5A = page(web, "/people?kind=PUPIL&className=5A&sort=-name");
        assertThat(pupils5A.select("#person-list tbody tr")).hasSize(10);
        assertThat(pupils5A.select("#className option[selected]").text()).isEqualTo("5A");

        Document found = page(web, "/people?q=DESM");
        assertThat(found.select("#person-list tbody tr")).hasSize(1);
        assertThat(page(web, "/people?q=vanhoutte").select("#person-list tbody tr")).isEmpty();
        page(web, "/people?sort=class&q=%25");
        page(web, "/people?sort=-kind&page=3");

        long koen = person(jdbc, "Koen", "Desmet");
        Document detail = page(web, "/people/" + koen);
        assertThat(detail.select("h1").text()).isEqualTo("Koen Desmet");
        assertThat(detail.select("#linked-account").text()).contains("coordinator");
        assertThat(detail.select("#edit-person")).isNotEmpty();

        long ann = person(jdbc, "Ann", "Deprez");
        Document shared = page(web, "/people/" + ann);
        assertThat(shared.text()).contains("Gemeentelijk Atheneum Zonnebeke");
        assertThat(shared.select("#edit-person")).as("not editable: also works in school B").isEmpty();
        assertThat(web.get("/people/" + ann + "/edit").status()).isEqualTo(403);
    }

    @Test
    void coordinatorCreatesEditsAndDeletesAPupilThroughTheForms() {
        Browserless web = Browserless.signIn(port, "coordinator", "coordinator");
        long a = Demo.regenboog(jdbc);
        Document form = page(web, "/people/new?kind=PUPIL");
        assertThat(form.select("input[name=email]")).as("no staff fields for pupils").isEmpty();
        assertThat(form.select("input[name=className]")).isNotEmpty();
        page(web, "/people/new?kind=STAFF");

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("kind", "PUPIL");
        fields.put("firstName", "");
        fields.put("lastName", "Lambrecht");
        fields.put("className", "6B");
        fields.put("schoolIds", String.valueOf(a));
        Browserless.Page invalid = web.post("/people", fields, "/people/new?kind=PUPIL");
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.document().select("#firstName.is-invalid")).isNotEmpty();
        assertThat(invalid.document().select("#firstName-error").text()).isEqualTo("is verplicht");

        String last = unique("Lambrecht");
        fields.put("firstName", "Fien");
        fields.put("lastName", last);
        fields.put("className", " ");
        Browserless.Page noClass = web.post("/people", fields, "/people/new?kind=PUPIL");
        assertThat(noClass.status()).isEqualTo(200);
        assertThat(noClass.document().select("#className.is-invalid")).isNotEmpty();
        assertThat(noClass.document().select("#className-error").text()).isEqualTo("is verplicht voor een leerling");

        fields.put("className", "6B");
        Browserless.Page created = web.post("/people", fields, "/people/new?kind=PUPIL");
        assertThat(created.status()).isEqualTo(302);
        assertThat(created.location()).matches(".*/people/\\d+");
        long id = Long.parseLong(created.location().replaceAll(".*/", ""));
        assertThat(page(web, "/people/" + id).text()).contains("6B").contains(last);

        Document edit = page(web, "/people/" + id + "/edit");
        fields.put("className", "6A");
        fields.put("version", edit.select("input[name=version]").attr("value"));
        assertThat(web.post("/people/" + id, fields, "/people/" + id + "/edit").status()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT class_name FROM person WHERE id = ?").param(id).query(String.class).single()).isEqualTo("6A");

        Browserless.Page deleted = web.post("/people/" + id + "/delete", Map.of(), "/people/" + id);
        assertThat(deleted.status()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT count(*) FROM person WHERE id = ?").param(id).query(Long.class).single()).isZero();
        assertThat(history(jdbc, "person", id)).hasSize(3);
    }

    @Test
    void coordinatorGets404ForPeopleAndOrganisationsOfSchoolBOnEveryPage() {
        Browserless web = Browserless.signIn(port, "coordinator", "coordinator");
        long staffB = person(jdbc, "Els", "Vanhoutte");
        long edunet = organisation(jdbc, OrganisationApiIT.EDUNET);
        long contactB = contactOf(jdbc, edunet);
        for (String path : new String[] {"/people/" + staffB, "/people/" + staffB + "/edit", "/organisations/" + edunet,
                "/organisations/" + edunet + "/edit", "/organisations/" + edunet + "/contacts/new",
                "/contacts/" + contactB + "/edit", "/people/999999999"}) {
            assertThat(web.get(path).status()).as(path).isEqualTo(404);
        }
        Map<String, String> person = Map.of("kind", "STAFF", "firstName", "Gekaapt", "lastName", "Gekaapt", "schoolIds",
                String.valueOf(Demo.regenboog(jdbc)), "version", "0");
        assertThat(web.post("/people/" + staffB, person, "/people").status()).isEqualTo(404);
        assertThat(web.post("/people/" + staffB + "/delete", Map.of(), "/people").status()).isEqualTo(404);
        assertThat(web.post("/organisations/" + edunet + "/delete", Map.of(), "/organisations").status()).isEqualTo(404);
        assertThat(web.post("/organisations/" + edunet + "/contacts", Map.of("name", "Indringer"), "/organisations").status())
                .isEqualTo(404);
        assertThat(web.post("/contacts/" + contactB + "/delete", Map.of(), "/organisations").status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM person WHERE id = ?").param(staffB).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM contact WHERE id = ?").param(contactB).query(Long.class).single()).isEqualTo(1);

        Map<String, String> inB = Map.of("kind", "STAFF", "firstName", "Indringer", "lastName", unique("Indringer"),
                "schoolIds", String.valueOf(Demo.atheneum(jdbc)));
        Browserless.Page refused = web.post("/people", inB, "/people/new");
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.document().select(".invalid-feedback").text()).contains("bestaat niet");
        assertThat(jdbc.sql("SELECT count(*) FROM person WHERE first_name = 'Indringer'").query(Long.class).single()).isZero();
    }

    @Test
    void teacherHasNoPeopleOrOrganisationPages() {
        Browserless web = Browserless.signIn(port, "teacher", "teacher");
        assertThat(web.get("/people").status()).isEqualTo(403);
        assertThat(web.get("/people/new").status()).isEqualTo(403);
        assertThat(web.get("/organisations").status()).isEqualTo(403);
        assertThat(web.get("/people/" + person(jdbc, "Tine", "Claeys")).status()).isEqualTo(404);
        assertThat(web.get("/organisations/" + organisation(jdbc, OrganisationApiIT.ICT)).status()).isEqualTo(404);
        assertThat(web.get("/").body()).doesNotContain("href=\"/people\"");
    }

    @Test
    void organisationPagesShowContactsAndForms() {
        Browserless web = Browserless.signIn(port, "coordinator", "coordinator");
        Document list = page(web, "/organisations");
        assertThat(list.text()).contains("Westhoek IT bv").contains(OrganisationApiIT.DPO).doesNotContain("EduNet");
        assertThat(page(web, "/organisations?kind=SUPPLIER").select("#organisation-list tbody").text())
                .contains("Westhoek IT bv").doesNotContain("EduNet").doesNotContain("ICT-dienst");
        assertThat(page(web, "/organisations?q=theo").text()).contains(OrganisationApiIT.ICT);

        long westhoek = organisation(jdbc, "Westhoek IT bv");
        Document detail = page(web, "/organisations/" + westhoek);
        assertThat(detail.select("#contacts tbody tr")).hasSize(2);
        assertThat(detail.select("#edit-organisation")).isNotEmpty();
        page(web, "/organisations/" + westhoek + "/edit");
        page(web, "/organisations/" + westhoek + "/contacts/new");
        page(web, "/contacts/" + contactOf(jdbc, westhoek) + "/edit");
        Document newForm = page(web, "/organisations/new");
        assertThat(newForm.select("input[name=schoolIds][checked]")).hasSize(1);

        long dpo = organisation(jdbc, OrganisationApiIT.DPO);
        Document board = page(web, "/organisations/" + dpo);
        assertThat(board.select("#edit-organisation")).isEmpty();
        assertThat(web.get("/organisations/" + dpo + "/edit").status()).isEqualTo(403);

        // without a board-wide role, an organisation must name a school: said in the form, not with a 403
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", unique("Bestuursbreed "));
        fields.put("kind", "OTHER");
        Browserless.Page noSchool = web.post("/organisations", fields, "/organisations/new");
        assertThat(noSchool.status()).isEqualTo(200);
        assertThat(noSchool.document().select(".invalid-feedback").text()).contains("kies minstens één van uw scholen");

        fields.put("schoolIds", String.valueOf(Demo.regenboog(jdbc)));
        Browserless.Page created = web.post("/organisations", fields, "/organisations/new");
        assertThat(created.status()).isEqualTo(302);
        long id = Long.parseLong(created.location().replaceAll(".*/", ""));
        Browserless.Page contact = web.post("/organisations/" + id + "/contacts", Map.of("name", "Jens Vandenberghe",
                "roleTitle", "Zaakvoerder"), "/organisations/" + id + "/contacts/new");
        assertThat(contact.status()).isEqualTo(302);
        assertThat(page(web, "/organisations/" + id).select("#contacts").text()).contains("Jens Vandenberghe", "Zaakvoerder");
    }
}
