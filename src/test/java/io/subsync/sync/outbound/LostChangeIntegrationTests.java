package io.subsync.sync.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.support.Api;
import io.subsync.support.MasterIntegrationTest;
import io.subsync.support.Syncs;
import io.subsync.support.Tokens;
import io.subsync.sync.drift.ReconcileWithMaster;
import io.subsync.sync.drift.ReconciliationReport;
import io.subsync.sync.drift.domain.DriftAction;
import io.subsync.sync.drift.domain.SubscriptionComparison;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * No accepted change is lost between Master and the MVP: a change that follows one Master did not take goes whole, a
 * superseded row names what carries it on, and a reconciliation finds and repairs any gap between Master and the
 * MVP's desired state, whatever caused it.
 */
class LostChangeIntegrationTests extends MasterIntegrationTest {
    @Autowired
    ReconcileWithMaster reconcile;

    @Autowired
    RetryFailedSyncs retry;

    private Syncs syncs() {
        return new Syncs(api, jdbc);
    }

    private Api.Response change(UUID user, String service, String operation, String plan) {
        Map<String, Object> data = new HashMap<>();
        data.put("serviceName", service);
        data.put("planCode", plan);
        data.put("status", operation.equals("cancel") ? "cancelled" : "active");
        data.put("startDate", "2026-11-01T00:00:00Z");
        Api.Response response = api.post(
                "/sync-subscription",
                Tokens.serviceRole(),
                Map.of("mvpUserId", user.toString(), "operation", operation, "subscriptionData", data));
        assertThat(response.status()).as(response.toString()).isIn(200, 202);
        return response;
    }

    private static UUID syncId(Api.Response response) {
        return UUID.fromString(response.json().get("syncId").asString());
    }

    private Map<String, Object> row(UUID syncId) {
        return jdbc.sql("SELECT status, operation, superseded_by FROM subsync.sync_outbox WHERE id = :id")
                .param("id", syncId)
                .query()
                .singleRow();
    }

    private UUID masterOf(UUID user) {
        return jdbc.sql("SELECT master_user_id FROM subsync.account_sync WHERE mvp_user_id = :u")
                .param("u", user)
                .query(UUID.class)
                .single();
    }

    @Test
    void aCancelAfterAnUpdateMasterRefusedCarriesThePlanAndIsNotPassedAsSynced() {
        Syncs syncs = syncs();
        String service = syncs.brokenService();
        syncs.mend(service);
        UUID user = UUID.randomUUID();
        UUID created = syncs.request(user, service);
        awaitDrained(Duration.ofSeconds(15));
        assertThat(row(created).get("status")).isEqualTo("delivered");
        // Plan Y maps to a tier Master refuses: the update fails for good.
        jdbc.sql("""
                INSERT INTO subsync.service_plan_mapping (mvp_service_name, mvp_plan_code, master_service_id, master_plan_tier)
                VALUES (:service, 'Y', 'svc_broken', '')""").param("service", service).update();
        UUID update = syncId(change(user, service, "update", "Y"));
        awaitDrained(Duration.ofSeconds(15));
        assertThat(row(update).get("status")).isEqualTo("failed");

        UUID cancel = syncId(change(user, service, "cancel", "Y"));
        awaitDrained(Duration.ofSeconds(15));

        assertThat(row(cancel))
                .as("sent whole, with the plan the failed update carried")
                .containsEntry("operation", "sync")
                .containsEntry("status", "failed");
        assertThat(jdbc.sql("SELECT sync_status FROM subsync.subscription_sync_state WHERE mvp_user_id = :u")
                        .param("u", user)
                        .query(String.class)
                        .single())
                .isEqualTo("failed");

        jdbc.sql(
                        "UPDATE subsync.service_plan_mapping SET master_plan_tier = 'y' WHERE mvp_service_name = :s AND mvp_plan_code = 'Y'")
                .param("s", service)
                .update();
        assertThat(retry.retry(Optional.empty(), Optional.of(user), "tests")).containsExactly(cancel);
        awaitDrained(Duration.ofSeconds(15));

        assertThat(MASTER.subscriptionsOf(masterOf(user).toString()))
                .singleElement()
                .satisfies(s -> assertThat(s.planTier() + "/" + s.status()).isEqualTo("y/cancelled"));
        assertThat(row(update)).containsEntry("status", "superseded").containsEntry("superseded_by", cancel);
        assertThat(jdbc.sql(
                                "SELECT error FROM subsync.subscription_sync_log WHERE sync_id = :id AND status = 'superseded'")
                        .param("id", update)
                        .query(String.class)
                        .list())
                .singleElement()
                .asString()
                .startsWith("superseded by " + cancel);
    }

    @Test
    void aReconciliationFindsMasterLackingAnAcceptedChangeAndSendsItAgainWhole() {
        UUID user = UUID.randomUUID();
        syncs().delivered(user, "BASIC", 1);
        UUID master = masterOf(user);
        // A gap from any cause: the MVP's settled state is premium, Master confirmed and holds basic.
        jdbc.sql("""
                UPDATE subsync.subscription_sync_state SET plan_code = 'PREMIUM', desired_revision = desired_revision + 1,
                    synced_revision = desired_revision + 1
                WHERE mvp_user_id = :u""").param("u", user).update();
        long logged = jdbc.sql("SELECT count(*) FROM subsync.subscription_sync_log WHERE mvp_user_id = :u")
                .param("u", user)
                .query(Long.class)
                .single();

        ReconciliationReport dryRun = reconcile.reconcile(Optional.of(user), true, "tests");

        assertThat(dryRun.drifted()).singleElement().satisfies(line -> {
            assertThat(line.comparison().outcome()).isEqualTo(SubscriptionComparison.Outcome.BEHIND);
            assertThat(line.comparison().summary()).isEqualTo("planTier: premium → basic");
            assertThat(line.action()).isEqualTo(DriftAction.PUSH_MVP);
        });
        assertThat(jdbc.sql("SELECT count(*) FROM subsync.subscription_sync_log WHERE mvp_user_id = :u")
                        .param("u", user)
                        .query(Long.class)
                        .single())
                .as("a dry run writes nothing")
                .isEqualTo(logged);

        ReconciliationReport repaired = reconcile.reconcile(Optional.of(user), false, "tests");
        UUID resent = repaired.drifted().get(0).syncId().orElseThrow();
        awaitDrained(Duration.ofSeconds(15));

        assertThat(row(resent)).containsEntry("operation", "sync").containsEntry("status", "delivered");
        assertThat(MASTER.subscriptionsOf(master.toString()))
                .singleElement()
                .satisfies(s -> assertThat(s.planTier()).isEqualTo("premium"));
        List<ReconciliationReport.Line> again =
                reconcile.reconcile(Optional.of(user), false, "tests").drifted();
        assertThat(again).as("in step now").isEmpty();
    }
}
