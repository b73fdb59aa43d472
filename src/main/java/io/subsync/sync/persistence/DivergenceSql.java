package io.subsync.sync.persistence;

import static io.subsync.database.Columns.time;

import java.sql.Types;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The divergence of a (user, service) and its account, as the sync tables hold it: cleared when Master's state is
 * taken, when an operator resolves it, or when a new MVP change supersedes it; and the account's status settled from
 * its subscriptions'. One place for these statements, whichever room writes them.
 */
public final class DivergenceSql {
    private DivergenceSql() {
    }

    /** Clears the divergence of (user, service), leaving its sync status to what follows (a re-push or an apply). */
    public static void clear(JdbcClient jdbc, UUID mvpUserId, String serviceName) {
        jdbc.sql("""
                        UPDATE subscription_sync_state
                        SET diverged_fields = NULL, last_error = NULL,
                            sync_status = CASE WHEN sync_status = 'diverged' THEN 'pending' ELSE sync_status END
                        WHERE mvp_user_id = :user AND service_name = :service""")
                .param("user", mvpUserId).param("service", serviceName)
                .update();
        forgetDrift(jdbc, mvpUserId, serviceName);
    }

    /** Master's state taken, or the divergence cleared: a drift a reconciliation recorded for the pair is settled. */
    public static void forgetDrift(JdbcClient jdbc, UUID mvpUserId, String serviceName) {
        jdbc.sql("DELETE FROM sync_divergences WHERE mvp_user_id = :user AND lower(service_name) = lower(:service)")
                .param("user", mvpUserId).param("service", serviceName).update();
    }

    /** The account's status from its subscriptions': diverged while any is, synced once all are. */
    public static void settleAccount(JdbcClient jdbc, UUID mvpUserId, String lastError, boolean synced, Instant at) {
        jdbc.sql("""
                        UPDATE account_sync a
                        SET sync_status = CASE
                                WHEN EXISTS (SELECT 1 FROM subscription_sync_state s
                                             WHERE s.mvp_user_id = a.mvp_user_id AND s.sync_status = 'diverged')
                                  OR EXISTS (SELECT 1 FROM sync_divergences d WHERE d.mvp_user_id = a.mvp_user_id)
                                    THEN 'diverged'
                                WHEN NOT EXISTS (SELECT 1 FROM subscription_sync_state s
                                                 WHERE s.mvp_user_id = a.mvp_user_id AND s.sync_status <> 'synced')
                                    THEN 'synced'
                                WHEN a.sync_status = 'diverged' THEN 'pending'
                                ELSE a.sync_status END,
                            last_error = :error,
                            last_sync_at = CASE WHEN :synced THEN CAST(:at AS timestamptz) ELSE a.last_sync_at END,
                            updated_at = :at
                        WHERE a.mvp_user_id = :user""")
                .param("error", lastError, Types.VARCHAR).param("synced", synced).param("at", time(at))
                .param("user", mvpUserId)
                .update();
    }
}
