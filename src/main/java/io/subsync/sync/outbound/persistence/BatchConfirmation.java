package io.subsync.sync.outbound.persistence;

import static io.subsync.database.Columns.time;

import io.subsync.database.Columns;
import io.subsync.database.SqlResource;
import io.subsync.sync.outbound.domain.Outbox;
import io.subsync.sync.persistence.DesiredStateJson;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Confirmations of one batch recorded in one statement: the outbox rows this worker still holds become
 * {@code delivered}, their states and accounts move on, and every confirmation gets its {@code success} audit row
 * (one Master confirmed after the lease was lost says so). Locks accounts, then states, then outbox rows.
 */
final class BatchConfirmation {
    private static final String LOCK_ACCOUNTS = SqlResource.load("sql/sync/confirm-lock-accounts.sql");
    private static final String LOCK_STATES = SqlResource.load("sql/sync/confirm-lock-states.sql");
    private static final String CONFIRM = SqlResource.load("sql/sync/confirm-batch.sql");

    private BatchConfirmation() {}

    static Set<UUID> confirm(JdbcClient jdbc, List<Outbox.Confirmation> confirmations, String worker, Instant at) {
        if (confirmations.isEmpty()) {
            return Set.of();
        }
        List<Map<String, Object>> rows = confirmations.stream()
                .map(c -> {
                    Map<String, Object> row = new HashMap<>();
                    row.put("id", c.delivery().syncId().toString());
                    row.put("attempt", c.delivery().attempt());
                    row.put("mvp_user_id", c.delivery().mvpUserId().toString());
                    row.put(
                            "master_user_id",
                            c.delivery().masterUserId().map(UUID::toString).orElse(null));
                    row.put("service_name", c.delivery().serviceName());
                    row.put("revision", c.delivery().revision());
                    row.put("operation", c.delivery().operation().code());
                    row.put(
                            "mvp_data",
                            Columns.map(DesiredStateJson.payload(c.delivery().state())));
                    row.put("master_data", c.masterData() == null ? null : Columns.JSON.readTree(c.masterData()));
                    return row;
                })
                .toList();
        String json = Columns.write(rows);
        // The same lock order as every other writer: accounts, then states, then the outbox rows.
        jdbc.sql(LOCK_ACCOUNTS).param("rows", json).query().listOfRows();
        jdbc.sql(LOCK_STATES).param("rows", json).query().listOfRows();
        return new HashSet<>(jdbc.sql(CONFIRM)
                .param("rows", json)
                .param("at", time(at))
                .param("worker", worker)
                .param("actor", "worker:" + worker)
                .query(UUID.class)
                .list());
    }
}
