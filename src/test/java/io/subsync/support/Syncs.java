package io.subsync.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fixtures: sync operations made through the API, delivered or refused by the Master simulator. A service whose
 * mapping has an empty Master plan tier is refused with a 4xx, so its operations fail at their first attempt.
 */
public final class Syncs {
    private final Api api;
    private final JdbcClient jdbc;

    public Syncs(Api api, JdbcClient jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    /** A service of its own whose operations Master refuses, until {@link #mend(String)}. */
    public String brokenService() {
        String service = "broken-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                INSERT INTO subsync.service_plan_mapping (mvp_service_name, mvp_plan_code, master_service_id, master_plan_tier)
                VALUES (:service, 'X', 'svc_broken', '')""").param("service", service).update();
        return service;
    }

    /** Maps the broken service to a tier Master takes. */
    public void mend(String service) {
        jdbc.sql("UPDATE subsync.service_plan_mapping SET master_plan_tier = 'x' WHERE mvp_service_name = :service")
                .param("service", service)
                .update();
    }

    /** Creates a subscription to {@code service} (plan X) for the user; Master's answer is left to the workers. */
    public UUID request(UUID user, String service) {
        Map<String, Object> data = new HashMap<>();
        data.put("serviceName", service);
        data.put("planCode", "X");
        data.put("status", "active");
        data.put("startDate", "2026-11-01T00:00:00Z");
        Map<String, Object> body = Map.of(
                "mvpUserId",
                user.toString(),
                "masterUserId",
                UUID.randomUUID().toString(),
                "operation",
                "create",
                "subscriptionData",
                data);
        Api.Response response = api.post("/sync-subscription", Tokens.serviceRole(), body);
        assertThat(response.status()).as(response.toString()).isIn(200, 202);
        return UUID.fromString(response.json().get("syncId").asString());
    }

    /** An operation that Master confirms (within the request, or soon after); revision 1 creates and links. */
    public UUID delivered(UUID user, String plan, int revision) {
        Map<String, Object> data = new HashMap<>();
        data.put("serviceName", "bazi-consultation");
        data.put("planCode", plan);
        data.put("status", "active");
        data.put("startDate", "2026-11-01T00:00:00Z");
        data.put("metadata", Map.of("revision", revision));
        Map<String, Object> body = new HashMap<>(Map.of(
                "mvpUserId",
                user.toString(),
                "operation",
                revision == 1 ? "create" : "update",
                "subscriptionData",
                data));
        if (revision == 1) {
            body.put("masterUserId", UUID.randomUUID().toString());
        }
        Api.Response response = api.post("/sync-subscription", Tokens.serviceRole(), body);
        assertThat(response.status()).as(response.toString()).isIn(200, 202);
        UUID syncId = UUID.fromString(response.json().get("syncId").asString());
        // On a busy machine Master may answer after the request's wait: the workers finish the delivery.
        Waits.upTo(Duration.ofSeconds(15), Duration.ofMillis(50))
                .untilAsserted(() ->
                        assertThat(status(syncId)).as("operation " + syncId).isEqualTo("delivered"));
        return syncId;
    }

    /** The outbox status of an operation. */
    public String status(UUID syncId) {
        return jdbc.sql("SELECT status FROM subsync.sync_outbox WHERE id = :id")
                .param("id", syncId)
                .query(String.class)
                .single();
    }
}
