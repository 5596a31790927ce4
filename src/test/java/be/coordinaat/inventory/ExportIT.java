package be.coordinaat.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Browserless;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Export of the filtered asset list: Belgian CSV, formulas neutralised, XLSX, the list's filters and scope. */
@IntegrationTest
class ExportIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void csvIsBelgianExcelWithFormulasNeutralisedAndFollowsTheFilter() {
        Api coordinator = Api.as("coordinator", port, jdbc);
        long a = Demo.regenboog(jdbc);
        String tag = "EX" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        var created = coordinator.post("/api/v1/assets", "{\"schoolId\":" + a + ",\"tag\":\"" + tag + "\",\"kind\":\"PRINTER\","
                + "\"name\":\"=HYPERLINK(\\\"http://evil\\\",\\\"klik\\\")\",\"notes\":\"+31 cmd\",\"supplier\":\"@SUM(A1)\","
                + "\"price\":1234.5,\"purchaseDate\":\"2024-09-01\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var csv = coordinator.get("/api/v1/assets/export?format=csv&q=" + tag.toLowerCase());
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFF");
        String[] lines = csv.body().substring(1).split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("School;Inventarisnummer;Naam;Serienummer;Model;Fabrikant;Soort;Status");
        assertThat(lines[1]).contains(tag).contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"klik\"\")\"")
                .contains(";'+31 cmd").contains(";'@SUM(A1);").contains(";1234,50;").contains(";01/09/2024;")
                .doesNotContain(";=");

        var xlsx = coordinator.get("/api/v1/assets/export?format=xlsx&kind=PRINTER");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.body()).startsWith("PK");
        assertThat(coordinator.get("/api/v1/assets/export?format=pdf").status()).isEqualTo(400);
    }

    @Test
    void thePageExportUsesTheListFiltersAndTheUsersLanguage() {
        Browserless coordinator = Browserless.signIn(port, "coordinator", "coordinator");
        var page = coordinator.get("/inventory/assets?kind=LAPTOP");
        assertThat(page.status()).isEqualTo(200);
        String href = page.document().selectFirst("#export-csv").attr("href");
        assertThat(href).contains("/inventory/assets/export.csv").contains("kind=LAPTOP");
        var csv = coordinator.get(href);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains("Inventarisnummer;").contains(";laptop;").doesNotContain(";printer;");
        assertThat(coordinator.get("/inventory/assets/export.xlsx?school=" + Demo.atheneum(jdbc)).status()).isEqualTo(404);
    }
}
