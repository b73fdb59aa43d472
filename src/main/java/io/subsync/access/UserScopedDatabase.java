package io.subsync.access;

import io.subsync.database.RowSecurity;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs every request of a signed-in user (API token or page session) under row-level security with that user's
 * claims ({@link RowSecurity}); service_role requests keep the service's rights. Placed after Spring Security, so
 * only verified tokens reach it.
 */
@Configuration
@ConditionalOnWebApplication
class UserScopedDatabase {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> userScopedDatabaseFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new ScopeFilter());
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
        registration.addUrlPatterns("/*");
        return registration;
    }

    static final class ScopeFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (!(authentication instanceof JwtAuthenticationToken token)) {
                chain.doFilter(request, response);
                return;
            }
            Caller caller = Caller.of(token.getToken());
            if (caller.isServiceRole()) {
                chain.doFilter(request, response);
                return;
            }
            try (RowSecurity.Scope scope = RowSecurity.enterUser(userClaims(caller))) {
                chain.doFilter(request, response);
            }
        }

        /**
         * A user whose {@code sub} is not a UUID has no rows at all: the token validator refuses such user tokens, so
         * this is only a guard.
         */
        private static String userClaims(Caller caller) {
            UUID user;
            try {
                user = UUID.fromString(String.valueOf(caller.subject()));
            } catch (IllegalArgumentException e) {
                user = new UUID(0, 0);
            }
            return RowSecurity.claims(user, caller.tenantId());
        }
    }
}
