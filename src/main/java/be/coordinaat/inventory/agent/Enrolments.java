package be.coordinaat.inventory.agent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which school an agent request belongs to, and whether it may write there. A school's enrolment has a token (in
 * the URL {@code /ocsinventory/{token}}, or as the HTTP Basic user name) and a secret (the HTTP Basic password or
 * a bearer token), stored only as its SHA-256 — the secret is 32 random bytes, so a fast hash is enough.
 * Authentication is on for every enrolment unless switched off; one enrolment without authentication may answer
 * the bare default paths (the demo's first school).
 */
@Component
class Enrolments {

    record Enrolment(long schoolId, long boardId, String schoolName, String token, String secretHash, boolean requireAuth,
            boolean isDefault, int prologHours, int version) {}

    /** What the request carried in its Authorization header. */
    record Credentials(String user, String secret) {
        static final Credentials NONE = new Credentials(null, null);

        static Credentials of(String header) {
            if (header == null || header.isBlank() || header.length() > 1000) {
                return NONE;
            }
            String h = header.strip();
            if (h.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return new Credentials(null, h.substring(7).strip());
            }
            if (h.regionMatches(true, 0, "Basic ", 0, 6)) {
                try {
                    String pair = new String(Base64.getDecoder().decode(h.substring(6).strip()), StandardCharsets.UTF_8);
                    int colon = pair.indexOf(':');
                    return colon < 0 ? NONE : new Credentials(pair.substring(0, colon), pair.substring(colon + 1));
                } catch (IllegalArgumentException e) {
                    return NONE;
                }
            }
            return NONE;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient jdbc;

    Enrolments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The enrolment the request speaks for: by the token in the URL, else by the Basic user name, else by the bearer
     * secret, else the open default enrolment; 401 (with a Basic challenge, which makes the FusionInventory agent
     * retry with its --user/--password) when credentials are needed and missing or wrong, 404 for an unknown token.
     */
    Enrolment resolve(String urlToken, String authorization) {
        Credentials c = Credentials.of(authorization);
        Enrolment e;
        if (urlToken != null) {
            e = byToken(urlToken).orElseThrow(() -> new AgentInputException(404, "unknown enrolment token"));
        } else if (c.user() != null) {
            e = byToken(c.user()).orElseThrow(() -> new AgentInputException(401, "wrong credentials"));
        } else if (c.secret() != null) {
            e = jdbc.sql(SELECT + " WHERE e.secret_hash = ?").param(sha256(c.secret())).query(ROW).optional()
                    .orElseThrow(() -> new AgentInputException(401, "wrong credentials"));
        } else {
            e = jdbc.sql(SELECT + " WHERE e.is_default AND NOT e.require_auth").query(ROW).optional()
                    .orElseThrow(() -> new AgentInputException(401, "authentication required: use the school's agent URL "
                            + "and secret (Coordinaat: Inventory → Agents)"));
        }
        if (e.requireAuth()) {
            if (c.secret() == null) {
                throw new AgentInputException(401, "authentication required");
            }
            if (!MessageDigest.isEqual(sha256(c.secret()).getBytes(StandardCharsets.US_ASCII),
                    e.secretHash().getBytes(StandardCharsets.US_ASCII))) {
                throw new AgentInputException(401, "wrong credentials");
            }
        }
        return e;
    }

    /** Whether one school answers the bare default paths without credentials (the demo's first school). */
    boolean hasOpenDefault() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM agent_enrolment WHERE is_default AND NOT require_auth)")
                .query(Boolean.class).single();
    }

    Optional<Enrolment> byToken(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{16,64}")) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " WHERE e.token = ?").param(token).query(ROW).optional();
    }

    Optional<Enrolment> ofSchool(long schoolId) {
        return jdbc.sql(SELECT + " WHERE e.school_id = ?").param(schoolId).query(ROW).optional();
    }

    /** Enrols a school (or renews its secret); returns the new secret, which is shown once and never stored. */
    String enrol(long schoolId, long boardId, boolean requireAuth, boolean isDefault) {
        String secret = randomToken(32);
        jdbc.sql("""
                INSERT INTO agent_enrolment (school_id, board_id, token, secret_hash, require_auth, is_default)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (school_id) DO UPDATE SET secret_hash = EXCLUDED.secret_hash, version = agent_enrolment.version + 1,
                       updated_at = now()""")
                .params(schoolId, boardId, randomToken(18), sha256(secret), requireAuth, isDefault).update();
        return secret;
    }

    int setRequireAuth(long schoolId, boolean requireAuth, int version) {
        return jdbc.sql("""
                UPDATE agent_enrolment SET require_auth = ?, is_default = is_default AND NOT ?, version = version + 1,
                       updated_at = now() WHERE school_id = ? AND version = ?""")
                .params(requireAuth, requireAuth, schoolId, version).update();
    }

    static String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String SELECT = """
            SELECT e.school_id, e.board_id, s.name, e.token, e.secret_hash, e.require_auth, e.is_default, e.prolog_hours, e.version
            FROM agent_enrolment e JOIN school s ON s.id = e.school_id""";
    private static final RowMapper<Enrolment> ROW = (rs, n) -> new Enrolment(rs.getLong(1), rs.getLong(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getBoolean(7), rs.getInt(8), rs.getInt(9));
}
