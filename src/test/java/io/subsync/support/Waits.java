package io.subsync.support;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * The tests' waits for something the service does on its own time: Awaitility, set to look at once and then every
 * {@code pollInterval} from the test's own thread, as the hand-written loops it replaces did.
 */
public final class Waits {
    private Waits() {}

    /** A wait of at most {@code timeout}; a failed {@code untilAsserted} reports its last assertion error. */
    public static ConditionFactory upTo(Duration timeout, Duration pollInterval) {
        return Awaitility.await()
                .atMost(timeout)
                .pollDelay(Duration.ZERO)
                .pollInterval(pollInterval)
                .pollInSameThread();
    }
}
