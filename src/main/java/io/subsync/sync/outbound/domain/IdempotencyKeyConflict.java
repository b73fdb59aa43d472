package io.subsync.sync.outbound.domain;

/** An {@code Idempotency-Key} reused with another body (422), or used while its first request still runs (409). */
public class IdempotencyKeyConflict extends RuntimeException {
    private final boolean stillRunning;

    public IdempotencyKeyConflict(boolean stillRunning) {
        super(
                stillRunning
                        ? "a request with this Idempotency-Key is still being processed; try again shortly"
                        : "this Idempotency-Key was used with a different request body");
        this.stillRunning = stillRunning;
    }

    public boolean stillRunning() {
        return stillRunning;
    }
}
