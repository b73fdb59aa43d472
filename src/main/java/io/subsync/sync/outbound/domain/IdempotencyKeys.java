package io.subsync.sync.outbound.domain;

import java.time.Instant;

/** Answers remembered per {@code Idempotency-Key} and caller, for exact replay. */
public interface IdempotencyKeys {

    /** Claims the key for a request with this body hash, or says what happened to it before. */
    Claim begin(String caller, String key, String requestHash, Instant at, Instant expiresAt, Instant staleBefore);

    /** Stores the answer, in the transaction of the operation it answers. */
    void finish(String caller, String key, int status, String body);

    /** Gives the key up after a request failed without an answer worth replaying. */
    void abandon(String caller, String key);

    sealed interface Claim permits Claim.Fresh, Claim.Replay, Claim.Running, Claim.OtherBody {
        record Fresh() implements Claim {}

        record Replay(int status, String body) implements Claim {}

        record Running() implements Claim {}

        record OtherBody() implements Claim {}
    }
}
