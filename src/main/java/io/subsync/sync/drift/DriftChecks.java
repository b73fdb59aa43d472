package io.subsync.sync.drift;

import io.subsync.sync.SyncProperties;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The scheduled reconciliation with Master of a running service, every {@code SUBSYNC_DRIFT_CHECK_INTERVAL}. Every
 * instance schedules it; the database lock lets one of them run it at a time, the others skip that round.
 */
@Component
@ConditionalOnWebApplication
class DriftChecks implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(DriftChecks.class);
    private final ReconcileWithMaster reconcile;
    private final SyncProperties sync;
    private final Optional<Duration> interval;
    private ScheduledExecutorService scheduler;

    DriftChecks(ReconcileWithMaster reconcile, SyncProperties sync, DriftCheckProperties properties) {
        this.reconcile = reconcile;
        this.sync = sync;
        this.interval = properties.interval();
    }

    @Override
    public void start() {
        if (interval.isEmpty() || !sync.masterConfigured()) {
            log.info(
                    "Scheduled reconciliation with Master is off{}",
                    interval.isEmpty() ? "" : " (Master is not configured)");
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "drift-check");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.get().toMillis();
        scheduler.scheduleWithFixedDelay(this::runOnce, millis, millis, TimeUnit.MILLISECONDS);
        log.info(
                "Reconciling with Master every {} (policy {})",
                interval.get(),
                sync.driftPolicy().code());
    }

    private void runOnce() {
        try {
            reconcile.reconcile(Optional.empty(), false, "scheduler:drift-check");
        } catch (RuntimeException e) {
            log.error("Scheduled reconciliation with Master failed; it runs again in {}", interval.orElseThrow(), e);
        }
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
