package io.subsync.sync.inbound.domain;

import io.subsync.sync.MasterSubscriptionState;
import io.subsync.sync.SyncOperation;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A change Master announces by webhook. {@code state} is present for the types this service knows
 * ({@link #KNOWN_TYPES}); an event of another type is acknowledged and logged, not applied.
 */
public record MasterEvent(String id, String type, Instant createdAt, Optional<MasterSubscriptionState> state) {
    public static final Map<String, SyncOperation> KNOWN_TYPES = Map.of(
            "subscription.updated", SyncOperation.UPDATE,
            "subscription.cancelled", SyncOperation.CANCEL,
            "subscription.reactivated", SyncOperation.REACTIVATE);

    /** The operation a known type stands for. */
    public static Optional<SyncOperation> operationOf(String type) {
        return Optional.ofNullable(KNOWN_TYPES.get(type));
    }

    public Optional<SyncOperation> operation() {
        return operationOf(type);
    }
}
