package be.coordinaat.access.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits failed sign-ins per client address (on top of the per-account lock-out): after
 * {@value #MAX_FAILURES} failures within {@value #WINDOW_SECONDS} seconds, sign-in posts from that address are
 * refused with 429 until the window has passed. Guards against spraying many user names from one place.
 */
@Component
class SignInRateLimit extends OncePerRequestFilter {

    static final int MAX_FAILURES = 30;
    static final long WINDOW_SECONDS = 300;

    private record Window(long startEpochSecond, int failures) {}

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Window w = windows.get(request.getRemoteAddr());
        long now = clock.instant().getEpochSecond();
        if (w != null && now - w.startEpochSecond() < WINDOW_SECONDS && w.failures() >= MAX_FAILURES) {
            response.setHeader("Retry-After", Long.toString(WINDOW_SECONDS - (now - w.startEpochSecond())));
            response.sendRedirect(request.getContextPath() + "/login?throttled");
            return;
        }
        chain.doFilter(request, response);
    }

    AuthenticationFailureHandler failureHandler() {
        return (request, response, exception) -> {
            long now = clock.instant().getEpochSecond();
            windows.compute(request.getRemoteAddr(), (k, w) -> w == null || now - w.startEpochSecond() >= WINDOW_SECONDS
                    ? new Window(now, 1) : new Window(w.startEpochSecond(), w.failures() + 1));
            if (windows.size() > 100_000) {
                windows.entrySet().removeIf(e -> now - e.getValue().startEpochSecond() >= WINDOW_SECONDS);
            }
            String target = exception instanceof LockedException ? "/login?locked" : "/login?error";
            response.sendRedirect(request.getContextPath() + target);
        };
    }
}
