package io.subsync.sync;

import io.subsync.sync.domain.SyncDashboard;
import io.subsync.sync.domain.SyncHealthFigures;
import java.time.Clock;
import org.springframework.stereotype.Service;

/** The health figures: the {@code sync_health_dashboard} view, plus the outbox backlog and delivery latency. */
@Service
public class SyncHealth {
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
}
