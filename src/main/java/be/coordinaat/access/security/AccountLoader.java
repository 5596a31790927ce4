package be.coordinaat.access.security;

import be.coordinaat.access.CurrentUser;
import be.coordinaat.access.Grant;
import be.coordinaat.access.Role;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads an account with its grants, for the sign-in form and for API tokens. */
@Component
class AccountLoader implements UserDetailsService {

    private final JdbcClient jdbc;

    AccountLoader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public CurrentUser loadUserByUsername(String username) {
        return byUsername(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    Optional<CurrentUser> byUsername(String username) {
        if (username == null || username.length() > 100) {
            return Optional.empty();
        }
        return load("lower(username) = lower(?)", username);
    }

    Optional<CurrentUser> byId(long id) {
        return load("id = ?", id);
    }

    private Optional<CurrentUser> load(String condition, Object value) {
        record Row(long id, long boardId, String username, String displayName, Long personId, Long organisationId,
                String locale, boolean enabled, java.sql.Timestamp lockedUntil, String hash) {}
        return jdbc.sql("SELECT id, board_id, username, display_name, person_id, organisation_id, locale, enabled, locked_until, "
                        + "password_hash "
                        + "FROM app_user WHERE " + condition)
                .param(value)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        (Long) rs.getObject(5), (Long) rs.getObject(6), rs.getString(7), rs.getBoolean(8), rs.getTimestamp(9),
                        rs.getString(10)))
                .optional()
                .map(r -> new CurrentUser(r.id(), r.boardId(), r.username(), r.displayName(), r.personId(), r.organisationId(), r.locale(),
                        grants(r.id()), r.enabled(), r.lockedUntil() == null ? null : r.lockedUntil().toInstant(),
                        r.hash()));
    }

    /** An API token's account, with whether the token's "last used" is more than a minute old. */
    record TokenUser(long tokenId, boolean stale, CurrentUser user) {}

    /** The active token with this hash, its account and grants, in one query (every API call asks). */
    Optional<TokenUser> byToken(String tokenHash) {
        return jdbc.sql("""
                SELECT t.id, t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute',
                       u.id, u.board_id, u.username, u.display_name, u.person_id, u.organisation_id, u.locale, u.enabled,
                       u.locked_until, u.password_hash,
                       (SELECT string_agg(g.role || ':' || coalesce(g.school_id::text, ''), ',') FROM role_grant g
                         WHERE g.user_id = u.id)
                FROM api_token t JOIN app_user u ON u.id = t.user_id
                WHERE t.token_hash = ? AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())""")
                .param(tokenHash)
                .query((rs, n) -> new TokenUser(rs.getLong(1), rs.getBoolean(2), new CurrentUser(rs.getLong(3),
                        rs.getLong(4), rs.getString(5), rs.getString(6), (Long) rs.getObject(7), (Long) rs.getObject(8),
                        rs.getString(9), parseGrants(rs.getString(13)), rs.getBoolean(10),
                        rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant(), rs.getString(12))))
                .optional();
    }

    private static List<Grant> parseGrants(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Grant> grants = new java.util.ArrayList<>();
        for (String part : text.split(",")) {
            int colon = part.indexOf(':');
            String school = part.substring(colon + 1);
            grants.add(new Grant(Role.valueOf(part.substring(0, colon)), school.isEmpty() ? null : Long.parseLong(school)));
        }
        return grants;
    }

    private List<Grant> grants(long userId) {
        return jdbc.sql("SELECT role, school_id FROM role_grant WHERE user_id = ?").param(userId)
                .query((rs, n) -> new Grant(Role.valueOf(rs.getString(1)), (Long) rs.getObject(2))).list();
    }
}
