package io.subsync.access.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.util.WebUtils;

/**
 * The session of the pages: the signed-in JWT itself in an HttpOnly, SameSite=Lax cookie (Secure over https) that
 * expires with the token. No server-side state: every request's cookie is verified by the API's decoder, so any
 * instance serves any request and signing out is dropping the cookie.
 */
final class SessionCookie implements BearerTokenResolver {
    static final String NAME = "subsync_session";
    private final RequestMatcher ignored;
    private final RequestMatcher optional;
    private final JwtDecoder decoder;

    /**
     * {@code ignored}: requests that never need the session (the sign-in page itself, static files); {@code optional}:
     * pages open to anyone that show more to a signed-in visitor (the magic link's landing page), where a session that
     * no longer verifies ({@code decoder}) is passed over instead of sending the visitor to the sign-in page.
     */
    SessionCookie(RequestMatcher ignored, RequestMatcher optional, JwtDecoder decoder) {
        this.ignored = ignored;
        this.optional = optional;
        this.decoder = decoder;
    }

    /** The token of a request's session cookie, or null when there is none to check. */
    @Override
    public String resolve(HttpServletRequest request) {
        if (ignored.matches(request)) {
            return null;
        }
        Cookie cookie = WebUtils.getCookie(request, NAME);
        if (cookie == null || cookie.getValue().isBlank()) {
            return null;
        }
        return optional.matches(request) && !verifies(cookie.getValue()) ? null : cookie.getValue();
    }

    private boolean verifies(String token) {
        try {
            decoder.decode(token);
            return true;
        } catch (JwtException e) {
            return false;
        }
    }

    /** The cookie that opens a session with {@code token}, living as long as the token does. */
    static ResponseCookie open(String token, Instant expiresAt, Instant now, boolean secure) {
        return base(token, secure)
                .maxAge(Math.max(1, Duration.between(now, expiresAt).toSeconds()))
                .build();
    }

    /** The cookie that ends the session (an expired, empty one with the same attributes). */
    static ResponseCookie closed(boolean secure) {
        return base("", secure).maxAge(0).build();
    }

    private static ResponseCookie.ResponseCookieBuilder base(String value, boolean secure) {
        return ResponseCookie.from(NAME, value)
                .path("/")
                .httpOnly(true)
                .sameSite("Lax")
                .secure(secure);
    }
}
