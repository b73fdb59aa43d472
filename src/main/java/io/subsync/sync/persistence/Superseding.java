package io.subsync.sync.persistence;

import static io.subsync.database.Columns.time;

import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one rule of superseding, wherever it happens (a new desired state, a failed attempt while a newer one waits,
 * a retry of failed rows, Master's state taken): a superseded row names the row that carries its change on
 * ({@code superseded_by}), gets a {@code superseded} audit row saying so, and that survivor, if it is still to be
 * sent, goes as a whole {@code sync}: it must bring Master every field the superseded row would have, not only its
 * own change (a {@code cancel} carries no plan).
 *
 * <p>The caller holds the lock of the (user, service) state row, so no other writer changes the pair meanwhile.
 */
public final class Superseding {
    private static final String SUPERSEDE = """
            WITH superseded AS (
                UPDATE subsync.sync_outbox o SET status = 'superseded', lease_owner = NULL, lease_until = NULL,
                    superseded_by = COALESCE(CAST(:by AS uuid),
                        (SELECT n.id FROM subsync.sync_outbox n WHERE n.mvp_user_id = o.mvp_user_id
                           AND n.service_name = o.service_name AND n.revision > o.revision
                         ORDER BY n.revision DESC LIMIT 1))
                WHERE {rows}
                RETURNING o.id, o.mvp_user_id, o.service_name, o.operation, o.superseded_by
            ), whole AS (
                UPDATE subsync.sync_outbox s SET operation = 'sync'
                WHERE s.id IN (SELECT superseded_by FROM superseded) AND s.status IN ('waiting', 'pending')
            )
            INSERT INTO subsync.subscription_sync_log (sync_id, mvp_user_id, master_user_id, service_name, operation, source,
                status, error, actor, request_id, created_at)
            SELECT superseded.id, superseded.mvp_user_id, a.master_user_id, superseded.service_name, superseded.operation,
                   'mvp', 'superseded', 'superseded by ' || COALESCE(superseded.superseded_by::text, 'nothing') || ': '
                   || :reason, :actor, :requestId, :at
            FROM superseded LEFT JOIN subsync.account_sync a ON a.mvp_user_id = superseded.mvp_user_id""";

    private static final String PAIR = "o.mvp_user_id = :user AND o.service_name = :service";

    private Superseding() {}

    /** Who supersedes, and why, for the audit row. */
    public record Cause(String reason, String actor, String requestId, Instant at) {}

    /**
     * The undelivered ({@code waiting, pending}) rows of (user, service) older than {@code revision} are superseded
     * by {@code by} (a newer outbox row, or Master's change when Master's state is taken); returns how many.
     */
    public static int undelivered(
            JdbcClient jdbc, UUID mvpUserId, String serviceName, long revision, UUID by, Cause cause) {
        return run(jdbc, PAIR + " AND o.status IN ('waiting', 'pending') AND o.revision < :revision", by, cause)
                .param("user", mvpUserId)
                .param("service", serviceName)
                .param("revision", revision)
                .update();
    }

    /**
     * The row in flight, while {@code worker} still holds its lease, is superseded by the newest newer row of its
     * (user, service), if one is open; true when it was.
     */
    public static boolean inFlight(JdbcClient jdbc, UUID syncId, String worker, int attempt, Cause cause) {
        return run(jdbc, """
                o.id = :id AND o.status = 'delivering' AND o.lease_owner = :worker AND o.attempts = :attempt
                AND EXISTS (SELECT 1 FROM subsync.sync_outbox n WHERE n.mvp_user_id = o.mvp_user_id
                              AND n.service_name = o.service_name AND n.revision > o.revision
                              AND n.status IN ('waiting', 'pending'))""", null, cause)
                        .param("id", syncId)
                        .param("worker", worker)
                        .param("attempt", attempt)
                        .update()
                > 0;
    }

    /**
     * Failed rows that a newer row of their (user, service) exists for (all users, or {@code mvpUserId}'s): only the
     * newest is worth sending.
     */
    public static int failedBehindNewer(JdbcClient jdbc, Optional<UUID> mvpUserId, Cause cause) {
        return run(jdbc, """
                o.status = 'failed' AND (CAST(:user AS uuid) IS NULL OR o.mvp_user_id = CAST(:user AS uuid))
                AND EXISTS (SELECT 1 FROM subsync.sync_outbox n WHERE n.mvp_user_id = o.mvp_user_id
                              AND n.service_name = o.service_name AND n.revision > o.revision)""", null, cause)
                .param("user", mvpUserId.orElse(null), Types.OTHER)
                .update();
    }

    private static JdbcClient.StatementSpec run(JdbcClient jdbc, String rows, UUID by, Cause cause) {
        return jdbc.sql(SUPERSEDE.replace("{rows}", rows))
                .param("by", by, Types.OTHER)
                .param("reason", cause.reason())
                .param("actor", cause.actor())
                .param("requestId", cause.requestId())
                .param("at", time(cause.at()));
    }
}
