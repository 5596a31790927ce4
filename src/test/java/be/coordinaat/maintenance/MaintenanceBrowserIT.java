package be.coordinaat.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
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

/**
 * A coordinator plans the cleaning of the projectors of a room in the browser, carries it out with the checklist ("all
 * OK" for one projector, a failed lamp on the other), completes it, and finds the result on the asset's page.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaintenanceBrowserIT {

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
    void coordinatorPlansAndCarriesOutAMaintenanceTaskWithAChecklist() {
        long school = Demo.regenboog(jdbc);
        Api api = Api.as("coordinator", port, jdbc);
        long room = MaintenanceTestData.room(jdbc, school);
        long first = MaintenanceTestData.asset(api, school, "PROJECTOR", room);
        long second = MaintenanceTestData.asset(api, school, "PROJECTOR", room);
        String name = MaintenanceTestData.unique("Projectoren in het testlokaal");
        try {
            browser.signIn("coordinator", "coordinator");
            browser.find("#maintenance-reminders");
            browser.click("#nav-technical");
            browser.click("#nav-maintenance");
            browser.click("#new-plan");
            if (browser.path().contains("/plans/new") && !browser.all("#school-choice").isEmpty()) {
                browser.click("#school-choice a");
            }
            browser.type("#name", name);
            new Select(browser.find("#targetType")).selectByValue("ROOM");
            assertThat(browser.find("#targetKind").isDisplayed()).as("only the chosen target's field shows").isFalse();
            new Select(browser.find("#targetRoomId")).selectByValue(String.valueOf(room));
            new Select(browser.find("#recurrence")).selectByValue("MONTHS");
            browser.type("#every", "3");
            browser.type("#checklist", "Filter reinigen\nLamp controleren");
            browser.click("#save-plan");
            browser.waitForText("#plan-title", name);
            assertThat(browser.text("#plan-targets")).contains("Testtoestel");

            browser.click("#start-occurrence");
            browser.find("#occurrence-form");
            long occurrence = Long.parseLong(browser.path().replaceAll(".*/occurrences/(\\d+).*", "$1"));
            long t1 = target(occurrence, first);
            long t2 = target(occurrence, second);
            new Select(browser.find("#r_" + t2 + "_1")).selectByValue("FAILED");
            browser.type("#n_" + t2 + "_1", "Lamp flikkert");
            browser.click("#all-done");
            assertThat(new Select(browser.find("#r_" + t1 + "_0")).getFirstSelectedOption().getAttribute("value")).isEqualTo("DONE");
            assertThat(new Select(browser.find("#r_" + t2 + "_1")).getFirstSelectedOption().getAttribute("value")).isEqualTo("FAILED");
            browser.click("#complete-occurrence");
            browser.waitForText("#plan-title", name);
            assertThat(browser.pageText()).contains("1 mislukt");

            browser.open("/inventory/assets/" + second);
            browser.waitForText("#asset-maintenance", "Lamp flikkert");
            assertThat(browser.text("#asset-maintenance")).contains(name);
            browser.open("/inventory/assets/" + first);
            browser.waitForText("#asset-maintenance", "Filter reinigen");
            assertThat(jdbc.sql("SELECT outcome FROM maintenance_log WHERE asset_id = ?").param(second).query(String.class).single())
                    .isEqualTo("FAILED");
            // SHOTS
        } catch (RuntimeException | AssertionError e) {
            browser.screenshot("maintenance-browser");
            throw e;
        }
    }

    private long target(long occurrence, long asset) {
        return jdbc.sql("SELECT id FROM maintenance_target WHERE occurrence_id = ? AND asset_id = ?").params(occurrence, asset)
                .query(Long.class).single();
    }
}
