package io.subsync.sync.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.mastersim.domain.Faults;
import io.subsync.support.Api;
import io.subsync.support.FreePorts;
import io.subsync.support.Jar;
import io.subsync.support.MasterIntegrationTest;
import io.subsync.support.TestDatabase;
import io.subsync.support.Tokens;
import io.subsync.support.Waits;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A service process killed in the middle of a delivery: its lease expires, another instance delivers, once. */
class WorkerTakeoverIntegrationTests extends MasterIntegrationTest {
    @Autowired
    SyncWorkers workers;

    @org.junit.jupiter.api.AfterEach
    void workersRunAgain() {
        MASTER.faults(io.subsync.mastersim.domain.Faults.NONE);
        if (!workers.isRunning()) {
            workers.start();
        }
    }

    @Test
    void aDeliveryHeldByAKilledProcessIsTakenOverAndAppliedOnceAtMaster() throws Exception {
        UUID user = UUID.randomUUID();
        UUID master = UUID.randomUUID();
        int port = FreePorts.next();
        workers.stop();
        Process doomed = startInstance(port);
        UUID syncId;
        try {
            MASTER.faults(Faults.NONE.withLatencyMs(4_000));
            // The doomed process claims the operation in the request and is still waiting for Master when it dies.
            Api.Response accepted = new Api(port)
                    .post("/sync-subscription", Tokens.serviceRole(), sync(user, master, "create", "BASIC", 1));
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
            syncId = UUID.fromString(accepted.json().get("syncId").asString());
            // Claimed by the doomed process: in its request, or by one of its workers.
            assertThat(leaseOwner(syncId))
                    .contains(doomed.pid() + "@")
                    .doesNotContain(ProcessHandle.current().pid() + "@");
            // The doomed process has sent it, or is about to: wait until Master holds it, then kill.
            Waits.upTo(Duration.ofSeconds(10), Duration.ofMillis(50))
                    .alias("Master receives the doomed process's delivery")
                    .until(() -> MASTER.stats().received() > 0);
            assertThat(MASTER.stats().received()).isEqualTo(1);
        } finally {
            doomed.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(jdbc.sql("SELECT status FROM subsync.sync_outbox WHERE id = :id")
                        .param("id", syncId)
                        .query(String.class)
                        .single())
                .isEqualTo("delivering");
        MASTER.faults(Faults.NONE);

        workers.start();
        awaitDrained(Duration.ofSeconds(60));

        assertThat(jdbc.sql("SELECT status FROM subsync.sync_outbox WHERE id = :id")
                        .param("id", syncId)
                        .query(String.class)
                        .single())
                .isEqualTo("delivered");
        assertThat(jdbc.sql("SELECT attempts FROM subsync.sync_outbox WHERE id = :id")
                        .param("id", syncId)
                        .query(Integer.class)
                        .single())
                .as("the killed attempt and the takeover")
                .isEqualTo(2);
        assertThat(MASTER.stats().applied()).as("applied once at Master").isEqualTo(1);
        // Whether Master applied the killed attempt (then the resend is refused as a duplicate) or never finished
        // reading it, the operation is applied exactly once.
        assertThat(MASTER.stats().received()).as("both attempts reached Master").isEqualTo(2);
        assertThat(MASTER.stats().applied() + MASTER.stats().duplicatesRefused())
                .isLessThanOrEqualTo(2);
        assertThat(MASTER.subscriptionsOf(master.toString()))
                .singleElement()
                .satisfies(s -> assertThat(s.version()).isEqualTo(1));
    }

    private String leaseOwner(UUID syncId) {
        return jdbc.sql("SELECT lease_owner FROM subsync.sync_outbox WHERE id = :id")
                .param("id", syncId)
                .query(String.class)
                .single();
    }

    private Process startInstance(int port) throws Exception {
        TestDatabase db = TestDatabase.get();
        Map<String, String> env = new HashMap<>();
        env.put("SUBSYNC_JWT_SECRET", Tokens.SECRET);
        env.put("SUBSYNC_DB_URL", db.url());
        if (db.user() != null) {
            env.put("SUBSYNC_DB_USER", db.user());
        }
        env.put("MASTER_API_URL", MASTER.baseUrl());
        env.put("MASTER_API_KEY", MASTER_KEY);
        env.put("SUBSYNC_SYNC_LEASE", "6s");
        env.put("SUBSYNC_SYNC_IN_REQUEST_WAIT", "1s");
        // Spring's relaxed names for subsync.sync.connect-timeout and read-timeout (serve passes only --spring.* on).
        env.put("SUBSYNC_SYNC_CONNECTTIMEOUT", "1s");
        env.put("SUBSYNC_SYNC_READTIMEOUT", "4s");
        Process process = Jar.command(env, "serve", "--port", String.valueOf(port))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        Api api = new Api(port);
        try {
            // An assertion error in until() ends the wait at once: a process that exited will not start.
            Waits.upTo(Duration.ofSeconds(180), Duration.ofMillis(250)).until(() -> {
                assertThat(process.isAlive())
                        .as("the second process exited early")
                        .isTrue();
                try {
                    return api.get("/actuator/health", null).status() == 200;
                } catch (RuntimeException notYet) {
                    return false; // not listening yet
                }
            });
            return process;
        } catch (ConditionTimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("the second process did not start", e);
        }
    }
}
