package io.subsync.sync.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.function.ToDoubleFunction;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/** Backlog and oldest pending age as Prometheus gauges, read from the database at most every five seconds. */
@Component
@ConditionalOnWebApplication
class SyncGauges {
    private static final long MAX_AGE_NANOS = Duration.ofSeconds(5).toNanos();
    private final SyncHealth health;
    private volatile SyncHealthFigures last;
    private volatile long readAt;
    private volatile boolean read;

    SyncGauges(SyncHealth health, MeterRegistry meters) {
        this.health = health;
        gauge(meters, "subsync.sync.backlog", "Operations to deliver (pending or in flight)", f -> f.backlog());
        gauge(
                meters,
                "subsync.sync.waiting_for_link",
                "Operations waiting for an account link",
                f -> f.waitingForLink());
        gauge(meters, "subsync.sync.failed", "Operations that failed and wait for a retry", f -> f.failedOperations());
        gauge(
                meters,
                "subsync.sync.oldest_pending_age.seconds",
                "Age of the oldest operation to deliver",
                f -> f.oldestPendingAgeSeconds() == null ? 0 : f.oldestPendingAgeSeconds());
    }

    private void gauge(
            MeterRegistry meters, String name, String description, ToDoubleFunction<SyncHealthFigures> value) {
        Gauge.builder(name, this, gauges -> value.applyAsDouble(gauges.figures()))
                .description(description)
                .register(meters);
    }

    private SyncHealthFigures figures() {
        long now = System.nanoTime();
        if (!read || now - readAt > MAX_AGE_NANOS) {
            // Noted before the read: while the database is unreachable a scrape waits for it once per five seconds,
            // not once per gauge (the gauges then show their last figures, or none).
            readAt = now;
            read = true;
            last = health.figures();
        }
        return last;
    }
}
