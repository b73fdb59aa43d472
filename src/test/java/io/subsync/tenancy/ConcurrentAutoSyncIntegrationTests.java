package io.subsync.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.support.Api;
import io.subsync.support.IntegrationTest;
import io.subsync.support.Tenants;
import io.subsync.support.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import tools.jackson.databind.JsonNode;

/** At most one active subscription per (tenant, product), whatever runs at once: held by the database, not by checks. */
class ConcurrentAutoSyncIntegrationTests extends IntegrationTest {
    private static final int CALLS = 64;

    @RepeatedTest(3)
    void createsOneSubscriptionPerProductUnder64ConcurrentReadsAndWrites() throws Exception {
        Tenants tenants = new Tenants(api);
        UUID tenant = tenants.open("pro", Map.of());
        // Products switched on behind the service's back: nothing exists yet, so every caller races to create.
        jdbc.sql("""
                INSERT INTO subsync.tenant_products (tenant_id, product_code, enabled, changed_at)
                SELECT :t, code, TRUE, now() FROM subsync.products WHERE kind = 'product' AND code IN ('money_loan', 'bnpl', 'pawnshop')""").param("t", tenant).update();
        jdbc.sql("DELETE FROM subsync.tenant_subscriptions WHERE tenant_id = :t")
                .param("t", tenant)
                .update();

        ExecutorService pool = Executors.newFixedThreadPool(CALLS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> calls = new ArrayList<>();
        String reader = Tokens.userOf(tenant);
        for (int i = 0; i < CALLS; i++) {
            Callable<Api.Response> call;
            if (i % 4 == 3) {
                String plan = i % 8 == 3 ? "enterprise" : "pro";
                call = () -> api.patch("/api/tenants/" + tenant, Tokens.serviceRole(), Map.of("plan", plan));
            } else if (i % 4 == 2) {
                call = () -> api.get("/api/tenants/" + tenant + "/subscriptions", Tokens.serviceRole());
            } else {
                call = () -> api.get("/api/tenants/current/subscriptions", reader);
            }
            calls.add(pool.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        for (Future<Api.Response> call : calls) {
            Api.Response response = call.get();
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            if (response.json().has("subscriptions")) {
                JsonNode subscriptions = response.json().get("subscriptions");
                assertThat(subscriptions
                                .valueStream()
                                .map(s -> s.get("productType").asString()))
                        .containsExactly("platform", "bnpl", "money_loan", "pawnshop");
            }
        }
        List<Map<String, Object>> active =
                jdbc.sql("""
                        SELECT product_type, count(*) AS n FROM subsync.tenant_subscriptions
                        WHERE tenant_id = :t AND status = 'active' GROUP BY product_type""").param("t", tenant).query().listOfRows();
        assertThat(active).hasSize(4).allSatisfy(row -> assertThat(row.get("n")).isEqualTo(1L));
        assertThat(jdbc.sql("SELECT count(*) FROM subsync.tenant_subscriptions WHERE tenant_id = :t")
                        .param("t", tenant)
                        .query(Long.class)
                        .single())
                .isEqualTo(4L);
    }
}
