package io.subsync.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.subsync.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

class VerifiedTokensTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private final MutableClock clock = new MutableClock(NOW);
    private final AtomicInteger checks = new AtomicInteger();

    private final VerifiedTokens tokens = new VerifiedTokens(
            token -> {
                checks.incrementAndGet();
                if (token.startsWith("bad")) {
                    throw new BadJwtException("signature does not match");
                }
                return Jwt.withTokenValue(token)
                        .header("alg", "HS256")
                        .subject("user")
                        .issuedAt(NOW)
                        .expiresAt(NOW.plus(Duration.ofHours(1)))
                        .build();
            },
            clock);

    @Test
    void aTokenVerifiedOnceIsNotVerifiedAgainWhileItIsValid() {
        Jwt first = tokens.decode("good-1");
        Jwt again = tokens.decode("good-1");

        assertThat(again).isSameAs(first);
        assertThat(checks).hasValue(1);
    }

    @Test
    void pastItsExpiryTheFullCheckDecidesAgain() {
        tokens.decode("good-1");
        clock.advance(Duration.ofHours(1));

        tokens.decode("good-1");

        assertThat(checks).hasValue(2);
    }

    @Test
    void aRefusedTokenIsRefusedEveryTimeAndNeverRemembered() {
        assertThatThrownBy(() -> tokens.decode("bad-1")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("bad-1")).isInstanceOf(BadJwtException.class);

        assertThat(checks).hasValue(2);
        assertThat(tokens.remembered()).isZero();
    }

    @Test
    void itKeepsAtMostItsCapacity() {
        for (int i = 0; i <= VerifiedTokens.CAPACITY + 10; i++) {
            tokens.decode("good-" + i);
        }

        assertThat(tokens.remembered()).isLessThanOrEqualTo(VerifiedTokens.CAPACITY);
    }
}
