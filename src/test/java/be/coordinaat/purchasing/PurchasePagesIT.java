package be.coordinaat.purchasing;

import static be.coordinaat.purchasing.PurchaseTestData.booked;
import static be.coordinaat.purchasing.PurchaseTestData.budgetLine;
import static be.coordinaat.purchasing.PurchaseTestData.unique;
import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Browserless;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every purchasing page renders for the roles that use it, and the forms behave: over-budget confirmation, replayed deliveries. */
@IntegrationTest
class PurchasePagesIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void everyPageRendersForItsUsers() {
        long a = Demo.regenboog(jdbc);
        long line = budgetLine(jdbc, a, "20000.00");
        Api teacher = Api.as("teacher", port, jdbc);
        long request = PurchaseTestData.approved(teacher, Api.as("coordinator", port, jdbc), Api.as("director", port, jdbc), a,
                line, "900.00");
        for (String user : List.of("teacher", "coordinator", "director", "admin", "technician")) {
            Browserless web = Browserless.signIn(port, user, user);
            assertThat(web.get("/purchases").status()).as(user).isEqualTo(200);
            assertThat(web.get("/purchases?status=APPROVED&mine=true&waiting=true&sort=-cost&q=lap").status()).as(user).isEqualTo(200);
            assertThat(web.get("/purchases?school=abc&status=NONSENSE&page=-4").status()).as(user).isEqualTo(200);
            assertThat(web.get("/purchases/new").status()).as(user).isEqualTo(200);
            assertThat(web.get("/purchases/settings").status()).as(user).isEqualTo(200);
            int expected = user.equals("technician") ? 404 : 200;
            assertThat(web.get("/purchases/" + request).status()).as(user).isEqualTo(expected);
        }
        Browserless coordinator = Browserless.signIn(port, "coordinator", "coordinator");
        Document page = coordinator.get("/purchases/" + request).document();
        assertThat(page.select("#place-order")).hasSize(1);
        assertThat(coordinator.get("/purchases/orders").status()).isEqualTo(200);
        assertThat(coordinator.get("/purchases/orders?status=X&school=y&sort=-total").status()).isEqualTo(200);
        assertThat(coordinator.get("/purchases/orders/new").status()).isEqualTo(200);
        Document form = coordinator.get("/purchases/orders/new?request=" + request).document();
        assertThat(form.select(".order-line")).hasSize(1);
        assertThat(form.select("#lines0\\.budgetLineId option[selected]").attr("value")).isEqualTo(String.valueOf(line));
        // the teacher sees the status, not the buttons
        Document own = Browserless.signIn(port, "teacher", "teacher").get("/purchases/" + request).document();
        assertThat(own.select("#request-status").text()).isEqualTo("goedgekeurd");
        assertThat(own.select("#advice-form, #decision-form, #quote-form, #place-order")).isEmpty();
        assertThat(Browserless.signIn(port, "director", "director").get("/purchases/orders/new").status()).isEqualTo(403);
        assertThat(Browserless.signIn(port, "teacher", "teacher").get("/purchases/" + request + "/edit").status()).isEqualTo(403);
    }

    @Test
    void theDecisionFormAsksToConfirmAnOverrunAndTheDeliveryFormCannotCreateAssetsTwice() {
        long a = Demo.regenboog(jdbc);
        long line = budgetLine(jdbc, a, "100.00");
        long request = PurchaseTestData.request(Api.as("teacher", port, jdbc), a, unique("Smartboard"), 1, "2500,00".replace(",", "."));
        Browserless director = Browserless.signIn(port, "director", "director");
        String version = director.get("/purchases/" + request).document().select("#decision-form input[name=version]").attr("value");
        Map<String, String> decision = new LinkedHashMap<>(Map.of("decision", "APPROVE", "budgetLineId", String.valueOf(line),
                "version", version));
        var first = director.post("/purchases/" + request + "/decision", decision, "/purchases/" + request);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.document().select("#over-budget").text()).contains("€ 100,00").contains("€ 2.500,00");
        assertThat(booked(jdbc, line, "COMMITTED")).isEqualByComparingTo("0");
        decision.put("confirmOverBudget", "true");
        var confirmed = director.post("/purchases/" + request + "/decision", decision, "/purchases/" + request);
        assertThat(confirmed.status()).isEqualTo(302);
        assertThat(booked(jdbc, line, "COMMITTED")).isEqualByComparingTo("2500.00");

        // the coordinator orders through the form (amounts typed the Belgian way) and delivers twice with the same form
        Browserless coordinator = Browserless.signIn(port, "coordinator", "coordinator");
        String number = unique("B-WEB");
        Map<String, String> order = new LinkedHashMap<>();
        order.put("requestId", String.valueOf(request));
        order.put("schoolId", String.valueOf(a));
        order.put("number", number);
        order.put("orderDate", "2026-10-01");
        order.put("supplierName", "Signpost");
        order.put("lines[0].schoolId", String.valueOf(a));
        order.put("lines[0].description", "Clevertouch 65\"");
        order.put("lines[0].quantity", "2");
        order.put("lines[0].unitPrice", "1.033,06");
        order.put("lines[0].vatRate", "21");
        order.put("lines[0].itemKind", "ASSET");
        order.put("lines[0].assetKind", "INTERACTIVE_DISPLAY");
        order.put("lines[0].budgetLineId", String.valueOf(line));
        var refused = coordinator.post("/purchases/orders", order, "/purchases/orders/new?request=" + request);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.document().select("#over-budget")).hasSize(1);
        order.put("confirmOverBudget", "true");
        var placed = coordinator.post("/purchases/orders", order, "/purchases/orders/new?request=" + request);
        assertThat(placed.status()).as(placed.body()).isEqualTo(302);
        String orderPath = placed.location().replaceFirst("^https?://[^/]+", "");
        assertThat(booked(jdbc, line, "COMMITTED")).isEqualByComparingTo("2500.01"); // 2066.12 + VAT 433.89

        Document orderPage = coordinator.get(orderPath).document();
        String key = orderPage.select("#delivery-form input[name=submissionKey]").attr("value");
        String orderLine = orderPage.select("#delivery-form input[name='lines[0].orderLineId']").attr("value");
        Map<String, String> delivery = Map.of("submissionKey", key, "deliveredOn", "2026-10-05",
                "lines[0].orderLineId", orderLine, "lines[0].quantity", "2", "lines[0].serials", "CT-1\r\nCT-2");
        assertThat(coordinator.post(orderPath + "/deliveries", delivery, orderPath).status()).isEqualTo(302);
        assertThat(coordinator.post(orderPath + "/deliveries", delivery, orderPath).status()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT count(*) FROM asset WHERE order_reference = ?").param(number).query(Long.class).single())
                .isEqualTo(2);
        Document delivered = coordinator.get(orderPath).document();
        assertThat(delivered.select(".delivered-asset")).hasSize(2);
        assertThat(delivered.select("#order-status").text()).isEqualTo("geleverd");

        // a bad delivery shows field errors, not a 500
        var bad = coordinator.post(orderPath + "/invoices", Map.of("number", "", "amount", "veel", "invoiceDate", ""), orderPath);
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.document().select("#invoice-form .is-invalid")).hasSizeGreaterThanOrEqualTo(1);
    }
}
