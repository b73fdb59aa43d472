package io.subsync.sync.health.persistence;

import io.subsync.database.Columns;
import io.subsync.sync.health.SyncHealthFigures;
import io.subsync.sync.health.domain.LatencyHistogram;
import io.subsync.sync.health.domain.SyncDashboard;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The health figures from {@code sync_health_dashboard} and {@code sync_outbox}; the latency histogram and failures. */
@Repository
class JdbcSyncDashboard implements SyncDashboard {
    private final JdbcClient jdbc;

    JdbcSyncDashboard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public SyncHealthFigures figures(boolean masterConfigured, Instant now) {
        Map<String, Object> view =
                jdbc.sql("SELECT * FROM subsync.sync_health_dashboard").query().singleRow();
        Map<String, Object> outbox =
                jdbc.sql("""
                        SELECT count(*) FILTER (WHERE status IN ('pending', 'delivering')) AS backlog,
                               count(*) FILTER (WHERE status = 'waiting') AS waiting,
                               count(*) FILTER (WHERE status = 'failed') AS failed,
                               extract(epoch FROM :now - min(created_at) FILTER (WHERE status IN ('pending', 'delivering')))
                                   AS oldest_pending_age
                        FROM subsync.sync_outbox WHERE status IN ('waiting', 'pending', 'delivering', 'failed')""").param("now", now.atOffset(ZoneOffset.UTC)).query().singleRow();
        Map<String, Object> latency = jdbc.sql("""
                        SELECT count(*) AS delivered,
                               avg(extract(epoch FROM delivered_at - created_at) * 1000) AS avg_ms,
                               percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM delivered_at - created_at) * 1000)
                                   AS p95_ms
                        FROM subsync.sync_outbox WHERE status = 'delivered' AND delivered_at > :since""")
                .param("since", now.atOffset(ZoneOffset.UTC).minusHours(1))
                .query()
                .singleRow();
        return new SyncHealthFigures(
                masterConfigured,
                count(view, "total_accounts"),
                count(view, "pending_accounts"),
                count(view, "synced_accounts"),
                count(view, "failed_accounts"),
                count(view, "diverged_accounts"),
                count(view, "synced_last_24h"),
                count(view, "errors_last_24h"),
                count(view, "accounts_with_errors"),
                decimal(view, "avg_seconds_since_last_sync"),
                count(outbox, "backlog"),
                count(outbox, "waiting"),
                count(outbox, "failed"),
                decimal(outbox, "oldest_pending_age"),
                decimal(latency, "avg_ms"),
                decimal(latency, "p95_ms"),
                count(latency, "delivered"));
    }

    /** One pass over the hour's deliveries: {@code width_bucket} numbers the bucket of each (0 below the first bound). */
    @Override
    public LatencyHistogram deliveryLatency(List<Duration> bounds, Instant since) {
        long[] counts = new long[bounds.size() + 1];
        jdbc.sql("""
                        SELECT width_bucket(CAST(extract(epoch FROM delivered_at - created_at) * 1000 AS double precision),
                                            CAST(:bounds AS double precision[])) AS bucket,
                               count(*) AS deliveries
                        FROM subsync.sync_outbox WHERE status = 'delivered' AND delivered_at > :since
                        GROUP BY bucket""")
                .param(
                        "bounds",
                        bounds.stream()
                                .map(b -> String.valueOf(b.toMillis()))
                                .collect(Collectors.joining(",", "{", "}")))
                .param("since", Columns.time(since))
                .query((rs, row) -> Map.entry(rs.getInt("bucket"), rs.getLong("deliveries")))
                .list()
                .forEach(bucket -> counts[bucket.getKey()] = bucket.getValue());
        return LatencyHistogram.of(bounds, counts);
    }

    private static long count(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Double decimal(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? null : Math.round(((Number) value).doubleValue() * 10) / 10.0;
    }
}
