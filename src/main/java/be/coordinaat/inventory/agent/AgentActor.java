package be.coordinaat.inventory.agent;

import be.coordinaat.access.CurrentUser;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who the history names for what an agent changed: "agent (device id)". The agent acts without an account, so for
 * the length of the intake the security context holds a principal without any role (account id 0, which no account
 * has): it can do nothing through the facades, it only gives the history its actor.
 */
final class AgentActor {

    private AgentActor() {}

    static <T> T as(long boardId, String deviceId, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        CurrentUser agent = new CurrentUser(0L, boardId, deviceId, "agent", null, "nl", List.of(), true, null, null);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(agent, null, List.of()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
