package io.subsync.sync.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.sync.drift.domain.DriftAction;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Reconciliation under master-wins: Master's state is taken. */
@TestPropertySource(properties = "subsync.sync.drift-policy=master-wins")
class DriftMasterWinsIntegrationTests extends DriftedIntegrationTest {
    @Test
    void mastersStateIsTakenOnTheMvpSide() {
        UUID user = drifted();
        long received = MASTER.stats().received();

        ReconciliationReport report = reconcile.reconcile(Optional.of(user), false, "tests");

        assertThat(report.drifted())
                .singleElement()
                .satisfies(line -> assertThat(line.action()).isEqualTo(DriftAction.ACCEPT_MASTER));
        assertThat(jdbc.sql("""
                SELECT status FROM subsync.subscription_sync_state WHERE mvp_user_id = :u AND service_name = 'bazi-consultation'""").param("u", user).query(String.class).single()).isEqualTo("cancelled");
        assertThat(accountStatus(user)).isNotEqualTo("diverged");
        assertThat(MASTER.stats().received()).as("nothing sent to Master").isEqualTo(received);
        assertThat(reconcile.reconcile(Optional.of(user), false, "tests").drifted())
                .as("equal now")
                .isEmpty();
    }
}
