package io.subsync.sync.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.support.Api;
import io.subsync.support.IntegrationTest;
import io.subsync.support.Mappings;
import io.subsync.support.Tokens;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code POST /sync-subscription} with Master not configured: recording, validation, idempotency, access. */
class SyncRequestsIntegrationTests extends IntegrationTest {
    private final UUID user = UUID.randomUUID();
    private final UUID master = UUID.randomUUID();

    @BeforeEach
    void mappings() {
        Mappings.map(jdbc, "bazi-consultation", "BASIC", "svc_bazi", "basic");
        Mappings.map(jdbc, "bazi-consultation", "PREMIUM", "svc_bazi", "premium");
    }

    private Map<String, Object> body(String operation, String plan) {
        Map<String, Object> data = new HashMap<>();
        data.put("serviceName", "bazi-consultation");
        data.put("planCode", plan);
        data.put("status", operation.equals("cancel") ? "cancelled" : "active");
        data.put("startDate", "2026-11-01T00:00:00Z");
        Map<String, Object> body = new HashMap<>();
        body.put("mvpUserId", user.toString());
        body.put("masterUserId", master.toString());
        body.put("operation", operation);
        body.put("subscriptionData", data);
        return body;
    }

    private Api.Response post(Map<String, Object> body, String token, String key) {
        return key == null
                ? api.post("/sync-subscription", token, body)
                : api.postWithHeader("/sync-subscription", token, body, "Idempotency-Key", key);
    }

    @Test
    void recordsTheOperationItsAuditEntryAndOutboxRowAndAnswersPending() {
        Api.Response response = post(body("create", "BASIC"), Tokens.user(user, null), null);

        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        JsonNode answer = response.json();
        assertThat(answer.get("success").asBoolean()).isTrue();
        assertThat(answer.get("status").asString()).isEqualTo("pending");
        UUID syncId = UUID.fromString(answer.get("syncId").asString());
        assertThat(jdbc.sql("SELECT status FROM subsync.sync_outbox WHERE id = :id")
                        .param("id", syncId)
                        .query(String.class)
                        .single())
                .isEqualTo("pending");
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM subsync.subscription_sync_log WHERE sync_id = :id AND status = 'pending'")
                        .param("id", syncId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        assertThat(jdbc.sql("SELECT master_user_id FROM subsync.account_sync WHERE mvp_user_id = :u")
                        .param("u", user)
                        .query(UUID.class)
                        .single())
                .isEqualTo(master);
        JsonNode account =
                api.get("/api/sync/accounts/" + user, Tokens.user(user, null)).json();
        assertThat(account.get("syncStatus").asString()).isEqualTo("pending");
        assertThat(account.get("subscriptions").get(0).get("planCode").asString())
                .isEqualTo("BASIC");
        assertThat(api.get("/api/sync/health", Tokens.serviceRole())
                        .json()
                        .get("masterConfigured")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void theSameParametersAgainGiveTheSameSyncIdAndNoSecondOperation() {
        String first = post(body("create", "BASIC"), Tokens.user(user, null), null)
                .json()
                .get("syncId")
                .asString();
        String again = post(body("create", "basic"), Tokens.serviceRole(), null)
                .json()
                .get("syncId")
                .asString();

        assertThat(again).isEqualTo(first);
        assertThat(jdbc.sql("SELECT count(*) FROM subsync.sync_outbox WHERE mvp_user_id = :u")
                        .param("u", user)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);

        String changed = post(body("update", "PREMIUM"), Tokens.serviceRole(), null)
                .json()
                .get("syncId")
                .asString();
        assertThat(changed).isNotEqualTo(first);
        // The undelivered create is superseded: only the latest state needs to reach Master.
        assertThat(jdbc.sql("SELECT status FROM subsync.sync_outbox WHERE id = :id")
                        .param("id", UUID.fromString(first))
                        .query(String.class)
                        .single())
                .isEqualTo("superseded");
        assertThat(jdbc.sql("SELECT operation FROM subsync.sync_outbox WHERE id = :id")
                        .param("id", UUID.fromString(changed))
                        .query(String.class)
                        .single())
                .isEqualTo("sync");
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswerAndRefusesAnotherBody() {
        String key = "key-" + UUID.randomUUID();
        Api.Response first = post(body("create", "BASIC"), Tokens.user(user, null), key);
        Api.Response replay = post(body("create", "BASIC"), Tokens.user(user, null), key);

        assertThat(replay.status()).isEqualTo(first.status());
        assertThat(replay.raw()).isEqualTo(first.raw());
        Api.Response other = post(body("update", "PREMIUM"), Tokens.user(user, null), key);
        assertThat(other.status()).as(other.toString()).isEqualTo(422);
        assertThat(other.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
    }

    @Test
    void anIdempotencyKeyStillRunningIs409() {
        String key = "running-" + UUID.randomUUID();
        Map<String, Object> body = body("create", "BASIC");
        jdbc.sql("""
                INSERT INTO subsync.idempotency_keys (caller, idempotency_key, request_hash, state, created_at, expires_at)
                VALUES (:caller, :key, 'x', 'running', now(), now() + interval '1 day')""").param("caller", "user:" + user).param("key", key).update();

        Api.Response response = post(body, Tokens.user(user, null), key);

        // Another body hash is 422 before "running" is considered; with the same body the first request would be
        // running.
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
        jdbc.sql("DELETE FROM subsync.idempotency_keys WHERE idempotency_key = :key")
                .param("key", key)
                .update();
        Api.Response fresh = post(body, Tokens.user(user, null), key);
        assertThat(fresh.status()).isEqualTo(202);
        jdbc.sql("UPDATE subsync.idempotency_keys SET state = 'running' WHERE idempotency_key = :key")
                .param("key", key)
                .update();
        assertThat(post(body, Tokens.user(user, null), key).status()).isEqualTo(409);
    }

    @Test
    void anUnmappedPairIs422NamingThePair() {
        Api.Response response = post(body("create", "GOLD"), Tokens.serviceRole(), null);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("detail").asString())
                .contains("no service_plan_mapping for (service 'bazi-consultation', plan 'GOLD')");
        assertThat(jdbc.sql("SELECT count(*) FROM subsync.sync_outbox WHERE mvp_user_id = :u")
                        .param("u", user)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void badInputIsAClear4xxNamingTheField() {
        Map<String, Object> bad = body("teleport", "BASIC");
        assertThat(post(bad, Tokens.serviceRole(), null)
                        .json()
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("operation");
        Map<String, Object> badDate = body("create", "BASIC");
        ((Map<String, Object>) badDate.get("subscriptionData")).put("startDate", "yesterday");
        Api.Response response = post(badDate, Tokens.serviceRole(), null);
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").get(0).get("field").asString())
                .isEqualTo("subscriptionData.startDate");
        Map<String, Object> noData = body("create", "BASIC");
        noData.remove("subscriptionData");
        assertThat(post(noData, Tokens.serviceRole(), null).status()).isEqualTo(422);
        assertThat(api.post("/sync-subscription", Tokens.serviceRole(), "{\"mvpUserId\": \"nope\"}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aUserMaySyncAndReadOnlyTheirOwnAccount() {
        String stranger = Tokens.user(UUID.randomUUID(), null);
        assertThat(post(body("create", "BASIC"), stranger, null).status()).isEqualTo(403);
        post(body("create", "BASIC"), Tokens.user(user, null), null);
        assertThat(api.get("/api/sync/accounts/" + user, stranger).status()).isEqualTo(403);
        assertThat(api.get("/api/sync/logs?mvpUserId=" + user, stranger).status())
                .isEqualTo(403);
        JsonNode own = api.get("/api/sync/logs", stranger).json();
        assertThat(own.get("items")).isEmpty();
        assertThat(api.get("/api/sync/health", stranger).status()).isEqualTo(403);
        assertThat(api.post("/api/sync/retry", stranger, Map.of()).status()).isEqualTo(403);
    }

    @Test
    void theAuditTrailPagesNewestFirstWithACursor() {
        post(body("create", "BASIC"), Tokens.serviceRole(), null);
        post(body("update", "PREMIUM"), Tokens.serviceRole(), null);
        post(body("cancel", "PREMIUM"), Tokens.serviceRole(), null);

        JsonNode page = api.get("/api/sync/logs?mvpUserId=" + user + "&limit=2", Tokens.user(user, null))
                .json();
        assertThat(page.get("items")).hasSize(2);
        JsonNode rest = api.get(
                        "/api/sync/logs?mvpUserId=" + user + "&limit=50&cursor="
                                + page.get("nextCursor").asString(),
                        Tokens.user(user, null))
                .json();
        // Newest first is by created_at, then id: a delivery's row can be written after a newer request's row.
        List<Map.Entry<java.time.Instant, Long>> entries = new java.util.ArrayList<>();
        page.get("items")
                .forEach(i -> entries.add(Map.entry(
                        java.time.Instant.parse(i.get("createdAt").asString()),
                        i.get("id").asLong())));
        rest.get("items")
                .forEach(i -> entries.add(Map.entry(
                        java.time.Instant.parse(i.get("createdAt").asString()),
                        i.get("id").asLong())));
        assertThat(entries)
                .isSortedAccordingTo(Map.Entry.<java.time.Instant, Long>comparingByKey()
                        .thenComparing(Map.Entry.comparingByValue())
                        .reversed());
        assertThat(entries).extracting(Map.Entry::getValue).doesNotHaveDuplicates();
        assertThat(rest.get("nextCursor").isNull()).isTrue();
        assertThat(api.get("/api/sync/logs?cursor=garbage", Tokens.serviceRole())
                        .status())
                .isEqualTo(422);
    }

    @Test
    void theSeedsTroubleshootingQueriesRunAsWritten() {
        post(body("create", "BASIC"), Tokens.serviceRole(), null);
        jdbc.sql("SELECT * FROM subsync.account_sync WHERE sync_status = 'failed'")
                .query()
                .listOfRows();
        jdbc.sql(
                        "SELECT * FROM subsync.subscription_sync_log WHERE status = 'failed' ORDER BY created_at DESC LIMIT 10")
                .query()
                .listOfRows();
        // The database is shared by the tests: the dashboard's total and the accounts are counted in one statement.
        Map<String, Object> counts = jdbc.sql("""
                        SELECT total_accounts, (SELECT count(*) FROM subsync.account_sync) AS accounts,
                               (SELECT count(*) FROM subsync.account_sync WHERE mvp_user_id = :u) AS this_users
                        FROM subsync.sync_health_dashboard""").param("u", user).query().singleRow();
        assertThat(counts.get("this_users")).as("this test's account").isEqualTo(1L);
        assertThat(counts.get("total_accounts"))
                .as("total_accounts, one per row of account_sync")
                .isEqualTo(counts.get("accounts"));
    }
}
