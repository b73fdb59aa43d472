package io.subsync.support;

import io.subsync.sync.MasterSubscriptionState;
import io.subsync.sync.SyncStatus;
import io.subsync.sync.drift.domain.TrackedSubscription;
import java.util.Optional;

/**
 * {@link TrackedSubscription} by name: by default the MVP's bazi, mapped to {@code svc_bazi}, synced, with nothing
 * confirmed or desired, nothing waiting and nothing in flight.
 */
public final class TrackedSubscriptionBuilder {
    private String serviceName = "bazi";
    private Optional<String> serviceId = Optional.of("svc_bazi");
    private Optional<MasterSubscriptionState> confirmed = Optional.empty();
    private Optional<MasterSubscriptionState> desired = Optional.empty();
    private boolean undelivered;
    private boolean inFlight;
    private String syncStatus = "synced";

    private TrackedSubscriptionBuilder() {}

    public static TrackedSubscriptionBuilder trackedSubscription() {
        return new TrackedSubscriptionBuilder();
    }

    public TrackedSubscriptionBuilder serviceName(String serviceName) {
        this.serviceName = serviceName;
        return this;
    }

    /** The mapped Master service; null: none. */
    public TrackedSubscriptionBuilder serviceId(String serviceId) {
        this.serviceId = Optional.ofNullable(serviceId);
        return this;
    }

    /** What Master last confirmed; null: nothing. */
    public TrackedSubscriptionBuilder confirmed(MasterSubscriptionState confirmed) {
        this.confirmed = Optional.ofNullable(confirmed);
        return this;
    }

    /** The MVP's desired state as Master would hold it; null: it cannot be mapped. */
    public TrackedSubscriptionBuilder desired(MasterSubscriptionState desired) {
        this.desired = Optional.ofNullable(desired);
        return this;
    }

    public TrackedSubscriptionBuilder undelivered(boolean undelivered) {
        this.undelivered = undelivered;
        return this;
    }

    public TrackedSubscriptionBuilder inFlight(boolean inFlight) {
        this.inFlight = inFlight;
        return this;
    }

    public TrackedSubscriptionBuilder syncStatus(String syncStatus) {
        this.syncStatus = syncStatus;
        return this;
    }

    public TrackedSubscription build() {
        return new TrackedSubscription(
                serviceName, serviceId, confirmed, desired, undelivered, inFlight, SyncStatus.fromCode(syncStatus));
    }
}
