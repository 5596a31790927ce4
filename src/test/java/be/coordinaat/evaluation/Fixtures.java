package be.coordinaat.evaluation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Fixtures of the evaluation tests, in domain terms: accounts with a role, assignments as JSON, PDF downloads. */
final class Fixtures {
    private Fixtures() {}

    static long userId(JdbcClient jdbc, String username) {
        return jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(username).query(Long.class).single();
    }

    static long demoBoard(JdbcClient jdbc) {
        return jdbc.sql("SELECT board_id FROM app_user WHERE username = 'admin'").query(Long.class).single();
    }

    /** A new account of {@code boardId} (that cannot sign in) holding {@code role} in {@code schoolId}, if given. */
    static long account(JdbcClient jdbc, long boardId, String displayName, String role, Long schoolId) {
        long id = jdbc.sql("""
                INSERT INTO app_user (board_id, username, password_hash, display_name) VALUES (?, ?, 'not-a-hash', ?)
                RETURNING id""").params(boardId, "fd-" + System.nanoTime(), displayName).query(Long.class).single();
        if (role != null) {
            jdbc.sql("INSERT INTO role_grant (user_id, board_id, school_id, role) VALUES (?, ?, ?, ?)")
                    .params(id, boardId, schoolId, role).update();
        }
        return id;
    }

    /** A coordinator of {@code schoolId} in the demo board. */
    static long coordinatorOf(JdbcClient jdbc, long schoolId, String displayName) {
        return account(jdbc, demoBoard(jdbc), displayName, "COORDINATOR", schoolId);
    }

    static Map<String, Object> assignment(long schoolId, long coordinator, long first, Long second, boolean proof) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schoolId", schoolId);
        m.put("coordinatorId", coordinator);
        m.put("firstEvaluatorId", first);
        m.put("secondEvaluatorId", second);
        m.put("pedagogicalProof", proof);
        m.put("startDate", "2025-09-01");
        return m;
    }

    static long assignments(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM fd_assignment").query(Long.class).single();
    }

    /** Downloads {@code path} of the API as {@code username} (with a fresh personal token), as bytes. */
    static Download download(int port, JdbcClient jdbc, String username, String path) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String token = "cdn_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.sql("INSERT INTO api_token (user_id, name, token_hash, prefix) SELECT id, 'test', ?, ? FROM app_user WHERE username = ?")
                .params(sha256(token), token.substring(0, 10), username).update();
        try {
            HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                    r.headers().firstValue("Content-Disposition").orElse(""), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Download(int status, String contentType, String disposition, byte[] body) {}

    /** The text of a PDF, one space for any run of white space; fails when the bytes are not a PDF. */
    static String pdfText(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new AssertionError("not a valid PDF", e);
        }
    }

    static int pdfPages(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new AssertionError("not a valid PDF", e);
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
