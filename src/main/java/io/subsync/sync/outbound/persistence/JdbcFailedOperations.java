package io.subsync.sync.outbound.persistence;

import io.subsync.sync.outbound.FailedOperation;
import io.subsync.sync.outbound.domain.FailedOperations;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Failed operations from {@code sync_outbox}, each with the time of its last failed attempt from the audit trail. */
@Repository
class JdbcFailedOperations implements FailedOperations {
    private final JdbcClient jdbc;

    JdbcFailedOperations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<FailedOperation> latest(int limit) {
        return jdbc.sql("""
                        SELECT o.id, o.mvp_user_id, a.master_user_id, a.master_email, o.service_name, o.payload ->> 'planCode' AS plan_code,
                               o.operation, o.attempts, o.last_error, o.created_at,
                               coalesce(f.failed_at, o.created_at) AS failed_at
                        FROM subsync.sync_outbox o
                        LEFT JOIN subsync.account_sync a ON a.mvp_user_id = o.mvp_user_id
                        LEFT JOIN LATERAL (SELECT max(l.created_at) AS failed_at FROM subsync.subscription_sync_log l
                                           WHERE l.sync_id = o.id AND l.status = 'failed') f ON true
                        WHERE o.status = 'failed'
                        ORDER BY failed_at DESC, o.id
                        LIMIT :limit""")
                .param("limit", limit)
                .query(JdbcFailedOperations::failure)
                .list();
    }

    private static FailedOperation failure(ResultSet rs, int row) throws SQLException {
        return new FailedOperation(
                rs.getObject("id", UUID.class),
                rs.getObject("mvp_user_id", UUID.class),
                Optional.ofNullable(rs.getObject("master_user_id", UUID.class)),
                rs.getString("service_name"),
                rs.getString("plan_code"),
                rs.getString("operation"),
                rs.getInt("attempts"),
                rs.getString("last_error"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("failed_at", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(rs.getString("master_email")));
    }
}
