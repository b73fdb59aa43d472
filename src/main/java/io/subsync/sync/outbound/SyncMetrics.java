package io.subsync.sync.outbound;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** Delivery metrics: outcomes, attempts and the latency from accepting an operation to Master confirming it. */
@Component
class SyncMetrics {
    private final MeterRegistry meters;
    private final Counter attempts;
    private final Timer latency;

    SyncMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.attempts = meters.counter("subsync.sync.attempts");
        this.latency = Timer.builder("subsync.sync.delivery.latency")
                .description("From accepting an operation to Master confirming it")
                .publishPercentileHistogram()
                .register(meters);
    }

    void attempted(String outcome) {
        attempts.increment();
        meters.counter("subsync.sync.deliveries", "outcome", outcome).increment();
    }

    void delivered(Duration sinceAccepted) {
        latency.record(sinceAccepted.isNegative() ? Duration.ZERO : sinceAccepted);
    }
}
