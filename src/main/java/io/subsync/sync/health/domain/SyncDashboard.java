package io.subsync.sync.health.domain;

import io.subsync.sync.health.SyncHealthFigures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Reads the health figures: the {@code sync_health_dashboard} view plus the outbox's backlog, latency and failures. */
public interface SyncDashboard {
    SyncHealthFigures figures(boolean masterConfigured, Instant now);

    /** Accepted → confirmed latency of the operations delivered after {@code since}, counted in {@code bounds}' buckets. */
    LatencyHistogram deliveryLatency(List<Duration> bounds, Instant since);
}
