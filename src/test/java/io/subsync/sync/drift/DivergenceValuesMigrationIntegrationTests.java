package io.subsync.sync.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.support.TestDatabase;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V10 gives a webhook's divergence recorded without values (before V10, and V8's moved ones) both sides: the MVP's
 * desired value and Master's, and what Master last confirmed; on a database of its own, migrated to V9.
 */
class DivergenceValuesMigrationIntegrationTests {

    @Test
    void theMigrationFillsTheValuesOfAWebhooksDivergenceFromTheStateRowAndMastersState() {
        TestDatabase database = TestDatabase.get();
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource(database.separate("subsync_divergence_values"), database.user(), "");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        DriftStoreMigrationIntegrationTests.migrate(dataSource, "9");
        UUID user = UUID.randomUUID();
        UUID master = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO subsync.account_sync (mvp_user_id, master_user_id, sync_status, created_at, updated_at)
                        VALUES (:u, :m, 'diverged', now(), now())""").param("u", user).param("m", master).update();
        jdbc.sql("""
                        INSERT INTO subsync.service_plan_mapping (mvp_service_name, mvp_plan_code, master_service_id,
                            master_plan_tier)
                        VALUES ('bazi-consultation', 'BASIC', 'svc_bazi', 'basic'),
                               ('bazi-consultation', 'PREMIUM', 'svc_bazi', 'premium')
                        ON CONFLICT DO NOTHING""").update();
        jdbc.sql("""
                        INSERT INTO subsync.subscription_sync_state (mvp_user_id, service_name, plan_code, operation,
                            status, start_date, desired_revision, desired_at, last_sync_id, sync_status, synced_data)
                        VALUES (:u, 'bazi-consultation', 'PREMIUM', 'update', 'active', '2026-11-01T00:00:00Z', 2, now(),
                                gen_random_uuid(), 'diverged', CAST(:synced AS jsonb))""").param("u", user).param("synced", """
                        {"applied": true, "version": 1, "subscription": {"serviceId": "svc_bazi", "planTier": "basic",
                         "status": "active", "startDate": "2026-11-01T00:00:00Z", "endDate": null}}""").update();
        jdbc.sql("""
                        INSERT INTO subsync.sync_divergences (mvp_user_id, service_name, master_user_id, master_service_id,
                            differences, confirmed_data, master_data, detected_at, detected_by)
                        VALUES (:u, 'bazi-consultation', :m, 'svc_bazi',
                                '[{"field": "planCode", "confirmed": null, "master": null},
                                  {"field": "status", "confirmed": null, "master": null},
                                  {"field": "endDate", "confirmed": null, "master": null}]',
                                NULL, CAST(:masterData AS jsonb), now(), 'inbound change')""")
                .param("u", user)
                .param("m", master)
                .param("masterData", """
                        {"userId": "%s", "serviceId": "svc_bazi", "planTier": "basic", "status": "cancelled",
                         "startDate": "2026-11-01T00:00:00Z", "endDate": "2026-12-01T00:00:00Z", "version": 2}""".formatted(master))
                .update();

        DriftStoreMigrationIntegrationTests.migrate(dataSource, "10");

        Map<String, Object> row = jdbc.sql("""
                        SELECT differences::text AS differences, confirmed_data ->> 'status' AS confirmed_status,
                               confirmed_data ->> 'planTier' AS confirmed_tier
                        FROM subsync.sync_divergences WHERE mvp_user_id = :u""").param("u", user).query().singleRow();
        assertThat((String) row.get("differences"))
                .contains(
                        "{\"field\": \"planCode\", \"master\": \"BASIC\", \"confirmed\": \"PREMIUM\"}",
                        "{\"field\": \"status\", \"master\": \"cancelled\", \"confirmed\": \"active\"}",
                        "{\"field\": \"endDate\", \"master\": \"2026-12-01T00:00:00Z\", \"confirmed\": null}");
        assertThat(row).containsEntry("confirmed_status", "active").containsEntry("confirmed_tier", "basic");
    }
}
