package io.subsync.sync.outbound.persistence;

import static io.subsync.database.Columns.time;

import io.subsync.database.Columns;
import io.subsync.sync.DesiredState;
import io.subsync.sync.SyncOperation;
import io.subsync.sync.SyncStatus;
import io.subsync.sync.outbound.OutboxStatus;
import io.subsync.sync.outbound.SyncOperations;
import io.subsync.sync.outbound.SyncState;
import io.subsync.sync.persistence.DesiredStateJson;
import io.subsync.sync.persistence.DivergenceSql;
import io.subsync.sync.persistence.Superseding;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Desired state in {@code subscription_sync_state}, operations in {@code sync_outbox}. */
@Repository
class JdbcSyncOperations implements SyncOperations {
    private final JdbcClient jdbc;

    JdbcSyncOperations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<SyncState> lock(UUID mvpUserId, String serviceName) {
        return jdbc.sql("""
                        SELECT * FROM subsync.subscription_sync_state
                        WHERE mvp_user_id = :user AND service_name = :service FOR UPDATE""")
                .param("user", mvpUserId)
                .param("service", serviceName)
                .query(JdbcSyncOperations::state)
                .optional();
    }

    @Override
    public boolean wantsAlready(UUID mvpUserId, DesiredState desired) {
        return jdbc.sql("""
                        SELECT count(*) FROM subsync.subscription_sync_state
                        WHERE mvp_user_id = :user AND service_name = :service AND operation = :operation
                          AND plan_code = :plan AND status = :status
                          AND start_date IS NOT DISTINCT FROM :start AND end_date IS NOT DISTINCT FROM :end
                          AND COALESCE(metadata, '{}'::jsonb) = COALESCE(CAST(:metadata AS jsonb), '{}'::jsonb)""")
                        .param("user", mvpUserId)
                        .param("service", desired.serviceName())
                        .param("operation", desired.operation().code())
                        .param("plan", desired.planCode())
                        .param("status", desired.status())
                        .param("start", time(desired.startDate()))
                        .param("end", time(desired.endDate()))
                        .param("metadata", Columns.write(desired.metadata()))
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Override
    public boolean append(
            UUID syncId,
            UUID mvpUserId,
            DesiredState desired,
            long revision,
            boolean linked,
            String actor,
            String requestId,
            Instant at) {
        String upsert = revision == 1 ? """
                  INSERT INTO subsync.subscription_sync_state (mvp_user_id, service_name, plan_code, operation, status, start_date,
                      end_date, metadata, desired_revision, desired_at, last_sync_id, sync_status)
                  VALUES (:user, :service, :plan, :operation, :status, :start, :end, CAST(:metadata AS jsonb), :revision,
                      :at, :syncId, 'pending')
                  ON CONFLICT (mvp_user_id, service_name) DO NOTHING""" : """
                  UPDATE subsync.subscription_sync_state SET plan_code = :plan, operation = :operation, status = :status,
                      start_date = :start, end_date = :end, metadata = CAST(:metadata AS jsonb),
                      desired_revision = :revision, desired_at = :at, last_sync_id = :syncId, sync_status = 'pending',
                      last_error = NULL
                  WHERE mvp_user_id = :user AND service_name = :service AND desired_revision = :revision - 1""";
        int changed = jdbc.sql(upsert)
                .param("user", mvpUserId)
                .param("service", desired.serviceName())
                .param("plan", desired.planCode())
                .param("operation", desired.operation().code())
                .param("status", desired.status())
                .param("start", time(desired.startDate()))
                .param("end", time(desired.endDate()))
                .param("metadata", Columns.write(desired.metadata()))
                .param("revision", revision)
                .param("at", time(at))
                .param("syncId", syncId)
                .update();
        if (changed == 0) {
            return false;
        }
        jdbc.sql("""
                        INSERT INTO subsync.sync_outbox (id, mvp_user_id, service_name, revision, operation, payload, status,
                            next_attempt_at, actor, request_id, created_at)
                        VALUES (:syncId, :user, :service, :revision, :operation, CAST(:payload AS jsonb), :status, :at,
                            :actor, :requestId, :at)""")
                .param("syncId", syncId)
                .param("user", mvpUserId)
                .param("service", desired.serviceName())
                .param("revision", revision)
                .param("operation", desired.operation().code())
                .param("payload", DesiredStateJson.payload(desired))
                .param("status", (linked ? OutboxStatus.PENDING : OutboxStatus.WAITING).code())
                .param("at", time(at))
                .param("actor", actor)
                .param("requestId", requestId)
                .update();
        // Only the latest state needs to reach Master: undelivered older rows are superseded by this one, which then
        // goes whole.
        Superseding.undelivered(
                jdbc,
                mvpUserId,
                desired.serviceName(),
                revision,
                syncId,
                new Superseding.Cause("a newer desired state, before delivery", actor, requestId, at));
        return true;
    }

    @Override
    public Optional<OutboxStatus> status(UUID syncId) {
        return jdbc.sql("SELECT status FROM subsync.sync_outbox WHERE id = :id")
                .param("id", syncId)
                .query(String.class)
                .optional()
                .map(OutboxStatus::fromCode);
    }

    @Override
    public boolean requeue(UUID syncId, Instant at) {
        return jdbc.sql("""
                        UPDATE subsync.sync_outbox SET status = 'pending', attempts = 0, next_attempt_at = :at, last_error = NULL
                        WHERE id = :id AND status = 'failed'""").param("id", syncId).param("at", time(at)).update() > 0;
    }

    @Override
    public List<SyncState> statesOf(UUID mvpUserId) {
        return jdbc.sql("SELECT * FROM subsync.subscription_sync_state WHERE mvp_user_id = :user ORDER BY service_name")
                .param("user", mvpUserId)
                .query(JdbcSyncOperations::state)
                .list();
    }

    @Override
    public int releaseWaiting(UUID mvpUserId, Instant at) {
        return jdbc.sql(
                        "UPDATE subsync.sync_outbox SET status = 'pending', next_attempt_at = :at WHERE mvp_user_id = :user AND status = 'waiting'")
                .param("user", mvpUserId)
                .param("at", time(at))
                .update();
    }

    @Override
    public int holdUntilLinked(UUID mvpUserId) {
        return jdbc.sql(
                        "UPDATE subsync.sync_outbox SET status = 'waiting' WHERE mvp_user_id = :user AND status = 'pending'")
                .param("user", mvpUserId)
                .update();
    }

    static SyncState state(ResultSet rs, int row) throws SQLException {
        DesiredState desired = new DesiredState(
                SyncOperation.valueOf(rs.getString("operation").toUpperCase(Locale.ROOT)),
                rs.getString("service_name"),
                rs.getString("plan_code"),
                rs.getString("status"),
                Columns.instant(rs.getObject("start_date", OffsetDateTime.class)),
                Columns.instant(rs.getObject("end_date", OffsetDateTime.class)),
                Columns.map(rs.getString("metadata")));
        Long synced = rs.getObject("synced_revision", Long.class);
        return new SyncState(
                rs.getObject("mvp_user_id", UUID.class),
                desired,
                rs.getLong("desired_revision"),
                rs.getObject("last_sync_id", UUID.class),
                Optional.ofNullable(synced),
                Optional.ofNullable(Columns.instant(rs.getObject("synced_at", OffsetDateTime.class))),
                SyncStatus.fromCode(rs.getString("sync_status")),
                Optional.ofNullable(rs.getString("last_error")));
    }

    @Override
    public void settleDivergence(UUID mvpUserId, String serviceName, Instant at) {
        DivergenceSql.clear(jdbc, mvpUserId, serviceName);
        DivergenceSql.settleAccount(jdbc, mvpUserId, null, false, at);
    }
}
