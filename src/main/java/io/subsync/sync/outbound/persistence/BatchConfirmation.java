package io.subsync.sync.outbound.persistence;

import static io.subsync.database.Columns.time;

import io.subsync.database.Columns;
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
        jdbc.sql("""
                        SELECT 1 FROM subsync.account_sync
                        WHERE mvp_user_id IN (SELECT (r ->> 'mvp_user_id')::uuid FROM jsonb_array_elements(CAST(:rows AS jsonb)) r)
                        ORDER BY mvp_user_id FOR UPDATE""").param("rows", json).query().listOfRows();
        jdbc.sql("""
                        SELECT 1 FROM subsync.subscription_sync_state
                        WHERE (mvp_user_id, service_name) IN (SELECT (r ->> 'mvp_user_id')::uuid, r ->> 'service_name'
                                                             FROM jsonb_array_elements(CAST(:rows AS jsonb)) r)
                        ORDER BY mvp_user_id, service_name FOR UPDATE""").param("rows", json).query().listOfRows();
        return new HashSet<>(jdbc.sql("""
                        WITH input AS (
                            SELECT * FROM jsonb_to_recordset(CAST(:rows AS jsonb))
                                AS r(id uuid, attempt int, mvp_user_id uuid, master_user_id uuid, service_name text,
                                     revision bigint, operation text, mvp_data jsonb, master_data jsonb)
                        ), held AS (
                            UPDATE subsync.sync_outbox o SET status = 'delivered', delivered_at = :at, lease_owner = NULL,
                                lease_until = NULL, last_error = NULL
                            FROM input
                            WHERE o.id = input.id AND o.status = 'delivering' AND o.lease_owner = :worker
                              AND o.attempts = input.attempt
                            RETURNING o.id
                        ), states AS (
                            UPDATE subsync.subscription_sync_state s
                            SET synced_revision = input.revision, synced_at = :at, synced_data = input.master_data,
                                master_version = GREATEST(s.master_version, CASE WHEN jsonb_typeof(input.master_data -> 'version') = 'number'
                                    THEN (input.master_data ->> 'version')::numeric::bigint END),
                                sync_status = CASE WHEN s.sync_status = 'diverged' THEN s.sync_status
                                                   WHEN s.desired_revision = input.revision THEN 'synced' ELSE s.sync_status END,
                                last_error = CASE WHEN s.sync_status = 'diverged' THEN s.last_error
                                                  WHEN s.desired_revision = input.revision THEN NULL ELSE s.last_error END
                            FROM input JOIN held ON held.id = input.id
                            WHERE s.mvp_user_id = input.mvp_user_id AND s.service_name = input.service_name
                              AND (s.synced_revision IS NULL OR s.synced_revision < input.revision)
                            RETURNING s.mvp_user_id
                        ), accounts AS (
                            UPDATE subsync.account_sync a SET last_sync_at = :at, last_error = NULL, updated_at = :at,
                                sync_status = CASE WHEN a.sync_status = 'diverged' THEN 'diverged'
                                                   WHEN EXISTS (SELECT 1 FROM subsync.sync_outbox o WHERE o.mvp_user_id = a.mvp_user_id
                                                                AND o.status IN ('waiting', 'pending', 'delivering', 'failed')
                                                                AND o.id NOT IN (SELECT id FROM held))
                                                   THEN a.sync_status ELSE 'synced' END
                            WHERE a.mvp_user_id IN (SELECT input.mvp_user_id FROM input JOIN held ON held.id = input.id)
                            RETURNING a.mvp_user_id
                        ), logged AS (
                            INSERT INTO subsync.subscription_sync_log (sync_id, mvp_user_id, master_user_id, service_name, operation,
                                source, status, mvp_data, master_data, error, attempt, actor, created_at)
                            SELECT input.id, input.mvp_user_id, input.master_user_id, input.service_name, input.operation,
                                   'mvp', 'success', input.mvp_data, input.master_data,
                                   CASE WHEN held.id IS NULL THEN 'confirmed by Master after this worker''s lease had '
                                        || 'expired; another worker had taken the operation over' END,
                                   input.attempt, :actor, :at
                            FROM input LEFT JOIN held ON held.id = input.id
                            RETURNING 1
                        )
                        SELECT id FROM held""")
                .param("rows", json)
                .param("at", time(at))
                .param("worker", worker)
                .param("actor", "worker:" + worker)
                .query(UUID.class)
                .list());
    }
}
