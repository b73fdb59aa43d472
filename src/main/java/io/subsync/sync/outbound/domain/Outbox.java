package io.subsync.sync.outbound.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The delivery side of the outbox: claiming rows under a lease, and recording what Master answered. */
public interface Outbox {

    /**
     * Claims up to {@code limit} due rows, at most one per (user, service) and always the oldest open revision of
     * it, so deliveries of one subscription go out in order and one at a time. Rows whose lease expired (their
     * worker died) are claimed again. A row goes as its own operation only if Master confirmed the revision before
     * it; after one that failed or was superseded it goes whole ({@code sync}).
     */
    List<ClaimedDelivery> claim(String worker, int limit, Instant now, Instant leaseUntil);

    /** Claims one given row, if it is due and next in line. */
    Optional<ClaimedDelivery> claim(UUID syncId, String worker, Instant now, Instant leaseUntil);

    /** Master confirmed: delivered. False when this worker's lease had already been taken over. */
    boolean confirmed(ClaimedDelivery delivery, String worker, String masterData, Instant at);

    /**
     * Many confirmations at once, in one transaction of a few set-based statements; returns the sync ids whose
     * lease was still held (the others had been taken over and are only logged).
     */
    Set<UUID> confirmedAll(List<Confirmation> confirmations, String worker, Instant at);

    /** A delivery Master confirmed, with what Master answered. */
    record Confirmation(ClaimedDelivery delivery, String masterData) {}

    /**
     * Try again at {@code next}; or, if a newer revision of its (user, service) is waiting, supersede the row by it,
     * which then goes whole ({@code sync}).
     */
    boolean retryLater(ClaimedDelivery delivery, String worker, String error, Instant next, Instant at);

    /** No attempt left, or Master refused for good: failed, visible and retryable. */
    boolean failed(ClaimedDelivery delivery, String worker, String error, Instant at);

    /**
     * Puts failed operations back in line: all, one sync id, or one user's. Returns the sync ids queued. A failed row
     * that a newer row of its (user, service) exists for is superseded by it instead: only the newest is worth sending.
     */
    List<UUID> retryFailed(Optional<UUID> syncId, Optional<UUID> mvpUserId, String actor, Instant at);
}
