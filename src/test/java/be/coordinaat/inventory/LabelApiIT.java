package be.coordinaat.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import be.coordinaat.support.Api;
import be.coordinaat.support.Browserless;
import be.coordinaat.support.Demo;
import be.coordinaat.support.IntegrationTest;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** QR labels: the sheet PDF, the QR code PNG and the label address, with the school scope. */
@IntegrationTest
class LabelApiIT {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    long a;
    long b;
    long room;
    List<Long> assets = new ArrayList<>();
    Api coordinator;

    @BeforeEach
    void assets() {
        a = Demo.regenboog(jdbc);
        b = Demo.atheneum(jdbc);
        coordinator = Api.as("coordinator", port, jdbc);
        room = jdbc.sql("INSERT INTO room (school_id, building_id, name) VALUES (?, ?, ?) RETURNING id")
                .params(a, Demo.buildingOf(jdbc, a), "Labels " + System.nanoTime()).query(Long.class).single();
        for (int i = 0; i < 23; i++) {
            var r = coordinator.post("/api/v1/assets", "{\"schoolId\":" + a + ",\"kind\":\"TABLET\",\"roomId\":" + room + "}");
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            assets.add(r.json().get("id").asLong());
        }
    }

    record Binary(int status, String contentType, byte[] body) {}

    Binary binary(String user, String method, String path, String json) throws Exception {
        String token = "cdn_labeltest" + System.nanoTime();
        jdbc.sql("INSERT INTO api_token (user_id, name, token_hash, prefix) SELECT id, 'test', ?, ? FROM app_user WHERE username = ?")
                .params(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8))),
                        token.substring(0, 10), user).update();
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
        request = json == null ? request.GET() : request.method(method, HttpRequest.BodyPublishers.ofString(json));
        var r = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Binary(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    int pages(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        }
    }

    @Test
    void sheetsHaveTheRightNumberOfPagesPerFormat() throws Exception {
        String ids = assets.toString();
        var l7160 = binary("coordinator", "POST", "/api/v1/labels", "{\"assetIds\":" + ids + ",\"format\":\"L7160\"}");
        assertThat(l7160.status()).as(new String(l7160.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(l7160.contentType()).startsWith("application/pdf");
        assertThat(pages(l7160.body())).isEqualTo(2); // 23 labels, 21 per sheet
        assertThat(pages(binary("coordinator", "POST", "/api/v1/labels", "{\"assetIds\":" + ids + ",\"format\":\"L7163\"}").body())).isEqualTo(2);
        assertThat(pages(binary("coordinator", "POST", "/api/v1/labels", "{\"assetIds\":" + ids + ",\"format\":\"L7651\"}").body())).isEqualTo(1);
        assertThat(pages(binary("coordinator", "POST", "/api/v1/labels",
                "{\"assetIds\":" + ids + ",\"format\":\"L7651\",\"skip\":50}").body())).isEqualTo(2);
        // by filter: the room's assets
        var byFilter = binary("coordinator", "POST", "/api/v1/labels",
                "{\"filter\":{\"school\":" + a + ",\"room\":" + room + "},\"format\":\"L7163\",\"skip\":13}");
        assertThat(byFilter.status()).isEqualTo(200);
        assertThat(pages(byFilter.body())).isEqualTo(3); // 13 skipped + 23 = 36 slots of 14
    }

    @Test
    void badLabelRequestsAre400AndOtherSchoolsAre404() throws Exception {
        assertField(coordinator.post("/api/v1/labels", "{\"assetIds\":[" + assets.get(0) + "],\"skip\":21}"), "skip");
        assertField(coordinator.post("/api/v1/labels", "{\"assetIds\":[]}"), "assetIds");
        assertThat(coordinator.post("/api/v1/labels", "{\"assetIds\":[1],\"format\":\"L9999\"}").status()).isEqualTo(400);
        long assetB = jdbc.sql("SELECT id FROM asset WHERE school_id = ? AND tag = 'AT-000001'").param(b).query(Long.class).single();
        assertThat(coordinator.post("/api/v1/labels", "{\"assetIds\":[" + assetB + "]}").status()).isEqualTo(404);
        assertThat(coordinator.post("/api/v1/labels", "{\"filter\":{\"school\":" + b + "}}").status()).isEqualTo(404);
        assertThat(coordinator.get("/api/v1/assets/" + assetB + "/label.png").status()).isEqualTo(404);
        assertThat(coordinator.get("/api/v1/assets/987654321/label.png").status()).isEqualTo(404);
        assertThat(Api.as("teacher", port, jdbc).get("/api/v1/assets/" + assets.get(0) + "/label.png").status()).isIn(403, 404);
    }

    static void assertField(Api.Response r, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("errors").findValuesAsString("field")).contains(field);
    }

    @Test
    void theQrCodeHoldsTheLabelAddressWhichLeadsToTheAsset() throws Exception {
        long id = assets.get(0);
        String tag = jdbc.sql("SELECT tag FROM asset WHERE id = ?").param(id).query(String.class).single();
        var png = binary("coordinator", "GET", "/api/v1/assets/" + id + "/label.png", null);
        assertThat(png.status()).isEqualTo(200);
        assertThat(png.contentType()).startsWith("image/png");
        var image = ImageIO.read(new ByteArrayInputStream(png.body()));
        String text = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)))).getText();
        assertThat(text).isEqualTo("http://localhost:" + port + "/a/" + a + "/" + tag);

        Browserless browser = Browserless.signIn(port, "coordinator", "coordinator");
        var hop = browser.get("/a/" + a + "/" + tag);
        assertThat(hop.status()).isEqualTo(302);
        assertThat(hop.location()).endsWith("/inventory/assets/" + id);
        assertThat(browser.get("/a/" + a + "/" + tag.toLowerCase()).location()).endsWith("/inventory/assets/" + id);
        // an asset the user may not see, or none at all: the helpdesk's public problem report, the same for every tag
        assertThat(browser.get("/a/" + b + "/AT-000001").location()).endsWith("/report/a/" + b + "/AT-000001");
        assertThat(browser.get("/a/" + a + "/AT-000001").location()).endsWith("/report/a/" + a + "/AT-000001");
        assertThat(browser.get("/a/987654321/X").location()).endsWith("/report/a/987654321/X");
        var anonymous = Browserless.anonymous(port).get("/a/" + a + "/" + tag);
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.location()).endsWith("/report/a/" + a + "/" + tag);
        assertThat(Browserless.signIn(port, "teacher", "teacher").get("/a/" + a + "/" + tag).location())
                .endsWith("/report/a/" + a + "/" + tag);
    }

    @Test
    void theLabelPageMakesAPdfForTheListSelection() {
        Browserless browser = Browserless.signIn(port, "coordinator", "coordinator");
        var page = browser.get("/inventory/labels?school=" + a + "&room=" + room);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().selectFirst("#label-count").text()).contains("23");
        var pdf = browser.getWithHeaders("/inventory/labels/sheet.pdf?school=" + a + "&room=" + room + "&format=L7160&skip=0", "Accept", "*/*");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(browser.get("/inventory/labels?ids=" + assets.get(0)).document().selectFirst("#label-count").text()).contains("1");
        assertThat(browser.get("/inventory/assets/" + assets.get(0)).document().selectFirst("#asset-label")).isNotNull();
    }
}
