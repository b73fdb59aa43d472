package io.subsync.sync.outbound;

import io.subsync.database.DatabaseUnavailable;
import io.subsync.sync.SyncProperties;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * How delivery waits out the database being unreachable ({@link DatabaseUnavailable}), for every worker of this
 * instance and the deliveries requests start: claims back off exponentially, from the poll interval up to
 * {@link #MAX_BACKOFF}; what Master answered is kept and recorded once the database is back, so an outage costs no
 * delivery attempt; and the log says it once: one WARN line when the database goes away, one INFO line when it is
 * back, not a stack trace per poll (docs/operations.md).
 */
@Component
class DatabaseOutages {
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    /** Between two tries to record an answer: short, so the row's own worker records it before any takeover. */
    static final Duration RECORD_RETRY = Duration.ofMillis(250);
    /** A worker's patience: it keeps what Master answered for as long as it runs. */
    static final Duration UNTIL_STOPPED = Duration.ofDays(365);

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutages.class);
    /** No outage. */
    private static final long NONE = Long.MIN_VALUE;

    private final Duration first;
    /** When ({@code nanoTime}) the current outage was first seen, or {@link #NONE}. */
    private final AtomicLong since = new AtomicLong(NONE);

    DatabaseOutages(SyncProperties properties) {
        this.first = properties.pollInterval();
    }

    /** Notes a failure that {@link DatabaseUnavailable} explains; the first of an outage is logged. */
    void failed(Throwable failure) {
        if (since.compareAndSet(NONE, System.nanoTime())) {
            log.warn(
                    "Sync workers: the database is unreachable ({}); claims back off up to {} s and Master's answers"
                            + " wait to be recorded",
                    rootMessage(failure),
                    MAX_BACKOFF.toSeconds());
        }
    }

    /** Notes that the database answered; the first answer after an outage is logged. */
    void answered() {
        long start = since.getAndSet(NONE);
        if (start != NONE) {
            log.info(
                    "Sync workers: the database is reachable again after {} s; deliveries go on",
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
        }
    }

    /** The wait after the {@code failures}-th failure in a row: the poll interval, doubled each time, at most 5 s. */
    Duration backoff(int failures) {
        long millis = Math.max(1, first.toMillis());
        for (int i = 1; i < failures && millis < MAX_BACKOFF.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, MAX_BACKOFF.toMillis()));
    }

    /**
     * Runs {@code recording} until it succeeds, trying again while the database is unreachable, for at most
     * {@code patience}. Any other failure, one after that, or an interrupt (the worker stops) ends it with the
     * failure: the row then comes back when its lease expires, as a dead worker's does.
     */
    <T> T recording(Supplier<T> recording, Duration patience) {
        long start = System.nanoTime();
        while (true) {
            try {
                T recorded = recording.get();
                answered();
                return recorded;
            } catch (RuntimeException e) {
                if (!DatabaseUnavailable.explains(e) || System.nanoTime() - start >= patience.toNanos()) {
                    throw e;
                }
                failed(e);
                try {
                    Thread.sleep(RECORD_RETRY.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
