package io.subsync.access.web;

import io.subsync.access.Role;
import io.subsync.access.TokenAuthentication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Security of the HTML pages, a chain of its own matched before the API's: the session is the cookie of
 * {@link SessionCookie}, checked by the same decoder and role mapping as a bearer token; not signed in means the
 * sign-in page, not a 401 problem. Forms carry a CSRF token kept in a cookie (no server session); the API chain,
 * which ignores the session cookie, keeps answering problem details to bearer requests exactly as before.
 */
@Configuration
@ConditionalOnWebApplication
class PageSecurity {
    private static final String[] PAGES = {"/", "/login", "/logout", "/tenant", "/tenant/**", "/admin", "/admin/**"};
    private static final String[] ASSETS = {"/css/**", "/js/**", "/webjars/**", "/favicon.ico"};
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain pages(HttpSecurity http, JwtDecoder decoder) throws Exception {
        SignedOutResponses signedOut = new SignedOutResponses();
        RequestMatcher noSessionNeeded = new OrRequestMatcher(matcher("/login"), matchers(ASSETS));
        XorCsrfTokenRequestAttributeHandler csrfHandler = new XorCsrfTokenRequestAttributeHandler();
        // Load the CSRF token on every page, so its cookie is set before a large page commits the response.
        csrfHandler.setCsrfRequestAttributeName(null);
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        http.securityMatcher(new OrRequestMatcher(matchers(PAGES), matchers(ASSETS)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens).csrfTokenRequestHandler(csrfHandler))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(ASSETS).permitAll()
                        .requestMatchers("/", "/login").permitAll()
                        .requestMatchers("/tenant", "/tenant/**").hasRole(Role.AUTHENTICATED.name())
                        .requestMatchers("/admin", "/admin/**").hasRole(Role.SERVICE_ROLE.name())
                        .anyRequest().authenticated())
                .oauth2ResourceServer(rs -> rs
                        .bearerTokenResolver(new SessionCookie(noSessionNeeded))
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(TokenAuthentication.converter()))
                        .authenticationEntryPoint(signedOut)
                        .accessDeniedHandler(signedOut))
                .exceptionHandling(e -> e.authenticationEntryPoint(signedOut).accessDeniedHandler(signedOut))
                .logout(logout -> logout.logoutUrl("/logout")
                        .addLogoutHandler((request, response, authentication) -> response.addHeader(HttpHeaders.SET_COOKIE,
                                SessionCookie.closed(request.isSecure()).toString()))
                        .logoutSuccessUrl(SignedOutResponses.SIGN_IN + "?signed-out"));
        return http.build();
    }

    private static RequestMatcher matcher(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static RequestMatcher matchers(String... patterns) {
        return new OrRequestMatcher(java.util.Arrays.stream(patterns).map(PageSecurity::matcher).toList());
    }
}
