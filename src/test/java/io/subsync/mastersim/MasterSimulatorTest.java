package io.subsync.mastersim;

import static io.subsync.mastersim.MasterHttp.delivery;
import static io.subsync.support.StatsBuilder.stats;
import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.mastersim.domain.MasterSubscription;
import io.subsync.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Master's API as the simulator serves it over loopback: idempotency, state, ordering evidence, auth. */
class MasterSimulatorTest {
    private static final String API_KEY = "test-master-key";

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
    private MasterSimulator master;
    private MasterHttp http;

    @BeforeEach
    void start() throws Exception {
        // As many workers as concurrent callers, so the callers of the concurrency tests really race.
        master = MasterSimulator.start(MasterSimulator.Options.defaults()
                .withApiKey(API_KEY)
                .withClock(clock)
                .withThreads(32));
        http = new MasterHttp(master.baseUrl(), API_KEY);
    }

    @AfterEach
    void stop() {
        master.close();
    }

    @Test
    void appliesADeliveryOnceUnder32ConcurrentIdenticalRequests() throws Exception {
        Map<String, Object> body = delivery("create", "user-1", "pawnshop", "pro");
        int requests = 32;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(requests);
        try {
            List<Future<MasterHttp.Response>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                answers.add(callers.submit(() -> {
                    go.await();
                    return http.deliver("sync-0001", body);
                }));
            }
            go.countDown();
            List<String> bodies = new ArrayList<>();
            for (Future<MasterHttp.Response> answer : answers) {
                MasterHttp.Response response = answer.get();
                assertThat(response.status()).as(response.toString()).isEqualTo(200);
                bodies.add(response.body());
            }
            assertThat(bodies).containsOnly(bodies.get(0));
        } finally {
            callers.shutdownNow();
        }

        assertThat(master.stats())
                .isEqualTo(stats().received(32).applied(1).duplicatesRefused(31).build());
        assertThat(master.subscriptionsOf("user-1"))
                .singleElement()
                .satisfies(subscription -> assertThat(subscription.version()).isEqualTo(1));
    }

    @Test
    void appliesConcurrentChangesToOneSubscriptionOneAtATime() throws Exception {
        int requests = 32;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(requests);
        List<Long> versions = new ArrayList<>();
        try {
            List<Future<MasterHttp.Response>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                String key = "sync-" + i;
                answers.add(callers.submit(() -> {
                    go.await();
                    return http.deliver(key, delivery("update", "user-1", "pawnshop", "pro"));
                }));
            }
            go.countDown();
            for (Future<MasterHttp.Response> answer : answers) {
                versions.add(answer.get().json().get("version").longValue());
            }
        } finally {
            callers.shutdownNow();
        }

        assertThat(versions)
                .doesNotHaveDuplicates()
                .hasSize(requests)
                .allMatch(version -> version >= 1 && version <= requests);
        assertThat(master.subscriptionsOf("user-1").get(0).version()).isEqualTo(requests);
        assertThat(master.stats().applied()).isEqualTo(requests);
    }

    @Test
    void answersARepeatedKeyWithTheStoredResponseAndDoesNotApplyItAgain() {
        MasterHttp.Response first = http.deliver("sync-a", delivery("create", "user-1", "pawnshop", "pro"));
        clock.advance(Duration.ofMinutes(5));
        MasterHttp.Response again = http.deliver("sync-a", delivery("update", "user-1", "pawnshop", "enterprise"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("applied").booleanValue()).isTrue();
        assertThat(first.json().get("version").longValue()).isEqualTo(1);
        assertThat(first.json().at("/subscription/planTier").stringValue()).isEqualTo("pro");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(master.subscriptionsOf("user-1"))
                .singleElement()
                .satisfies(subscription -> assertThat(subscription.planTier()).isEqualTo("pro"));
        assertThat(master.stats().applied()).isEqualTo(1);
        assertThat(master.stats().duplicatesRefused()).isEqualTo(1);
    }

    @Test
    void requiresTheApiKeyOnEveryEndpoint() {
        MasterHttp anonymous = new MasterHttp(master.baseUrl(), null);
        MasterHttp wrongKey = new MasterHttp(master.baseUrl(), "not-the-key");

        for (MasterHttp caller : List.of(anonymous, wrongKey)) {
            MasterHttp.Response delivery = caller.deliver("sync-1", delivery("create", "user-1", "pawnshop", "pro"));
            assertThat(delivery.status()).isEqualTo(401);
            assertThat(delivery.header("WWW-Authenticate")).isEqualTo("Bearer");
            assertThat(delivery.json().get("error").stringValue()).isNotBlank();
            assertThat(caller.get("/users/user-1/subscriptions").status()).isEqualTo(401);
            assertThat(caller.get("/admin/stats").status()).isEqualTo(401);
            assertThat(caller.put("/admin/faults", "{\"outage\": true}").status())
                    .isEqualTo(401);
            assertThat(caller.post("/admin/reset").status()).isEqualTo(401);
        }
        assertThat(master.subscriptionsOf("user-1")).isEmpty();
        assertThat(master.stats().rejected()).isEqualTo(2);
        assertThat(http.deliver("sync-1", delivery("create", "user-1", "pawnshop", "pro"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void acceptsEveryCallerWhenNoApiKeyIsSet() throws Exception {
        try (MasterSimulator open = MasterSimulator.start(MasterSimulator.Options.defaults())) {
            MasterHttp anonymous = new MasterHttp(open.baseUrl(), null);

            assertThat(anonymous
                            .deliver("sync-1", delivery("create", "user-1", "pawnshop", "pro"))
                            .status())
                    .isEqualTo(200);
            assertThat(anonymous.get("/admin/stats").json().get("applied").longValue())
                    .isEqualTo(1);
        }
    }

    @Test
    void reflectsCancelAndReactivateWithVersionsInMastersView() {
        http.deliver("k1", delivery("create", "user-1", "pawnshop", "pro"));
        clock.advance(Duration.ofHours(1));
        http.deliver("k2", delivery("cancel", "user-1", "pawnshop", "pro"));

        JsonNode cancelled = http.get("/users/user-1/subscriptions").json();
        assertThat(cancelled.get("userId").stringValue()).isEqualTo("user-1");
        assertThat(cancelled.get("subscriptions")).hasSize(1);
        JsonNode subscription = cancelled.at("/subscriptions/0");
        assertThat(subscription.get("serviceId").stringValue()).isEqualTo("pawnshop");
        assertThat(subscription.get("status").stringValue()).isEqualTo("cancelled");
        assertThat(subscription.get("endDate").stringValue()).isEqualTo("2025-03-01T11:00:00Z");
        assertThat(subscription.get("version").longValue()).isEqualTo(2);
        assertThat(subscription.get("updatedAt").stringValue()).isEqualTo("2025-03-01T11:00:00Z");
        assertThat(subscription.get("metadata").get("source").stringValue()).isEqualTo("test");

        clock.advance(Duration.ofHours(1));
        Map<String, Object> reactivate = delivery("reactivate", "user-1", "pawnshop", "pro");
        reactivate.put("endDate", "2025-12-31");
        http.deliver("k3", reactivate);

        JsonNode active = http.get("/users/user-1/subscriptions").json().at("/subscriptions/0");
        assertThat(active.get("status").stringValue()).isEqualTo("active");
        assertThat(active.get("endDate").isNull()).isTrue();
        assertThat(active.get("startDate").stringValue()).isEqualTo("2025-01-01T00:00:00Z");
        assertThat(active.get("version").longValue()).isEqualTo(3);
        assertThat(active.get("updatedAt").stringValue()).isEqualTo("2025-03-01T12:00:00Z");
    }

    @Test
    void cancelKeepsTheEndDateItWasGiven() {
        http.deliver("k1", delivery("create", "user-1", "pawnshop", "pro"));
        Map<String, Object> cancel = delivery("cancel", "user-1", "pawnshop", "pro");
        cancel.put("endDate", "2025-03-31");

        MasterHttp.Response response = http.deliver("k2", cancel);

        assertThat(response.json().at("/subscription/endDate").stringValue()).isEqualTo("2025-03-31");
        assertThat(response.json().at("/subscription/status").stringValue()).isEqualTo("cancelled");
    }

    @Test
    void updatesWriteTheStateSentAndKeepOneSubscriptionPerService() {
        http.deliver("k1", delivery("create", "user-1", "pawnshop", "starter"));
        http.deliver("k2", delivery("create", "user-1", "bnpl", "pro"));
        Map<String, Object> update = delivery("update", "user-1", "pawnshop", "enterprise");
        update.put("metadata", null);
        http.deliver("k3", update);

        List<MasterSubscription> subscriptions = master.subscriptionsOf("user-1");
        assertThat(subscriptions).extracting(MasterSubscription::serviceId).containsExactly("bnpl", "pawnshop");
        assertThat(subscriptions.get(1).planTier()).isEqualTo("enterprise");
        assertThat(subscriptions.get(1).metadata()).isNull();
        assertThat(subscriptions.get(1).version()).isEqualTo(2);
        assertThat(subscriptions.get(0).version()).isEqualTo(1);
    }

    @Test
    void answersAnEmptyListForAUserMasterDoesNotKnow() {
        MasterHttp.Response response = http.get("/users/nobody/subscriptions");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("userId").stringValue()).isEqualTo("nobody");
        assertThat(response.json().get("subscriptions")).isEmpty();
    }

    @Test
    void recordsAppliedSequencesAndCountsOutOfOrderOnes() {
        http.deliver("k1", delivery("create", "user-1", "pawnshop", "pro"), "X-Subsync-Sequence", "1");
        http.deliver("k3", delivery("update", "user-1", "pawnshop", "enterprise"), "X-Subsync-Sequence", "3");
        http.deliver("k2", delivery("update", "user-1", "pawnshop", "starter"), "X-Subsync-Sequence", "2");
        http.deliver("k4", delivery("update", "user-1", "pawnshop", "starter"), "X-Subsync-Sequence", "4");
        http.deliver("k4", delivery("update", "user-1", "pawnshop", "starter"), "X-Subsync-Sequence", "4");
        http.deliver("other", delivery("create", "user-1", "bnpl", "pro"), "X-Subsync-Sequence", "1");

        assertThat(master.appliedSequence("user-1", "pawnshop")).containsExactly(1L, 3L, 2L, 4L);
        assertThat(master.appliedSequence("user-1", "bnpl")).containsExactly(1L);
        assertThat(master.appliedSequence("user-1", "unknown")).isEmpty();
        assertThat(master.stats().outOfOrder()).isEqualTo(1);
        assertThat(http.get("/admin/stats").json().get("outOfOrder").longValue())
                .isEqualTo(1);
    }

    @Test
    void resetForgetsStateKeysAndCounts() {
        http.deliver("k1", delivery("create", "user-1", "pawnshop", "pro"));

        assertThat(http.post("/admin/reset").status()).isEqualTo(204);

        assertThat(master.subscriptionsOf("user-1")).isEmpty();
        assertThat(master.stats()).isEqualTo(stats().build());
        MasterHttp.Response again = http.deliver("k1", delivery("create", "user-1", "pawnshop", "pro"));
        assertThat(again.header("Idempotent-Replayed")).isNull();
        assertThat(master.stats().applied()).isEqualTo(1);
    }

    @Test
    void statsCountEveryDeliveryReceived() {
        http.deliver("k1", delivery("create", "user-1", "pawnshop", "pro"));
        http.deliver("k1", delivery("create", "user-1", "pawnshop", "pro"));
        http.deliver(null, delivery("create", "user-1", "pawnshop", "pro"));

        JsonNode stats = http.get("/admin/stats").json();

        assertThat(stats.get("received").longValue()).isEqualTo(3);
        assertThat(stats.get("applied").longValue()).isEqualTo(1);
        assertThat(stats.get("duplicatesRefused").longValue()).isEqualTo(1);
        assertThat(stats.get("failedInjected").longValue()).isZero();
        assertThat(stats.get("outOfOrder").longValue()).isZero();
        assertThat(stats.get("rejected").longValue()).isEqualTo(1);
    }

    @Test
    void answersUnknownPathsAndMethodsWithJson() {
        MasterHttp.Response unknown = http.get("/nowhere");
        MasterHttp.Response getRoot = http.get("/");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").stringValue()).contains("/nowhere");
        assertThat(getRoot.status()).isEqualTo(405);
        assertThat(getRoot.header("Allow")).isEqualTo("POST");
        assertThat(http.get("/admin/nothing").status()).isEqualTo(404);
        assertThat(http.get("/admin/reset").status()).isEqualTo(405);
    }
}
