package io.subsync.sync.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.mastersim.domain.Faults;
import io.subsync.mastersim.domain.Stats;
import io.subsync.support.Api;
import io.subsync.support.MasterIntegrationTest;
import io.subsync.support.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Once an operation is answered 2xx, nothing loses it: not Master being down. */
class MasterOutageIntegrationTests extends MasterIntegrationTest {
    private static final int SYNCS = 1000;

    @Test
    void syncsArrivingWhileMasterIsDownAreAllDeliveredOnceWhenItIsBack() throws Exception {
        MASTER.faults(Faults.NONE.withOutage(true));
        List<UUID> users = new ArrayList<>();
        List<Future<Api.Response>> answers = new ArrayList<>();
        ExecutorService callers = Executors.newFixedThreadPool(16);
        String token = Tokens.serviceRole();
        for (int i = 0; i < SYNCS; i++) {
            UUID user = UUID.randomUUID();
            users.add(user);
            Map<String, Object> body = sync(user, UUID.randomUUID(), "create", i % 2 == 0 ? "BASIC" : "PREMIUM", i);
            answers.add(callers.submit(() -> api.post("/sync-subscription", token, body)));
        }
        List<String> syncIds = new ArrayList<>();
        for (Future<Api.Response> answer : answers) {
            Api.Response response = answer.get();
            assertThat(response.status()).as(response.toString()).isEqualTo(202);
            assertThat(response.json().get("status").asString()).isEqualTo("pending");
            syncIds.add(response.json().get("syncId").asString());
        }
        callers.shutdown();
        assertThat(syncIds).doesNotHaveDuplicates().hasSize(SYNCS);
        assertThat(MASTER.stats().applied()).isZero();
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM subsync.sync_outbox WHERE status IN ('pending', 'delivering') AND mvp_user_id IN (:users)")
                        .param("users", users)
                        .query(Long.class)
                        .single())
                .isEqualTo(SYNCS);

        MASTER.faults(Faults.NONE);
        awaitDrained(Duration.ofSeconds(90));

        Stats stats = MASTER.stats();
        assertThat(stats.applied()).as("applied once each").isEqualTo(SYNCS);
        assertThat(stats.outOfOrder()).isZero();
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM subsync.sync_outbox WHERE status = 'delivered' AND mvp_user_id IN (:users)")
                        .param("users", users)
                        .query(Long.class)
                        .single())
                .isEqualTo(SYNCS);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM (SELECT sync_id FROM subsync.subscription_sync_log
                                              WHERE status = 'success' AND mvp_user_id IN (:users)
                                              GROUP BY sync_id HAVING count(*) = 1) confirmed_once""").param("users", users).query(Long.class).single())
                .isEqualTo(SYNCS);
        UUID sample = users.get(7);
        var account =
                api.get("/api/sync/accounts/" + sample, Tokens.serviceRole()).json();
        assertThat(account.get("syncStatus").asString()).isEqualTo("synced");
        String masterUser = account.get("masterUserId").asString();
        assertThat(MASTER.subscriptionsOf(masterUser))
                .singleElement()
                .satisfies(s -> assertThat(s.planTier()).isEqualTo("premium"));
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM subsync.subscription_sync_log WHERE status = 'failed' AND mvp_user_id IN (:users)")
                        .param("users", users)
                        .query(Long.class)
                        .single())
                .as("failed attempts while Master was down")
                .isPositive();
    }
}
