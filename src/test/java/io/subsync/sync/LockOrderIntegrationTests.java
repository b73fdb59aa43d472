package io.subsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.subsync.support.Api;
import io.subsync.support.MasterChanges;
import io.subsync.support.MasterIntegrationTest;
import io.subsync.support.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A tenant's plan changes (each records a sync per subscription for its linked owner), Master's changes to the same
 * subscriptions (webhooks the tenant follows) and the workers confirming the syncs take the same locks in the same
 * order, so they never deadlock: no 5xx to a client or to Master, no "deadlock detected" in any log, and PostgreSQL
 * counts no deadlock.
 */
class LockOrderIntegrationTests extends MasterIntegrationTest {
    private static final String[] PLANS = {"starter", "pro", "enterprise"};
    private static final String[] SERVICES = {"svc_platform", "svc_pawnshop", "svc_bnpl"};
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void listen() {
        logged.start();
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(logged);
    }

    @Test
    void tenantChangesMastersChangesAndWorkersConfirmingTheirSyncsNeverDeadlock() throws Exception {
        MASTER.webhooks("http://127.0.0.1:" + port + "/webhooks/master", WEBHOOK_SECRET);
        UUID owner = UUID.randomUUID();
        UUID master = UUID.randomUUID();
        assertThat(api.post("/sync-subscription", Tokens.serviceRole(), sync(owner, master, "create", "BASIC", 1))
                        .status())
                .isIn(200, 202);
        Api.Response opened = api.post(
                "/api/tenants",
                Tokens.serviceRole(),
                Map.of(
                        "name",
                        "Contended",
                        "plan",
                        "pro",
                        "ownerUserId",
                        owner.toString(),
                        "products",
                        Map.of("pawnshop", true, "bnpl", true, "money_loan", true)));
        assertThat(opened.status()).isEqualTo(201);
        String tenant = opened.json().get("id").asString();
        // Master has the tenant's subscriptions before it changes them.
        awaitDrained(Duration.ofSeconds(20));
        long deadlocksBefore = deadlocks();

        ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        long until = System.nanoTime() + Duration.ofSeconds(8).toNanos();
        List<java.util.concurrent.Future<?>> callers = new ArrayList<>();
        int[] changes = new int[1];
        int[] fromMaster = new int[1];
        for (int i = 0; i < 32; i++) {
            boolean toggler = i % 2 == 0;
            boolean masterSide = i % 4 == 3;
            callers.add(pool.submit(() -> {
                while (System.nanoTime() < until) {
                    if (masterSide) {
                        int answer = MasterChanges.webhookAnswer(MasterChanges.announced(Map.of(
                                "userId",
                                master.toString(),
                                "serviceId",
                                SERVICES[ThreadLocalRandom.current().nextInt(SERVICES.length)],
                                "type",
                                "update",
                                "planTier",
                                PLANS[ThreadLocalRandom.current().nextInt(PLANS.length)])));
                        if (answer != 200) {
                            refused.add("webhook answered " + answer);
                        }
                        synchronized (fromMaster) {
                            fromMaster[0]++;
                        }
                        sleep(ThreadLocalRandom.current().nextInt(20));
                        continue;
                    }
                    Api.Response response = toggler
                            ? api.patch(
                                    "/api/tenants/" + tenant,
                                    Tokens.serviceRole(),
                                    Map.of(
                                            "plan",
                                            PLANS[ThreadLocalRandom.current().nextInt(PLANS.length)]))
                            : api.get("/api/tenants/" + tenant + "/subscriptions", Tokens.serviceRole());
                    if (response.status() != 200) {
                        refused.add(response.toString());
                    }
                    if (toggler) {
                        synchronized (changes) {
                            changes[0]++;
                        }
                        // Room for the workers to confirm some of the changes before newer ones supersede them.
                        sleep(ThreadLocalRandom.current().nextInt(20));
                    }
                }
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> caller : callers) {
            caller.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        awaitDrained(Duration.ofSeconds(30));

        assertThat(refused).as("answers other than 200").isEmpty();
        assertThat(logged.list.stream()
                        .filter(LockOrderIntegrationTests::mentionsDeadlock)
                        .map(ILoggingEvent::getFormattedMessage))
                .as("deadlocks logged")
                .isEmpty();
        // Backends report their counters within a second of a transaction's end.
        sleep(1500);
        assertThat(deadlocks()).as("deadlocks PostgreSQL detected").isEqualTo(deadlocksBefore);
        assertThat(changes[0]).as("tenant changes made").isGreaterThan(20);
        assertThat(fromMaster[0]).as("Master's changes announced").isGreaterThan(10);
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM subsync.sync_outbox WHERE mvp_user_id = :owner AND status = 'delivered'")
                        .param("owner", owner)
                        .query(Long.class)
                        .single())
                .as("syncs the workers confirmed meanwhile; all: "
                        + jdbc.sql(
                                        "SELECT status, operation, count(*) FROM subsync.sync_outbox WHERE mvp_user_id = :owner GROUP BY 1, 2")
                                .param("owner", owner)
                                .query()
                                .listOfRows())
                .isGreaterThan(10);
    }

    private long deadlocks() {
        return jdbc.sql("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()")
                .query(Long.class)
                .single();
    }

    private static boolean mentionsDeadlock(ILoggingEvent event) {
        if (event.getFormattedMessage().contains("deadlock")) {
            return true;
        }
        for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
            if (String.valueOf(cause.getMessage()).contains("deadlock detected")) {
                return true;
            }
        }
        return false;
    }
}
