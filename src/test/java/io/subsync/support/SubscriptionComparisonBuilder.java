package io.subsync.support;

import io.subsync.sync.FieldDifference;
import io.subsync.sync.MasterSubscriptionState;
import io.subsync.sync.drift.domain.SubscriptionComparison;
import java.util.List;
import java.util.Optional;

/**
 * {@link SubscriptionComparison} by name: by default bazi ({@code svc_bazi}), tracked by the MVP, in step, with no
 * differences and neither a confirmed nor a Master state.
 */
public final class SubscriptionComparisonBuilder {
    private String serviceName = "bazi";
    private String serviceId = "svc_bazi";
    private SubscriptionComparison.Outcome outcome = SubscriptionComparison.Outcome.IN_STEP;
    private List<FieldDifference> differences = List.of();
    private Optional<MasterSubscriptionState> confirmed = Optional.empty();
    private Optional<MasterSubscriptionState> master = Optional.empty();
    private boolean trackedByMvp = true;

    private SubscriptionComparisonBuilder() {}

    public static SubscriptionComparisonBuilder comparison(SubscriptionComparison.Outcome outcome) {
        return new SubscriptionComparisonBuilder().outcome(outcome);
    }

    public SubscriptionComparisonBuilder serviceName(String serviceName) {
        this.serviceName = serviceName;
        return this;
    }

    public SubscriptionComparisonBuilder serviceId(String serviceId) {
        this.serviceId = serviceId;
        return this;
    }

    public SubscriptionComparisonBuilder outcome(SubscriptionComparison.Outcome outcome) {
        this.outcome = outcome;
        return this;
    }

    public SubscriptionComparisonBuilder differences(FieldDifference... differences) {
        this.differences = List.of(differences);
        return this;
    }

    /** What Master last confirmed; null: nothing. */
    public SubscriptionComparisonBuilder confirmed(MasterSubscriptionState confirmed) {
        this.confirmed = Optional.ofNullable(confirmed);
        return this;
    }

    /** What Master holds now; null: nothing. */
    public SubscriptionComparisonBuilder master(MasterSubscriptionState master) {
        this.master = Optional.ofNullable(master);
        return this;
    }

    public SubscriptionComparisonBuilder trackedByMvp(boolean trackedByMvp) {
        this.trackedByMvp = trackedByMvp;
        return this;
    }

    public SubscriptionComparison build() {
        return new SubscriptionComparison(
                serviceName, serviceId, outcome, differences, confirmed, master, trackedByMvp);
    }
}
