package io.subsync.sync.health;

import io.subsync.sync.SyncProperties;
import io.subsync.sync.health.domain.LatencyHistogram;
import io.subsync.sync.health.domain.SyncDashboard;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Service;

/**
 * The health figures: the {@code sync_health_dashboard} view, plus the outbox backlog and delivery latency; and for the
 * admin page, the latency histogram.
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
        return dashboard.deliveryLatency(
                LatencyHistogram.BOUNDS, clock.instant().minus(LATENCY_WINDOW));
    }
}
