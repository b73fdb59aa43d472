package io.subsync.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class TokenLifetimeTest {
    private static final Instant NOW = Instant.parse("2026-11-01T10:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);
    private final TokenLifetime lifetime = new TokenLifetime(WEEK, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aTokenLivingTheLongestLifetimeFromItsIatIsAccepted() {
        assertThat(accepted(NOW.minus(Duration.ofDays(2)), NOW.plus(Duration.ofDays(5))))
                .isTrue();
    }

    @Test
    void aTokenLivingASecondLongerIsRefusedHoweverLittleOfItIsLeft() {
        assertThat(accepted(NOW.minus(WEEK), NOW.plusSeconds(1))).isFalse();
    }

    @Test
    void aTokenExpiringIn9999IsRefused() {
        assertThat(accepted(NOW, Instant.parse("9999-12-31T23:59:59Z"))).isFalse();
    }

    @Test
    void withoutIatTheLifetimeRunsFromNow() {
        assertThat(accepted(null, NOW.plus(WEEK))).isTrue();
        assertThat(accepted(null, NOW.plus(WEEK).plusSeconds(1))).isFalse();
    }

    @Test
    void anIatInTheFutureDoesNotStretchTheLifetime() {
        Instant farAhead = NOW.plus(Duration.ofDays(3650));

        assertThat(accepted(farAhead, farAhead.plus(Duration.ofHours(1)))).isFalse();
    }

    @Test
    void anIssuerWhoseClockRunsAFewSecondsAheadStillGetsTheWholeLifetime() {
        Instant issued = NOW.plusSeconds(20);

        assertThat(accepted(issued, issued.plus(WEEK))).isTrue();
    }

    @Test
    void theRefusalSaysTheLongestLifetimeAndNotThatTheTokenExpired() {
        var result = lifetime.validate(jwt(NOW, NOW.plus(Duration.ofDays(30))));

        assertThat(result.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getErrorCode()).isEqualTo("invalid_token");
            assertThat(error.getDescription()).contains("longer than the 7d").doesNotContain("expired");
        });
    }

    private boolean accepted(Instant issuedAt, Instant expiresAt) {
        return !lifetime.validate(jwt(issuedAt, expiresAt)).hasErrors();
    }

    private static Jwt jwt(Instant issuedAt, Instant expiresAt) {
        Jwt.Builder builder = Jwt.withTokenValue("token")
                .header("alg", "HS256")
                .subject("tests")
                .expiresAt(expiresAt);
        if (issuedAt != null) {
            builder.issuedAt(issuedAt);
        }
        return builder.build();
    }
}
