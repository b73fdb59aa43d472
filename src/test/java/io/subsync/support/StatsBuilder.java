package io.subsync.support;

import io.subsync.mastersim.domain.Stats;

/** The Master simulator's {@link Stats} by name: every count zero unless set. */
public final class StatsBuilder {
    private long received;
    private long applied;
    private long duplicatesRefused;
    private long failedInjected;
    private long outOfOrder;
    private long rejected;

    private StatsBuilder() {}

    public static StatsBuilder stats() {
        return new StatsBuilder();
    }

    public StatsBuilder received(long received) {
        this.received = received;
        return this;
    }

    public StatsBuilder applied(long applied) {
        this.applied = applied;
        return this;
    }

    public StatsBuilder duplicatesRefused(long duplicatesRefused) {
        this.duplicatesRefused = duplicatesRefused;
        return this;
    }

    public StatsBuilder failedInjected(long failedInjected) {
        this.failedInjected = failedInjected;
        return this;
    }

    public StatsBuilder outOfOrder(long outOfOrder) {
        this.outOfOrder = outOfOrder;
        return this;
    }

    public StatsBuilder rejected(long rejected) {
        this.rejected = rejected;
        return this;
    }

    public Stats build() {
        return new Stats(received, applied, duplicatesRefused, failedInjected, outOfOrder, rejected);
    }
}
