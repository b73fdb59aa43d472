package io.subsync.mastersim.domain;

import java.time.Instant;
import java.util.Map;

/**
 * Master's view of one subscription of one user to one service. Immutable: each applied change makes the next
 * version. {@code version} starts at 1 and grows by one with every applied change.
 */
public record MasterSubscription(
        String userId,
        String serviceId,
        String planTier,
        String status,
        String startDate,
        String endDate,
        String serviceName,
        String planCode,
        Map<String, Object> metadata,
        long version,
        Instant updatedAt) {
    public static final String ACTIVE = "active";
    public static final String CANCELLED = "cancelled";

    /**
     * The subscription after {@code change} was applied at {@code at} to {@code current} (null when Master has never
     * seen it). create, update and sync write the state sent (status defaults to the current one, else active;
     * startDate to the current one, else {@code at}); cancel sets status cancelled and endDate (the one sent, else
     * {@code at}); reactivate sets status active and clears endDate. A cancel or reactivate of a subscription Master
     * has never seen takes the rest of its state from the change.
     */
    static MasterSubscription applying(MasterSubscription current, Change change, Instant at) {
        long version = current == null ? 1 : current.version + 1;
        return switch (change.operation()) {
            case CREATE, UPDATE, SYNC ->
                new MasterSubscription(
                        change.userId(),
                        change.serviceId(),
                        change.planTier(),
                        orElse(change.status(), current == null ? ACTIVE : current.status),
                        orElse(change.startDate(), current == null ? at.toString() : current.startDate),
                        change.endDate(),
                        change.serviceName(),
                        change.planCode(),
                        change.metadata(),
                        version,
                        at);
            case CANCEL ->
                base(current, change, at).with(CANCELLED, orElse(change.endDate(), at.toString()), version, at);
            case REACTIVATE -> base(current, change, at).with(ACTIVE, null, version, at);
        };
    }

    private static MasterSubscription base(MasterSubscription current, Change change, Instant at) {
        if (current != null) {
            return current;
        }
        return new MasterSubscription(
                change.userId(),
                change.serviceId(),
                change.planTier(),
                change.status(),
                orElse(change.startDate(), at.toString()),
                change.endDate(),
                change.serviceName(),
                change.planCode(),
                change.metadata(),
                0,
                at);
    }

    private MasterSubscription with(String newStatus, String newEndDate, long newVersion, Instant at) {
        return new MasterSubscription(
                userId,
                serviceId,
                planTier,
                newStatus,
                startDate,
                newEndDate,
                serviceName,
                planCode,
                metadata,
                newVersion,
                at);
    }

    private static String orElse(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
