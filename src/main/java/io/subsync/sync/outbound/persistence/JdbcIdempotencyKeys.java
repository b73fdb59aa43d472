package io.subsync.sync.outbound.persistence;

import static io.subsync.database.Columns.time;

import io.subsync.sync.outbound.domain.IdempotencyKeys;
import java.time.Instant;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code Idempotency-Key} answers in {@code idempotency_keys}. */
@Repository
class JdbcIdempotencyKeys implements IdempotencyKeys {
    private final JdbcClient jdbc;

    JdbcIdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Claim begin(
            String caller, String key, String requestHash, Instant at, Instant expiresAt, Instant staleBefore) {
        // Expired answers and requests that died while running give their key up.
        jdbc.sql("""
                        DELETE FROM subsync.idempotency_keys WHERE caller = :caller AND idempotency_key = :key
                          AND (expires_at <= :at OR (state = 'running' AND created_at < :stale))""")
                .param("caller", caller)
                .param("key", key)
                .param("at", time(at))
                .param("stale", time(staleBefore))
                .update();
        int claimed = jdbc.sql("""
                        INSERT INTO subsync.idempotency_keys (caller, idempotency_key, request_hash, state, created_at, expires_at)
                        VALUES (:caller, :key, :hash, 'running', :at, :expires)
                        ON CONFLICT (caller, idempotency_key) DO NOTHING""")
                .param("caller", caller)
                .param("key", key)
                .param("hash", requestHash)
                .param("at", time(at))
                .param("expires", time(expiresAt))
                .update();
        if (claimed > 0) {
            return new Claim.Fresh();
        }
        Map<String, Object> row =
                jdbc.sql("""
                        SELECT request_hash, state, response_status, response_body AS body
                        FROM subsync.idempotency_keys WHERE caller = :caller AND idempotency_key = :key""").param("caller", caller).param("key", key).query().singleRow();
        if (!requestHash.equals(row.get("request_hash"))) {
            return new Claim.OtherBody();
        }
        if ("running".equals(row.get("state"))) {
            return new Claim.Running();
        }
        return new Claim.Replay((Integer) row.get("response_status"), (String) row.get("body"));
    }

    @Override
    public void finish(String caller, String key, int status, String body) {
        jdbc.sql("""
                        UPDATE subsync.idempotency_keys SET state = 'done', response_status = :status, response_body = :body
                        WHERE caller = :caller AND idempotency_key = :key""")
                .param("status", status)
                .param("body", body)
                .param("caller", caller)
                .param("key", key)
                .update();
    }

    @Override
    public void abandon(String caller, String key) {
        jdbc.sql(
                        "DELETE FROM subsync.idempotency_keys WHERE caller = :caller AND idempotency_key = :key AND state = 'running'")
                .param("caller", caller)
                .param("key", key)
                .update();
    }
}
