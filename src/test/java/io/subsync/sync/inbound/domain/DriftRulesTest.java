package io.subsync.sync.inbound.domain;

import static io.subsync.support.DesiredStateBuilder.desiredState;
import static io.subsync.support.MasterSubscriptionStateBuilder.masterState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.subsync.sync.DesiredState;
import io.subsync.sync.DriftPolicy;
import io.subsync.sync.MasterSubscriptionState;
import io.subsync.sync.PlanMapping;
import io.subsync.sync.SyncOperation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DriftRulesTest {
    private static final UUID MASTER_USER = UUID.fromString("6f1c2d3e-0000-4000-8000-000000000001");
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("2026-06-01T00:00:00Z");

    private static DesiredState mvp(String plan, String status, Instant end) {
        return desiredState()
                .operation(SyncOperation.UPDATE)
                .serviceName("bazi")
                .planCode(plan)
                .status(status)
                .startDate(START)
                .endDate(end)
                .metadata(Map.of())
                .build();
    }

    private static MasterSubscriptionState master(String status, Instant end, long version) {
        return masterState()
                .masterUserId(MASTER_USER)
                .serviceId("svc_bazi")
                .planTier("premium")
                .status(status)
                .startDate(START)
                .endDate(end)
                .version(version)
                .build();
    }

    @Test
    void listsTheFieldsInWhichMasterDiffersFromTheMvp() {
        assertThat(master("cancelled", END, 2).differencesFrom(mvp("BASIC", "active", null), "PREMIUM"))
                .containsExactly("planCode", "status", "endDate");
        assertThat(master("active", null, 2).differencesFrom(mvp("premium", "ACTIVE", null), "PREMIUM"))
                .isEmpty();
    }

    @Test
    void appliesMasterWhenNothingOfTheMvpIsOnItsWayWhateverThePolicy() {
        for (DriftPolicy policy : DriftPolicy.values()) {
            assertThat(DriftDecision.decide(false, List.of("status"), policy).action())
                    .isEqualTo(DriftDecision.Action.APPLY);
        }
    }

    @Test
    void onlyNotesMasterWhenTheMvpChangeOnItsWayEqualsMastersState() {
        assertThat(DriftDecision.decide(true, List.of(), DriftPolicy.MANUAL).action())
                .isEqualTo(DriftDecision.Action.AGREE);
    }

    @Test
    void aConflictFollowsThePolicy() {
        assertThat(DriftDecision.decide(true, List.of("status"), DriftPolicy.MANUAL)
                        .action())
                .isEqualTo(DriftDecision.Action.DIVERGE);
        assertThat(DriftDecision.decide(true, List.of("status"), DriftPolicy.MVP_WINS)
                        .action())
                .isEqualTo(DriftDecision.Action.KEEP_MVP);
        assertThat(DriftDecision.decide(true, List.of("status"), DriftPolicy.MASTER_WINS)
                        .action())
                .isEqualTo(DriftDecision.Action.APPLY_OVER_MVP);
        assertThat(DriftDecision.decide(true, List.of("status", "endDate"), DriftPolicy.MANUAL)
                        .differences())
                .containsExactly("status", "endDate");
    }

    @Test
    void onlyALaterVersionIsNewer() {
        assertThat(master("active", null, 3).newerThan(Optional.empty())).isTrue();
        assertThat(master("active", null, 3).newerThan(Optional.of(2L))).isTrue();
        assertThat(master("active", null, 3).newerThan(Optional.of(3L))).isFalse();
        assertThat(master("active", null, 3).newerThan(Optional.of(4L))).isFalse();
    }

    @Test
    void mapsBackToTheOnlyPairOrToTheUsersServiceWhenSeveralShareMastersPair() {
        PlanMapping bazi = new PlanMapping("bazi", "PREMIUM", "svc_bazi", "premium", List.of());
        PlanMapping other = new PlanMapping("bazi-legacy", "GOLD", "svc_bazi", "premium", List.of());
        MasterSubscriptionState state = master("active", null, 1);
        assertThat(state.mappedBy(List.of(bazi), List.of())).contains(bazi);
        assertThat(state.mappedBy(List.of(bazi, other), List.of("BAZI-LEGACY"))).contains(other);
        assertThat(state.mappedBy(List.of(bazi, other), List.of())).isEmpty();
        assertThat(state.mappedBy(List.of(), List.of("bazi"))).isEmpty();
    }

    @Test
    void masterStateSurvivesItsSnapshot() {
        MasterSubscriptionState state = master("cancelled", END, 7);
        assertThat(MasterSubscriptionState.fromSnapshot(state.snapshot())).contains(state);
        assertThat(MasterSubscriptionState.fromSnapshot(Map.of("userId", "x"))).isEmpty();
    }

    @Test
    void policiesAreSpelledAsConfigured() {
        assertThat(DriftPolicy.fromCode("mvp-wins")).isEqualTo(DriftPolicy.MVP_WINS);
        assertThat(DriftPolicy.fromCode(" Master_Wins ")).isEqualTo(DriftPolicy.MASTER_WINS);
        assertThat(DriftPolicy.MANUAL.code()).isEqualTo("manual");
        assertThatThrownBy(() -> DriftPolicy.fromCode("mvp")).isInstanceOf(IllegalArgumentException.class);
    }
}
