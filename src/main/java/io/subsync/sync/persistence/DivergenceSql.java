package io.subsync.sync.persistence;

import static io.subsync.database.Columns.time;

import java.sql.Types;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The divergence of a (user, service) and its account, as the sync tables hold it. {@code sync_divergences} is its one
 * record, whoever found it (a webhook or a reconciliation); the state row carries only the status {@code diverged}.
 * Recorded when found; cleared when Master's state is taken, when an operator resolves it, or when a new MVP change
 * supersedes it; and the account's status settled from its subscriptions'. One place for these statements, whichever
 * room writes them.
 */
public final class DivergenceSql {
    /** Who found a divergence that a change from Master (a webhook) brought, as listed for an operator. */
    public static final String INBOUND_CHANGE = "inbound change";

    private DivergenceSql() {}

    /**
     * An open divergence of (user, service) as recorded. The JSON is that of {@code sync_divergences}:
     * {@code differences} an array of {@code {field, confirmed, master}}, {@code confirmedData} and {@code masterData}
     * Master's states (null when unknown).
     */
    public record Found(
            UUID mvpUserId,
            String serviceName,
            UUID masterUserId,
            String masterServiceId,
            String differences,
            String confirmedData,
            String masterData,
            String detectedBy,
            Instant detectedAt) {}

    /**
     * Records the divergence (replacing one recorded before for the pair) and marks the state row, if there is one,
     * {@code diverged} with {@code error}. The caller holds the account and state locks (the lock order) and settles
     * the account.
     */
    public static void record(JdbcClient jdbc, Found found, String error) {
        jdbc.sql("""
                        INSERT INTO subsync.sync_divergences (mvp_user_id, service_name, master_user_id, master_service_id,
                            differences, confirmed_data, master_data, detected_at, detected_by)
                        VALUES (:user, :service, :master, :serviceId, CAST(:differences AS jsonb),
                            CAST(:confirmed AS jsonb), CAST(:masterData AS jsonb), :at, :by)
                        ON CONFLICT (mvp_user_id, service_name) DO UPDATE SET master_user_id = EXCLUDED.master_user_id,
                            master_service_id = EXCLUDED.master_service_id, differences = EXCLUDED.differences,
                            confirmed_data = EXCLUDED.confirmed_data, master_data = EXCLUDED.master_data,
                            detected_at = EXCLUDED.detected_at, detected_by = EXCLUDED.detected_by""")
                .param("user", found.mvpUserId())
                .param("service", found.serviceName())
                .param("master", found.masterUserId(), Types.OTHER)
                .param("serviceId", found.masterServiceId(), Types.VARCHAR)
                .param("differences", found.differences())
                .param("confirmed", found.confirmedData(), Types.VARCHAR)
                .param("masterData", found.masterData(), Types.VARCHAR)
                .param("at", time(found.detectedAt()))
                .param("by", found.detectedBy())
                .update();
        jdbc.sql("""
                        UPDATE subsync.subscription_sync_state SET sync_status = 'diverged', last_error = :error
                        WHERE mvp_user_id = :user AND service_name = :service""")
                .param("error", error)
                .param("user", found.mvpUserId())
                .param("service", found.serviceName())
                .update();
    }

    /**
     * Clears the divergence of (user, service), leaving its sync status to what follows (a re-push or an apply).
     * True when one was recorded.
     */
    public static boolean clear(JdbcClient jdbc, UUID mvpUserId, String serviceName) {
        jdbc.sql("""
                        UPDATE subsync.subscription_sync_state
                        SET last_error = NULL,
                            sync_status = CASE WHEN sync_status = 'diverged' THEN 'pending' ELSE sync_status END
                        WHERE mvp_user_id = :user AND service_name = :service""").param("user", mvpUserId).param("service", serviceName).update();
        return forgetDrift(jdbc, mvpUserId, serviceName);
    }

    /** Master's state taken, or the divergence cleared: the divergence recorded for the pair is settled. */
    public static boolean forgetDrift(JdbcClient jdbc, UUID mvpUserId, String serviceName) {
        return jdbc.sql(
                                "DELETE FROM subsync.sync_divergences WHERE mvp_user_id = :user AND lower(service_name) = lower(:service)")
                        .param("user", mvpUserId)
                        .param("service", serviceName)
                        .update()
                > 0;
    }

    /** The account's status from its subscriptions': diverged while any is, synced once all are. */
    public static void settleAccount(JdbcClient jdbc, UUID mvpUserId, String lastError, boolean synced, Instant at) {
        jdbc.sql("""
                        UPDATE subsync.account_sync a
                        SET sync_status = CASE
                                WHEN EXISTS (SELECT 1 FROM subsync.sync_divergences d WHERE d.mvp_user_id = a.mvp_user_id)
                                    THEN 'diverged'
                                WHEN NOT EXISTS (SELECT 1 FROM subsync.subscription_sync_state s
                                                 WHERE s.mvp_user_id = a.mvp_user_id AND s.sync_status <> 'synced')
                                    THEN 'synced'
                                WHEN a.sync_status = 'diverged' THEN 'pending'
                                ELSE a.sync_status END,
                            last_error = :error,
                            last_sync_at = CASE WHEN :synced THEN CAST(:at AS timestamptz) ELSE a.last_sync_at END,
                            updated_at = :at
                        WHERE a.mvp_user_id = :user""")
                .param("error", lastError, Types.VARCHAR)
                .param("synced", synced)
                .param("at", time(at))
                .param("user", mvpUserId)
                .update();
    }
}
