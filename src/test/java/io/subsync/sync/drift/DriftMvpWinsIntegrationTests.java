package io.subsync.sync.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.support.MasterChanges;
import io.subsync.sync.drift.domain.DriftAction;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Reconciliation under mvp-wins: the MVP's state is sent again. */
@TestPropertySource(properties = "subsync.sync.drift-policy=mvp-wins")
class DriftMvpWinsIntegrationTests extends DriftedIntegrationTest {
    @Test
    void theMvpsStateIsSentAgainAndMasterEndsEqual() {
        UUID user = drifted();

        ReconciliationReport report = reconcile.reconcile(Optional.of(user), false, "tests");

        assertThat(report.drifted()).singleElement().satisfies(line -> {
            assertThat(line.action()).isEqualTo(DriftAction.PUSH_MVP);
            assertThat(line.syncId()).isPresent();
        });
        awaitDrained(Duration.ofSeconds(15));
        assertThat(MASTER.subscriptionsOf(master.toString())).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo("active");
            assertThat(s.planTier()).isEqualTo("basic");
        });
        assertThat(jdbc.sql("SELECT operation FROM subsync.sync_outbox WHERE id = :id")
                        .param("id", report.drifted().get(0).syncId().orElseThrow())
                        .query(String.class)
                        .single())
                .isEqualTo("sync");
        assertThat(accountStatus(user)).isEqualTo("synced");
        assertThat(reconcile.reconcile(Optional.of(user), false, "tests").drifted())
                .as("equal now")
                .isEmpty();
    }

    @Test
    void aSecondDriftIsPushedAgainEvenThoughTheLastPushWasAlreadyAFullSync() {
        UUID user = drifted();
        UUID first = reconcile
                .reconcile(Optional.of(user), false, "tests")
                .drifted()
                .get(0)
                .syncId()
                .orElseThrow();
        awaitDrained(Duration.ofSeconds(15));
        MasterChanges.cancel(master, "svc_bazi", "basic", "2026-12-02T00:00:00Z");

        ReconciliationReport again = reconcile.reconcile(Optional.of(user), false, "tests");

        UUID second = again.drifted().get(0).syncId().orElseThrow();
        assertThat(second).isNotEqualTo(first);
        awaitDrained(Duration.ofSeconds(15));
        assertThat(MASTER.subscriptionsOf(master.toString()))
                .singleElement()
                .satisfies(s -> assertThat(s.status()).isEqualTo("active"));
    }
}
