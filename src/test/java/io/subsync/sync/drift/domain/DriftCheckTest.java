package io.subsync.sync.drift.domain;

import static io.subsync.support.MasterSubscriptionStateBuilder.masterState;
import static io.subsync.support.TrackedSubscriptionBuilder.trackedSubscription;
import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.sync.FieldDifference;
import io.subsync.sync.MasterSubscriptionState;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftCheckTest {
    private static Instant day(String value) {
        return value == null
                ? null
                : value.length() == 10
                        ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                        : Instant.parse(value);
    }

    private static final MasterSubscriptionState CONFIRMED = masterState()
            .planTier("basic")
            .status("active")
            .startDate(day("2026-11-01T00:00:00Z"))
            .version(1)
            .build();

    private static TrackedSubscription tracked(MasterSubscriptionState confirmed) {
        return trackedSubscription().confirmed(confirmed).desired(confirmed).build();
    }

    private static List<SubscriptionComparison> compare(
            TrackedSubscription tracked, MasterSubscriptionState... master) {
        return DriftCheck.compare(List.of(tracked), List.of(master), id -> "name-of-" + id);
    }

    @Test
    void masterHoldingWhatItConfirmedIsInStepWhateverItsVersion() {
        assertThat(compare(
                        tracked(CONFIRMED),
                        masterState()
                                .planTier("BASIC")
                                .status("active")
                                .startDate(day("2026-11-01"))
                                .version(4)
                                .build()))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.outcome()).isEqualTo(SubscriptionComparison.Outcome.IN_STEP);
                    assertThat(c.differences()).isEmpty();
                });
    }

    @Test
    void masterCancellingWhatTheMvpThinksActiveDriftsInStatusAndEndDate() {
        List<SubscriptionComparison> comparisons = compare(
                tracked(CONFIRMED),
                masterState()
                        .planTier("basic")
                        .status("cancelled")
                        .startDate(day("2026-11-01T00:00:00Z"))
                        .endDate(day("2026-12-01T10:00:00Z"))
                        .version(2)
                        .build());

        assertThat(comparisons).singleElement().satisfies(c -> {
            assertThat(c.drifted()).isTrue();
            assertThat(c.fields()).containsExactly("status", "endDate");
            assertThat(c.differences().get(0)).isEqualTo(new FieldDifference("status", "active", "cancelled"));
            assertThat(c.summary()).isEqualTo("status: active → cancelled; endDate: (none) → 2026-12-01T10:00:00Z");
        });
    }

    @Test
    void aPlanChangedAtMasterDriftsInPlanTier() {
        assertThat(compare(
                        tracked(CONFIRMED),
                        masterState()
                                .planTier("premium")
                                .status("active")
                                .startDate(day("2026-11-01T00:00:00Z"))
                                .version(2)
                                .build()))
                .singleElement()
                .satisfies(c -> assertThat(c.fields()).containsExactly("planTier"));
    }

    @Test
    void aSubscriptionMasterNoLongerHoldsDrifts() {
        assertThat(compare(tracked(CONFIRMED))).singleElement().satisfies(c -> {
            assertThat(c.drifted()).isTrue();
            assertThat(c.differences())
                    .containsExactly(new FieldDifference("subscription", "present (active, basic)", "absent"));
        });
    }

    @Test
    void aSubscriptionOnlyMasterHoldsDriftsUnderTheMvpNameOfItsService() {
        List<SubscriptionComparison> comparisons = DriftCheck.compare(
                List.of(),
                List.of(masterState()
                        .serviceId("svc_other")
                        .planTier("pro")
                        .status("cancelled")
                        .startDate(day("2026-01-01"))
                        .endDate(day("2026-02-01"))
                        .version(3)
                        .build()),
                id -> "other");

        assertThat(comparisons).singleElement().satisfies(c -> {
            assertThat(c.serviceName()).isEqualTo("other");
            assertThat(c.trackedByMvp()).isFalse();
            assertThat(c.fields()).containsExactly("subscription");
        });
    }

    @Test
    void nothingConfirmedAndNothingAtMasterIsInStep() {
        assertThat(compare(tracked(null)))
                .singleElement()
                .satisfies(c -> assertThat(c.outcome()).isEqualTo(SubscriptionComparison.Outcome.IN_STEP));
    }

    @Test
    void masterAlreadyHoldingTheMvpsUndeliveredChangeIsNotDrift() {
        MasterSubscriptionState cancelWanted = masterState()
                .planTier("basic")
                .status("cancelled")
                .startDate(null)
                .version(0)
                .build();
        TrackedSubscription waiting = trackedSubscription()
                .confirmed(CONFIRMED)
                .desired(cancelWanted)
                .undelivered(true)
                .syncStatus("pending")
                .build();

        assertThat(compare(
                        waiting,
                        masterState()
                                .planTier("basic")
                                .status("cancelled")
                                .startDate(day("2026-11-01T00:00:00Z"))
                                .endDate(day("2026-12-01"))
                                .version(2)
                                .build()))
                .singleElement()
                .satisfies(c -> assertThat(c.outcome()).isEqualTo(SubscriptionComparison.Outcome.IN_STEP));
        assertThat(compare(
                        waiting,
                        masterState()
                                .planTier("premium")
                                .status("active")
                                .startDate(day("2026-11-01T00:00:00Z"))
                                .version(2)
                                .build()))
                .as("Master changed something else: both sides changed")
                .singleElement()
                .satisfies(c -> assertThat(c.fields()).containsExactly("planTier"));
    }

    @Test
    void aDeliveryInFlightIsNotCompared() {
        TrackedSubscription inFlight = trackedSubscription()
                .confirmed(CONFIRMED)
                .inFlight(true)
                .syncStatus("pending")
                .build();

        assertThat(compare(
                        inFlight,
                        masterState()
                                .planTier("premium")
                                .status("cancelled")
                                .startDate(null)
                                .version(9)
                                .build()))
                .singleElement()
                .satisfies(c -> assertThat(c.outcome()).isEqualTo(SubscriptionComparison.Outcome.IN_FLIGHT));
    }

    @Test
    void masterHoldingWhatItConfirmedButNotTheMvpsSettledStateIsBehind() {
        // Master confirmed a cancel of the starter plan; the MVP's accepted state is pro, cancelled.
        MasterSubscriptionState confirmed = masterState()
                .planTier("starter")
                .status("cancelled")
                .startDate(day("2026-11-01"))
                .endDate(day("2026-12-01"))
                .version(3)
                .build();
        MasterSubscriptionState desired = masterState()
                .planTier("pro")
                .status("cancelled")
                .startDate(day("2026-11-01"))
                .version(0)
                .build();
        TrackedSubscription settled =
                trackedSubscription().confirmed(confirmed).desired(desired).build();

        assertThat(compare(settled, confirmed)).singleElement().satisfies(c -> {
            assertThat(c.outcome()).isEqualTo(SubscriptionComparison.Outcome.BEHIND);
            assertThat(c.drifted()).isTrue();
            assertThat(c.differences()).containsExactly(new FieldDifference("planTier", "pro", "starter"));
        });
    }

    @Test
    void aGapWithTheDesiredStateWhileAChangeIsOnItsWayIsNotBehind() {
        MasterSubscriptionState desired = masterState()
                .planTier("premium")
                .status("active")
                .startDate(null)
                .version(0)
                .build();
        TrackedSubscription waiting = trackedSubscription()
                .confirmed(CONFIRMED)
                .desired(desired)
                .undelivered(true)
                .syncStatus("pending")
                .build();

        assertThat(compare(waiting, CONFIRMED))
                .singleElement()
                .satisfies(c -> assertThat(c.outcome()).isEqualTo(SubscriptionComparison.Outcome.IN_STEP));
    }

    @Test
    void aFieldTheMvpLeavesOpenIsMastersToChoose() {
        MasterSubscriptionState desired = masterState()
                .planTier("basic")
                .status("active")
                .startDate(null)
                .version(0)
                .build();
        TrackedSubscription settled =
                trackedSubscription().confirmed(CONFIRMED).desired(desired).build();

        assertThat(compare(settled, CONFIRMED))
                .singleElement()
                .satisfies(c -> assertThat(c.outcome()).isEqualTo(SubscriptionComparison.Outcome.IN_STEP));
    }
}
