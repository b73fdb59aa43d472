package io.subsync.sync.outbound.persistence;

import static io.subsync.database.Columns.time;

import io.subsync.database.Columns;
import io.subsync.database.SqlResource;
import io.subsync.sync.PlanMapping;
import io.subsync.sync.SyncOperation;
import io.subsync.sync.outbound.domain.ClaimedDelivery;
import io.subsync.sync.outbound.domain.Outbox;
import io.subsync.sync.persistence.DesiredStateJson;
import io.subsync.sync.persistence.Superseding;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox's delivery side. A confirmation notes the version of the subscription in Master's answer
 * ({@code {"version": n, …}}), so that a webhook about an older version, arriving late, is recognised as stale; it
 * leaves a diverged subscription diverged. Claims take rows with {@code FOR UPDATE SKIP LOCKED} under a lease; every result is
 * written only while the worker still holds the lease ({@code lease_owner} and {@code attempts} fence it), and
 * writes its audit row in the same transaction.
 */
@Repository
class JdbcOutbox implements Outbox {
    private static final String CLAIM = SqlResource.load("sql/sync/claim.sql");
    private final JdbcClient jdbc;

    JdbcOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ClaimedDelivery> claim(String worker, int limit, Instant now, Instant leaseUntil) {
        return jdbc.sql(CLAIM.replace("{filter}", ""))
                .param("now", time(now))
                .param("limit", limit)
                .param("worker", worker)
                .param("leaseUntil", time(leaseUntil))
                .query(JdbcOutbox::claimed)
                .list();
    }

    @Override
    public Optional<ClaimedDelivery> claim(UUID syncId, String worker, Instant now, Instant leaseUntil) {
        return jdbc.sql(CLAIM.replace("{filter}", "AND o.id = :id"))
                .param("id", syncId)
                .param("now", time(now))
                .param("limit", 1)
                .param("worker", worker)
                .param("leaseUntil", time(leaseUntil))
                .query(JdbcOutbox::claimed)
                .optional();
    }

    /**
     * Takes the row locks in the order every writer uses (account, then state, then outbox), so a delivery's
     * result and a new request for the same user never deadlock.
     */
    private void lockInOrder(ClaimedDelivery delivery, boolean account) {
        if (account) {
            jdbc.sql("SELECT 1 FROM subsync.account_sync WHERE mvp_user_id = :user FOR UPDATE")
                    .param("user", delivery.mvpUserId())
                    .query()
                    .listOfRows();
        }
        jdbc.sql(
                        "SELECT 1 FROM subsync.subscription_sync_state WHERE mvp_user_id = :user AND service_name = :service FOR UPDATE")
                .param("user", delivery.mvpUserId())
                .param("service", delivery.serviceName())
                .query()
                .listOfRows();
    }

    @Override
    public boolean confirmed(ClaimedDelivery delivery, String worker, String masterData, Instant at) {
        lockInOrder(delivery, true);
        boolean held = jdbc.sql("""
                        UPDATE subsync.sync_outbox SET status = 'delivered', delivered_at = :at, lease_owner = NULL,
                            lease_until = NULL, last_error = NULL
                        WHERE id = :id AND status = 'delivering' AND lease_owner = :worker AND attempts = :attempt""")
                        .param("id", delivery.syncId())
                        .param("at", time(at))
                        .param("worker", worker)
                        .param("attempt", delivery.attempt())
                        .update()
                > 0;
        if (held) {
            jdbc.sql("""
                            UPDATE subsync.subscription_sync_state
                            SET synced_revision = :revision, synced_at = :at, synced_data = CAST(:data AS jsonb),
                                master_version = GREATEST(master_version, CASE WHEN jsonb_typeof(CAST(:data AS jsonb) -> 'version') = 'number'
                                    THEN (CAST(:data AS jsonb) ->> 'version')::numeric::bigint END),
                                sync_status = CASE WHEN sync_status = 'diverged' THEN sync_status
                                                   WHEN desired_revision = :revision THEN 'synced' ELSE sync_status END,
                                last_error = CASE WHEN sync_status = 'diverged' THEN last_error
                                                  WHEN desired_revision = :revision THEN NULL ELSE last_error END
                            WHERE mvp_user_id = :user AND service_name = :service
                              AND (synced_revision IS NULL OR synced_revision < :revision)""")
                    .param("revision", delivery.revision())
                    .param("at", time(at))
                    .param("data", masterData)
                    .param("user", delivery.mvpUserId())
                    .param("service", delivery.serviceName())
                    .update();
            // Synced once everything of the user's is delivered (e.g. the whole re-push after a link): nothing is left
            // to send and nothing has failed.
            jdbc.sql("""
                            UPDATE subsync.account_sync a SET last_sync_at = :at, last_error = NULL, updated_at = :at,
                                sync_status = CASE WHEN a.sync_status = 'diverged' THEN 'diverged'
                                                   WHEN EXISTS (SELECT 1 FROM subsync.sync_outbox o WHERE o.mvp_user_id = a.mvp_user_id
                                                                AND o.status IN ('waiting', 'pending', 'delivering', 'failed'))
                                                   THEN a.sync_status ELSE 'synced' END
                            WHERE a.mvp_user_id = :user""")
                    .param("at", time(at))
                    .param("user", delivery.mvpUserId())
                    .update();
        }
        log(
                delivery,
                "success",
                masterData,
                held
                        ? null
                        : "confirmed by Master after this worker's lease had expired; another worker had taken the operation over",
                worker,
                at);
        return held;
    }

    @Override
    public Set<UUID> confirmedAll(List<Confirmation> confirmations, String worker, Instant at) {
        return BatchConfirmation.confirm(jdbc, confirmations, worker, at);
    }

    @Override
    public boolean retryLater(ClaimedDelivery delivery, String worker, String error, Instant next, Instant at) {
        lockInOrder(delivery, false);
        boolean superseded = Superseding.inFlight(
                jdbc,
                delivery.syncId(),
                worker,
                delivery.attempt(),
                new Superseding.Cause(
                        "its attempt failed (" + error + ") while a newer desired state waited",
                        "worker:" + worker,
                        null,
                        at));
        boolean held = superseded
                || jdbc.sql("""
                        UPDATE subsync.sync_outbox o
                        SET status = CASE WHEN NOT EXISTS (SELECT 1 FROM subsync.account_sync a WHERE a.mvp_user_id = o.mvp_user_id
                                                           AND a.master_user_id IS NOT NULL)
                                          -- Unlinked while in flight: it waits for the next link.
                                          THEN 'waiting' ELSE 'pending' END,
                            next_attempt_at = :next, lease_owner = NULL, lease_until = NULL, last_error = :error
                        WHERE id = :id AND status = 'delivering' AND lease_owner = :worker AND attempts = :attempt""")
                                .param("id", delivery.syncId())
                                .param("next", time(next))
                                .param("error", error)
                                .param("worker", worker)
                                .param("attempt", delivery.attempt())
                                .update()
                        > 0;
        if (held) {
            jdbc.sql(
                            "UPDATE subsync.subscription_sync_state SET last_error = :error WHERE mvp_user_id = :user AND service_name = :service")
                    .param("error", error)
                    .param("user", delivery.mvpUserId())
                    .param("service", delivery.serviceName())
                    .update();
        }
        log(
                delivery,
                "failed",
                null,
                error + (superseded ? "; a newer desired state carries it on" : "; next attempt at " + next),
                worker,
                at);
        return held;
    }

    @Override
    public boolean failed(ClaimedDelivery delivery, String worker, String error, Instant at) {
        lockInOrder(delivery, true);
        boolean held = jdbc.sql("""
                        UPDATE subsync.sync_outbox SET status = 'failed', lease_owner = NULL, lease_until = NULL, last_error = :error
                        WHERE id = :id AND status = 'delivering' AND lease_owner = :worker AND attempts = :attempt""")
                        .param("id", delivery.syncId())
                        .param("error", error)
                        .param("worker", worker)
                        .param("attempt", delivery.attempt())
                        .update()
                > 0;
        if (held) {
            jdbc.sql("""
                            UPDATE subsync.subscription_sync_state SET sync_status = 'failed', last_error = :error
                            WHERE mvp_user_id = :user AND service_name = :service AND desired_revision = :revision""")
                    .param("error", error)
                    .param("user", delivery.mvpUserId())
                    .param("service", delivery.serviceName())
                    .param("revision", delivery.revision())
                    .update();
            jdbc.sql(
                            "UPDATE subsync.account_sync SET sync_status = 'failed', last_error = :error, updated_at = :at WHERE mvp_user_id = :user")
                    .param("error", error)
                    .param("at", time(at))
                    .param("user", delivery.mvpUserId())
                    .update();
        }
        log(delivery, "failed", null, error + "; no attempt left, the operation has failed", worker, at);
        return held;
    }

    @Override
    public List<UUID> retryFailed(Optional<UUID> syncId, Optional<UUID> mvpUserId, String actor, Instant at) {
        Superseding.failedBehindNewer(
                jdbc,
                syncId.isPresent() ? Optional.empty() : mvpUserId,
                new Superseding.Cause(
                        "failed, and a newer desired state exists when a retry was asked", actor, null, at));
        return jdbc.sql("""
                        UPDATE subsync.sync_outbox SET status = 'pending', attempts = 0, next_attempt_at = :at, last_error = NULL
                        WHERE status = 'failed'
                          AND (CAST(:syncId AS uuid) IS NULL OR id = CAST(:syncId AS uuid))
                          AND (CAST(:user AS uuid) IS NULL OR mvp_user_id = CAST(:user AS uuid))
                        RETURNING id""")
                .param("at", time(at))
                .param("syncId", syncId.orElse(null), Types.OTHER)
                .param("user", mvpUserId.orElse(null), Types.OTHER)
                .query(UUID.class)
                .list();
    }

    private void log(
            ClaimedDelivery delivery, String status, String masterData, String error, String worker, Instant at) {
        jdbc.sql("""
                        INSERT INTO subsync.subscription_sync_log (sync_id, mvp_user_id, master_user_id, service_name, operation,
                            source, status, mvp_data, master_data, error, attempt, actor, created_at)
                        VALUES (:syncId, :user, :master, :service, :operation, 'mvp', :status, CAST(:mvpData AS jsonb),
                            CAST(:masterData AS jsonb), :error, :attempt, :actor, :at)""")
                .param("syncId", delivery.syncId())
                .param("user", delivery.mvpUserId())
                .param("master", delivery.masterUserId().orElse(null), Types.OTHER)
                .param("service", delivery.serviceName())
                .param("operation", delivery.operation().code())
                .param("status", status)
                .param("mvpData", DesiredStateJson.payload(delivery.state()))
                .param("masterData", masterData)
                .param("error", error)
                .param("attempt", delivery.attempt())
                .param("actor", "worker:" + worker)
                .param("at", time(at))
                .update();
    }

    private static ClaimedDelivery claimed(ResultSet rs, int row) throws SQLException {
        Optional<PlanMapping> mapping = rs.getString("master_service_id") == null
                ? Optional.empty()
                : Optional.of(new PlanMapping(
                        rs.getString("mvp_service_name"),
                        rs.getString("mvp_plan_code"),
                        rs.getString("master_service_id"),
                        rs.getString("master_plan_tier"),
                        Columns.list(rs.getString("features"))));
        return new ClaimedDelivery(
                rs.getObject("id", UUID.class),
                rs.getInt("attempts"),
                rs.getObject("mvp_user_id", UUID.class),
                Optional.ofNullable(rs.getObject("master_user_id", UUID.class)),
                rs.getString("service_name"),
                rs.getLong("revision"),
                SyncOperation.valueOf(rs.getString("operation").toUpperCase(Locale.ROOT)),
                DesiredStateJson.state(rs.getString("payload")),
                mapping,
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
