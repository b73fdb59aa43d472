package io.subsync.sync.domain;

import java.time.Instant;

/** Reads the health figures: the {@code sync_health_dashboard} view plus the outbox's backlog and latency. */
public interface SyncDashboard {
    SyncHealthFigures figures(boolean masterConfigured, Instant now);
}
