package io.subsync.sync.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.SubsyncApplication;
import io.subsync.mastersim.domain.Faults;
import io.subsync.support.Api;
import io.subsync.support.MasterIntegrationTest;
import io.subsync.support.TestDatabase;
import io.subsync.support.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Two service instances on one database drain one outbox: each operation applied once, in order per subscription. */
class DeliveryOrderIntegrationTests extends MasterIntegrationTest {
    private static final int USERS = 60;
    private static final int CHANGES = 5;

    @Test
    void twoInstancesDeliverEveryChangeOnceAndInOrderPerSubscription() throws Exception {
        MASTER.faults(Faults.NONE.withLatencyMs(15).withErrorRate(0.2));
        try (ConfigurableApplicationContext second = secondInstance()) {
            Api secondApi = new Api(
                    ((WebServerApplicationContext) second).getWebServer().getPort());
            List<UUID> users = new ArrayList<>();
            List<UUID> masters = new ArrayList<>();
            ExecutorService callers = Executors.newFixedThreadPool(12);
            List<Future<?>> work = new ArrayList<>();
            for (int u = 0; u < USERS; u++) {
                UUID user = UUID.randomUUID();
                UUID master = UUID.randomUUID();
                users.add(user);
                masters.add(master);
                Api via = u % 2 == 0 ? api : secondApi;
                work.add(callers.submit(() -> {
                    for (int change = 1; change <= CHANGES; change++) {
                        String operation = change == 1 ? "create" : change == CHANGES ? "cancel" : "update";
                        Api.Response response = via.post(
                                "/sync-subscription",
                                Tokens.serviceRole(),
                                sync(user, master, operation, change % 2 == 0 ? "PREMIUM" : "BASIC", change));
                        assertThat(response.status()).as(response.toString()).isIn(200, 202);
                    }
                    return null;
                }));
            }
            for (Future<?> w : work) {
                w.get();
            }
            callers.shutdown();
            MASTER.faults(Faults.NONE);
            awaitDrained(Duration.ofSeconds(90));

            long delivered = jdbc.sql(
                            "SELECT count(*) FROM subsync.sync_outbox WHERE status = 'delivered' AND mvp_user_id IN (:users)")
                    .param("users", users)
                    .query(Long.class)
                    .single();
            long sent = jdbc.sql(
                            "SELECT count(*) FROM subsync.sync_outbox WHERE attempts > 0 AND mvp_user_id IN (:users)")
                    .param("users", users)
                    .query(Long.class)
                    .single();
            // Master applies each sync id at most once (resends are refused as duplicates). An attempt that timed out
            // here may still have been applied there, after which a newer revision superseded it: applied lies
            // between the delivered rows and all rows ever sent.
            assertThat(MASTER.stats().applied())
                    .as("applied once per operation")
                    .isBetween(delivered, sent);
            assertThat(MASTER.stats().outOfOrder()).isZero();
            assertThat(jdbc.sql("""
                            SELECT count(*) FROM subsync.sync_outbox
                            WHERE mvp_user_id IN (:users) AND status NOT IN ('delivered', 'superseded')""").param("users", users).query(Long.class).single())
                    .as("nothing lost or stuck")
                    .isZero();
            for (int u = 0; u < USERS; u++) {
                List<Long> sequence = MASTER.appliedSequence(masters.get(u).toString(), "svc_bazi");
                assertThat(sequence)
                        .isSorted()
                        .doesNotHaveDuplicates()
                        .isNotEmpty()
                        .last()
                        .isEqualTo((long) CHANGES);
                assertThat(MASTER.subscriptionsOf(masters.get(u).toString()))
                        .singleElement()
                        .satisfies(s -> assertThat(s.status()).isEqualTo("cancelled"));
            }
            assertThat(jdbc.sql("""
                            SELECT count(DISTINCT split_part(actor, '#', 1)) FROM subsync.subscription_sync_log
                            WHERE mvp_user_id IN (:users) AND actor LIKE 'worker:%'""").param("users", users).query(Long.class).single())
                    .as("both instances delivered")
                    .isGreaterThanOrEqualTo(2);
        }
    }

    private ConfigurableApplicationContext secondInstance() {
        TestDatabase db = TestDatabase.get();
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--subsync.db.url=" + db.url(),
                "--subsync.db.user=" + (db.user() == null ? "" : db.user()),
                "--subsync.auth.jwt-secret=" + Tokens.SECRET,
                "--spring.flyway.enabled=false"));
        masterSettings().forEach((key, value) -> args.add("--" + key + "=" + value));
        return new SpringApplicationBuilder(SubsyncApplication.class).run(args.toArray(String[]::new));
    }
}
