package be.coordinaat.purchasing;

import static be.coordinaat.purchasing.PurchaseTestData.booked;
import static be.coordinaat.purchasing.PurchaseTestData.budgetLine;
import static be.coordinaat.purchasing.PurchaseTestData.unique;
import static be.coordinaat.purchasing.PurchaseTestData.version;
import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Browserless;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Who sees and changes what: school A against school B by guessed ids (404, never a hint), a teacher sees only
 * their own requests, a director decides for their own school only, joint orders need PURCHASES_MANAGE in every
 * school; hostile input gives field errors, never a 500.
 */
@IntegrationTest
class PurchaseScopeIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    Api as(String user) {
        return Api.as(user, port, jdbc);
    }

    @Test
    void schoolBsRequestsAndOrdersAreNotFoundForSchoolAByGuessedIds() {
        long b = Demo.atheneum(jdbc);
        Api admin = as("admin");
        long lineB = budgetLine(jdbc, b, "10000.00");
        long request = PurchaseTestData.request(admin, b, unique("Laptopkar atheneum"), 1, "2000.00");
        var quote = admin.post("/api/v1/purchases/requests/" + request + "/quotes", Api.json(Map.of(
                "supplierName", "Signpost", "amount", 1990, "quoteDate", "2026-09-01")));
        long quoteId = quote.json().get("id").asLong();
        var order = admin.post("/api/v1/purchases/orders", Api.json(Map.of("schoolId", b, "number", unique("AT"),
                "orderDate", "2026-09-02", "supplierName", "Signpost", "lines", List.of(Map.of("description", "Kar",
                        "quantity", 1, "unitPrice", 1600, "vatRate", 21, "itemKind", "ASSET", "assetKind", "CHARGING_CART",
                        "budgetLineId", lineB)))));
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        long orderId = order.json().get("id").asLong();
        long orderLine = order.json().get("lines").get(0).get("id").asLong();

        for (String user : List.of("coordinator", "director", "teacher", "technician")) {
            Api api = as(user);
            String r = "/api/v1/purchases/requests/" + request;
            assertThat(api.get(r).status()).as(user).isEqualTo(404);
            assertThat(api.put(r, Api.json(Map.of("title", "x", "quantity", 1, "estimatedCost", 1))).status()).as(user).isEqualTo(404);
            assertThat(api.post(r + "/advice", Api.json(Map.of("recommendation", "x"))).status()).as(user).isEqualTo(404);
            assertThat(api.post(r + "/decision", Api.json(Map.of("decision", "APPROVE", "confirmOverBudget", true))).status())
                    .as(user).isEqualTo(404);
            assertThat(api.get(r + "/quotes").status()).as(user).isEqualTo(404);
            assertThat(api.get(r + "/quotes/" + quoteId).status()).as(user).isEqualTo(404);
            assertThat(api.delete(r + "/quotes/" + quoteId).status()).as(user).isEqualTo(404);
            assertThat(api.post(r + "/quotes", Api.json(Map.of("supplierName", "x", "amount", 1, "quoteDate", "2026-01-01")))
                    .status()).as(user).isEqualTo(404);
            if (!user.equals("technician")) {
                // the technician asks for purchases in both schools and may list their own of school B
                assertThat(api.get("/api/v1/purchases/requests?school=" + b).status()).as(user).isIn(403, 404);
            }
            String o = "/api/v1/purchases/orders/" + orderId;
            assertThat(api.get(o).status()).as(user).isIn(403, 404);
            assertThat(api.post(o + "/deliveries", Api.json(Map.of("submissionKey", "k", "deliveredOn", "2026-09-03",
                    "lines", List.of(Map.of("orderLineId", orderLine, "quantity", 1))))).status()).as(user).isIn(403, 404);
            assertThat(api.post(o + "/invoices", Api.json(Map.of("number", "F", "amount", 1, "invoiceDate", "2026-09-03")))
                    .status()).as(user).isIn(403, 404);
            assertThat(api.post(o + "/close", "").status()).as(user).isIn(403, 404);
            assertThat(api.get("/api/v1/purchases/budget-lines?school=" + b).status()).as(user).isEqualTo(404);
            // the lists do not show it either
            JsonNode list = api.get("/api/v1/purchases/requests?size=200&q=" + "Laptopkar").json();
            list.get("items").forEach(item -> assertThat(item.get("id").asLong()).isNotEqualTo(request));
        }
        assertThat(as("coordinator").get("/api/v1/purchases/orders?school=" + b).status()).isEqualTo(404);
        assertThat(booked(jdbc, lineB, "COMMITTED")).isEqualByComparingTo("1936.00");
        // the web pages answer 404 too
        Browserless web = Browserless.signIn(port, "coordinator", "coordinator");
        assertThat(web.get("/purchases/" + request).status()).isEqualTo(404);
        assertThat(web.get("/purchases/" + request + "/edit").status()).isEqualTo(404);
        assertThat(web.get("/purchases/" + request + "/quotes/" + quoteId + "/file").status()).isEqualTo(404);
        assertThat(web.get("/purchases/orders/" + orderId).status()).isEqualTo(404);
        assertThat(web.post("/purchases/" + request + "/advice", Map.of("recommendation", "x"), "/purchases").status()).isEqualTo(404);
        assertThat(web.post("/purchases/orders/" + orderId + "/invoices", Map.of("number", "F", "amount", "1",
                "invoiceDate", "2026-09-03"), "/purchases").status()).isEqualTo(404);
    }

    @Test
    void aTeacherSeesOnlyTheirOwnRequestsAndCannotChangeThemAfterAdvice() {
        long a = Demo.regenboog(jdbc);
        Api teacher = as("teacher");
        Api coordinator = as("coordinator");
        long own = PurchaseTestData.request(teacher, a, unique("Koptelefoons"), 10, "200.00");
        long other = PurchaseTestData.request(coordinator, a, unique("Switch"), 1, "900.00");
        assertThat(teacher.get("/api/v1/purchases/requests/" + other).status()).isEqualTo(404);
        JsonNode list = teacher.get("/api/v1/purchases/requests?size=200").json();
        list.get("items").forEach(item -> assertThat(item.get("requesterName").asText()).isEqualTo(
                jdbc.sql("SELECT display_name FROM app_user WHERE username = 'teacher'").query(String.class).single()));
        assertThat(list.toString()).contains(String.valueOf(own));
        // the coordinator (PURCHASES_READ) sees both
        JsonNode all = coordinator.get("/api/v1/purchases/requests?size=200&school=" + a).json();
        assertThat(all.get("total").asLong()).isGreaterThanOrEqualTo(2);
        // the teacher changes their own request while it waits, not after advice
        var changed = teacher.put("/api/v1/purchases/requests/" + own, Api.json(Map.of("title", "Koptelefoons met microfoon",
                "quantity", 12, "estimatedCost", 240, "version", version(teacher, own))));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        coordinator.post("/api/v1/purchases/requests/" + own + "/advice", Api.json(Map.of("recommendation", "Ok",
                "version", version(coordinator, own))));
        assertThat(teacher.put("/api/v1/purchases/requests/" + own, Api.json(Map.of("title", "x", "quantity", 1,
                "estimatedCost", 1))).status()).isEqualTo(409);
        // a stale version is a conflict
        assertThat(coordinator.post("/api/v1/purchases/requests/" + own + "/advice", Api.json(Map.of("recommendation", "Ok",
                "version", 0))).status()).isEqualTo(409);
        // no orders for a teacher
        assertThat(teacher.get("/api/v1/purchases/orders").status()).isEqualTo(403);
        assertThat(Browserless.signIn(port, "teacher", "teacher").get("/purchases/orders").status()).isEqualTo(403);
        // the external ICT service has nothing to do with purchases
        assertThat(as("ictdienst").get("/api/v1/purchases/requests").status()).isEqualTo(403);
        assertThat(as("ictdienst").post("/api/v1/purchases/requests", Api.json(Map.of("schoolId", a, "title", "x",
                "quantity", 1, "estimatedCost", 1))).status()).isEqualTo(403);
    }

    @Test
    void changesRequestedGoBackToTheRequesterWhoSubmitsAgain() {
        long a = Demo.regenboog(jdbc);
        Api teacher = as("teacher");
        Api director = as("director");
        long id = PurchaseTestData.request(teacher, a, unique("Tablets"), 4, "1600.00");
        var noComment = director.post("/api/v1/purchases/requests/" + id + "/decision", Api.json(Map.of(
                "decision", "REQUEST_CHANGES", "version", version(director, id))));
        assertThat(noComment.status()).isEqualTo(400);
        assertThat(noComment.body()).contains("comment");
        var back = director.post("/api/v1/purchases/requests/" + id + "/decision", Api.json(Map.of(
                "decision", "REQUEST_CHANGES", "comment", "Twee volstaan", "version", version(director, id))));
        assertThat(back.json().get("status").asText()).isEqualTo("CHANGES_REQUESTED");
        var again = teacher.put("/api/v1/purchases/requests/" + id, Api.json(Map.of("title", "Tablets", "quantity", 2,
                "estimatedCost", 800, "version", version(teacher, id))));
        assertThat(again.json().get("status").asText()).isEqualTo("REQUESTED");
        var reject = director.post("/api/v1/purchases/requests/" + id + "/decision", Api.json(Map.of(
                "decision", "REJECT", "comment", "Geen budget", "version", version(director, id))));
        assertThat(reject.json().get("status").asText()).isEqualTo("REJECTED");
        assertThat(director.post("/api/v1/purchases/requests/" + id + "/decision", Api.json(Map.of(
                "decision", "APPROVE", "confirmOverBudget", true))).status()).isEqualTo(409);
    }

    @Test
    void aJointOrderNeedsPurchasesManageInEverySchool() {
        long a = Demo.regenboog(jdbc);
        long b = Demo.atheneum(jdbc);
        long lineA = budgetLine(jdbc, a, "10000.00");
        long lineB = budgetLine(jdbc, b, "10000.00");
        Map<String, Object> forA = Map.of("schoolId", a, "description", "Access point", "quantity", 3, "unitPrice", "189.99",
                "vatRate", 21, "itemKind", "ASSET", "assetKind", "ACCESS_POINT", "budgetLineId", lineA);
        Map<String, Object> forB = Map.of("schoolId", b, "description", "Access point", "quantity", 5, "unitPrice", "189.99",
                "vatRate", 21, "itemKind", "ASSET", "assetKind", "ACCESS_POINT", "budgetLineId", lineB);
        // the coordinator of A has no role in B: the same answer as for a school that does not exist
        var refused = as("coordinator").post("/api/v1/purchases/orders", Api.json(Map.of("schoolId", a, "number", unique("SG"),
                "orderDate", "2026-09-01", "supplierName", "EduNet", "lines", List.of(forA, forB))));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("lines[1].schoolId");
        var unknown = as("coordinator").post("/api/v1/purchases/orders", Api.json(Map.of("schoolId", a, "number", unique("SG"),
                "orderDate", "2026-09-01", "supplierName", "EduNet", "lines", List.of(Map.of("schoolId", 987654321L,
                        "description", "x", "quantity", 1, "unitPrice", 1, "vatRate", 21, "itemKind", "SERVICE")))));
        assertThat(unknown.body()).contains("lines[0].schoolId");
        // a line of A on B's budget line is refused
        var wrongLine = as("admin").post("/api/v1/purchases/orders", Api.json(Map.of("schoolId", a, "number", unique("SG"),
                "orderDate", "2026-09-01", "supplierName", "EduNet", "lines", List.of(Map.of("schoolId", a, "description", "x",
                        "quantity", 1, "unitPrice", 1, "vatRate", 21, "itemKind", "SERVICE", "budgetLineId", lineB)))));
        assertThat(wrongLine.status()).isEqualTo(400);
        assertThat(wrongLine.body()).contains("lines[0].budgetLineId");

        var joint = as("admin").post("/api/v1/purchases/orders", Api.json(Map.of("schoolId", a, "number", unique("SG"),
                "orderDate", "2026-09-01", "supplierName", "EduNet", "lines", List.of(forA, forB))));
        assertThat(joint.status()).as(joint.toString()).isEqualTo(201);
        long orderId = joint.json().get("id").asLong();
        // each school's share on its own line: 3 × 189.99 × 1.21 = 689.66, 5 × … = 1149.44
        assertThat(booked(jdbc, lineA, "COMMITTED")).isEqualByComparingTo("689.66");
        assertThat(booked(jdbc, lineB, "COMMITTED")).isEqualByComparingTo("1149.44");
        assertThat(joint.json().get("totalGross").decimalValue()).isEqualByComparingTo("1839.10");
        // the coordinator of A reads it (A has a line) but cannot deliver or invoice it
        Api coordinator = as("coordinator");
        assertThat(coordinator.get("/api/v1/purchases/orders/" + orderId).status()).isEqualTo(200);
        long lineOfA = joint.json().get("lines").get(0).get("id").asLong();
        assertThat(coordinator.post("/api/v1/purchases/orders/" + orderId + "/deliveries", Api.json(Map.of(
                "submissionKey", UUID.randomUUID().toString(), "deliveredOn", "2026-09-03",
                "lines", List.of(Map.of("orderLineId", lineOfA, "quantity", 1))))).status()).isEqualTo(403);
        // an invoice for the whole order is split over both schools to the cent
        var invoice = as("admin").post("/api/v1/purchases/orders/" + orderId + "/invoices", Api.json(Map.of(
                "number", "F-SG", "amount", "1000.01", "invoiceDate", "2026-09-10")));
        assertThat(invoice.status()).as(invoice.toString()).isEqualTo(201);
        assertThat(booked(jdbc, lineA, "SPENT").add(booked(jdbc, lineB, "SPENT"))).isEqualByComparingTo("1000.01");
        assertThat(booked(jdbc, lineA, "COMMITTED").add(booked(jdbc, lineB, "COMMITTED"))).isEqualByComparingTo("839.09");
    }

    @Test
    void hostileInputGivesFieldErrorsNeverA500() {
        long a = Demo.regenboog(jdbc);
        Api teacher = as("teacher");
        Api coordinator = as("coordinator");
        List<String> bodies = List.of(
                "{\"schoolId\":" + a + ",\"title\":\"\",\"quantity\":-1,\"estimatedCost\":-5}",
                "{\"schoolId\":" + a + ",\"title\":\"x\",\"quantity\":1,\"estimatedCost\":1.234}",
                "{\"schoolId\":" + a + ",\"title\":\"x\",\"quantity\":\"veel\",\"estimatedCost\":1}",
                "{\"schoolId\":" + a + ",\"title\":\"x\",\"quantity\":1,\"estimatedCost\":1,\"admin\":true}",
                "{\"schoolId\":" + a + ",\"title\":\"" + "x".repeat(5000) + "\",\"quantity\":1,\"estimatedCost\":1}",
                "{\"schoolId\":" + a + ",\"title\":\"x\\u0000y\",\"quantity\":1,\"estimatedCost\":1}",
                "{\"schoolId\":" + a + ",\"title\":\"x\",\"quantity\":99999999999,\"estimatedCost\":1}",
                "{\"schoolId\":" + a + ",\"title\":\"x\",\"quantity\":1,\"estimatedCost\":1e400}",
                "{\"schoolId\":" + a + ",\"title\":\"x\",\"quantity\":1,\"estimatedCost\":1,\"roomId\":-3}",
                "{\"schoolId\":" + a + ",\"title\":\"x\",\"quantity\":1,\"estimatedCost\":1,\"wishedDate\":\"2026-13-45\"}",
                "[1,2]", "not json");
        for (String body : bodies) {
            var r = teacher.post("/api/v1/purchases/requests", body);
            assertThat(r.status()).as(body.length() > 200 ? body.substring(0, 200) : body).isEqualTo(400);
            assertThat(r.contentType()).contains("problem+json");
        }
        var fields = teacher.post("/api/v1/purchases/requests", bodies.get(0)).json().get("errors").toString();
        assertThat(fields).contains("title").contains("quantity").contains("estimatedCost");

        long line = budgetLine(jdbc, a, "1000.00");
        List<String> orders = List.of(
                "{\"schoolId\":" + a + ",\"number\":\"X\",\"orderDate\":\"2026-01-01\",\"supplierName\":\"S\",\"lines\":[]}",
                "{\"schoolId\":" + a + ",\"number\":\"X\",\"orderDate\":\"2026-01-01\",\"supplierName\":\"S\",\"lines\":[{\"description\":\"d\",\"quantity\":1,\"unitPrice\":1,\"vatRate\":7,\"itemKind\":\"SERVICE\",\"budgetLineId\":" + line + "}]}",
                "{\"schoolId\":" + a + ",\"number\":\"X\",\"orderDate\":\"2026-01-01\",\"supplierName\":\"S\",\"lines\":[{\"description\":\"d\",\"quantity\":1,\"unitPrice\":1.001,\"vatRate\":21,\"itemKind\":\"ASSET\",\"budgetLineId\":" + line + "}]}",
                "{\"schoolId\":" + a + ",\"number\":\"X\",\"orderDate\":\"2026-01-01\",\"supplierName\":\"S\",\"lines\":[{\"description\":\"d\",\"quantity\":1,\"unitPrice\":1,\"vatRate\":21,\"itemKind\":\"LICENCE\",\"budgetLineId\":" + line + "}]}",
                "{\"schoolId\":" + a + ",\"number\":\"X\",\"orderDate\":\"2026-01-01\",\"supplierName\":\"S\",\"lines\":[{\"description\":\"d\",\"quantity\":1,\"unitPrice\":1,\"vatRate\":21,\"itemKind\":\"ROCKET\"}]}",
                "{\"schoolId\":" + a + ",\"number\":\"X\",\"orderDate\":\"2026-01-01\",\"supplierName\":\"S\",\"lines\":[{\"description\":\"d\",\"quantity\":1,\"unitPrice\":1,\"vatRate\":21,\"itemKind\":\"SERVICE\",\"budgetLineId\":-1}]}");
        for (String body : orders) {
            var r = coordinator.post("/api/v1/purchases/orders", body);
            assertThat(r.status()).as(body + " → " + r.body()).isEqualTo(400);
        }
        // a quote file that is a program renamed to .pdf is refused
        long id = PurchaseTestData.request(teacher, a, unique("Printer"), 1, "300.00");
        long quote = coordinator.post("/api/v1/purchases/requests/" + id + "/quotes", Api.json(Map.of("supplierName", "S",
                "amount", 290, "quoteDate", "2026-01-01"))).json().get("id").asLong();
        String boundary = "b" + System.nanoTime();
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"offerte.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\nMZ\u0090\u0000 not a pdf\r\n--" + boundary + "--\r\n").getBytes();
        var upload = coordinator.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/purchases/requests/"
                        + id + "/quotes/" + quote + "/file")).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertThat(upload.status()).isEqualTo(400);
        assertThat(upload.body()).contains("file");
        byte[] pdf = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"offerte.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4 demo\r\n--" + boundary + "--\r\n").getBytes();
        var ok = coordinator.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/purchases/requests/"
                        + id + "/quotes/" + quote + "/file")).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(pdf)));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.json().get("contentType").asText()).isEqualTo("application/pdf");

        // web forms: garbage gives the form with field errors
        Browserless web = Browserless.signIn(port, "teacher", "teacher");
        var page = web.post("/purchases", Map.of("schoolId", String.valueOf(a), "title", "", "quantity", "veel",
                "estimatedCost", "12,3,4", "wishedDate", "morgen"), "/purchases/new");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().select(".is-invalid")).hasSizeGreaterThanOrEqualTo(3);
    }
}
