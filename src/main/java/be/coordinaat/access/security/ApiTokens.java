package be.coordinaat.access.security;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.CurrentUser;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.RecordChanged;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: shown once at creation, stored only as a SHA-256 hash, revocable, optionally expiring.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "cdn_";
    private static final SecureRandom RANDOM = new SecureRandom();

    public record TokenView(long id, String name, String prefix, Instant createdAt, Instant expiresAt,
            Instant lastUsedAt, Instant revokedAt) {
        public boolean active() {
            return revokedAt == null && (expiresAt == null || expiresAt.isAfter(Instant.now()));
        }
    }

    /** The token text is returned only here, once. */
    public record CreatedToken(long id, String token) {}

    private final JdbcClient jdbc;
    private final AccessControl access;
    private final AccountLoader accounts;
    private final ApplicationEventPublisher events;

    ApiTokens(JdbcClient jdbc, AccessControl access, AccountLoader accounts, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.accounts = accounts;
        this.events = events;
    }

    @Transactional
    public CreatedToken create(String name, LocalDate expires) {
        CurrentUser user = access.current();
        if (name == null || name.isBlank() || name.length() > 100) {
            throw InvalidInputException.of("name", "error.required", "is required (at most 100 characters)");
        }
        if (expires != null && !expires.isAfter(LocalDate.now(ZoneId.of("Europe/Brussels")))) {
            throw InvalidInputException.of("expiresOn", "error.date.future", "must be in the future");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant expiresAt = expires == null ? null : expires.plusDays(1).atStartOfDay(ZoneId.of("Europe/Brussels")).toInstant();
        long id = jdbc.sql("INSERT INTO api_token (user_id, name, token_hash, prefix, expires_at) VALUES (?, ?, ?, ?, ?) RETURNING id")
                .params(user.id(), name.strip(), hash(token), token.substring(0, 10),
                        expiresAt == null ? null : java.sql.Timestamp.from(expiresAt))
                .query(Long.class).single();
        events.publishEvent(new RecordChanged("api-token", id, user.boardId(), null, RecordChanged.CREATED, name.strip(),
                Map.of("name", new RecordChanged.Change(null, name.strip()))));
        return new CreatedToken(id, token);
    }

    public List<TokenView> mine() {
        return jdbc.sql("""
                SELECT id, name, prefix, created_at, expires_at, last_used_at, revoked_at FROM api_token
                WHERE user_id = ? ORDER BY created_at DESC""").param(access.current().id())
                .query((rs, n) -> new TokenView(rs.getLong(1), rs.getString(2), rs.getString(3), ts(rs.getTimestamp(4)),
                        ts(rs.getTimestamp(5)), ts(rs.getTimestamp(6)), ts(rs.getTimestamp(7))))
                .list();
    }

    @Transactional
    public void revoke(long id) {
        CurrentUser user = access.current();
        int n = jdbc.sql("UPDATE api_token SET revoked_at = now() WHERE id = ? AND user_id = ? AND revoked_at IS NULL")
                .params(id, user.id()).update();
        if (n == 0) {
            throw new NotFoundException("api-token", id);
        }
        events.publishEvent(new RecordChanged("api-token", id, user.boardId(), null, "REVOKED", null, Map.of()));
    }

    /** The account behind a presented token, if the token is known, active and its account enabled. */
    Optional<CurrentUser> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        // one round trip: the token, its account and the account's grants
        Optional<AccountLoader.TokenUser> active = accounts.byToken(hash(token));
        // "last used" to the minute: no write on every API call
        active.filter(AccountLoader.TokenUser::stale).ifPresent(a ->
                jdbc.sql("UPDATE api_token SET last_used_at = now() WHERE id = ?").param(a.tokenId()).update());
        return active.map(AccountLoader.TokenUser::user).filter(CurrentUser::isEnabled);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant ts(java.sql.Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
