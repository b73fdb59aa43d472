package io.subsync.sync.drift.domain;

import io.subsync.sync.FieldDifference;
import io.subsync.sync.MasterSubscriptionState;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DriftCheckTest {
    private static final UUID MASTER_USER = UUID.randomUUID();

    private static MasterSubscriptionState state(String service, String tier, String status, String start, String end,
                                                 long version) {
        return new MasterSubscriptionState(MASTER_USER, service, tier, status, day(start), day(end), version);
    }

    private static Instant day(String value) {
        return value == null ? null : value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                : Instant.parse(value);
    }

    private static final MasterSubscriptionState CONFIRMED = state("svc_bazi", "basic", "active", "2026-11-01T00:00:00Z",
            null, 1);

    private static TrackedSubscription tracked(MasterSubscriptionState confirmed) {
        return new TrackedSubscription("bazi", Optional.of("svc_bazi"), Optional.ofNullable(confirmed),
                Optional.ofNullable(confirmed), false, false, "synced");
    }

    private static List<SubscriptionComparison> compare(TrackedSubscription tracked, MasterSubscriptionState... master) {
        return DriftCheck.compare(List.of(tracked), List.of(master), id -> "name-of-" + id);
    }

    @Test
    void masterHoldingWhatItConfirmedIsInStepWhateverItsVersion() {
        assertThat(compare(tracked(CONFIRMED), state("svc_bazi", "BASIC", "active", "2026-11-01", null, 4)))
                .singleElement().satisfies(c -> {
                    assertThat(c.outcome()).isEqualTo(SubscriptionComparison.Outcome.IN_STEP);
                    assertThat(c.differences()).isEmpty();
                });
    }

    @Test
    void masterCancellingWhatTheMvpThinksActiveDriftsInStatusAndEndDate() {
        List<SubscriptionComparison> comparisons = compare(tracked(CONFIRMED),
                state("svc_bazi", "basic", "cancelled", "2026-11-01T00:00:00Z", "2026-12-01T10:00:00Z", 2));

        assertThat(comparisons).singleElement().satisfies(c -> {
            assertThat(c.drifted()).isTrue();
            assertThat(c.fields()).containsExactly("status", "endDate");
            assertThat(c.differences().get(0)).isEqualTo(new FieldDifference("status", "active", "cancelled"));
            assertThat(c.summary()).isEqualTo("status: active → cancelled; endDate: (none) → 2026-12-01T10:00:00Z");
        });
    }

    @Test
    void aPlanChangedAtMasterDriftsInPlanTier() {
        assertThat(compare(tracked(CONFIRMED), state("svc_bazi", "premium", "active", "2026-11-01T00:00:00Z", null, 2)))
                .singleElement().satisfies(c -> assertThat(c.fields()).containsExactly("planTier"));
    }

    @Test
    void aSubscriptionMasterNoLongerHoldsDrifts() {
        assertThat(compare(tracked(CONFIRMED))).singleElement().satisfies(c -> {
            assertThat(c.drifted()).isTrue();
            assertThat(c.differences()).containsExactly(new FieldDifference("subscription", "present (active, basic)", "absent"));
        });
    }

    @Test
    void aSubscriptionOnlyMasterHoldsDriftsUnderTheMvpNameOfItsService() {
        List<SubscriptionComparison> comparisons = DriftCheck.compare(List.of(),
                List.of(state("svc_other", "pro", "cancelled", "2026-01-01", "2026-02-01", 3)), id -> "other");

        assertThat(comparisons).singleElement().satisfies(c -> {
            assertThat(c.serviceName()).isEqualTo("other");
            assertThat(c.trackedByMvp()).isFalse();
            assertThat(c.fields()).containsExactly("subscription");
        });
    }

    @Test
    void nothingConfirmedAndNothingAtMasterIsInStep() {
        assertThat(compare(tracked(null))).singleElement()
                .satisfies(c -> assertThat(c.outcome()).isEqualTo(SubscriptionComparison.Outcome.IN_STEP));
    }

    @Test
    void masterAlreadyHoldingTheMvpsUndeliveredChangeIsNotDrift() {
        MasterSubscriptionState cancelWanted = state("svc_bazi", "basic", "cancelled", null, null, 0);
        TrackedSubscription waiting = new TrackedSubscription("bazi", Optional.of("svc_bazi"), Optional.of(CONFIRMED),
                Optional.of(cancelWanted), true, false, "pending");

        assertThat(compare(waiting, state("svc_bazi", "basic", "cancelled", "2026-11-01T00:00:00Z", "2026-12-01", 2)))
                .singleElement().satisfies(c -> assertThat(c.outcome()).isEqualTo(SubscriptionComparison.Outcome.IN_STEP));
        assertThat(compare(waiting, state("svc_bazi", "premium", "active", "2026-11-01T00:00:00Z", null, 2)))
                .as("Master changed something else: both sides changed").singleElement()
                .satisfies(c -> assertThat(c.fields()).containsExactly("planTier"));
    }

    @Test
    void aDeliveryInFlightIsNotCompared() {
        TrackedSubscription inFlight = new TrackedSubscription("bazi", Optional.of("svc_bazi"), Optional.of(CONFIRMED),
                Optional.empty(), false, true, "pending");

        assertThat(compare(inFlight, state("svc_bazi", "premium", "cancelled", null, null, 9))).singleElement()
                .satisfies(c -> assertThat(c.outcome()).isEqualTo(SubscriptionComparison.Outcome.IN_FLIGHT));
    }

    @Test
    void masterHoldingWhatItConfirmedButNotTheMvpsSettledStateIsBehind() {
        // Master confirmed a cancel of the starter plan; the MVP's accepted state is pro, cancelled.
        MasterSubscriptionState confirmed = state("svc_bazi", "starter", "cancelled", "2026-11-01", "2026-12-01", 3);
        MasterSubscriptionState desired = state("svc_bazi", "pro", "cancelled", "2026-11-01", null, 0);
        TrackedSubscription settled = new TrackedSubscription("bazi", Optional.of("svc_bazi"), Optional.of(confirmed),
                Optional.of(desired), false, false, "synced");

        assertThat(compare(settled, confirmed)).singleElement().satisfies(c -> {
            assertThat(c.outcome()).isEqualTo(SubscriptionComparison.Outcome.BEHIND);
            assertThat(c.drifted()).isTrue();
            assertThat(c.differences()).containsExactly(new FieldDifference("planTier", "pro", "starter"));
        });
    }

    @Test
    void aGapWithTheDesiredStateWhileAChangeIsOnItsWayIsNotBehind() {
        MasterSubscriptionState desired = state("svc_bazi", "premium", "active", null, null, 0);
        TrackedSubscription waiting = new TrackedSubscription("bazi", Optional.of("svc_bazi"), Optional.of(CONFIRMED),
                Optional.of(desired), true, false, "pending");

        assertThat(compare(waiting, CONFIRMED)).singleElement()
                .satisfies(c -> assertThat(c.outcome()).isEqualTo(SubscriptionComparison.Outcome.IN_STEP));
    }

    @Test
    void aFieldTheMvpLeavesOpenIsMastersToChoose() {
        MasterSubscriptionState desired = state("svc_bazi", "basic", "active", null, null, 0);
        TrackedSubscription settled = new TrackedSubscription("bazi", Optional.of("svc_bazi"), Optional.of(CONFIRMED),
                Optional.of(desired), false, false, "synced");

        assertThat(compare(settled, CONFIRMED)).singleElement()
                .satisfies(c -> assertThat(c.outcome()).isEqualTo(SubscriptionComparison.Outcome.IN_STEP));
    }
}
