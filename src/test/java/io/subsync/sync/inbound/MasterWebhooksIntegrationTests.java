package io.subsync.sync.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.access.Provenance;
import io.subsync.mastersim.domain.Faults;
import io.subsync.support.Api;
import io.subsync.support.MasterIntegrationTest;
import io.subsync.support.Tokens;
import io.subsync.sync.inbound.domain.MasterSignature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Changes made at Master reach the MVP side through signed webhooks, over real HTTP from the simulator. */
class MasterWebhooksIntegrationTests extends MasterIntegrationTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final UUID user = UUID.randomUUID();
    private final UUID master = UUID.randomUUID();

    @Autowired
    ResolveWithMaster resolveWithMaster;

    @BeforeEach
    void sendWebhooksHere() {
        MASTER.webhooks("http://127.0.0.1:" + port + "/webhooks/master", WEBHOOK_SECRET);
    }

    @Test
    void aCancelAtMasterIsAppliedToTheMvpSideWithBothSnapshotsAndNothingToDeliver() {
        subscribedAndSynced();
        JsonNode sent = masterChange(Map.of(
                "userId",
                master.toString(),
                "serviceId",
                "svc_bazi",
                "type",
                "cancel",
                "endDate",
                "2026-12-31T00:00:00Z"));
        assertThat(sent.at("/delivery/status").asInt()).isEqualTo(200);
        assertThat(sent.at("/event/type").asString()).isEqualTo("subscription.cancelled");

        Map<String, Object> state = state();
        assertThat(state)
                .containsEntry("status", "cancelled")
                .containsEntry("sync_status", "synced")
                .containsEntry("master_version", 2L);
        assertThat(state.get("end_date").toString()).startsWith("2026-12-31");
        assertThat(outboxRows())
                .as("Master already has it: nothing is sent back")
                .isEqualTo(1);
        Map<String, Object> log = jdbc.sql("""
                        SELECT operation, status, mvp_data ->> 'status' AS mvp, master_data ->> 'status' AS master,
                               master_data ->> 'eventId' AS event
                        FROM subsync.subscription_sync_log WHERE mvp_user_id = :u AND source = 'master'""").param("u", user).query().singleRow();
        assertThat(log)
                .containsEntry("operation", "cancel")
                .containsEntry("status", "success")
                .containsEntry("mvp", "active")
                .containsEntry("master", "cancelled")
                .containsEntry("event", sent.at("/event/id").asString());
        assertThat(accountStatus()).isEqualTo("synced");
        assertThat(webhooksListed().get(0).at("/lastStatus").asInt()).isEqualTo(200);
    }

    @Test
    void aResentEventIsAcknowledgedAndAppliedOnce() {
        subscribedAndSynced();
        String eventId = masterChange(Map.of(
                        "userId", master.toString(), "serviceId", "svc_bazi", "type", "update", "planTier", "premium"))
                .at("/event/id")
                .asString();
        JsonNode resent = adminPost("/admin/webhooks/" + eventId + "/resend", "");
        assertThat(resent.at("/delivery/status").asInt()).isEqualTo(200);

        assertThat(state()).containsEntry("plan_code", "PREMIUM").containsEntry("desired_revision", 2L);
        assertThat(countLog("source = 'master' AND status = 'success'")).isEqualTo(1);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM subsync.subscription_sync_log
                        WHERE source = 'master' AND status = 'ignored' AND master_data ->> 'eventId' = :id
                          AND error LIKE 'duplicate%'""").param("id", eventId).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM subsync.master_webhook_events WHERE event_id = :id")
                        .param("id", eventId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(webhooksListed().get(0).at("/deliveries").size()).isEqualTo(2);
    }

    @Test
    void concurrentDuplicatesOfOneEventApplyItOnce() throws Exception {
        subscribedAndSynced();
        String body = event("evt_" + UUID.randomUUID(), "subscription.updated", "premium", "active", 2);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var answers = pool.invokeAll(java.util.Collections.nCopies(
                    4, (java.util.concurrent.Callable<Api.Response>) () -> signedPost(body, Instant.now())));
            for (var answer : answers) {
                assertThat(answer.get().status()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(countLog("source = 'master' AND status = 'success'")).isEqualTo(1);
        assertThat(state()).containsEntry("plan_code", "PREMIUM").containsEntry("desired_revision", 2L);
    }

    @Test
    void anOlderVersionIsLoggedStaleAndChangesNothing() {
        subscribedAndSynced();
        masterChange(Map.of("userId", master.toString(), "serviceId", "svc_bazi", "type", "cancel"));
        Map<String, Object> before = state();

        Api.Response answer = signedPost(
                event("evt_" + UUID.randomUUID(), "subscription.updated", "premium", "active", 2), Instant.now());
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("outcome").asString()).isEqualTo("stale");
        assertThat(state()).isEqualTo(before);
        assertThat(countLog("source = 'master' AND status = 'stale'")).isEqualTo(1);
    }

    @Test
    void aVersionMasterConfirmedToADeliveryIsNotAppliedAgainFromALateWebhook() {
        subscribedAndSynced();
        assertThat(state()).containsEntry("master_version", 1L);
        Api.Response answer = signedPost(
                event("evt_" + UUID.randomUUID(), "subscription.updated", "premium", "active", 1), Instant.now());
        assertThat(answer.json().get("outcome").asString()).isEqualTo("stale");
        assertThat(state()).containsEntry("plan_code", "BASIC");
    }

    @Test
    void anUnknownEventTypeIsAcknowledgedAndLogged() {
        String body = "{\"id\":\"evt_" + UUID.randomUUID() + "\",\"type\":\"invoice.paid\",\"data\":{\"amount\":3}}";
        Api.Response answer = signedPost(body, Instant.now());
        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json().get("outcome").asString()).isEqualTo("unknown_type");
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM subsync.subscription_sync_log WHERE source = 'master' AND status = 'ignored' "
                                        + "AND master_data ->> 'type' = 'invoice.paid'")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void aChangeForAMasterAccountLinkedToNobodyIsAcknowledgedAndIgnored() {
        Api.Response answer = signedPost(
                event("evt_" + UUID.randomUUID(), "subscription.cancelled", "basic", "cancelled", 4), Instant.now());
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("outcome").asString()).isEqualTo("ignored");
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM subsync.subscription_sync_log WHERE master_user_id = :m AND status = 'ignored'")
                        .param("m", master)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void unsignedWronglySignedOrOldEventsAreRefusedWith401AndRecordNothing() {
        String id = "evt_" + UUID.randomUUID();
        String body = event(id, "subscription.cancelled", "basic", "cancelled", 9);
        Api.Response none = api.post("/webhooks/master", null, body);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().at("/errors/0/field").asString()).isEqualTo("X-Master-Signature");
        long now = Instant.now().getEpochSecond();
        String wrong = MasterSignature.header(
                "not-the-secret".getBytes(StandardCharsets.UTF_8), now, body.getBytes(StandardCharsets.UTF_8));
        assertThat(api.postWithHeader("/webhooks/master", null, body, "X-Master-Signature", wrong)
                        .status())
                .isEqualTo(401);
        assertThat(signedPost(body, Instant.now().minusSeconds(360)).status()).isEqualTo(401);
        assertThat(signedPost(body, Instant.now().plusSeconds(360)).status()).isEqualTo(401);
        assertThat(api.postWithHeader("/webhooks/master", null, body, "X-Master-Signature", "t=" + now)
                        .status())
                .isEqualTo(401);
        assertThat(jdbc.sql("SELECT count(*) FROM subsync.master_webhook_events WHERE event_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aUsersTokenSentAlongWithASignedEventChangesNothingOfHowItIsTakenIn() {
        String body = "{\"id\": \"evt_" + UUID.randomUUID() + "\", \"type\": \"invoice.paid\"}";
        String signature = MasterSignature.header(
                WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8),
                Instant.now().getEpochSecond(),
                body.getBytes(StandardCharsets.UTF_8));
        Api.Response response = api.postWithHeader(
                "/webhooks/master", Tokens.userOf(UUID.randomUUID()), body, "X-Master-Signature", signature);

        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        assertThat(response.json().get("outcome").asString()).isEqualTo("unknown_type");
    }

    @Test
    void aSignedButMalformedEventIs400NamingTheField() {
        Api.Response notJson = signedPost("{\"id\": ", Instant.now());
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().at("/errors/0/field").asString()).isEqualTo("body");
        String noVersion = event("evt_" + UUID.randomUUID(), "subscription.updated", "basic", "active", 1)
                .replace(",\"version\":1", "");
        Api.Response missing = signedPost(noVersion, Instant.now());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().at("/errors/0/field").asString()).isEqualTo("data.version");
        Api.Response badUser = signedPost(
                event("evt_" + UUID.randomUUID(), "subscription.updated", "basic", "active", 1)
                        .replace(master.toString(), "not-a-uuid"),
                Instant.now());
        assertThat(badUser.json().at("/errors/0/field").asString()).isEqualTo("data.userId");
        // PostgreSQL holds no U+0000 in text or jsonb: refused while reading, for known and unknown types alike.
        Api.Response nul = signedPost(
                event("evt_" + UUID.randomUUID(), "subscription.updated", "basic", "active", 1)
                        .replace("svc_bazi", "svc\\u0000bazi"),
                Instant.now());
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.json().at("/errors/0/field").asString()).isEqualTo("data.serviceId");
        Api.Response nulType =
                signedPost("{\"id\": \"evt_" + UUID.randomUUID() + "\", \"type\": \"x\\u0000y\"}", Instant.now());
        assertThat(nulType.status()).isEqualTo(400);
        assertThat(nulType.json().at("/errors/0/field").asString()).isEqualTo("type");
    }

    @Test
    void aConflictWithAnUndeliveredMvpChangeDivergesUnderManualAndCanBeResolved() {
        subscribedAndSynced();
        MASTER.faults(Faults.NONE.withOutage(true));
        Api.Response update =
                api.post("/sync-subscription", Tokens.serviceRole(), sync(user, null, "update", "PREMIUM", 2));
        assertThat(update.status()).isEqualTo(202);
        masterChange(Map.of("userId", master.toString(), "serviceId", "svc_bazi", "type", "cancel"));

        assertThat(state())
                .containsEntry("sync_status", "diverged")
                .containsEntry("plan_code", "PREMIUM")
                .containsEntry("status", "active");
        assertThat(accountStatus()).isEqualTo("diverged");
        assertThat(jdbc.sql("SELECT differences::text FROM subsync.sync_divergences WHERE mvp_user_id = :u")
                        .param("u", user)
                        .query(String.class)
                        .single())
                .contains("planCode", "status", "endDate");
        Map<String, Object> log = jdbc.sql("""
                        SELECT mvp_data ->> 'planCode' AS mvp, master_data ->> 'status' AS master, error
                        FROM subsync.subscription_sync_log WHERE mvp_user_id = :u AND source = 'master' AND status = 'diverged'""").param("u", user).query().singleRow();
        assertThat(log).containsEntry("mvp", "PREMIUM").containsEntry("master", "cancelled");
        assertThat(log.get("error").toString()).contains("status");
        MASTER.faults(Faults.NONE);
        sleep(500);
        assertThat(jdbc.sql(
                                "SELECT status FROM subsync.sync_outbox WHERE mvp_user_id = :u ORDER BY revision DESC LIMIT 1")
                        .param("u", user)
                        .query(String.class)
                        .single())
                .as("the MVP change is held")
                .isEqualTo("waiting");

        resolveWithMaster.resolve(user, "bazi-consultation", KeptSide.MASTER, null, new Provenance("operator", "r1"));
        assertThat(state())
                .containsEntry("sync_status", "synced")
                .containsEntry("status", "cancelled")
                .containsEntry("plan_code", "BASIC");
        assertThat(accountStatus()).isEqualTo("synced");
        assertThat(jdbc.sql(
                                "SELECT status FROM subsync.sync_outbox WHERE mvp_user_id = :u ORDER BY revision DESC LIMIT 1")
                        .param("u", user)
                        .query(String.class)
                        .single())
                .isEqualTo("superseded");
        assertThat(countLog("operation = 'resolve' AND source = 'master' AND status = 'success'"))
                .isEqualTo(1);
    }

    @Test
    void theUsersOwnNewChangeSettlesADivergenceInTheMvpsFavour() {
        subscribedAndSynced();
        MASTER.faults(Faults.NONE.withOutage(true));
        api.post("/sync-subscription", Tokens.serviceRole(), sync(user, null, "update", "PREMIUM", 2));
        masterChange(Map.of("userId", master.toString(), "serviceId", "svc_bazi", "type", "cancel"));
        MASTER.faults(Faults.NONE);
        assertThat(accountStatus()).isEqualTo("diverged");

        Api.Response again =
                api.post("/sync-subscription", Tokens.user(user, null), sync(user, null, "update", "BASIC", 3));

        assertThat(again.status()).as(again.toString()).isIn(200, 202);
        awaitDrained(Duration.ofSeconds(20));
        assertThat(MASTER.subscriptionsOf(master.toString()).get(0).planTier()).isEqualTo("basic");
        assertThat(MASTER.subscriptionsOf(master.toString()).get(0).status()).isEqualTo("active");
        assertThat(state()).containsEntry("sync_status", "synced").containsEntry("plan_code", "BASIC");
        assertThat(accountStatus()).isEqualTo("synced");
        assertThat(jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM subsync.sync_divergences WHERE mvp_user_id = :u)")
                        .param("u", user)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(
                        countLog(
                                "operation = 'resolve' AND source = 'mvp' AND status = 'success' AND actor = 'user:' || mvp_user_id"))
                .isEqualTo(1);
    }

    @Test
    void keepingTheMvpSidePushesItToMasterAgain() {
        subscribedAndSynced();
        MASTER.faults(Faults.NONE.withOutage(true));
        api.post("/sync-subscription", Tokens.serviceRole(), sync(user, null, "update", "PREMIUM", 2));
        masterChange(Map.of("userId", master.toString(), "serviceId", "svc_bazi", "type", "cancel"));
        MASTER.faults(Faults.NONE);
        assertThat(state()).containsEntry("sync_status", "diverged");

        resolveWithMaster.resolve(user, "bazi-consultation", KeptSide.MVP, null, new Provenance("operator", "r2"));
        awaitDrained(Duration.ofSeconds(20));
        assertThat(MASTER.subscriptionsOf(master.toString()).get(0).status()).isEqualTo("active");
        assertThat(MASTER.subscriptionsOf(master.toString()).get(0).planTier()).isEqualTo("premium");
        assertThat(state()).containsEntry("sync_status", "synced");
        assertThat(accountStatus()).isEqualTo("synced");
    }

    private void subscribedAndSynced() {
        Api.Response created =
                api.post("/sync-subscription", Tokens.serviceRole(), sync(user, master, "create", "BASIC", 1));
        assertThat(created.status()).as(created.toString()).isIn(200, 202);
        awaitDrained(Duration.ofSeconds(20));
        assertThat(state()).containsEntry("sync_status", "synced");
    }

    private String event(String id, String type, String tier, String status, long version) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("userId", master.toString());
        data.put("serviceId", "svc_bazi");
        data.put("planTier", tier);
        data.put("status", status);
        data.put("startDate", "2026-11-01T00:00:00Z");
        data.put("endDate", null);
        data.put("version", version);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("type", type);
        body.put("createdAt", Instant.now().toString());
        body.put("data", data);
        return Api.json(body);
    }

    private Api.Response signedPost(String body, Instant at) {
        String signature = MasterSignature.header(
                WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8),
                at.getEpochSecond(),
                body.getBytes(StandardCharsets.UTF_8));
        return api.postWithHeader("/webhooks/master", null, body, "X-Master-Signature", signature);
    }

    private JsonNode masterChange(Map<String, Object> change) {
        return adminPost("/admin/changes", Api.json(change));
    }

    private JsonNode adminPost(String path, String body) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(MASTER.baseUrl() + path))
                            .header("Authorization", "Bearer " + MASTER_KEY)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private java.util.List<JsonNode> webhooksListed() {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(MASTER.baseUrl() + "/admin/webhooks"))
                            .header("Authorization", "Bearer " + MASTER_KEY)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            java.util.List<JsonNode> events = new java.util.ArrayList<>();
            JSON.readTree(response.body()).forEach(events::add);
            return events;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> state() {
        return jdbc.sql("""
                        SELECT plan_code, status, end_date, desired_revision, synced_revision, sync_status, master_version
                        FROM subsync.subscription_sync_state WHERE mvp_user_id = :u AND service_name = 'bazi-consultation'""").param("u", user).query().singleRow();
    }

    private String accountStatus() {
        return jdbc.sql("SELECT sync_status FROM subsync.account_sync WHERE mvp_user_id = :u")
                .param("u", user)
                .query(String.class)
                .single();
    }

    private long outboxRows() {
        return jdbc.sql("SELECT count(*) FROM subsync.sync_outbox WHERE mvp_user_id = :u")
                .param("u", user)
                .query(Long.class)
                .single();
    }

    private long countLog(String condition) {
        return jdbc.sql("SELECT count(*) FROM subsync.subscription_sync_log WHERE mvp_user_id = :u AND " + condition)
                .param("u", user)
                .query(Long.class)
                .single();
    }
}
