package be.coordinaat.licences;

import static be.coordinaat.licences.LicenceTestData.assetOf;
import static be.coordinaat.licences.LicenceTestData.history;
import static be.coordinaat.licences.LicenceTestData.peopleOnlyOf;
import static be.coordinaat.licences.LicenceTestData.unique;
import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Browserless;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The licence pages without a browser: lists, filters, the demo data, the forms and the asset and person fragments. */
@IntegrationTest
class LicencePagesIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    Document page(Browserless web, String path) {
        Browserless.Page p = web.get(path);
        assertThat(p.status()).as(path).isEqualTo(200);
        assertThat(p.body()).as(path + " has no missing message keys").doesNotContain("??");
        return p.document();
    }

    long licenceOf(String software, long school) {
        return jdbc.sql("SELECT l.id FROM licence l JOIN software s ON s.id = l.software_id WHERE s.name = ? AND l.school_id = ? ORDER BY l.id LIMIT 1")
                .params(software, school).query(Long.class).single();
    }

    @Test
    void coordinatorBrowsesTheDemoCatalogueLicencesRenewalsAndCompliance() {
        Browserless web = Browserless.signIn(port, "coordinator", "coordinator");
        long a = Demo.regenboog(jdbc);
        Document catalogue = page(web, "/software?size=200");
        assertThat(catalogue.select("#software-table .software-link").eachText()).contains("Smartschool", "Bingel", "Kurzweil 3000",
                "Microsoft 365 A1", "Windows 11 Pro");
        assertThat(page(web, "/software?q=SMART").select("#software-table .software-link").eachText()).containsExactly("Smartschool");
        assertThat(page(web, "/software?category=ADMINISTRATION").select("#software-table .software-link").eachText())
                .contains("Informat", "Wisa").doesNotContain("Bingel");
        page(web, "/software?category=GAME&school=x&sort=-vendor&page=99");
        long smartschool = jdbc.sql("SELECT id FROM software WHERE name = 'Smartschool'").query(Long.class).single();
        Document detail = page(web, "/software/" + smartschool);
        assertThat(detail.select("#software-schools li").eachText()).hasSize(2);
        assertThat(detail.select(".licence-link")).as("only the licence of the coordinator's school").hasSize(1);

        Document list = page(web, "/licences?size=200");
        assertThat(list.select(".licence-link").eachText()).anyMatch(t -> t.startsWith("Kurzweil 3000"))
                .anyMatch(t -> t.startsWith("Microsoft 365 A1")).noneMatch(t -> t.startsWith("Wisa"));
        Document overUse = page(web, "/licences?overUse=true&size=200");
        assertThat(overUse.select(".licence-link").eachText()).anyMatch(t -> t.startsWith("Kurzweil 3000"));
        assertThat(overUse.select("tr.table-danger .over-use")).isNotEmpty();
        page(web, "/licences?type=PER_SEAT&expiring=abc&school=x&sort=-end");
        page(web, "/licences?type=PER_USER&sort=-cost&q=%25");
        Document renewals = page(web, "/licences/renewals");
        assertThat(renewals.select(".licence-link").eachText()).anyMatch(t -> t.startsWith("Bingel"))
                .anyMatch(t -> t.startsWith("Smartschool"));
        page(web, "/licences/renewals?days=abc");
        Document compliance = page(web, "/licences/compliance");
        assertThat(compliance.select("#compliance-" + a + " .licence-link").eachText()).anyMatch(t -> t.startsWith("Kurzweil 3000"));

        long kurzweil = licenceOf("Kurzweil 3000", a);
        Document k = page(web, "/licences/" + kurzweil);
        assertThat(k.select("#over-use-alert").text()).contains("4").contains("3");
        assertThat(k.select("#assignments tbody tr")).hasSizeGreaterThanOrEqualTo(4);
        assertThat(k.select("#assign-asset, #assign-person, #assign-school, #proof-form")).hasSize(4);

        long windows = licenceOf("Windows 11 Pro", a);
        long laptop = jdbc.sql("SELECT id FROM asset WHERE school_id = ? AND tag = 'RB-000021'").param(a).query(Long.class).single();
        Document fragment = page(web, "/licences/for-asset/" + laptop);
        assertThat(fragment.select(".linked-licence a").eachAttr("href")).contains("/licences/" + windows);
        assertThat(fragment.text()).contains("via de hele school");
        assertThat(page(web, "/inventory/assets/" + laptop).select("[hx-get=\"/licences/for-asset/" + laptop + "\"]")).hasSize(1);
        long pupil = jdbc.sql("SELECT person_id FROM licence_assignment WHERE licence_id = ? ORDER BY id LIMIT 1").param(kurzweil)
                .query(Long.class).single();
        assertThat(page(web, "/licences/for-person/" + pupil).select(".linked-licence a").eachAttr("href"))
                .contains("/licences/" + kurzweil);
        assertThat(page(web, "/people/" + pupil).select("[hx-get=\"/licences/for-person/" + pupil + "\"]")).hasSize(1);
    }

    @Test
    void coordinatorRegistersSoftwareAndALicenceThroughTheFormsAndAssignsIt() {
        Browserless web = Browserless.signIn(port, "coordinator", "coordinator");
        long a = Demo.regenboog(jdbc);
        page(web, "/software/new");
        Map<String, String> sw = new LinkedHashMap<>();
        sw.put("name", "");
        sw.put("category", "EDUCATIONAL_APP");
        sw.put("website", "ftp://x");
        sw.put("schoolIds", String.valueOf(a));
        Browserless.Page invalidSoftware = web.post("/software", sw, "/software/new");
        assertThat(invalidSoftware.status()).isEqualTo(200);
        assertThat(invalidSoftware.document().select("#name.is-invalid, #website.is-invalid")).hasSize(2);
        String name = unique("Wiskunnend");
        sw.put("name", name);
        sw.put("website", "https://wiskunnend.example");
        sw.put("administratorName", "Zorgteam");
        Browserless.Page createdSoftware = web.post("/software", sw, "/software/new");
        assertThat(createdSoftware.status()).as(createdSoftware.body()).isEqualTo(302);
        long softwareId = Long.parseLong(createdSoftware.location().replaceAll(".*/", ""));
        assertThat(page(web, "/software/" + softwareId).select("#software-name").text()).isEqualTo(name);

        Document form = page(web, "/licences/new?software=" + softwareId);
        assertThat(form.select("#softwareId option[selected]").attr("value")).isEqualTo(String.valueOf(softwareId));
        Map<String, String> f = new LinkedHashMap<>();
        f.put("softwareId", String.valueOf(softwareId));
        f.put("schoolId", String.valueOf(a));
        f.put("name", "Zorgklas");
        f.put("type", "PER_DEVICE");
        f.put("seats", "-2");
        f.put("cost", "12.50");
        f.put("startDate", "2025-09-01");
        f.put("endDate", "2025-08-01");
        Browserless.Page invalid = web.post("/licences", f, "/licences/new");
        assertThat(invalid.status()).isEqualTo(200);
        Document errors = invalid.document();
        assertThat(errors.select("#seats.is-invalid")).isNotEmpty();
        assertThat(errors.select("#seats-error").text()).isEqualTo("moet tussen 1 en 1000000 liggen");
        assertThat(errors.select("#endDate-error").text()).isEqualTo("ligt voor de begindatum");
        f.put("seats", "2");
        f.put("cost", "12,50");
        Browserless.Page badCost = web.post("/licences", f, "/licences/new");
        assertThat(badCost.status()).isEqualTo(200);
        assertThat(badCost.document().select("#cost.is-invalid")).isNotEmpty();
        f.put("cost", "12.50");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Brussels"));
        f.put("startDate", today.minusMonths(1).toString());
        f.put("endDate", today.plusDays(30).toString());
        f.put("autoRenew", "true");
        Browserless.Page created = web.post("/licences", f, "/licences/new");
        assertThat(created.status()).isEqualTo(302);
        long id = Long.parseLong(created.location().replaceAll(".*/", ""));
        Document detail = page(web, "/licences/" + id);
        assertThat(detail.select("#licence-title").text()).isEqualTo(name + " – Zorgklas");
        assertThat(detail.select("#licence-state").text()).isEqualTo("te vernieuwen");

        long asset = assetOf(jdbc, a);
        assertThat(web.post("/licences/" + id + "/assignments", Map.of("assetId", String.valueOf(asset)), "/licences/" + id).status())
                .isEqualTo(302);
        long person = peopleOnlyOf(jdbc, a, 1).get(0);
        assertThat(web.post("/licences/" + id + "/assignments", Map.of("personId", String.valueOf(person)), "/licences/" + id).status())
                .isEqualTo(302);
        assertThat(web.post("/licences/" + id + "/assignments", Map.of("assetId", String.valueOf(asset)), "/licences/" + id).status())
                .isEqualTo(302);
        Document assigned = page(web, "/licences/" + id);
        assertThat(assigned.text()).contains("De licentie is daar al aan toegewezen.");
        assertThat(assigned.select("#assignments tbody tr")).hasSize(2);
        assertThat(assigned.select("#licence-seats").text()).startsWith("2 van 2");
        assertThat(page(web, "/licences/for-asset/" + asset).select(".linked-licence a").eachAttr("href")).contains("/licences/" + id);
        String options = web.get("/licences/" + id + "/asset-options?q=" + jdbc.sql("SELECT tag FROM asset WHERE id = ?")
                .param(asset).query(String.class).single()).body();
        assertThat(options).contains("value=\"" + asset + "\"");

        Document edit = page(web, "/licences/" + id + "/edit");
        assertThat(edit.select("#schoolId")).as("the school is fixed").isEmpty();
        f.remove("schoolId");
        f.put("seats", "3");
        f.put("version", edit.select("input[name=version]").attr("value"));
        assertThat(web.post("/licences/" + id, f, "/licences/" + id + "/edit").status()).isEqualTo(302);
        assertThat(page(web, "/licences/" + id).select("#licence-seats").text()).startsWith("2 van 3");

        long assignment = jdbc.sql("SELECT id FROM licence_assignment WHERE licence_id = ? AND person_id = ?").params(id, person)
                .query(Long.class).single();
        assertThat(web.post("/licences/" + id + "/assignments/" + assignment + "/delete", Map.of(), "/licences/" + id).status())
                .isEqualTo(302);
        assertThat(web.post("/licences/" + id + "/delete", Map.of(), "/licences/" + id).status()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT count(*) FROM licence WHERE id = ?").param(id).query(Long.class).single()).isZero();
        assertThat(history(jdbc, "licence", id)).hasSize(6);
    }
}
