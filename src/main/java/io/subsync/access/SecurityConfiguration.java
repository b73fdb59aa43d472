package io.subsync.access;

import io.subsync.settings.RefusedSetting;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Bearer-token security for the API (docs/security.md, "Actors and trust boundaries"): who may call what is decided here, once. The pages have their own
 * chain ({@code access.web.PageSecurity}), matched first; every other request lands here.
 */
@Configuration
@ConditionalOnWebApplication
@EnableConfigurationProperties(AuthProperties.class)
class SecurityConfiguration {
    private static final String SERVICE = Role.SERVICE_ROLE.name();
    private static final String USER = Role.AUTHENTICATED.name();

    /**
     * Master's webhooks are signed (an HMAC checked by sync), never authenticated by a JWT: a chain of their own that
     * reads no {@code Authorization} header, so a token sent along cannot put the request under a user's row security,
     * where recording the event was refused by the database (a 500).
     */
    @Bean
    @Order(0)
    SecurityFilterChain webhooks(HttpSecurity http) throws Exception {
        http.securityMatcher("/webhooks/master")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, JwtDecoder decoder) throws Exception {
        ProblemResponses problems = new ProblemResponses();
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/actuator/health",
                                "/actuator/health/**",
                                "/actuator/info",
                                "/actuator/prometheus",
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/swagger-ui.html",
                                "/swagger-ui/**",
                                "/error")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/products", "/api/plans")
                        .hasRole(SERVICE)
                        .requestMatchers("/api/tenants/current/**")
                        .hasAnyRole(USER, SERVICE)
                        .requestMatchers("/api/tenants", "/api/tenants/**")
                        .hasRole(SERVICE)
                        .requestMatchers("/api/sync/retry", "/api/sync/health")
                        .hasRole(SERVICE)
                        .requestMatchers("/api/sync/divergences", "/api/sync/accounts/*/resolve")
                        .hasRole(SERVICE)
                        .requestMatchers("/sync-subscription")
                        .hasAnyRole(USER, SERVICE)
                        // Master's key is the other way in (MasterKeySecurity, matched first).
                        .requestMatchers(HttpMethod.POST, "/api/account-links/validate")
                        .hasRole(SERVICE)
                        .requestMatchers(HttpMethod.PUT, "/api/account-links/**")
                        .hasRole(SERVICE)
                        .requestMatchers("/api/**")
                        .hasAnyRole(USER, SERVICE)
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(rs -> rs.jwt(
                                jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(TokenAuthentication.converter()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    /** URLs the firewall refuses are answered as problem details like every other 4xx. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return new ProblemResponses();
    }

    /** The strict firewall, naming a header it refuses. */
    @Bean
    HttpFirewall firewall() {
        return new HeaderNamingFirewall();
    }

    /**
     * No observation of Spring Security's filters, authentication or authorization: with one, every filter of the chain
     * is wrapped and observed on every request, a fifth of a read's CPU in the profile (bench/README.md), even with
     * the observations disabled by {@code management.observations.enable.spring.security}. The request's own
     * observation, {@code http.server.requests}, stays.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    JwtDecoder jwtDecoder(AuthProperties properties, Clock clock) {
        NimbusJwtDecoder decoder;
        if (properties.hasSecret()) {
            byte[] secret = properties.jwtSecret().getBytes(StandardCharsets.UTF_8);
            if (secret.length < AuthProperties.MIN_SECRET_BYTES) {
                throw new RefusedSetting(
                        "SUBSYNC_JWT_SECRET",
                        "must be at least " + AuthProperties.MIN_SECRET_BYTES + " bytes, was " + secret.length);
            }
            decoder = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(secret, "HmacSHA256"))
                    .macAlgorithm(MacAlgorithm.HS256)
                    .build();
        } else if (properties.configured()) {
            decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwksUrl()).build();
        } else {
            throw new RefusedSetting(
                    "SUBSYNC_JWT_SECRET", "is not set (nor SUBSYNC_JWKS_URL): the API cannot check tokens");
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefault(),
                SecurityConfiguration::claimsOfKnownShape,
                new TokenLifetime(properties.jwtMaxLifetime(), clock)));
        return new VerifiedTokens(decoder, clock);
    }

    /** Tokens must expire, and a user's token must name the user by a UUID (as Supabase's {@code sub} does). */
    private static OAuth2TokenValidatorResult claimsOfKnownShape(Jwt jwt) {
        if (jwt.getExpiresAt() == null) {
            return invalid("the token has no exp claim");
        }
        if (Role.AUTHENTICATED.claim().equals(jwt.getClaimAsString("role"))) {
            try {
                UUID.fromString(String.valueOf(jwt.getSubject()));
            } catch (IllegalArgumentException e) {
                return invalid("the sub claim of a user token must be a UUID");
            }
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult invalid(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", description, null));
    }
}
