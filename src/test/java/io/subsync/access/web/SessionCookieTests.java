package io.subsync.access.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionCookieTests {
    private static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");

    @Test
    void livesAsLongAsItsTokenAndIsHttpOnlyAndLax() {
        String cookie = SessionCookie.open("jwt", NOW.plus(Duration.ofHours(1)), NOW, false)
                .toString();

        assertThat(cookie)
                .startsWith("subsync_session=jwt;")
                .contains("Max-Age=3600", "HttpOnly", "SameSite=Lax", "Path=/")
                .doesNotContain("Secure");
    }

    @Test
    void isSecureWhenTheRequestCameOverHttps() {
        assertThat(SessionCookie.open("jwt", NOW.plusSeconds(60), NOW, true).toString())
                .contains("Secure");
        assertThat(SessionCookie.closed(true).toString()).contains("Secure", "Max-Age=0");
    }

    @Test
    void aTokenAtTheEdgeOfExpiryStillGetsACookieThatEndsAtOnce() {
        assertThat(SessionCookie.open("jwt", NOW.minusSeconds(30), NOW, false).toString())
                .contains("Max-Age=1");
    }
}
