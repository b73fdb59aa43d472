package io.subsync.sync.drift.domain;

import io.subsync.sync.MasterSubscriptionState;
import io.subsync.sync.SyncStatus;
import java.util.Optional;

/**
 * The MVP's record of one user's subscription to one service, as a reconciliation needs it: the Master service it
 * maps to, the state Master last confirmed ({@code subscription_sync_state.synced_data}), the MVP's desired state as
 * Master would hold it (empty when it cannot be mapped), whether an operation waits to be sent ({@code undelivered})
 * and whether a delivery is in flight.
 */
public record TrackedSubscription(
        String serviceName,
        Optional<String> serviceId,
        Optional<MasterSubscriptionState> confirmed,
        Optional<MasterSubscriptionState> desired,
        boolean undelivered,
        boolean inFlight,
        SyncStatus syncStatus) {

    /** The Master service this subscription is held under: the one Master confirmed, else the mapped one. */
    public Optional<String> masterServiceId() {
        return confirmed.map(MasterSubscriptionState::serviceId).or(() -> serviceId);
    }

    public boolean diverged() {
        return syncStatus == SyncStatus.DIVERGED;
    }
}
