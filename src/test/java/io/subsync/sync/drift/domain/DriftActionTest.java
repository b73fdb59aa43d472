package io.subsync.sync.drift.domain;

import static io.subsync.support.MasterSubscriptionStateBuilder.masterState;
import static io.subsync.support.SubscriptionComparisonBuilder.comparison;
import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.sync.DriftPolicy;
import io.subsync.sync.FieldDifference;
import io.subsync.sync.MasterSubscriptionState;
import org.junit.jupiter.api.Test;

class DriftActionTest {
    private static final MasterSubscriptionState AT_MASTER = masterState()
            .serviceId("svc_bazi")
            .planTier("basic")
            .status("cancelled")
            .startDate(java.time.Instant.parse("2026-11-01T00:00:00Z"))
            .version(2)
            .build();

    private static SubscriptionComparison drifted(boolean trackedByMvp, boolean atMaster) {
        return comparison(SubscriptionComparison.Outcome.DRIFTED)
                .differences(new FieldDifference("status", "active", "cancelled"))
                .master(atMaster ? AT_MASTER : null)
                .trackedByMvp(trackedByMvp)
                .build();
    }

    private static SubscriptionComparison of(SubscriptionComparison.Outcome outcome) {
        return comparison(outcome).build();
    }

    @Test
    void manualMarksDivergedOnceAndThenWaitsForAnOperator() {
        assertThat(DriftAction.decide(DriftPolicy.MANUAL, drifted(true, true), false))
                .isEqualTo(DriftAction.MARK_DIVERGED);
        assertThat(DriftAction.decide(DriftPolicy.MANUAL, drifted(true, true), true))
                .isEqualTo(DriftAction.ALREADY_DIVERGED);
    }

    @Test
    void mvpWinsRepushesWhatTheMvpHolds() {
        assertThat(DriftAction.decide(DriftPolicy.MVP_WINS, drifted(true, true), false))
                .isEqualTo(DriftAction.PUSH_MVP);
        assertThat(DriftAction.decide(DriftPolicy.MVP_WINS, drifted(true, false), true))
                .isEqualTo(DriftAction.PUSH_MVP);
        assertThat(DriftAction.decide(DriftPolicy.MVP_WINS, drifted(false, true), false))
                .as("the MVP has nothing to push")
                .isEqualTo(DriftAction.MARK_DIVERGED);
    }

    @Test
    void masterWinsAcceptsWhatMasterHolds() {
        assertThat(DriftAction.decide(DriftPolicy.MASTER_WINS, drifted(true, true), false))
                .isEqualTo(DriftAction.ACCEPT_MASTER);
        assertThat(DriftAction.decide(DriftPolicy.MASTER_WINS, drifted(false, true), false))
                .isEqualTo(DriftAction.ACCEPT_MASTER);
        assertThat(DriftAction.decide(DriftPolicy.MASTER_WINS, drifted(true, false), false))
                .as("Master holds nothing to accept")
                .isEqualTo(DriftAction.MARK_DIVERGED);
    }

    @Test
    void inStepAndInFlightNeedNothingWhateverThePolicy() {
        for (DriftPolicy policy : DriftPolicy.values()) {
            assertThat(DriftAction.decide(policy, of(SubscriptionComparison.Outcome.IN_STEP), true))
                    .isEqualTo(DriftAction.NONE);
            assertThat(DriftAction.decide(policy, of(SubscriptionComparison.Outcome.IN_FLIGHT), false))
                    .isEqualTo(DriftAction.SKIPPED);
        }
    }

    @Test
    void aChangeMasterLacksIsSentAgainWhateverThePolicy() {
        for (DriftPolicy policy : DriftPolicy.values()) {
            assertThat(DriftAction.decide(policy, of(SubscriptionComparison.Outcome.BEHIND), false))
                    .isEqualTo(DriftAction.PUSH_MVP);
        }
    }

    @Test
    void aDryRunSaysWhatItWouldDo() {
        assertThat(DriftAction.MARK_DIVERGED.describe(true)).isEqualTo("would mark diverged");
        assertThat(DriftAction.MARK_DIVERGED.describe(false)).isEqualTo("marked diverged");
    }
}
