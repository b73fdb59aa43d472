package io.subsync.audit.persistence;

import static io.subsync.database.Columns.time;

import io.subsync.access.Provenance;
import io.subsync.audit.AuditEntry;
import io.subsync.audit.SyncLog;
import io.subsync.audit.SyncLogEntry;
import io.subsync.database.Columns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit trail in {@code subscription_sync_log} (append-only: a trigger refuses updates and deletes). */
@Repository
class JdbcSyncLog implements SyncLog {
    private final JdbcClient jdbc;

    JdbcSyncLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void append(AuditEntry entry, Provenance by, Instant at) {
        if (entry.masterData().isPresent()) {
            throw new IllegalArgumentException("an entry of the MVP's side has no Master data");
        }
        jdbc.sql("""
                        INSERT INTO subsync.subscription_sync_log (sync_id, mvp_user_id, master_user_id, service_name, operation,
                            source, status, mvp_data, error, actor, request_id, created_at)
                        VALUES (:syncId, :user, :master, :service, :operation, 'mvp', :status, CAST(:mvpData AS jsonb),
                            :error, :actor, :requestId, :at)""")
                .param("syncId", entry.syncId().orElse(null), Types.OTHER)
                .param("user", entry.mvpUserId().orElse(null))
                .param("master", entry.masterUserId().orElse(null), Types.OTHER)
                .param("service", entry.serviceName().orElse(null))
                .param("operation", entry.operation().code())
                .param("status", entry.status().code())
                .param("mvpData", Columns.write(entry.mvpData().orElse(null)))
                .param("error", entry.error().orElse(null))
                .param("actor", by.actor())
                .param("requestId", by.requestId())
                .param("at", time(at))
                .update();
    }

    @Override
    public List<SyncLogEntry> page(Filter filter, int limit, Optional<Cursor> after) {
        return jdbc.sql("""
                        SELECT l.*, a.master_email
                        FROM (SELECT * FROM subsync.subscription_sync_log
                              WHERE (CAST(:user AS uuid) IS NULL OR mvp_user_id = CAST(:user AS uuid))
                                AND (CAST(:status AS text) IS NULL OR status = CAST(:status AS text))
                                AND (CAST(:operation AS text) IS NULL OR operation = CAST(:operation AS text))
                                AND (CAST(:afterAt AS timestamptz) IS NULL
                                     OR (created_at, id) < (CAST(:afterAt AS timestamptz), CAST(:afterId AS bigint)))
                              ORDER BY created_at DESC, id DESC
                              LIMIT :limit) l
                        LEFT JOIN subsync.account_sync a ON a.mvp_user_id = l.mvp_user_id
                        ORDER BY l.created_at DESC, l.id DESC""")
                .param("user", filter.mvpUserId().orElse(null), Types.OTHER)
                .param("status", filter.status().orElse(null), Types.VARCHAR)
                .param("operation", filter.operation().orElse(null), Types.VARCHAR)
                .param("afterAt", after.map(c -> time(c.createdAt())).orElse(null), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("afterId", after.map(Cursor::id).orElse(null), Types.BIGINT)
                .param("limit", limit)
                .query(JdbcSyncLog::entry)
                .list();
    }

    private static SyncLogEntry entry(ResultSet rs, int row) throws SQLException {
        return new SyncLogEntry(
                rs.getLong("id"),
                rs.getObject("sync_id", UUID.class),
                rs.getObject("mvp_user_id", UUID.class),
                rs.getObject("master_user_id", UUID.class),
                rs.getString("service_name"),
                rs.getString("operation"),
                rs.getString("source"),
                rs.getString("status"),
                Columns.map(rs.getString("mvp_data")),
                Columns.map(rs.getString("master_data")),
                rs.getString("error"),
                rs.getObject("attempt", Integer.class),
                rs.getString("actor"),
                rs.getString("request_id"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("master_email"));
    }
}
