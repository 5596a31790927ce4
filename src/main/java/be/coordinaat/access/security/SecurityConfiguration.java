package be.coordinaat.access.security;

import be.coordinaat.shared.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Two filter chains: the REST API under {@code /api/**} authenticates each request with a personal token and
 * keeps no session (so no CSRF exposure); the web pages use form sign-in with a session, CSRF tokens and
 * session-fixation protection. Both send strict security headers.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    static final String[] AGENT_PATHS = {"/ocsinventory", "/ocsinventory/", "/ocsinventory/*", "/front/inventory.php"};

    @Bean
    PasswordEncoder passwordEncoder() {
        var argon2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
        return new DelegatingPasswordEncoder("argon2", Map.of("argon2", argon2));
    }

    /**
     * The tidier agent address under the API, {@code /api/v1/agent[/{token}]}: like the default agent paths, no
     * session, no CSRF token and no personal API token (the agents send the school's enrolment secret, which the
     * inventory module's AgentEndpoint checks on every request).
     */
    @Bean
    @Order(0)
    SecurityFilterChain agents(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/v1/agent", "/api/v1/agent/*")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ProblemWriter problems) throws Exception {
        http.securityMatcher("/api/**")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> problems.write(req, res, HttpStatus.UNAUTHORIZED,
                                "Authentication required", "Send a personal API token as 'Authorization: Bearer <token>'."))
                        .accessDeniedHandler((req, res, ex) -> problems.write(req, res, HttpStatus.FORBIDDEN,
                                "Forbidden", "Your roles do not allow this.")))
                .addFilterBefore(new BearerTokenFilter(tokens, problems), UsernamePasswordAuthenticationFilter.class)
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, SignInRateLimit rateLimit) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
                                "/actuator/health/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                        .permitAll()
                        // Pages for people without an account: the QR short address of a device (signed-in staff are
                        // sent on to the asset, others to the problem report), the report form, public articles.
                        // Their controllers check everything themselves and reveal nothing beyond their own page.
                        .requestMatchers("/a/**", "/report/**", "/public/**").permitAll()
                        // Inventory agents (FusionInventory, GLPI Agent) at their default paths: no session, no CSRF
                        // token; the inventory module's AgentEndpoint authenticates each request by the school's
                        // enrolment (token and secret).
                        .requestMatchers(AGENT_PATHS).permitAll()
                        .anyRequest().authenticated())
                .csrf(c -> c.ignoringRequestMatchers(AGENT_PATHS))
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(rateLimit.failureHandler()))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut").deleteCookies("JSESSIONID"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .addFilterBefore(rateLimit, UsernamePasswordAuthenticationFilter.class)
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
                                "camera=(self), microphone=(), geolocation=()")));
        return http.build();
    }

    /** Authenticates API requests that carry {@code Authorization: Bearer <token>}. */
    static final class BearerTokenFilter extends OncePerRequestFilter {
        private final ApiTokens tokens;
        private final ProblemWriter problems;

        BearerTokenFilter(ApiTokens tokens, ProblemWriter problems) {
            this.tokens = tokens;
            this.problems = problems;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                var user = tokens.authenticate(header.substring(7).strip());
                if (user.isEmpty()) {
                    problems.write(request, response, HttpStatus.UNAUTHORIZED, "Invalid token",
                            "The API token is unknown, revoked or expired.");
                    return;
                }
                var auth = UsernamePasswordAuthenticationToken.authenticated(user.get(), null, user.get().getAuthorities());
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(auth);
                SecurityContextHolder.setContext(context);
            }
            chain.doFilter(request, response);
        }
    }
}
