package io.subsync.sync.outbound;

import io.subsync.database.DatabaseUnavailable;
import io.subsync.sync.SyncProperties;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The delivery threads of this instance. They run only when Master is configured; any number of instances may run
 * them against one database (claims skip each other's rows).
 */
@Component
@ConditionalOnWebApplication
class SyncWorkers implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(SyncWorkers.class);
    private final DeliverPendingSyncs deliver;
    private final DatabaseOutages outages;
    private final SyncProperties properties;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    SyncWorkers(DeliverPendingSyncs deliver, DatabaseOutages outages, SyncProperties properties) {
        this.deliver = deliver;
        this.outages = outages;
        this.properties = properties;
    }

    /** This instance's name in leases and audit rows. */
    String instance() {
        return instance;
    }

    @Override
    public void start() {
        if (!properties.masterConfigured()) {
            log.warn("MASTER_API_URL is not set: sync operations are recorded and wait as pending");
            return;
        }
        running = true;
        for (int i = 0; i < properties.workers(); i++) {
            String worker = instance + "#" + i;
            Thread thread = new Thread(() -> loop(worker), "sync-worker-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        log.info("{} sync workers delivering to {}", properties.workers(), properties.masterApiUrl());
    }

    /**
     * Delivers until stopped. Whatever a round throws, an Error included, ends the round, never the thread. The rows it
     * had claimed are left as they are ({@code delivering}, under this round's lease) rather than put back to pending:
     * the failed round may already have reached Master and its own state is not to be trusted, and a lease that runs
     * out is what already brings back the rows of a killed process; the next claim sends them with the same
     * {@code Idempotency-Key}, so Master applies each once. While the database is unreachable the worker backs off
     * ({@link DatabaseOutages}): no claim can be made, and nothing is logged per round.
     */
    private void loop(String worker) {
        int outageRounds = 0;
        while (running) {
            try {
                int claimed = deliver.deliverBatch(worker);
                outageRounds = 0;
                outages.answered();
                if (claimed == 0) {
                    Thread.sleep(properties.pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) {
                Duration pause = properties.pollInterval();
                if (DatabaseUnavailable.explains(e)) {
                    outages.failed(e);
                    pause = outages.backoff(++outageRounds);
                } else {
                    log.error(
                            "Sync worker {} failed a round; claimed rows are taken over when their lease expires",
                            worker,
                            e);
                }
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
