package io.subsync.sync.outbound.persistence;

import static io.subsync.database.Columns.time;

import io.subsync.database.Columns;
import io.subsync.database.SqlResource;
import io.subsync.sync.outbound.domain.Outbox;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
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
        // Three arrays, one element per confirmation; the statements read the rest from the outbox rows themselves.
        String[] ids = new String[confirmations.size()];
        Integer[] attempts = new Integer[confirmations.size()];
        String[] masterData = new String[confirmations.size()];
        for (int i = 0; i < confirmations.size(); i++) {
            Outbox.Confirmation c = confirmations.get(i);
            ids[i] = c.delivery().syncId().toString();
            attempts[i] = c.delivery().attempt();
            masterData[i] = c.masterData() == null ? null : json(c.masterData());
        }
        // The same lock order as every other writer: accounts, then states, then the outbox rows.
        jdbc.sql(LOCK_ACCOUNTS).param("ids", ids).query().listOfRows();
        jdbc.sql(LOCK_STATES).param("ids", ids).query().listOfRows();
        return new HashSet<>(jdbc.sql(CONFIRM)
                .param("ids", ids)
                .param("attempts", attempts)
                .param("masterData", masterData)
                .param("at", time(at))
                .param("worker", worker)
                .param("actor", "worker:" + worker)
                .query(UUID.class)
                .list());
    }

    /** Master's answer as it is kept, checked to be JSON before any statement runs. */
    private static String json(String masterData) {
        Columns.JSON.readTree(masterData);
        return masterData;
    }
}
