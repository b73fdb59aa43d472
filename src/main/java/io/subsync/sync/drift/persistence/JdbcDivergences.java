package io.subsync.sync.drift.persistence;

import static io.subsync.database.Columns.time;

import io.subsync.database.Columns;
import io.subsync.sync.MasterSubscriptionState;
import io.subsync.sync.SyncStatus;
import io.subsync.sync.drift.domain.Divergence;
import io.subsync.sync.drift.domain.Divergences;
import io.subsync.sync.drift.domain.SubscriptionComparison;
import io.subsync.sync.drift.domain.TrackedSubscription;
import io.subsync.sync.persistence.DivergenceSql;
import io.subsync.sync.persistence.MasterStateJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reconciliation's reads of {@code subscription_sync_state}, and the divergences in {@code sync_divergences}: the one
 * record of every open divergence, a reconciliation's or a webhook's, written through {@link DivergenceSql}.
 */
@Repository
class JdbcDivergences implements Divergences {
    private final JdbcClient jdbc;

    JdbcDivergences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<TrackedSubscription> tracked(UUID mvpUserId) {
        UUID master = jdbc.sql("SELECT master_user_id FROM subsync.account_sync WHERE mvp_user_id = :user")
                .param("user", mvpUserId)
                .query(UUID.class)
                .optional()
                .orElse(null);
        return jdbc.sql("""
                        SELECT s.service_name, s.status, s.start_date, s.end_date, s.synced_data, s.sync_status,
                               m.master_service_id, m.master_plan_tier,
                               EXISTS (SELECT 1 FROM subsync.sync_outbox o WHERE o.mvp_user_id = s.mvp_user_id
                                         AND o.service_name = s.service_name AND o.status = 'delivering') AS in_flight,
                               EXISTS (SELECT 1 FROM subsync.sync_outbox o WHERE o.mvp_user_id = s.mvp_user_id
                                         AND o.service_name = s.service_name AND o.status IN ('waiting', 'pending')) AS undelivered,
                               EXISTS (SELECT 1 FROM subsync.sync_divergences d WHERE d.mvp_user_id = s.mvp_user_id
                                         AND d.service_name = s.service_name) AS divergence
                        FROM subsync.subscription_sync_state s
                        LEFT JOIN subsync.service_plan_mapping m ON lower(m.mvp_service_name) = lower(s.service_name)
                                                         AND lower(m.mvp_plan_code) = lower(s.plan_code)
                        WHERE s.mvp_user_id = :user
                        ORDER BY s.service_name""")
                .param("user", mvpUserId)
                .query((rs, row) -> tracked(master, rs))
                .list();
    }

    private static TrackedSubscription tracked(UUID master, ResultSet rs) throws SQLException {
        Optional<String> serviceId = Optional.ofNullable(rs.getString("master_service_id"));
        Optional<MasterSubscriptionState> desired =
                serviceId.isPresent() && master != null && rs.getString("master_plan_tier") != null
                        ? Optional.of(new MasterSubscriptionState(
                                master,
                                serviceId.get(),
                                rs.getString("master_plan_tier"),
                                rs.getString("status"),
                                Columns.instant(rs.getObject("start_date", OffsetDateTime.class)),
                                Columns.instant(rs.getObject("end_date", OffsetDateTime.class)),
                                0))
                        : Optional.empty();
        return new TrackedSubscription(
                rs.getString("service_name"),
                serviceId,
                MasterStateJson.confirmed(master, rs.getString("synced_data")),
                desired,
                rs.getBoolean("undelivered"),
                rs.getBoolean("in_flight"),
                rs.getBoolean("divergence") ? SyncStatus.DIVERGED : SyncStatus.fromCode(rs.getString("sync_status")));
    }

    @Override
    public Set<String> divergedServices(UUID mvpUserId) {
        return new HashSet<>(jdbc.sql("SELECT service_name FROM subsync.sync_divergences WHERE mvp_user_id = :user")
                .param("user", mvpUserId)
                .query(String.class)
                .list());
    }

    @Override
    public Optional<String> serviceNameOf(String masterServiceId) {
        return jdbc.sql("""
                        SELECT mvp_service_name FROM subsync.service_plan_mapping WHERE master_service_id = :id
                        ORDER BY mvp_service_name LIMIT 1""").param("id", masterServiceId).query(String.class).optional();
    }

    @Override
    public void markDiverged(
            UUID mvpUserId, UUID masterUserId, SubscriptionComparison comparison, String actor, Instant at) {
        // The lock order of every writer: account, then state.
        jdbc.sql("SELECT 1 FROM subsync.account_sync WHERE mvp_user_id = :user FOR UPDATE")
                .param("user", mvpUserId)
                .query()
                .listOfRows();
        jdbc.sql(
                        "SELECT 1 FROM subsync.subscription_sync_state WHERE mvp_user_id = :user AND service_name = :service FOR UPDATE")
                .param("user", mvpUserId)
                .param("service", comparison.serviceName())
                .query()
                .listOfRows();
        DivergenceSql.record(
                jdbc,
                new DivergenceSql.Found(
                        mvpUserId,
                        comparison.serviceName(),
                        masterUserId,
                        comparison.serviceId(),
                        MasterStateJson.differences(comparison.differences()),
                        Columns.write(
                                comparison.confirmed().map(MasterStateJson::map).orElse(null)),
                        Columns.write(
                                comparison.master().map(MasterStateJson::map).orElse(null)),
                        actor,
                        at),
                "diverged from Master: " + comparison.summary());
        jdbc.sql("UPDATE subsync.account_sync SET sync_status = 'diverged', updated_at = :at WHERE mvp_user_id = :user")
                .param("at", time(at))
                .param("user", mvpUserId)
                .update();
        logDrift(mvpUserId, masterUserId, comparison, "marked diverged, waiting for an operator", actor, at);
    }

    @Override
    public void logDrift(
            UUID mvpUserId,
            UUID masterUserId,
            SubscriptionComparison comparison,
            String note,
            String actor,
            Instant at) {
        Map<String, Object> masterData = new LinkedHashMap<>();
        masterData.put(
                "subscription", comparison.master().map(MasterStateJson::map).orElse(null));
        masterData.put(
                "differences",
                Columns.JSON.readValue(MasterStateJson.differences(comparison.differences()), List.class));
        jdbc.sql("""
                        INSERT INTO subsync.subscription_sync_log (mvp_user_id, master_user_id, service_name, operation, source,
                            status, mvp_data, master_data, error, actor, created_at)
                        VALUES (:user, :master, :service, 'sync', 'master', 'diverged', CAST(:confirmed AS jsonb),
                            CAST(:masterData AS jsonb), :error, :actor, :at)""")
                .param("user", mvpUserId)
                .param("master", masterUserId, Types.OTHER)
                .param("service", comparison.serviceName())
                .param(
                        "confirmed",
                        Columns.write(
                                comparison.confirmed().map(MasterStateJson::map).orElse(null)))
                .param("masterData", Columns.write(masterData))
                .param(
                        "error",
                        "Master differs from what it last confirmed: " + comparison.summary() + " (" + note + ")")
                .param("actor", actor)
                .param("at", time(at))
                .update();
    }

    @Override
    public List<Divergence> open(Optional<UUID> mvpUserId, int limit) {
        return jdbc.sql("""
                        SELECT d.mvp_user_id, d.service_name, a.master_user_id, a.master_email, d.master_service_id,
                               d.differences, d.confirmed_data, d.master_data, d.detected_at, d.detected_by, s.last_error
                        FROM subsync.sync_divergences d
                        LEFT JOIN subsync.account_sync a ON a.mvp_user_id = d.mvp_user_id
                        LEFT JOIN subsync.subscription_sync_state s ON s.mvp_user_id = d.mvp_user_id
                                                                   AND lower(s.service_name) = lower(d.service_name)
                        WHERE CAST(:user AS uuid) IS NULL OR d.mvp_user_id = CAST(:user AS uuid)
                        ORDER BY d.detected_at DESC, 1, 2
                        LIMIT :limit""")
                .param("user", mvpUserId.orElse(null), Types.OTHER)
                .param("limit", limit)
                .query(JdbcDivergences::divergence)
                .list();
    }

    @Override
    public Optional<MasterSubscriptionState> masterState(UUID mvpUserId, String serviceName) {
        return jdbc.sql("""
                        SELECT master_user_id, master_data FROM subsync.sync_divergences
                        WHERE mvp_user_id = :user AND lower(service_name) = lower(:service)""")
                .param("user", mvpUserId)
                .param("service", serviceName)
                .query((rs, row) -> MasterStateJson.confirmed(
                        rs.getObject("master_user_id", UUID.class), rs.getString("master_data")))
                .optional()
                .flatMap(state -> state);
    }

    @Override
    public boolean clear(UUID mvpUserId, String serviceName) {
        return DivergenceSql.clear(jdbc, mvpUserId, serviceName);
    }

    private static Divergence divergence(ResultSet rs, int row) throws SQLException {
        return new Divergence(
                rs.getObject("mvp_user_id", UUID.class),
                Optional.ofNullable(rs.getObject("master_user_id", UUID.class)),
                rs.getString("service_name"),
                Optional.ofNullable(rs.getString("master_service_id")),
                MasterStateJson.differences(rs.getString("differences")),
                Columns.map(rs.getString("confirmed_data")),
                Columns.map(rs.getString("master_data")),
                Optional.of(Columns.instant(rs.getObject("detected_at", OffsetDateTime.class))),
                rs.getString("detected_by"),
                Optional.ofNullable(rs.getString("last_error")),
                Optional.ofNullable(rs.getString("master_email")));
    }
}
