package io.subsync.sync.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.mastersim.domain.Faults;
import io.subsync.support.Api;
import io.subsync.support.MasterIntegrationTest;
import io.subsync.support.TestDatabase;
import io.subsync.support.Tokens;
import io.subsync.sync.SyncProperties;
import io.subsync.sync.outbound.domain.ClaimedDelivery;
import io.subsync.sync.outbound.domain.DeliveryResult;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * A delivery that throws an Error (not an exception) kills neither its worker thread nor the row. One worker, on a
 * database of its own, so no other test context's workers can deliver the row instead.
 */
class WorkerErrorsIntegrationTests extends MasterIntegrationTest {
    /** The worker thread the Error was thrown in. */
    static final AtomicReference<Thread> BROKEN = new AtomicReference<>();

    /** Master's client as it is, except that the first delivery a worker thread sends throws an Error. */
    @TestConfiguration
    static class BreakingMaster {
        /** A registrar, not a {@code @DynamicPropertySource}: those of the base classes would win over it. */
        @Bean
        static DynamicPropertyRegistrar oneWorkerAlone() {
            return registry -> {
                registry.add("subsync.db.url", () -> TestDatabase.get().separate("subsync_worker_errors"));
                registry.add("subsync.sync.workers", () -> "1");
            };
        }

        @Bean
        @Primary
        MasterClient breakingMaster(SyncProperties properties) {
            return new MasterClient(properties) {
                @Override
                public CompletableFuture<DeliveryResult> deliver(ClaimedDelivery delivery) {
                    if (Thread.currentThread().getName().startsWith("sync-worker-")
                            && BROKEN.compareAndSet(null, Thread.currentThread())) {
                        throw new DeliveryBroke();
                    }
                    return super.deliver(delivery);
                }
            };
        }
    }

    static final class DeliveryBroke extends Error {
        DeliveryBroke() {
            super("thrown by the test while a worker delivers");
        }
    }

    @Test
    void anErrorWhileDeliveringLeavesTheWorkerRunningAndTheRowIsDeliveredWhenItsLeaseExpires() {
        assertThat(jdbc.sql("SELECT current_database()").query(String.class).single())
                .isEqualTo("subsync_worker_errors");
        UUID user = UUID.randomUUID();
        MASTER.faults(Faults.NONE.withOutage(true));
        Api.Response accepted = api.post(
                "/sync-subscription", Tokens.serviceRole(), sync(user, UUID.randomUUID(), "create", "BASIC", 1));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        UUID syncId = UUID.fromString(accepted.json().get("syncId").asString());
        MASTER.faults(Faults.NONE);

        awaitDrained(Duration.ofSeconds(30));

        assertThat(BROKEN.get()).as("the worker that hit the Error").isNotNull();
        assertThat(BROKEN.get().isAlive())
                .as("the worker thread survived the Error")
                .isTrue();
        Map<String, Object> row = jdbc.sql(
                        "SELECT status, attempts, lease_owner FROM subsync.sync_outbox WHERE id = :id")
                .param("id", syncId)
                .query()
                .singleRow();
        assertThat(row.get("status")).isEqualTo("delivered");
        assertThat(row.get("attempts"))
                .as("in the request (Master down), the Error, after the lease")
                .isEqualTo(3);
        assertThat(MASTER.stats().applied()).as("applied once at Master").isEqualTo(1);
    }
}
