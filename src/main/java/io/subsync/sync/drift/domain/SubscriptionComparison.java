package io.subsync.sync.drift.domain;

import io.subsync.sync.FieldDifference;
import io.subsync.sync.MasterSubscriptionState;
import java.util.List;
import java.util.Optional;

/**
 * One (user, service) compared: the MVP's service name (or Master's service id when Master holds a subscription the
 * MVP has no state for), how it compares, and in which fields it differs.
 */
public record SubscriptionComparison(
        String serviceName,
        String serviceId,
        Outcome outcome,
        List<FieldDifference> differences,
        Optional<MasterSubscriptionState> confirmed,
        Optional<MasterSubscriptionState> master,
        boolean trackedByMvp) {

    public enum Outcome {
        /** Master holds what it last confirmed (or what the MVP is about to send it). */
        IN_STEP,
        /** Master's state differs from what it last confirmed. */
        DRIFTED,
        /**
         * Master holds what it last confirmed, but not the MVP's desired state, and nothing of the MVP's is on its way:
         * a change accepted on the MVP side never reached Master whole. The differences are desired → Master.
         */
        BEHIND,
        /** A delivery is on its way to Master: its result is not known yet, so nothing is compared. */
        IN_FLIGHT
    }

    public SubscriptionComparison {
        differences = List.copyOf(differences);
    }

    /** Master and the MVP differ: Master changed ({@code DRIFTED}), or it lacks an MVP change ({@code BEHIND}). */
    public boolean drifted() {
        return outcome == Outcome.DRIFTED || outcome == Outcome.BEHIND;
    }

    /** The names of the differing fields, e.g. {@code [status, endDate]}. */
    public List<String> fields() {
        return differences.stream().map(FieldDifference::field).toList();
    }

    /** The differences in one line, e.g. {@code status: active → cancelled; endDate: (none) → 2026-03-01T00:00:00Z}. */
    public String summary() {
        return String.join(
                "; ", differences.stream().map(FieldDifference::toString).toList());
    }
}
