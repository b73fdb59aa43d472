package io.subsync.sync.inbound.persistence;

import static io.subsync.database.Columns.time;

import io.subsync.access.Provenance;
import io.subsync.audit.AuditEntry;
import io.subsync.database.Columns;
import io.subsync.sync.FieldDifference;
import io.subsync.sync.MasterSubscriptionState;
import io.subsync.sync.PlanMapping;
import io.subsync.sync.SyncOperation;
import io.subsync.sync.inbound.MasterStates;
import io.subsync.sync.persistence.DivergenceSql;
import io.subsync.sync.persistence.MasterStateJson;
import io.subsync.sync.persistence.Superseding;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Master's side of {@code subscription_sync_state} and {@code account_sync}, its divergences (through
 * {@link DivergenceSql}), and audit rows from Master.
 */
@Repository
class JdbcMasterStates implements MasterStates {
    private final JdbcClient jdbc;

    JdbcMasterStates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<UUID> linkedUser(UUID masterUserId) {
        return jdbc.sql("SELECT mvp_user_id FROM subsync.account_sync WHERE master_user_id = :master")
                .param("master", masterUserId)
                .query(UUID.class)
                .optional();
    }

    @Override
    public Optional<UUID> lockLinkedUser(UUID masterUserId) {
        return jdbc.sql("SELECT mvp_user_id FROM subsync.account_sync WHERE master_user_id = :master FOR UPDATE")
                .param("master", masterUserId)
                .query(UUID.class)
                .optional();
    }

    @Override
    public Optional<Known> known(UUID mvpUserId, String serviceName) {
        return jdbc.sql("""
                        SELECT s.master_version, s.master_data, d.differences FROM subsync.subscription_sync_state s
                        LEFT JOIN subsync.sync_divergences d ON d.mvp_user_id = s.mvp_user_id
                                                    AND lower(d.service_name) = lower(s.service_name)
                        WHERE s.mvp_user_id = :user AND s.service_name = :service""")
                .param("user", mvpUserId)
                .param("service", serviceName)
                .query((rs, row) -> new Known(
                        Optional.ofNullable(rs.getObject("master_version", Long.class)),
                        MasterSubscriptionState.fromSnapshot(Columns.map(rs.getString("master_data"))),
                        MasterStateJson.differences(rs.getString("differences")).stream()
                                .map(FieldDifference::field)
                                .toList()))
                .optional();
    }

    @Override
    public boolean hasOpenOperations(UUID mvpUserId, String serviceName) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM subsync.sync_outbox
                                       WHERE mvp_user_id = :user AND service_name = :service
                                         AND status IN ('waiting', 'pending', 'delivering'))""")
                .param("user", mvpUserId)
                .param("service", serviceName)
                .query(Boolean.class)
                .single();
    }

    @Override
    public void apply(
            UUID mvpUserId,
            String serviceName,
            String planCode,
            SyncOperation operation,
            MasterSubscriptionState master,
            UUID changeId,
            Instant at) {
        // In an UPDATE every right-hand side reads the old row: both revisions become the old desired one + 1.
        jdbc.sql("""
                        INSERT INTO subsync.subscription_sync_state (mvp_user_id, service_name, plan_code, operation, status,
                            start_date, end_date, desired_revision, desired_at, last_sync_id, synced_revision, synced_at,
                            synced_data, sync_status, master_version, master_data, master_seen_at)
                        VALUES (:user, :service, :plan, :operation, :status, :start, :end, 1, :at, :changeId, 1, :at,
                            CAST(:data AS jsonb), 'synced', :version, CAST(:data AS jsonb), :at)
                        ON CONFLICT (mvp_user_id, service_name) DO UPDATE
                        SET plan_code = EXCLUDED.plan_code, operation = EXCLUDED.operation, status = EXCLUDED.status,
                            start_date = EXCLUDED.start_date, end_date = EXCLUDED.end_date,
                            desired_revision = subscription_sync_state.desired_revision + 1, desired_at = EXCLUDED.desired_at,
                            last_sync_id = EXCLUDED.last_sync_id,
                            synced_revision = subscription_sync_state.desired_revision + 1, synced_at = EXCLUDED.synced_at,
                            synced_data = EXCLUDED.synced_data, sync_status = 'synced', last_error = NULL,
                            master_version = GREATEST(subscription_sync_state.master_version, EXCLUDED.master_version),
                            master_data = EXCLUDED.master_data, master_seen_at = EXCLUDED.master_seen_at""")
                .param("user", mvpUserId)
                .param("service", serviceName)
                .param("plan", planCode)
                .param("operation", operation.code())
                .param("status", master.status())
                .param("start", time(master.startDate()))
                .param("end", time(master.endDate()))
                .param("at", time(at))
                .param("changeId", changeId)
                .param("data", Columns.write(master.snapshot()))
                .param("version", master.version())
                .update();
        DivergenceSql.forgetDrift(jdbc, mvpUserId, serviceName);
    }

    @Override
    public void note(UUID mvpUserId, String serviceName, MasterSubscriptionState master, Instant at) {
        jdbc.sql("""
                        UPDATE subsync.subscription_sync_state
                        SET master_version = GREATEST(master_version, :version), master_data = CAST(:data AS jsonb),
                            master_seen_at = :at
                        WHERE mvp_user_id = :user AND service_name = :service""")
                .param("version", master.version())
                .param("data", Columns.write(master.snapshot()))
                .param("at", time(at))
                .param("user", mvpUserId)
                .param("service", serviceName)
                .update();
    }

    @Override
    public void markDiverged(
            UUID mvpUserId,
            String serviceName,
            MasterSubscriptionState master,
            List<FieldDifference> differences,
            String error,
            Instant at) {
        note(mvpUserId, serviceName, master, at);
        // What Master last confirmed of the pair, as a reconciliation's divergence carries it.
        Optional<MasterSubscriptionState> confirmed = jdbc.sql("""
                        SELECT synced_data FROM subsync.subscription_sync_state
                        WHERE mvp_user_id = :user AND service_name = :service""")
                .param("user", mvpUserId)
                .param("service", serviceName)
                .query((rs, row) -> MasterStateJson.confirmed(master.masterUserId(), rs.getString("synced_data")))
                .optional()
                .flatMap(state -> state);
        DivergenceSql.record(
                jdbc,
                new DivergenceSql.Found(
                        mvpUserId,
                        serviceName,
                        master.masterUserId(),
                        master.serviceId(),
                        MasterStateJson.differences(differences),
                        Columns.write(confirmed.map(MasterStateJson::map).orElse(null)),
                        Columns.write(master.snapshot()),
                        DivergenceSql.INBOUND_CHANGE,
                        at),
                error);
    }

    @Override
    public int holdUndelivered(UUID mvpUserId, String serviceName) {
        return jdbc.sql("""
                        UPDATE subsync.sync_outbox SET status = 'waiting', lease_owner = NULL,
                            last_error = 'held: diverged from Master, waiting for a resolve'
                        WHERE mvp_user_id = :user AND service_name = :service AND status = 'pending'""")
                .param("user", mvpUserId)
                .param("service", serviceName)
                .update();
    }

    @Override
    public void clearDivergence(UUID mvpUserId, String serviceName) {
        DivergenceSql.clear(jdbc, mvpUserId, serviceName);
    }

    @Override
    public int supersedeUndelivered(
            UUID mvpUserId, String serviceName, UUID by, String actor, String requestId, Instant at) {
        // Every undelivered row, whatever its revision: Master's state replaces them all.
        return Superseding.undelivered(
                jdbc,
                mvpUserId,
                serviceName,
                Long.MAX_VALUE,
                by,
                new Superseding.Cause("Master's state (that change) was taken, before delivery", actor, requestId, at));
    }

    @Override
    public void settleAccount(UUID mvpUserId, String lastError, boolean synced, Instant at) {
        DivergenceSql.settleAccount(jdbc, mvpUserId, lastError, synced, at);
    }

    @Override
    public List<PlanMapping> mappingsOf(String serviceId, String planTier) {
        return jdbc.sql("""
                        SELECT * FROM subsync.service_plan_mapping
                        WHERE lower(master_service_id) = lower(:service) AND lower(master_plan_tier) = lower(:tier)
                        ORDER BY lower(mvp_service_name), lower(mvp_plan_code)""")
                .param("service", serviceId)
                .param("tier", planTier)
                .query((rs, row) -> new PlanMapping(
                        rs.getString("mvp_service_name"),
                        rs.getString("mvp_plan_code"),
                        rs.getString("master_service_id"),
                        rs.getString("master_plan_tier"),
                        Columns.list(rs.getString("features"))))
                .list();
    }

    @Override
    public List<String> servicesMappedTo(String serviceId) {
        return jdbc.sql("""
                        SELECT DISTINCT mvp_service_name FROM subsync.service_plan_mapping
                        WHERE lower(master_service_id) = lower(:service) ORDER BY mvp_service_name""").param("service", serviceId).query(String.class).list();
    }

    @Override
    public List<String> servicesOf(UUID mvpUserId) {
        return jdbc.sql(
                        "SELECT service_name FROM subsync.subscription_sync_state WHERE mvp_user_id = :user ORDER BY service_name")
                .param("user", mvpUserId)
                .query(String.class)
                .list();
    }

    @Override
    public void log(AuditEntry entry, Provenance by, Instant at) {
        jdbc.sql("""
                        INSERT INTO subsync.subscription_sync_log (sync_id, mvp_user_id, master_user_id, service_name, operation,
                            source, status, mvp_data, master_data, error, actor, request_id, created_at)
                        VALUES (:syncId, :user, :master, :service, :operation, 'master', :status, CAST(:mvpData AS jsonb),
                            CAST(:masterData AS jsonb), :error, :actor, :requestId, :at)""")
                .param("syncId", entry.syncId().orElse(null), Types.OTHER)
                .param("user", entry.mvpUserId().orElse(null), Types.OTHER)
                .param("master", entry.masterUserId().orElse(null), Types.OTHER)
                .param("service", entry.serviceName().orElse(null), Types.VARCHAR)
                .param("operation", entry.operation().code())
                .param("status", entry.status().code())
                .param("mvpData", Columns.write(entry.mvpData().orElse(null)), Types.VARCHAR)
                .param("masterData", Columns.write(entry.masterData().orElse(null)), Types.VARCHAR)
                .param("error", entry.error().orElse(null), Types.VARCHAR)
                .param("actor", by.actor())
                .param("requestId", by.requestId(), Types.VARCHAR)
                .param("at", time(at))
                .update();
    }
}
