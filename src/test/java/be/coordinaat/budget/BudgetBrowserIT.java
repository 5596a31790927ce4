package be.coordinaat.budget;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Browser;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A coordinator creates a budget year with lines in Chromium, corrects a wrong amount, and sees the overview and chart. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BudgetBrowserIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    Browser browser;

    @BeforeAll
    void start() {
        browser = new Browser(port);
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    @Test
    void coordinatorCreatesAYearWithLinesAndSeesTheOverviewAndChart() {
        long a = Demo.regenboog(jdbc);
        int start = BudgetTestData.freeYear(jdbc, a);
        try {
            browser.signIn("coordinator", "coordinator");
            browser.click("#nav-policy-group");
            browser.click("#nav-budget");
            browser.click("#new-year");
            browser.type("#startYear", String.valueOf(start));
            browser.click("#copyPrevious1"); // start empty instead of from the previous year's lines
            browser.click("#save");
            browser.waitForText("#year-title", start + "-" + (start + 1));
            assertThat(browser.text("#year-status")).isEqualTo("open");

            browser.click("#new-line");
            new Select(browser.find("#category")).selectByValue("PUPIL_DEVICES");
            new Select(browser.find("#fundingSource")).selectByValue("GOVERNMENT_ICT");
            browser.type("#description", "Chromebooks 5de leerjaar");
            browser.type("#planned", "8.400,555");
            browser.click("#save");
            browser.waitForText("#planned-error", "2 decimalen");
            browser.type("#planned", "8.400,50");
            browser.click("#save");
            browser.waitForText("#lines", "Chromebooks 5de leerjaar");

            browser.click("#new-line");
            new Select(browser.find("#category")).selectByValue("SOFTWARE_LICENCES");
            browser.type("#description", "Smartschool jaarlicentie");
            browser.type("#planned", "3150");
            browser.click("#save");
            browser.waitForText("#lines", "Smartschool jaarlicentie");

            assertThat(browser.text("#total-planned")).isEqualTo("€ 11.550,50");
            assertThat(browser.text("#by-category")).contains("Toestellen voor leerlingen", "€ 8.400,50", "Software en licenties");
            assertThat(browser.text("#by-source")).contains("ICT-middelen overheid (Digisprong)");
            assertThat(browser.all("#budget-chart svg polyline")).hasSize(3);
            assertThat(browser.find("#budget-chart svg line.chart-planned").getAttribute("y1")).isNotBlank();
            browser.waitForText("#history-budget_year", "coordinator");
        } catch (RuntimeException | AssertionError e) {
            browser.screenshot("budget-browser");
            throw e;
        }
    }
}
