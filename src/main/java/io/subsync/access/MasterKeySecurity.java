package io.subsync.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Master calls Subsync with its API key ({@code MASTER_API_KEY}, the one Subsync sends to Master) in
 * {@code X-Master-Key}; not as a bearer token, which is a JWT here. Only {@code POST /api/account-links/validate}
 * takes it: a chain of its own, matched before the API's when the header is present. The key is compared in constant
 * time (SHA-256 of both sides, then {@link MessageDigest#isEqual}), so neither its content nor its length leaks.
 */
@Configuration
@ConditionalOnWebApplication
class MasterKeySecurity {
    static final String HEADER = "X-Master-Key";
    static final String AUTHORITY = "ROLE_MASTER";

    @Bean
    @Order(2)
    SecurityFilterChain masterKey(HttpSecurity http, @Value("${subsync.sync.master-api-key:}") String key)
            throws Exception {
        ProblemResponses problems = new ProblemResponses();
        http.securityMatcher(new AndRequestMatcher(
                        PathPatternRequestMatcher.withDefaults()
                                .matcher(HttpMethod.POST, "/api/account-links/validate"),
                        new RequestHeaderRequestMatcher(HEADER)))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new KeyCheck(key, problems), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAuthority(AUTHORITY))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    /** A request with a wrong key (or when no key is configured) is answered 401 here and goes no further. */
    static final class KeyCheck extends OncePerRequestFilter {
        private final byte[] expected;
        private final ProblemResponses problems;

        KeyCheck(String key, ProblemResponses problems) {
            this.expected = key == null || key.isBlank() ? null : sha256(key);
            this.problems = problems;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String given = request.getHeader(HEADER);
            if (expected == null || given == null || !MessageDigest.isEqual(expected, sha256(given))) {
                SecurityContextHolder.clearContext();
                problems.commence(
                        request,
                        response,
                        new MasterKeyRefused(
                                expected == null
                                        ? "Master's key is not configured here (MASTER_API_KEY), so X-Master-Key cannot be accepted."
                                        : "The X-Master-Key header does not hold Master's key."));
                return;
            }
            SecurityContextHolder.getContext().setAuthentication(new MasterAuthentication());
            chain.doFilter(request, response);
        }

        private static byte[] sha256(String value) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JVM has SHA-256", e);
            }
        }
    }

    /** Master, authenticated by its key. */
    static final class MasterAuthentication extends AbstractAuthenticationToken {
        MasterAuthentication() {
            super(List.of(new SimpleGrantedAuthority(AUTHORITY)));
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return "master";
        }
    }

    /** A missing or wrong Master key. */
    static final class MasterKeyRefused extends AuthenticationException {
        MasterKeyRefused(String message) {
            super(message);
        }
    }
}
