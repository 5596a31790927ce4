package be.coordinaat.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request parameters containing a NUL character with 400: PostgreSQL cannot store it, and no real input
 * contains it. (JSON bodies are checked by {@link StrictStrings}.)
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class NulCharacterFilter extends OncePerRequestFilter {

    private final ProblemWriter problems;

    NulCharacterFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = request.getRequestURI();
        if (uri.indexOf('\0') >= 0 || (request.getQueryString() != null && request.getQueryString().contains("%00"))
                || hasNul(request)) {
            problems.write(request, response, HttpStatus.BAD_REQUEST, "Invalid input",
                    "The request contains a NUL character, which no field accepts.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean hasNul(HttpServletRequest request) {
        String type = request.getContentType();
        if (type != null && type.startsWith("multipart/")) {
            return false; // files may contain anything; their text fields are checked where they are used
        }
        for (String[] values : request.getParameterMap().values()) {
            for (String v : values) {
                if (v != null && v.indexOf('\0') >= 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
