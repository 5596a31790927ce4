package be.coordinaat.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Browser;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The import in a real browser (headless Chromium): a bad row blocks everything and is named; fixed, all rows go in. */
@IntegrationTest
class ImportBrowserIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void importACsvWithOneBadRowNothingImportedRowNamedFixItAndImport() throws Exception {
        String p = "BR" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        String header = "Inventarisnummer;Soort;Aankoopdatum;Prijs\r\n";
        String rows = p + "-1;printer;01/09/2024;\"1.234,56\"\r\n" + p + "-2;broodrooster;02/09/2024;12\r\n"
                + p + "-3;monitor;03/09/2024;99,5\r\n";
        Path bad = Files.createTempFile("import-bad", ".csv");
        Files.write(bad, (header + rows).getBytes(Charset.forName("windows-1252")));
        Path fixed = Files.createTempFile("import-fixed", ".csv");
        Files.write(fixed, (header + rows.replace("broodrooster", "printer")).getBytes(Charset.forName("windows-1252")));
        long a = Demo.regenboog(jdbc);

        try (Browser browser = new Browser(port)) {
            try {
                browser.signIn("coordinator", "coordinator");
                browser.open("/inventory/assets");
                browser.click("#import-assets");
                browser.find("#file").sendKeys(bad.toAbsolutePath().toString());
                browser.click("#upload");
                browser.find("#import-errors");
                assertThat(browser.text("#import-errors tbody tr td:nth-child(1)")).isEqualTo("3");
                assertThat(browser.text("#import-errors tbody tr td:nth-child(2)")).isEqualTo("Soort");
                assertThat(browser.text("#import-errors tbody")).contains("broodrooster");
                assertThat(browser.all("#commit")).isEmpty();
                assertThat(count(p)).isZero();

                browser.click("#upload-again");
                browser.find("#file").sendKeys(fixed.toAbsolutePath().toString());
                browser.click("#upload");
                browser.find("#import-preview");
                assertThat(browser.all("#import-errors")).isEmpty();
                assertThat(browser.find("#column0").getAttribute("value")).isEqualTo("tag");
                browser.click("#commit");
                new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(d -> !browser.all("#import-done").isEmpty());
                assertThat(browser.text("#import-done")).contains("3");
                assertThat(count(p)).isEqualTo(3);
                assertThat(jdbc.sql("SELECT count(*) FROM asset WHERE tag LIKE ? AND school_id = ?").params(p + "-%", a)
                        .query(Long.class).single()).isEqualTo(3);
            } catch (AssertionError | RuntimeException e) {
                browser.screenshot("import-browser");
                throw e;
            }
        }
    }

    long count(String prefix) {
        return jdbc.sql("SELECT count(*) FROM asset WHERE tag LIKE ?").param(prefix + "-%").query(Long.class).single();
    }
}
