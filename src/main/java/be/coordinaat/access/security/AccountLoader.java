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

    private List<Grant> grants(long userId) {
        return jdbc.sql("SELECT role, school_id FROM role_grant WHERE user_id = ?").param(userId)
                .query((rs, n) -> new Grant(Role.valueOf(rs.getString(1)), (Long) rs.getObject(2))).list();
    }
}
