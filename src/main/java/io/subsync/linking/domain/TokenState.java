package io.subsync.linking.domain;

import java.time.Instant;
import java.util.Optional;

/** What a token would do if used now, found without using it. */
public record TokenState(State state, Optional<Instant> expiresAt) {

    public enum State {
        VALID,
        EXPIRED,
        USED,
        UNKNOWN
    }

    public static TokenState unknown() {
        return new TokenState(State.UNKNOWN, Optional.empty());
    }
}
