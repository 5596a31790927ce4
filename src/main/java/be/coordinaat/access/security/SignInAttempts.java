package be.coordinaat.access.security;

import be.coordinaat.access.CurrentUser;
import be.coordinaat.shared.RecordChanged;
import java.time.Duration;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins per account and locks the account for a growing time after
 * {@value #FREE_ATTEMPTS} failures in a row (30 s, doubling, at most 15 minutes). Every sign-in and every
 * failed one goes into the history.
 */
@Component
class SignInAttempts {

    static final int FREE_ATTEMPTS = 5;
    static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    static final Duration MAX_LOCK = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    SignInAttempts(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    static Duration lockFor(int failures) {
        if (failures < FREE_ATTEMPTS) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - FREE_ATTEMPTS, 10);
        Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
        return lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock;
    }

    @EventListener
    @Transactional
    public void onSuccess(InteractiveAuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof CurrentUser user) {
            jdbc.sql("UPDATE app_user SET failed_attempts = 0, locked_until = NULL, last_sign_in_at = now() WHERE id = ?")
                    .param(user.id()).update();
            events.publishEvent(new RecordChanged("sign-in", user.id(), user.boardId(), null, "SIGNED_IN",
                    user.getUsername(), Map.of()));
        }
    }

    @EventListener
    @Transactional
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        String username = String.valueOf(event.getAuthentication().getPrincipal());
        if (username.length() > 100) {
            username = username.substring(0, 100);
        }
        record Account(long id, long boardId, int failures) {}
        var account = jdbc.sql("""
                UPDATE app_user SET failed_attempts = failed_attempts + 1 WHERE lower(username) = lower(?)
                RETURNING id, board_id, failed_attempts""").param(username)
                .query((rs, n) -> new Account(rs.getLong(1), rs.getLong(2), rs.getInt(3))).optional();
        account.ifPresent(a -> {
            Duration lock = lockFor(a.failures());
            if (!lock.isZero()) {
                jdbc.sql("UPDATE app_user SET locked_until = now() + make_interval(secs => ?) WHERE id = ?")
                        .params((double) lock.toSeconds(), a.id()).update();
            }
        });
        events.publishEvent(new RecordChanged("sign-in", account.map(Account::id).orElse(null),
                account.map(Account::boardId).orElse(null), null, "SIGN_IN_FAILED", username,
                Map.of("reason", new RecordChanged.Change(null, event.getException().getClass().getSimpleName()))));
    }

    /** Successful API-token authentications are not sign-ins; nothing to record. */
    @EventListener
    public void ignore(AuthenticationSuccessEvent event) {}
}
