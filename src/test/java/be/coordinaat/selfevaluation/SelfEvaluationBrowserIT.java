package be.coordinaat.selfevaluation;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Browser;
import be.coordinaat.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The coordinator runs a round in the browser: creates and opens it, prints pupil codes, a pupil answers in the
 * browser with a printed code (one area at a time, with the progress bar), teachers, leaders and other pupils answer
 * through the public pages, the coordinator closes the round and reads the charts.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SelfEvaluationBrowserIT {

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
    void coordinatorRunsARoundWithThreeGroupsAndReadsTheCharts() {
        try {
            run();
        } catch (RuntimeException | AssertionError e) {
            browser.screenshot("selfevaluation-round");
            throw e;
        }
    }

    private void run() {
        String name = SurveyTestData.unique("Zelfevaluatie browser");
        browser.signIn("coordinator", "coordinator");
        browser.open("/self-evaluations");
        browser.click("#new-round");
        browser.type("#name", name);
        browser.click("#save-round");
        browser.waitForText("#round-title", name);
        assertThat(browser.text("#round-status")).isEqualTo("In voorbereiding");
        browser.click("#open-round");
        browser.waitForText("#round-status", "Open");
        long round = Long.parseLong(browser.path().replaceAll("^/self-evaluations/(\\d+).*$", "$1"));
        assertThat(browser.all("#links svg.selfeval-qr")).hasSize(3);

        // a sheet of five pupil codes
        browser.type("#count", "5");
        browser.click("#create-codes");
        browser.find("#code-sheet");
        List<String> codes = browser.all("#code-sheet .selfeval-code").stream().map(WebElement::getText).toList();
        assertThat(codes).hasSize(5).allMatch(c -> c.matches("[A-Z0-9]{4}-[A-Z0-9]{4}"));
        assertThat(browser.all("#code-sheet svg.selfeval-qr")).hasSize(5);

        // most answers through the public pages: five teachers, two leaders (too few to show), four pupils
        Api coordinator = Api.as("coordinator", port, jdbc);
        SurveyTestData.Visitor visitor = new SurveyTestData.Visitor(port);
        List<Long> teacher = SurveyTestData.statements(coordinator, round, "TEACHERS");
        for (String code : SurveyTestData.codes(coordinator, round, "TEACHERS", 5)) {
            // agreement grows with the area, so the areas differ
            assertThat(visitor.answer(code, teacher, i -> String.valueOf(1 + Math.min(4, i / 8))).status()).isEqualTo(302);
        }
        List<Long> leader = SurveyTestData.statements(coordinator, round, "SCHOOL_LEADERS");
        for (String code : SurveyTestData.codes(coordinator, round, "SCHOOL_LEADERS", 2)) {
            assertThat(visitor.answer(code, leader, i -> "5").status()).isEqualTo(302);
        }
        List<Long> pupil = SurveyTestData.statements(coordinator, round, "PUPILS");
        for (String code : codes.subList(1, 5)) {
            assertThat(visitor.answer(code, pupil, i -> i % 3 == 0 ? "NA" : "4").status()).isEqualTo(302);
        }

        // one pupil in the browser, with the first printed code typed on the start page
        browser.open("/public/survey");
        browser.type("#code", codes.get(0).toLowerCase());
        browser.click("#code-submit");
        browser.find("#answer-form");
        browser.screenshot("selfevaluation-answer");
        int areas = browser.all("fieldset.survey-area").size();
        assertThat(areas).isEqualTo(8);
        for (int step = 0; step < areas; step++) {
            browser.waitForText("#survey-step", (step + 1) + " van " + areas);
            WebElement fieldset = browser.find("#area-" + step);
            assertThat(fieldset.isDisplayed()).isTrue();
            if (step == 0) {
                // Next without answers: the area stays, with a message
                browser.click("#survey-next");
                assertThat(browser.find("#step-missing").isDisplayed()).isTrue();
                assertThat(browser.find("#area-0").isDisplayed()).isTrue();
            }
            for (WebElement statement : fieldset.findElements(By.cssSelector(".survey-statement"))) {
                String id = statement.findElement(By.cssSelector("input[value='5']")).getAttribute("id");
                browser.click("label[for='" + id + "']");
            }
            if (step < areas - 1) {
                browser.click("#survey-next");
            }
        }
        assertThat(browser.find("#survey-progress").getAttribute("value")).isEqualTo(String.valueOf(areas - 1));
        browser.click("#survey-submit");
        browser.find("#survey-thanks");
        assertThat(jdbc.sql("SELECT count(*) FROM selfeval_response WHERE round_id = ?").param(round).query(Long.class).single())
                .isEqualTo(12);

        // the coordinator closes the round and reads the results
        browser.open("/self-evaluations/" + round);
        browser.waitForExactText("#progress-PUPILS .response-count", "5");
        ((JavascriptExecutor) browser.driver()).executeScript("window.confirm = function () { return true; };");
        browser.click("#close-round");
        browser.waitForText("#round-status", "Afgesloten");
        browser.click("#show-results");
        browser.find("#area-chart");
        browser.screenshot("selfevaluation-results");
        assertThat(browser.all("#area-chart rect").size()).isGreaterThanOrEqualTo(8 * 2);
        assertThat(browser.all("#area-chart .area-strongest")).hasSize(1);
        assertThat(browser.all("#area-chart .area-weakest")).hasSize(1);
        assertThat(browser.text("#strongest")).contains("Sterkste domein");
        assertThat(browser.text("#weakest")).contains("Zwakste domein");
        assertThat(browser.text("#count-SCHOOL_LEADERS")).contains("2 antwoorden").contains("niet getoond");
        assertThat(browser.text("#count-PUPILS")).contains("5 antwoorden");
        assertThat(browser.all(".statement-chart").size()).isGreaterThan(20);
        assertThat(browser.text("#area-table")).contains("te weinig antwoorden");
        assertThat(browser.find("#area-LEADERSHIP .group-TEACHERS").getText()).isEqualTo("1,0");
        assertThat(browser.all("#previous-round")).hasSize(1);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .until(d -> !d.findElements(By.cssSelector("#export-csv")).isEmpty());
    }
}
