package be.coordinaat.purchasing;

import static be.coordinaat.purchasing.PurchaseTestData.booked;
import static be.coordinaat.purchasing.PurchaseTestData.budgetLine;
import static be.coordinaat.purchasing.PurchaseTestData.unique;
import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Browser;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The purchase flow in Chromium, each step by the person who does it: a teacher asks, the coordinator advises and
 * adds a quote, the director approves, the coordinator orders, receives the delivery (the devices appear in the
 * inventory) and registers the invoice (spent on the budget line), and the teacher sees it invoiced.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PurchaseBrowserIT {

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

    void as(String user) {
        browser.driver().manage().deleteAllCookies();
        browser.signIn(user, user);
    }

    void setValue(String css, String value) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];", browser.find(css), value);
    }

    @Test
    void fromRequestToInvoice() throws Exception {
        long a = Demo.regenboog(jdbc);
        long line = budgetLine(jdbc, a, "5000.00");
        String title = unique("Laptops voor de zorgklas");
        try {
            // the teacher asks
            as("teacher");
            browser.click("#nav-policy-group");
            browser.click("#nav-purchases");
            browser.click("#new-request");
            browser.type("#title", title);
            browser.type("#reason", "Voor de leerlingen met een leerondersteuningsplan.");
            browser.type("#forWhom", "Zorgklas");
            browser.type("#quantity", "2");
            browser.type("#estimatedCost", "1.500,00");
            browser.click("#save");
            browser.waitForExactText("#request-status", "aangevraagd");
            String requestPath = browser.path();
            assertThat(browser.text("#request-cost")).isEqualTo("€ 1.500,00");

            // the coordinator advises and adds a quote with its PDF
            as("coordinator");
            browser.open(requestPath);
            browser.type("#recommendation", "Lenovo ThinkPad E14 met Windows 11 Education.");
            new Select(browser.find("#advice-line")).selectByValue(String.valueOf(line));
            browser.click("#advice-submit");
            browser.waitForExactText("#request-status", "geadviseerd");
            browser.type("#supplierName", "EduNet Vlaanderen nv");
            browser.type("#amount", "1.452,00");
            setValue("#quoteDate", "2026-09-01");
            Path pdf = Files.createTempFile("offerte", ".pdf");
            Files.writeString(pdf, "%PDF-1.4\n% offerte\n");
            browser.find("#quote-file").sendKeys(pdf.toAbsolutePath().toString());
            browser.click("#add-quote");
            browser.waitForText("#quote-table", "EduNet Vlaanderen nv");
            assertThat(browser.text("#quote-table")).contains("offerte");
            browser.click("#quote-table input[type=radio]");
            browser.click("#choose-quote");
            browser.waitForText("main", "De offerte is gekozen.");

            // the director approves: the estimate is committed on the line
            as("director");
            browser.open(requestPath);
            browser.click("#decision-APPROVE");
            browser.click("#decision-submit");
            browser.waitForExactText("#request-status", "goedgekeurd");
            assertThat(booked(jdbc, line, "COMMITTED")).isEqualByComparingTo("1500.00");

            // the coordinator orders from the chosen quote
            as("coordinator");
            browser.open(requestPath);
            browser.click("#place-order");
            browser.find("#order-form");
            assertThat(browser.find("#supplierName").getAttribute("value")).isEqualTo("EduNet Vlaanderen nv");
            String number = unique("B-2026");
            browser.type("#number", number);
            new Select(browser.find("#lines0\\.assetKind")).selectByValue("LAPTOP");
            browser.type("#lines0\\.unitPrice", "600,00");
            browser.click("#save-order");
            browser.waitForExactText("#order-status", "besteld");
            assertThat(browser.text("#total-gross")).isEqualTo("€ 1.452,00");
            assertThat(booked(jdbc, line, "COMMITTED")).isEqualByComparingTo("1452.00");

            // the delivery: two laptops with their serials, straight into the inventory
            browser.type("#lines0\\.quantity", "2");
            browser.type("#lines0\\.serials", "PF4XK1\nPF4XK2");
            browser.click("#deliver");
            browser.waitForExactText("#order-status", "geleverd");
            assertThat(browser.all(".delivered-asset")).hasSize(2);
            browser.click(".delivered-asset");
            browser.waitForText("main", "PF4XK1");
            assertThat(browser.pageText()).contains(number);
            browser.driver().navigate().back();

            // the invoice: spent on the line, nothing committed any more
            browser.find("#invoice-form");
            browser.type("#invoice-form #number", "F-2026-0042");
            browser.click("#add-invoice");
            browser.waitForExactText("#order-status", "gefactureerd");
            assertThat(booked(jdbc, line, "SPENT")).isEqualByComparingTo("1452.00");
            assertThat(booked(jdbc, line, "COMMITTED")).isEqualByComparingTo("0");
            assertThat(browser.text("#order-budget")).contains("€ 3.548,00");
            browser.waitForText("#history-purchase-order", "F-2026-0042");

            // the teacher follows it
            as("teacher");
            browser.open(requestPath);
            browser.waitForExactText("#request-status", "gefactureerd");
        } catch (RuntimeException | Error e) {
            browser.screenshot("purchase-flow");
            throw e;
        }
    }
}
