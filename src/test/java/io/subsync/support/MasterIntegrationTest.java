package io.subsync.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.mastersim.MasterSimulator;
import io.subsync.mastersim.domain.Faults;
import io.subsync.sync.drift.ReconcileWithMaster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Integration tests that deliver to Master: the service with its workers running, and the Master simulator in this
 * JVM on a loopback port, reached over real HTTP. Retries and leases are short so tests do not wait for hours.
 */
public abstract class MasterIntegrationTest extends IntegrationTest {
    public static final String MASTER_KEY = "test-master-api-key";
    public static final String RETRY_SCHEDULE = "200ms,300ms,500ms,1s,1s,1s,2s,2s,2s,2s,2s,2s";
    public static final MasterSimulator MASTER = startMaster();

    private static MasterSimulator startMaster() {
        try {
            return MasterSimulator.start(MasterSimulator.Options.defaults()
                    .withHost("127.0.0.1")
                    .withPort(0)
                    .withApiKey(MASTER_KEY));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void master(DynamicPropertyRegistry registry) {
        masterSettings().forEach((key, value) -> registry.add(key, () -> value));
    }

    /** The settings of an instance that delivers to the test's Master. */
    public static Map<String, String> masterSettings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("subsync.sync.master-api-url", MASTER.baseUrl());
        settings.put("subsync.sync.master-api-key", MASTER_KEY);
        settings.put("subsync.sync.master-webhook-secret", WEBHOOK_SECRET);
        settings.put("subsync.sync.retry-schedule", RETRY_SCHEDULE);
        // The lease outlasts a delivery's connect and read timeouts, as startup requires. The read timeout is far above
        // the simulator's injected latencies (at most 3 s): an attempt that timed out here but was applied at Master
        // later would arrive out of order, which the convergence tests rightly count as a failure.
        settings.put("subsync.sync.lease", "12s");
        settings.put("subsync.sync.connect-timeout", "1s");
        settings.put("subsync.sync.poll-interval", "50ms");
        settings.put("subsync.sync.in-request-wait", "1s");
        settings.put("subsync.sync.read-timeout", "10s");
        return settings;
    }

    @BeforeEach
    void cleanMaster() {
        MASTER.faults(Faults.NONE);
        awaitDrained(Duration.ofSeconds(30));
        MASTER.reset();
        Mappings.mapCatalogue(jdbc);
        Mappings.map(jdbc, "bazi-consultation", "BASIC", "svc_bazi", "basic");
        Mappings.map(jdbc, "bazi-consultation", "PREMIUM", "svc_bazi", "premium");
    }

    /** Waits until nothing is left to deliver (pending or in flight). */
    protected void awaitDrained(Duration timeout) {
        Waits.upTo(timeout, Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(jdbc.sql(
                                        "SELECT count(*) FROM subsync.sync_outbox WHERE status IN ('pending', 'delivering')")
                                .query(Long.class)
                                .single())
                        .as("operations still to deliver after " + timeout)
                        .isZero());
    }

    /**
     * A user whose bazi-consultation subscription Master cancelled on its own after confirming it, found by a
     * reconciliation under the manual policy: a diverged link waiting for an operator.
     */
    protected UUID divergedLink(ReconcileWithMaster reconcile) {
        UUID user = UUID.randomUUID();
        UUID master = UUID.randomUUID();
        api.post("/sync-subscription", Tokens.serviceRole(), sync(user, master, "create", "BASIC", 1));
        awaitDrained(Duration.ofSeconds(15));
        MasterChanges.cancel(master, "svc_bazi", "basic", "2026-12-01T00:00:00Z");
        reconcile.reconcile(Optional.of(user), false, "tests");
        return user;
    }

    protected static Map<String, Object> sync(UUID user, UUID master, String operation, String plan, int revision) {
        Map<String, Object> data = new HashMap<>();
        data.put("serviceName", "bazi-consultation");
        data.put("planCode", plan);
        data.put("status", operation.equals("cancel") ? "cancelled" : "active");
        data.put("startDate", "2026-11-01T00:00:00Z");
        data.put("metadata", Map.of("revision", revision));
        Map<String, Object> body = new HashMap<>();
        body.put("mvpUserId", user.toString());
        if (master != null) {
            body.put("masterUserId", master.toString());
        }
        body.put("operation", operation);
        body.put("subscriptionData", data);
        return body;
    }

    protected static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
