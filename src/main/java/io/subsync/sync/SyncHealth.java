package io.subsync.sync;

import io.subsync.sync.domain.FailedOperation;
import io.subsync.sync.domain.LatencyHistogram;
import io.subsync.sync.domain.SyncDashboard;
import io.subsync.sync.domain.SyncHealthFigures;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The health figures: the {@code sync_health_dashboard} view, plus the outbox backlog and delivery latency; and for the
 * admin page, the latency histogram and the latest failures.
 */
@Service
public class SyncHealth {
    /** The window of the latency figures and histogram. */
    private static final Duration LATENCY_WINDOW = Duration.ofHours(1);
    private final SyncDashboard dashboard;
    private final SyncProperties properties;
    private final Clock clock;

    SyncHealth(SyncDashboard dashboard, SyncProperties properties, Clock clock) {
        this.dashboard = dashboard;
        this.properties = properties;
        this.clock = clock;
    }

    public SyncHealthFigures figures() {
        return dashboard.figures(properties.masterConfigured(), clock.instant());
    }

    /**
     * Accepted → confirmed latency of the operations delivered in the last hour (the deliveries that
     * {@link SyncHealthFigures#deliveredLastHour()} counts), in the buckets of {@link LatencyHistogram#BOUNDS}.
     */
    public LatencyHistogram deliveryLatency() {
        return dashboard.deliveryLatency(LatencyHistogram.BOUNDS, clock.instant().minus(LATENCY_WINDOW));
    }

    /** The latest operations that have failed for good (those {@link SyncHealthFigures#failedOperations()} counts). */
    public List<FailedOperation> latestFailures(int limit) {
        return dashboard.latestFailures(limit);
    }
}
