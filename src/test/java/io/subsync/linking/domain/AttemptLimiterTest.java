package io.subsync.linking.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AttemptLimiterTest {
    private static final Instant START = Instant.parse("2026-11-01T10:00:00Z");
    private final AttemptLimiter limiter = new AttemptLimiter(3, Duration.ofMinutes(1), 100);

    @Test
    void allowsUpToTheLimitWithinTheWindowThenSaysHowLongToWait() {
        assertThat(limiter.attempt("client-a", START)).isEmpty();
        assertThat(limiter.attempt("client-a", START.plusSeconds(10))).isEmpty();
        assertThat(limiter.attempt("client-a", START.plusSeconds(20))).isEmpty();

        // The oldest attempt leaves the window at START + 60 s.
        assertThat(limiter.attempt("client-a", START.plusSeconds(30))).contains(Duration.ofSeconds(30));
        assertThat(limiter.waitBefore("client-a", START.plusSeconds(59))).contains(Duration.ofSeconds(1));
    }

    @Test
    void aRefusedAttemptIsNotCounted() {
        for (int i = 0; i < 3; i++) {
            limiter.attempt("k", START);
        }
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.attempt("k", START.plusSeconds(30))).isPresent();
        }

        assertThat(limiter.attempt("k", START.plusSeconds(60))).isEmpty();
    }

    @Test
    void theWindowSlides() {
        limiter.attempt("k", START);
        limiter.attempt("k", START.plusSeconds(40));
        limiter.attempt("k", START.plusSeconds(50));

        assertThat(limiter.waitBefore("k", START.plusSeconds(60))).isEmpty();
        limiter.record("k", START.plusSeconds(60));
        assertThat(limiter.waitBefore("k", START.plusSeconds(70))).contains(Duration.ofSeconds(30));
    }

    @Test
    void keysAreCountedApart() {
        for (int i = 0; i < 3; i++) {
            limiter.record("a", START);
        }

        assertThat(limiter.waitBefore("a", START)).isPresent();
        assertThat(limiter.waitBefore("b", START)).isEmpty();
    }

    @Test
    void forgetsKeysWhoseAttemptsLeftTheWindowOnceItHoldsTooMany() {
        AttemptLimiter small = new AttemptLimiter(1, Duration.ofMinutes(1), 2);
        small.record("a", START);
        small.record("b", START);
        small.record("c", START.plusSeconds(61));

        assertThat(small.keys()).isEqualTo(1);
        assertThat(small.waitBefore("c", START.plusSeconds(62))).isPresent();
    }

    @Test
    void refusesALimitBelowOne() {
        assertThatThrownBy(() -> new AttemptLimiter(0, Duration.ofMinutes(1), 10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
