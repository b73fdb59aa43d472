package io.subsync.sync;

import io.subsync.sync.domain.ClaimedDelivery;
import io.subsync.sync.domain.DeliveryResult;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Master's HTTP API: {@code POST {MASTER_API_URL}} with Bearer auth and {@code Idempotency-Key} = the sync id, and
 * {@code GET {MASTER_API_URL}/users/{id}/subscriptions}. Never throws for what Master does: every outcome is a
 * {@link DeliveryResult}.
 */
@Component
public class MasterClient {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final SyncProperties properties;
    private final HttpClient http;

    MasterClient(SyncProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** The JSON body Master receives for a delivery (DESIGN's outbound contract). */
    public static Map<String, Object> body(ClaimedDelivery delivery) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("userId", delivery.masterUserId().map(Object::toString).orElse(null));
        body.put("serviceId", delivery.mapping().map(m -> m.masterServiceId()).orElse(null));
        body.put("planTier", delivery.mapping().map(m -> m.masterPlanTier()).orElse(null));
        body.put("operation", delivery.operation().code());
        body.put("serviceName", delivery.state().serviceName());
        body.put("planCode", delivery.state().planCode());
        body.put("status", delivery.state().status());
        body.put("startDate", delivery.state().startDate() == null ? null : delivery.state().startDate().toString());
        body.put("endDate", delivery.state().endDate() == null ? null : delivery.state().endDate().toString());
        body.put("metadata", delivery.state().metadata());
        return body;
    }

    public CompletableFuture<DeliveryResult> deliver(ClaimedDelivery delivery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(properties.masterApiUrl()))
                .timeout(properties.readTimeout())
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + (properties.masterApiKey() == null ? "" : properties.masterApiKey()))
                .header("Idempotency-Key", delivery.syncId().toString())
                .header("X-Subsync-Sequence", Long.toString(delivery.revision()))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body(delivery))))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> DeliveryResult.ofHttp(response.statusCode(), response.body(),
                        retryAfter(response.headers().firstValue("Retry-After"))))
                .exceptionally(MasterClient::unreachable);
    }

    private static DeliveryResult unreachable(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof HttpTimeoutException) {
            return DeliveryResult.unreachable("Master did not answer in time: " + cause.getMessage());
        }
        if (cause instanceof ConnectException) {
            return DeliveryResult.unreachable("Master is unreachable: connection refused");
        }
        return DeliveryResult.unreachable("Master is unreachable: " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
    }

    static Optional<Duration> retryAfter(Optional<String> header) {
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (RuntimeException notADate) {
                return Optional.empty();
            }
        }
    }
}
