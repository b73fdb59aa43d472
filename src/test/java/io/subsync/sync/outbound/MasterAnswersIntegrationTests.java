package io.subsync.sync.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.mastersim.domain.Faults;
import io.subsync.support.Api;
import io.subsync.support.MasterIntegrationTest;
import io.subsync.support.Tokens;
import io.subsync.support.Waits;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** How Master's answers are handled: confirmed in the request, refused for good, or asked to wait. */
class MasterAnswersIntegrationTests extends MasterIntegrationTest {

    @Test
    void masterConfirmingWithinTheRequestAnswers200Synced() {
        UUID user = UUID.randomUUID();
        UUID master = UUID.randomUUID();

        Api.Response response =
                api.post("/sync-subscription", Tokens.user(user, null), sync(user, master, "create", "BASIC", 1));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("status").asString()).isEqualTo("synced");
        assertThat(MASTER.subscriptionsOf(master.toString()))
                .singleElement()
                .satisfies(s -> assertThat(s.planTier()).isEqualTo("basic"));
        JsonNode log = api.get("/api/sync/logs?mvpUserId=" + user, Tokens.user(user, null))
                .json()
                .get("items");
        assertThat(log.get(0).get("status").asString()).isEqualTo("success");
        assertThat(log.get(0).get("masterData").get("applied").asBoolean()).isTrue();

        Api.Response again =
                api.post("/sync-subscription", Tokens.user(user, null), sync(user, master, "create", "BASIC", 1));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("syncId").asString())
                .isEqualTo(response.json().get("syncId").asString());
        assertThat(MASTER.stats().received()).as("nothing sent again").isEqualTo(1);
        String metrics = api.get("/actuator/prometheus", null).raw();
        assertThat(metrics)
                .contains(
                        "subsync_sync_deliveries_total{",
                        "outcome=\"confirmed\"",
                        "subsync_sync_attempts_total",
                        "subsync_sync_delivery_latency_seconds_bucket",
                        "subsync_sync_backlog",
                        "subsync_sync_oldest_pending_age_seconds");
    }

    @Test
    void aRefusalFromMasterFailsAtOnceVisiblyAndCanBeRetried() {
        jdbc.sql("""
                INSERT INTO subsync.service_plan_mapping (mvp_service_name, mvp_plan_code, master_service_id, master_plan_tier)
                VALUES ('broken-service', 'X', 'svc_broken', '') ON CONFLICT DO NOTHING""").update();
        UUID user = UUID.randomUUID();
        Map<String, Object> body = sync(user, UUID.randomUUID(), "create", "X", 1);
        ((Map<String, Object>) body.get("subscriptionData")).put("serviceName", "broken-service");

        Api.Response response = api.post("/sync-subscription", Tokens.serviceRole(), body);
        assertThat(response.status()).isEqualTo(202);
        UUID syncId = UUID.fromString(response.json().get("syncId").asString());
        awaitDrained(Duration.ofSeconds(10));

        Map<String, Object> row = jdbc.sql(
                        "SELECT status, attempts, last_error FROM subsync.sync_outbox WHERE id = :id")
                .param("id", syncId)
                .query()
                .singleRow();
        assertThat(row.get("status")).isEqualTo("failed");
        assertThat(row.get("attempts")).as("no retry for a 4xx").isEqualTo(1);
        assertThat((String) row.get("last_error")).contains("HTTP 4");
        assertThat(jdbc.sql("SELECT sync_status FROM subsync.account_sync WHERE mvp_user_id = :u")
                        .param("u", user)
                        .query(String.class)
                        .single())
                .isEqualTo("failed");
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM subsync.subscription_sync_log WHERE sync_id = :id AND status = 'failed'")
                        .param("id", syncId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        assertThat(api.get("/api/sync/health", Tokens.serviceRole())
                        .json()
                        .get("failedOperations")
                        .asLong())
                .isPositive();

        jdbc.sql(
                        "UPDATE subsync.service_plan_mapping SET master_plan_tier = 'x' WHERE mvp_service_name = 'broken-service'")
                .update();
        // Asking again for the same state after it failed queues the same operation again.
        Api.Response askedAgain = api.post("/sync-subscription", Tokens.serviceRole(), body);
        assertThat(askedAgain.json().get("syncId").asString()).isEqualTo(syncId.toString());
        awaitDrained(Duration.ofSeconds(10));
        assertThat(jdbc.sql("SELECT status FROM subsync.sync_outbox WHERE id = :id")
                        .param("id", syncId)
                        .query(String.class)
                        .single())
                .isEqualTo("delivered");
        jdbc.sql("UPDATE subsync.sync_outbox SET status = 'failed' WHERE id = :id")
                .param("id", syncId)
                .update();
        JsonNode retried = api.post("/api/sync/retry", Tokens.serviceRole(), Map.of("syncId", syncId.toString()))
                .json();
        assertThat(retried.get("queued").asInt()).isEqualTo(1);
        awaitDrained(Duration.ofSeconds(10));
        assertThat(jdbc.sql("SELECT status FROM subsync.sync_outbox WHERE id = :id")
                        .param("id", syncId)
                        .query(String.class)
                        .single())
                .isEqualTo("delivered");
        assertThat(jdbc.sql("SELECT sync_status FROM subsync.account_sync WHERE mvp_user_id = :u")
                        .param("u", user)
                        .query(String.class)
                        .single())
                .isEqualTo("synced");
    }

    @Test
    void retryAfterFromMasterIsHonoured() {
        MASTER.faults(Faults.NONE.withRetryAfterSeconds(2));
        UUID user = UUID.randomUUID();
        Api.Response response = api.post(
                "/sync-subscription", Tokens.serviceRole(), sync(user, UUID.randomUUID(), "create", "BASIC", 1));
        assertThat(response.status()).isEqualTo(202);
        UUID syncId = UUID.fromString(response.json().get("syncId").asString());
        Map<String, Object> waiting = Waits.upTo(Duration.ofSeconds(2), Duration.ofMillis(20))
                .alias("the first attempt is recorded and the next one waits")
                .until(
                        () -> jdbc.sql(
                                        "SELECT status, attempts, next_attempt_at, created_at FROM subsync.sync_outbox WHERE id = :id")
                                .param("id", syncId)
                                .query()
                                .singleRow(),
                        row -> "pending".equals(row.get("status"))
                                && Integer.valueOf(1).equals(row.get("attempts")));
        Duration wait = Duration.between(
                ((java.sql.Timestamp) waiting.get("created_at")).toInstant(),
                ((java.sql.Timestamp) waiting.get("next_attempt_at")).toInstant());
        assertThat(wait).isGreaterThanOrEqualTo(Duration.ofMillis(1900));

        MASTER.faults(Faults.NONE);
        awaitDrained(Duration.ofSeconds(15));

        Map<String, Object> done = jdbc.sql(
                        "SELECT status, attempts, delivered_at, created_at FROM subsync.sync_outbox WHERE id = :id")
                .param("id", syncId)
                .query()
                .singleRow();
        assertThat(done.get("status")).isEqualTo("delivered");
        assertThat(done.get("attempts")).isEqualTo(2);
        assertThat(Duration.between(
                        ((java.sql.Timestamp) done.get("created_at")).toInstant(),
                        ((java.sql.Timestamp) done.get("delivered_at")).toInstant()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aTenantsOwnSubscriptionChangesGoToMasterOnceTheOwnerIsLinked() {
        UUID owner = UUID.randomUUID();
        UUID master = UUID.randomUUID();
        // Link the owner through an ordinary sync first.
        api.post("/sync-subscription", Tokens.serviceRole(), sync(owner, master, "create", "BASIC", 1));
        Api.Response tenant = api.post(
                "/api/tenants",
                Tokens.serviceRole(),
                Map.of(
                        "name",
                        "Owned",
                        "plan",
                        "pro",
                        "ownerUserId",
                        owner.toString(),
                        "products",
                        Map.of("pawnshop", true)));
        assertThat(tenant.status()).isEqualTo(201);
        awaitDrained(Duration.ofSeconds(10));

        assertThat(MASTER.subscriptionsOf(master.toString()))
                .extracting(s -> s.serviceId() + "/" + s.planTier() + "/" + s.status())
                .contains("svc_platform/pro/active", "svc_pawnshop/pro/active");

        api.patch(
                "/api/tenants/" + tenant.json().get("id").asString(),
                Tokens.serviceRole(),
                Map.of("plan", "enterprise"));
        awaitDrained(Duration.ofSeconds(10));
        assertThat(MASTER.subscriptionsOf(master.toString()))
                .extracting(s -> s.serviceId() + "/" + s.planTier())
                .contains("svc_platform/enterprise", "svc_pawnshop/enterprise");
    }
}
