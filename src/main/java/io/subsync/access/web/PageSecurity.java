package io.subsync.access.web;

import io.subsync.access.Role;
import io.subsync.access.TokenAuthentication;
import io.subsync.problems.Browsers;
import java.util.Arrays;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Security of the HTML pages, a chain of its own matched before the API's: the session is the cookie of
 * {@link SessionCookie}, checked by the same decoder and role mapping as a bearer token; not signed in means the
 * sign-in page, not a 401 problem. Forms and htmx posts carry a CSRF token kept in a cookie (no server session),
 * checked for signed-in visitors too; the API chain, which ignores the session cookie, keeps answering problem details
 * to bearer requests exactly as before.
 */
@Configuration
@ConditionalOnWebApplication
class PageSecurity {
    private static final String[] PAGES = {
        "/", "/login", "/link", "/logout", "/tenant", "/tenant/**", "/account", "/account/**", "/admin", "/admin/**"
    };
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
        // A browser's navigation to any other path that is not the API's is a page too: signed in, it finds the
        // error page (404); not signed in, the sign-in page. Never the API's JSON 401 (Browsers).
        http.securityMatcher(new OrRequestMatcher(matchers(PAGES), matchers(ASSETS), Browsers::wantPage))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                // Every request signs in again from its cookie; renewing the CSRF token each time (the default on
                // authentication) would leave the forms of a page's other fragments holding a stale one.
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(csrfHandler)
                        .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .authorizeHttpRequests(auth -> auth.requestMatchers(ASSETS)
                        .permitAll()
                        .requestMatchers("/", "/login", "/link")
                        .permitAll()
                        .requestMatchers("/tenant", "/tenant/**")
                        .hasRole(Role.AUTHENTICATED.name())
                        .requestMatchers("/account", "/account/**")
                        .hasAnyRole(Role.AUTHENTICATED.name(), Role.SERVICE_ROLE.name())
                        .requestMatchers("/admin", "/admin/**")
                        .hasRole(Role.SERVICE_ROLE.name())
                        .anyRequest()
                        .authenticated())
                .addFilterAt(
                        sessionAuthentication(decoder, noSessionNeeded, matcher("/link"), signedOut),
                        BearerTokenAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(signedOut).accessDeniedHandler(signedOut))
                .logout(logout -> logout.logoutUrl("/logout")
                        .addLogoutHandler((request, response, authentication) -> response.addHeader(
                                HttpHeaders.SET_COOKIE,
                                SessionCookie.closed(request.isSecure()).toString()))
                        .logoutSuccessUrl(SignedOutResponses.SIGN_IN + "?signed-out"));
        return http.build();
    }

    /**
     * Verifies the session cookie as a bearer token, with the API's decoder and role mapping. Not through
     * {@code oauth2ResourceServer()}: that exempts every request carrying a token from CSRF checks (right for a header
     * a browser never sends by itself, wrong for a cookie it always sends), so forms would not need their token.
     */
    private static BearerTokenAuthenticationFilter sessionAuthentication(
            JwtDecoder decoder,
            RequestMatcher noSessionNeeded,
            RequestMatcher sessionOptional,
            SignedOutResponses signedOut) {
        JwtAuthenticationProvider tokens = new JwtAuthenticationProvider(decoder);
        tokens.setJwtAuthenticationConverter(TokenAuthentication.converter());
        BearerTokenAuthenticationConverter fromCookie = new BearerTokenAuthenticationConverter();
        fromCookie.setBearerTokenResolver(new SessionCookie(noSessionNeeded, sessionOptional, decoder));
        BearerTokenAuthenticationFilter filter =
                new BearerTokenAuthenticationFilter(new ProviderManager(tokens), fromCookie);
        filter.setAuthenticationEntryPoint(signedOut);
        return filter;
    }

    private static RequestMatcher matcher(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static RequestMatcher matchers(String... patterns) {
        return new OrRequestMatcher(
                Arrays.stream(patterns).map(PageSecurity::matcher).toList());
    }
}
