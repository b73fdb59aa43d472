package io.subsync.access.web;

import io.subsync.access.Caller;
import io.subsync.access.Role;
import java.time.Instant;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.stereotype.Component;

/**
 * Checks a token offered at sign-in with the API's own {@link JwtDecoder}, and decides where its holder lands:
 * tenant users on their subscriptions, service_role on the admin page, other users (an MVP website user has no
 * tenant) on their own sync page. A token of any other role is a {@link SignInRefused}.
 */
@Component
@ConditionalOnWebApplication
class SignIn {
    static final String TENANT_HOME = "/tenant/subscriptions";
    static final String ADMIN_HOME = "/admin";
    static final String ACCOUNT_HOME = "/account/sync";
    private static final String HOW_TO_MINT =
            "Mint one with ./subsync token --tenant <tenant id> (or --sub <user id>, or --role service_role).";
    private final JwtDecoder decoder;

    SignIn(JwtDecoder decoder) {
        this.decoder = decoder;
    }

    /** A verified session: the token, who holds it, when it ends, and the holder's first page. */
    record Session(String token, Caller caller, Instant expiresAt, String home) {}

    Session verify(String token) {
        if (token == null || token.isBlank()) {
            throw new SignInRefused(HttpStatus.BAD_REQUEST, "Paste a token to sign in. " + HOW_TO_MINT);
        }
        String trimmed = token.trim();
        Jwt jwt = decode(trimmed);
        Caller caller = Caller.of(jwt);
        return new Session(trimmed, caller, jwt.getExpiresAt(), home(caller));
    }

    /** The page a signed-in caller starts on. */
    static String home(Caller caller) {
        if (caller.isServiceRole()) {
            return ADMIN_HOME;
        }
        if (caller.role() == Role.AUTHENTICATED) {
            return caller.tenantId().isPresent() ? TENANT_HOME : ACCOUNT_HOME;
        }
        throw new SignInRefused(
                HttpStatus.FORBIDDEN,
                "This token's role may not use the pages: it must be authenticated or service_role.");
    }

    private Jwt decode(String token) {
        try {
            return decoder.decode(token);
        } catch (JwtValidationException e) {
            boolean expired = e.getErrors().stream()
                    .map(OAuth2Error::getDescription)
                    .anyMatch(d -> d != null && d.contains("expired"));
            throw new SignInRefused(
                    HttpStatus.UNAUTHORIZED,
                    expired
                            ? "This token has expired. " + HOW_TO_MINT
                            : "This token was refused: "
                                    + e.getErrors().stream()
                                            .map(OAuth2Error::getDescription)
                                            .collect(Collectors.joining("; "))
                                    + ".");
        } catch (BadJwtException e) {
            throw new SignInRefused(
                    HttpStatus.UNAUTHORIZED,
                    "This token was refused: "
                            + e.getMessage().replace("An error occurred while attempting to decode the Jwt: ", "")
                            + ". Is it a JWT signed with this service's secret? " + HOW_TO_MINT);
        } catch (JwtException e) {
            throw new SignInRefused(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "The token could not be checked right now (the signing keys are unavailable). Try again shortly.");
        }
    }
}
