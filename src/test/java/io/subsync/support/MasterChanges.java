package io.subsync.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Fixtures: changes made at Master by someone else than Subsync (straight to the simulator's API), to make drift. */
public final class MasterChanges {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private MasterChanges() {}

    /** Master cancels the user's subscription to the service, as of {@code endDate}. */
    public static void cancel(UUID masterUser, String serviceId, String planTier, String endDate) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("userId", masterUser.toString());
        body.put("serviceId", serviceId);
        body.put("planTier", planTier);
        body.put("operation", "cancel");
        body.put("endDate", endDate);
        apply(body);
    }

    /** Master creates a subscription of its own for the user. */
    public static void create(UUID masterUser, String serviceId, String planTier) {
        apply(Map.of(
                "userId",
                masterUser.toString(),
                "serviceId",
                serviceId,
                "planTier",
                planTier,
                "operation",
                "create",
                "status",
                "active",
                "startDate",
                "2026-10-01T00:00:00Z"));
    }

    /**
     * A change made at Master by someone else, which Master announces with a signed webhook (to wherever the simulator
     * sends them): {@code {userId, serviceId, type}} and the fields the change sets.
     */
    public static JsonNode announced(Map<String, Object> change) {
        return JSON.readTree(send("/admin/changes", change));
    }

    /** The status the service answered the webhook of a change announced with {@link #announced}. */
    public static int webhookAnswer(JsonNode announced) {
        return announced.at("/delivery/status").asInt();
    }

    private static void apply(Map<String, Object> body) {
        send("/", body);
    }

    private static String send(String path, Map<String, Object> body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(MasterIntegrationTest.MASTER.baseUrl() + path))
                .header("Authorization", "Bearer " + MasterIntegrationTest.MASTER_KEY)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "master-side-" + UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
