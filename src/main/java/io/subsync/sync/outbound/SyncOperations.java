package io.subsync.sync.outbound;

import io.subsync.sync.DesiredState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The desired state per (user, service), and the outbox that carries each change of it to Master. */
public interface SyncOperations {

    /** The state of (user, service), its row locked until the transaction ends. */
    Optional<SyncState> lock(UUID mvpUserId, String serviceName);

    /** Is the state exactly the one wanted (same operation, plan, status, dates and metadata)? */
    boolean wantsAlready(UUID mvpUserId, DesiredState desired);

    /**
     * Records a new revision of the desired state and its outbox row ({@code pending}, or {@code waiting} while
     * the account has no Master link). Undelivered older rows of (user, service) are superseded by it.
     * Returns false when a concurrent first revision won (the caller locks and tries again).
     */
    boolean append(
            UUID syncId,
            UUID mvpUserId,
            DesiredState desired,
            long revision,
            boolean linked,
            String actor,
            String requestId,
            Instant at);

    /** The outbox status of a sync ({@code waiting, pending, delivering, delivered, failed, superseded}). */
    Optional<OutboxStatus> status(UUID syncId);

    /** Queues a failed operation again from its first attempt; false when it is not failed. */
    boolean requeue(UUID syncId, Instant at);

    /** Every (user, service) state of a user. */
    List<SyncState> statesOf(UUID mvpUserId);

    /** Releases the user's waiting operations once the account is linked. */
    int releaseWaiting(UUID mvpUserId, Instant at);

    /** Puts the user's undelivered operations back to {@code waiting} (the account was unlinked); in flight ones finish. */
    int holdUntilLinked(UUID mvpUserId);

    /**
     * A new MVP change of a diverged (user, service) settles the divergence in the MVP's favour: it is cleared and the
     * account's status follows its subscriptions'.
     */
    void settleDivergence(UUID mvpUserId, String serviceName, Instant at);
}
