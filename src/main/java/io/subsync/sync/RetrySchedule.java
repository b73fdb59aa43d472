package io.subsync.sync;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try a delivery again: the n-th failed attempt waits the n-th delay of the schedule (exponential by
 * default), spread by ±jitter so retries of many operations do not arrive together; a {@code Retry-After} from
 * Master wins. After the last delay, the operation has failed.
 */
public record RetrySchedule(List<Duration> delays, double jitter, Duration maxRetryAfter) {
    public RetrySchedule {
        delays = List.copyOf(delays);
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1)");
        }
    }

    /** Attempts in all: the first one plus one per delay. */
    public int maxAttempts() {
        return delays.size() + 1;
    }

    /** The wait after failed attempt number {@code attempt} (1-based), or empty when no attempt is left. */
    public Optional<Duration> after(int attempt, Optional<Duration> retryAfter, DoubleSupplier random) {
        if (attempt >= maxAttempts()) {
            return Optional.empty();
        }
        if (retryAfter.isPresent()) {
            Duration asked = retryAfter.get();
            return Optional.of(asked.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : asked);
        }
        Duration base = delays.get(attempt - 1);
        double factor = 1 - jitter + 2 * jitter * random.getAsDouble();
        return Optional.of(Duration.ofMillis(Math.max(1, Math.round(base.toMillis() * factor))));
    }
}
