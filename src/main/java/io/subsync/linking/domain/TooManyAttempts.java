package io.subsync.linking.domain;

import java.time.Duration;

/** Too many attempts to use magic links from one client, or at one token; try again after {@code retryAfter}. */
public class TooManyAttempts extends RuntimeException {
    private final Duration retryAfter;

    public TooManyAttempts(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
