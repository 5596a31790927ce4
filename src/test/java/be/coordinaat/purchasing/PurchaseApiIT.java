package be.coordinaat.purchasing;

import static be.coordinaat.purchasing.PurchaseTestData.booked;
import static be.coordinaat.purchasing.PurchaseTestData.budgetLine;
import static be.coordinaat.purchasing.PurchaseTestData.unique;
import static be.coordinaat.purchasing.PurchaseTestData.version;
import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The whole purchase flow through the REST API with real tokens, and its money booked on the budget line to the cent. */
@IntegrationTest
class PurchaseApiIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    Api as(String user) {
        return Api.as(user, port, jdbc);
    }

    @Test
    void requestAdviceApprovalQuotesOrderDeliveryInvoiceAndClose() {
        long a = Demo.regenboog(jdbc);
        long line = budgetLine(jdbc, a, "5000.00");
        Api teacher = as("teacher");
        Api coordinator = as("coordinator");
        Api director = as("director");
        long asset = jdbc.sql("SELECT id FROM asset WHERE school_id = ? ORDER BY id LIMIT 1").param(a).query(Long.class).single();

        String title = unique("Chromebooks 3de leerjaar");
        long id = PurchaseTestData.request(teacher, a, title, 3, "1200.00");
        JsonNode r = teacher.get("/api/v1/purchases/requests/" + id).json();
        assertThat(r.get("status").asText()).isEqualTo("REQUESTED");
        assertThat(r.get("rule").get("required").asInt()).isEqualTo(1);

        // the teacher may not advise or decide
        assertThat(teacher.post("/api/v1/purchases/requests/" + id + "/advice", Api.json(Map.of("recommendation", "x"))).status())
                .isEqualTo(403);
        assertThat(teacher.post("/api/v1/purchases/requests/" + id + "/decision", Api.json(Map.of("decision", "APPROVE"))).status())
                .isEqualTo(403);

        var advice = coordinator.post("/api/v1/purchases/requests/" + id + "/advice", Api.json(Map.of(
                "recommendation", "Acer Chromebook 311", "alternatives", "Tablets", "budgetLineId", line,
                "replacesAssetIds", List.of(asset), "version", version(coordinator, id))));
        assertThat(advice.status()).as(advice.toString()).isEqualTo(200);
        assertThat(advice.json().get("status").asText()).isEqualTo("ADVISED");
        assertThat(advice.json().get("replaces").get(0).get("id").asLong()).isEqualTo(asset);

        // a quote, the cheapest chosen
        var quote = coordinator.post("/api/v1/purchases/requests/" + id + "/quotes", Api.json(Map.of(
                "supplierName", "EduNet", "amount", new BigDecimal("1180.50"), "quoteDate", "2026-09-01")));
        assertThat(quote.status()).as(quote.toString()).isEqualTo(201);
        long quoteId = quote.json().get("id").asLong();
        var choice = coordinator.post("/api/v1/purchases/requests/" + id + "/chosen-quote", Api.json(Map.of(
                "quoteId", quoteId, "version", version(coordinator, id))));
        assertThat(choice.status()).as(choice.toString()).isEqualTo(200);

        var approve = director.post("/api/v1/purchases/requests/" + id + "/decision", Api.json(Map.of(
                "decision", "APPROVE", "comment", "Akkoord", "version", version(director, id))));
        assertThat(approve.status()).as(approve.toString()).isEqualTo(200);
        assertThat(approve.json().get("status").asText()).isEqualTo("APPROVED");
        assertThat(booked(jdbc, line, "COMMITTED")).isEqualByComparingTo("1200.00");
        // the teacher follows the status
        assertThat(teacher.get("/api/v1/purchases/requests/" + id).json().get("status").asText()).isEqualTo("APPROVED");

        // the order replaces the request's commitment by its lines: 3 × 330.00 + 21 % = 1197.90
        String number = unique("B-2026");
        Map<String, Object> orderLine = new LinkedHashMap<>();
        orderLine.put("description", "Acer Chromebook 311");
        orderLine.put("quantity", 3);
        orderLine.put("unitPrice", new BigDecimal("330.00"));
        orderLine.put("vatRate", 21);
        orderLine.put("itemKind", "ASSET");
        orderLine.put("assetKind", "CHROMEBOOK");
        orderLine.put("budgetLineId", line);
        var order = coordinator.post("/api/v1/purchases/orders", Api.json(Map.of("requestId", id, "number", number,
                "orderDate", "2026-09-10", "supplierName", "EduNet", "lines", List.of(orderLine))));
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        long orderId = order.json().get("id").asLong();
        assertThat(order.json().get("totalGross").decimalValue()).isEqualByComparingTo("1197.90");
        assertThat(booked(jdbc, line, "COMMITTED")).isEqualByComparingTo("1197.90");
        assertThat(teacher.get("/api/v1/purchases/requests/" + id).json().get("status").asText()).isEqualTo("ORDERED");
        long orderLineId = order.json().get("lines").get(0).get("id").asLong();

        // a partial delivery of 2 with serials: 2 assets in stock; the same submission again creates nothing
        String key = UUID.randomUUID().toString();
        String delivery = Api.json(Map.of("submissionKey", key, "deliveredOn", "2026-09-20",
                "lines", List.of(Map.of("orderLineId", orderLineId, "quantity", 2, "serials", List.of("SN-" + key + "-1", "SN-" + key + "-2")))));
        var d1 = coordinator.post("/api/v1/purchases/orders/" + orderId + "/deliveries", delivery);
        assertThat(d1.status()).as(d1.toString()).isEqualTo(201);
        assertThat(d1.json().get("status").asText()).isEqualTo("PARTLY_DELIVERED");
        var d2 = coordinator.post("/api/v1/purchases/orders/" + orderId + "/deliveries", delivery);
        assertThat(d2.status()).isEqualTo(200);
        assertThat(assetsOfOrder(number)).isEqualTo(2);
        var asset1 = jdbc.sql("SELECT status, price, supplier, serial, purchase_date FROM asset WHERE order_reference = ? AND serial = ?")
                .params(number, "SN-" + key + "-1").query().singleRow();
        assertThat(asset1.get("status")).isEqualTo("IN_STOCK");
        assertThat((BigDecimal) asset1.get("price")).isEqualByComparingTo("399.30");
        assertThat(asset1.get("supplier")).isEqualTo("EduNet");
        assertThat(teacher.get("/api/v1/purchases/requests/" + id).json().get("status").asText()).isEqualTo("PARTLY_DELIVERED");

        // more than is still open is refused
        var tooMany = coordinator.post("/api/v1/purchases/orders/" + orderId + "/deliveries", Api.json(Map.of(
                "submissionKey", UUID.randomUUID().toString(), "deliveredOn", "2026-09-21",
                "lines", List.of(Map.of("orderLineId", orderLineId, "quantity", 2)))));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body()).contains("lines[0].quantity");
        var rest = coordinator.post("/api/v1/purchases/orders/" + orderId + "/deliveries", Api.json(Map.of(
                "submissionKey", UUID.randomUUID().toString(), "deliveredOn", "2026-09-21",
                "lines", List.of(Map.of("orderLineId", orderLineId, "quantity", 1)))));
        assertThat(rest.json().get("status").asText()).isEqualTo("DELIVERED");
        assertThat(assetsOfOrder(number)).isEqualTo(3);

        // a first invoice of 500.00: spent 500.00, committed 697.90; then the rest: all spent, nothing committed
        var i1 = coordinator.post("/api/v1/purchases/orders/" + orderId + "/invoices", Api.json(Map.of(
                "number", "F-1", "amount", new BigDecimal("500.00"), "invoiceDate", "2026-09-25")));
        assertThat(i1.status()).as(i1.toString()).isEqualTo(201);
        assertThat(booked(jdbc, line, "SPENT")).isEqualByComparingTo("500.00");
        assertThat(booked(jdbc, line, "COMMITTED")).isEqualByComparingTo("697.90");
        var dup = coordinator.post("/api/v1/purchases/orders/" + orderId + "/invoices", Api.json(Map.of(
                "number", "f-1", "amount", new BigDecimal("1.00"), "invoiceDate", "2026-09-25")));
        assertThat(dup.status()).isEqualTo(400);
        var i2 = coordinator.post("/api/v1/purchases/orders/" + orderId + "/invoices", Api.json(Map.of(
                "number", "F-2", "amount", new BigDecimal("697.90"), "invoiceDate", "2026-09-30", "paidOn", "2026-10-05")));
        assertThat(i2.json().get("status").asText()).isEqualTo("INVOICED");
        assertThat(booked(jdbc, line, "SPENT")).isEqualByComparingTo("1197.90");
        assertThat(booked(jdbc, line, "COMMITTED")).isEqualByComparingTo("0");
        long firstInvoice = i1.json().get("invoices").get(0).get("id").asLong();
        assertThat(coordinator.post("/api/v1/purchases/orders/" + orderId + "/invoices/" + firstInvoice + "/paid",
                "{\"paidOn\":\"2026-10-01\"}").status()).isEqualTo(200);

        var closed = coordinator.post("/api/v1/purchases/orders/" + orderId + "/close", "");
        assertThat(closed.json().get("status").asText()).isEqualTo("CLOSED");
        assertThat(teacher.get("/api/v1/purchases/requests/" + id).json().get("status").asText()).isEqualTo("CLOSED");
        assertThat(jdbc.sql("SELECT count(*) FROM history_entry WHERE record_type = 'purchase-request' AND record_id = ?")
                .param(id).query(Long.class).single()).isGreaterThanOrEqualTo(6);
        assertThat(jdbc.sql("SELECT count(*) FROM history_entry WHERE record_type = 'purchase-order' AND record_id = ?")
                .param(orderId).query(Long.class).single()).isGreaterThanOrEqualTo(5);
    }

    private long assetsOfOrder(String number) {
        return jdbc.sql("SELECT count(*) FROM asset WHERE order_reference = ?").param(number).query(Long.class).single();
    }

    @Test
    void approvalBeyondTheLineNeedsAnExplicitConfirmation() {
        long a = Demo.regenboog(jdbc);
        long line = budgetLine(jdbc, a, "1000.00");
        Api teacher = as("teacher");
        Api director = as("director");
        long id = PurchaseTestData.request(teacher, a, unique("Interactief scherm"), 1, "3200.00");
        var refused = director.post("/api/v1/purchases/requests/" + id + "/decision", Api.json(Map.of(
                "decision", "APPROVE", "budgetLineId", line, "version", version(director, id))));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).contains("problem+json");
        assertThat(refused.body()).contains("confirmOverBudget");
        assertThat(booked(jdbc, line, "COMMITTED")).isEqualByComparingTo("0");
        assertThat(teacher.get("/api/v1/purchases/requests/" + id).json().get("status").asText()).isEqualTo("REQUESTED");

        var confirmed = director.post("/api/v1/purchases/requests/" + id + "/decision", Api.json(Map.of(
                "decision", "APPROVE", "budgetLineId", line, "confirmOverBudget", true, "version", version(director, id))));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(booked(jdbc, line, "COMMITTED")).isEqualByComparingTo("3200.00");
    }

    @Test
    void twoApprovalsAtOnceGiveOneDecisionAndOneBooking() throws Exception {
        long a = Demo.regenboog(jdbc);
        long line = budgetLine(jdbc, a, "9000.00");
        Api director = as("director");
        long id = PurchaseTestData.request(as("teacher"), a, unique("Beamer"), 1, "800.00");
        int version = version(director, id);
        String body = Api.json(Map.of("decision", "APPROVE", "budgetLineId", line, "version", version));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Callable<Integer> call = () -> {
                    start.await();
                    return director.post("/api/v1/purchases/requests/" + id + "/decision", body).status();
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM budget_booking WHERE source_type = 'purchase-request' AND source_id = ?")
                .param(id).query(Long.class).single()).isEqualTo(1);
        assertThat(booked(jdbc, line, "COMMITTED")).isEqualByComparingTo("800.00");
    }

    @Test
    void aDeliveryReplayedConcurrentlyCreatesItsAssetsOnce() throws Exception {
        long a = Demo.regenboog(jdbc);
        long line = budgetLine(jdbc, a, "9000.00");
        Api coordinator = as("coordinator");
        String number = unique("B-CONC");
        var order = coordinator.post("/api/v1/purchases/orders", Api.json(Map.of("schoolId", a, "number", number,
                "orderDate", "2026-10-01", "supplierName", "Signpost", "lines", List.of(Map.of("description", "iPad 10.9",
                        "quantity", 4, "unitPrice", 349, "vatRate", 21, "itemKind", "ASSET", "assetKind", "TABLET",
                        "budgetLineId", line)))));
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        long orderId = order.json().get("id").asLong();
        long orderLine = order.json().get("lines").get(0).get("id").asLong();
        String body = Api.json(Map.of("submissionKey", UUID.randomUUID().toString(), "deliveredOn", "2026-10-03",
                "lines", List.of(Map.of("orderLineId", orderLine, "quantity", 4))));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return coordinator.post("/api/v1/purchases/orders/" + orderId + "/deliveries", body).status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 200, 200);
        } finally {
            pool.shutdownNow();
        }
        assertThat(coordinator.post("/api/v1/purchases/orders/" + orderId + "/deliveries", body).status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM asset WHERE order_reference = ?").param(number).query(Long.class).single())
                .isEqualTo(4);
        assertThat(jdbc.sql("SELECT count(*) FROM purchase_delivery WHERE order_id = ?").param(orderId).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aLicenceLineCreatesALicenceWithItsSeats() {
        long a = Demo.regenboog(jdbc);
        long line = budgetLine(jdbc, a, "9000.00");
        Api coordinator = as("coordinator");
        long software = jdbc.sql("SELECT id FROM software WHERE board_id = (SELECT board_id FROM school WHERE id = ?) ORDER BY id LIMIT 1")
                .param(a).query(Long.class).single();
        String number = unique("B-LIC");
        var order = coordinator.post("/api/v1/purchases/orders", Api.json(Map.of("schoolId", a, "number", number,
                "orderDate", "2026-10-01", "supplierName", "Sensotec", "lines", List.of(Map.of("description", "Kurzweil 3000",
                        "quantity", 5, "unitPrice", "60.00", "vatRate", 21, "itemKind", "LICENCE", "softwareId", software,
                        "licenceType", "PER_USER", "budgetLineId", line)))));
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        long orderLine = order.json().get("lines").get(0).get("id").asLong();
        var d = coordinator.post("/api/v1/purchases/orders/" + order.json().get("id").asLong() + "/deliveries", Api.json(Map.of(
                "submissionKey", UUID.randomUUID().toString(), "deliveredOn", "2026-10-02",
                "lines", List.of(Map.of("orderLineId", orderLine, "quantity", 5)))));
        assertThat(d.status()).as(d.toString()).isEqualTo(201);
        var licence = jdbc.sql("SELECT seats, cost, type FROM licence WHERE order_reference = ?").param(number).query().singleRow();
        assertThat(licence.get("seats")).isEqualTo(5);
        assertThat((BigDecimal) licence.get("cost")).isEqualByComparingTo("363.00");
        assertThat(licence.get("type")).isEqualTo("PER_USER");
    }

    @Test
    void thresholdsDecideHowManyQuotesARequestNeeds() {
        long a = Demo.regenboog(jdbc);
        Api teacher = as("teacher");
        long small = PurchaseTestData.request(teacher, a, unique("Muis"), 1, "25.00");
        long medium = PurchaseTestData.request(teacher, a, unique("Laptops"), 10, "9000.00");
        long large = PurchaseTestData.request(teacher, a, unique("Netwerk"), 1, "45000.00");
        JsonNode settings = as("admin").get("/api/v1/purchases/settings").json();
        int required = settings.get("quotesRequired").asInt();
        assertThat(teacher.get("/api/v1/purchases/requests/" + small).json().get("rule").get("required").asInt()).isEqualTo(1);
        JsonNode m = teacher.get("/api/v1/purchases/requests/" + medium).json();
        assertThat(m.get("rule").get("required").asInt()).isEqualTo(required);
        assertThat(m.get("quotesMissing").asBoolean()).isTrue();
        assertThat(teacher.get("/api/v1/purchases/requests/" + large).json().get("rule").get("procedure").asBoolean()).isTrue();
        // only a board admin changes them; nonsense is a field error
        assertThat(as("coordinator").put("/api/v1/purchases/settings", "{\"singleQuoteBelow\":1,\"procedureFrom\":2,\"quotesRequired\":3}")
                .status()).isEqualTo(403);
        var bad = as("admin").put("/api/v1/purchases/settings", "{\"singleQuoteBelow\":5000,\"procedureFrom\":100,\"quotesRequired\":0}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("procedureFrom").contains("quotesRequired");
    }
}
