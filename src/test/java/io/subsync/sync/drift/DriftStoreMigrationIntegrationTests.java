package io.subsync.sync.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.support.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V8 moves every open divergence into {@code sync_divergences}: on a database of its own, migrated to V7, rows in the
 * old shape (a webhook's divergence on the state row only, a reconciliation's in both places, one only Master holds)
 * are migrated on, and each is one row of the single store, the reconciliation's values kept.
 */
class DriftStoreMigrationIntegrationTests {
    private static final String ONE_STORE = "8";

    @Test
    void theMigrationKeepsEveryOpenDivergenceOfBothKindsInTheOneStore() {
        TestDatabase database = TestDatabase.get();
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource(database.separate("subsync_divergence_migration"), database.user(), "");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        migrate(dataSource, "7");
        UUID byWebhook = UUID.randomUUID();
        UUID byReconciliation = UUID.randomUUID();
        UUID failedWhileDiverged = UUID.randomUUID();
        UUID masterOnly = UUID.randomUUID();
        UUID inStep = UUID.randomUUID();
        for (UUID user : List.of(byWebhook, byReconciliation, failedWhileDiverged, masterOnly, inStep)) {
            jdbc.sql("""
                            INSERT INTO subsync.account_sync (mvp_user_id, master_user_id, sync_status, created_at, updated_at)
                            VALUES (:u, :m, 'diverged', now(), now())""").param("u", user).param("m", UUID.randomUUID()).update();
        }
        UUID webhookMaster = UUID.randomUUID();
        state(jdbc, byWebhook, "diverged", "[\"planCode\", \"status\"]", """
                {"userId": "%s", "serviceId": "svc_bazi", "planTier": "basic", "status": "cancelled",
                 "startDate": null, "endDate": null, "version": 3}""".formatted(webhookMaster));
        state(jdbc, byReconciliation, "diverged", "[\"status\"]", null);
        state(jdbc, failedWhileDiverged, "failed", "[\"endDate\"]", null);
        state(jdbc, inStep, "synced", null, null);
        jdbc.sql("""
                        INSERT INTO subsync.sync_divergences (mvp_user_id, service_name, master_user_id, master_service_id,
                            differences, confirmed_data, master_data, detected_at, detected_by)
                        VALUES (:r, 'bazi-consultation', :m, 'svc_bazi',
                                '[{"field": "status", "confirmed": "active", "master": "cancelled"}]',
                                '{"status": "active"}', '{"status": "cancelled"}', now(), 'reconcile'),
                               (:o, 'pawnshop', :m, 'svc_pawnshop',
                                '[{"field": "subscription", "confirmed": "absent", "master": "present"}]',
                                NULL, '{"status": "active"}', now(), 'reconcile')""")
                .param("r", byReconciliation)
                .param("o", masterOnly)
                .param("m", UUID.randomUUID())
                .update();

        migrate(dataSource, ONE_STORE);

        List<Map<String, Object>> divergences = jdbc.sql("""
                        SELECT mvp_user_id, service_name, master_user_id, master_service_id, differences::text AS differences,
                               master_data ->> 'status' AS master_status, detected_at IS NOT NULL AS dated, detected_by
                        FROM subsync.sync_divergences ORDER BY service_name, detected_by""").query().listOfRows();
        assertThat(divergences)
                .extracting(row -> row.get("mvp_user_id"))
                .containsExactlyInAnyOrder(byWebhook, byReconciliation, failedWhileDiverged, masterOnly);
        Map<String, Object> webhook = of(divergences, byWebhook);
        assertThat(webhook)
                .containsEntry("service_name", "bazi-consultation")
                .containsEntry("master_user_id", webhookMaster)
                .containsEntry("master_service_id", "svc_bazi")
                .containsEntry("master_status", "cancelled")
                .containsEntry("dated", true)
                .containsEntry("detected_by", "inbound change");
        assertThat((String) webhook.get("differences")).contains("\"planCode\"", "\"status\"");
        assertThat((String) of(divergences, byReconciliation).get("differences"))
                .as("the reconciliation's values kept")
                .contains("\"confirmed\": \"active\"", "\"master\": \"cancelled\"");
        assertThat(of(divergences, byReconciliation)).containsEntry("detected_by", "reconcile");
        assertThat((String) of(divergences, failedWhileDiverged).get("differences"))
                .contains("\"endDate\"");
        assertThat(of(divergences, masterOnly)).containsEntry("service_name", "pawnshop");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM information_schema.columns
                        WHERE table_schema = 'subsync' AND table_name = 'subscription_sync_state'
                          AND column_name = 'diverged_fields'""").query(Long.class).single())
                .as("the state row no longer holds fields")
                .isZero();
    }

    static void migrate(DriverManagerDataSource dataSource, String target) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas("subsync")
                .defaultSchema("subsync")
                .createSchemas(true)
                .target(target)
                .load()
                .migrate();
    }

    private static void state(JdbcClient jdbc, UUID user, String syncStatus, String divergedFields, String masterData) {
        jdbc.sql("""
                        INSERT INTO subsync.subscription_sync_state (mvp_user_id, service_name, plan_code, operation,
                            status, desired_revision, desired_at, last_sync_id, sync_status, master_data, master_seen_at,
                            diverged_fields)
                        VALUES (:u, 'bazi-consultation', 'PREMIUM', 'update', 'active', 2, now(), :sync, :syncStatus,
                                CAST(:masterData AS jsonb), now(), CAST(:fields AS jsonb))""")
                .param("u", user)
                .param("sync", UUID.randomUUID())
                .param("syncStatus", syncStatus)
                .param("masterData", masterData, java.sql.Types.VARCHAR)
                .param("fields", divergedFields, java.sql.Types.VARCHAR)
                .update();
    }

    private static Map<String, Object> of(List<Map<String, Object>> rows, UUID user) {
        return rows.stream()
                .filter(row -> user.equals(row.get("mvp_user_id")))
                .findFirst()
                .orElseThrow();
    }
}
