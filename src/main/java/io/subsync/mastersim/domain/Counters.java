package io.subsync.mastersim.domain;

import java.util.concurrent.atomic.LongAdder;

/** The simulator's counters; cheap to bump from many threads at once. */
public final class Counters {
    private final LongAdder received = new LongAdder();
    private final LongAdder applied = new LongAdder();
    private final LongAdder duplicatesRefused = new LongAdder();
    private final LongAdder failedInjected = new LongAdder();
    private final LongAdder outOfOrder = new LongAdder();
    private final LongAdder rejected = new LongAdder();

    public void received() {
        received.increment();
    }

    public void applied(Ledger.Applied change) {
        applied.increment();
        if (change.outOfOrder()) {
            outOfOrder.increment();
        }
    }

    public void duplicateRefused() {
        duplicatesRefused.increment();
    }

    public void failedInjected() {
        failedInjected.increment();
    }

    public void rejected() {
        rejected.increment();
    }

    public Stats snapshot() {
        return new Stats(
                received.sum(),
                applied.sum(),
                duplicatesRefused.sum(),
                failedInjected.sum(),
                outOfOrder.sum(),
                rejected.sum());
    }
}
