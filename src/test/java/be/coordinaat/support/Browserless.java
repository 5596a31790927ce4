package be.coordinaat.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A signed-in web session without a browser: signs in through the real form (with its CSRF token) and
 * fetches pages and posts forms like a browser would. For scope tests over many pages; the UI flows themselves
 * are tested in headless Chromium.
 */
public final class Browserless {

    /** A page response. */
    public record Page(int status, String location, String body) {
        public Document document() {
            return Jsoup.parse(body);
        }
    }

    private final String base;
    private final HttpClient http;

    private Browserless(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public static Browserless signIn(int port, String username, String password) {
        Browserless b = new Browserless("http://localhost:" + port);
        Page result = b.post("/login", Map.of("username", username, "password", password), "/login");
        if (result.status() != 302 || result.location() == null || result.location().contains("error")) {
            throw new IllegalStateException("sign-in of " + username + " failed: " + result.status() + " " + result.location());
        }
        return b;
    }

    public static Browserless anonymous(int port) {
        return new Browserless("http://localhost:" + port);
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Posts a form with the CSRF token taken from the page at {@code formPage} (as a browser would have it). */
    public Page post(String path, Map<String, String> fields, String formPage) {
        Document page = get(formPage).document();
        var csrf = page.selectFirst("input[name=_csrf]");
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrf != null) {
            all.put("_csrf", csrf.attr("value"));
        }
        return postRaw(path, all);
    }

    /** Posts exactly these fields (no CSRF token unless given). */
    public Page postRaw(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts a multipart form with one file part (and the CSRF token from {@code formPage}), as a file upload form does. */
    public Page postFile(String path, String part, String fileName, String contentType, byte[] bytes, String formPage) {
        var csrf = get(formPage).document().selectFirst("input[name=_csrf]");
        String boundary = "----browserless" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        if (csrf != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf.attr("value")
                    + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Fetches a page with extra request headers (e.g. htmx's {@code HX-Request}); the response headers come back too. */
    public HttpResponse<String> getWithHeaders(String path, String... headers) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).headers(headers).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(r.statusCode(), r.headers().firstValue("Location").orElse(null), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
