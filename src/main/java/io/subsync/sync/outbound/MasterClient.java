package io.subsync.sync.outbound;

import io.subsync.sync.IsoDates;
import io.subsync.sync.MasterSubscriptionState;
import io.subsync.sync.SyncProperties;
import io.subsync.sync.outbound.domain.ClaimedDelivery;
import io.subsync.sync.outbound.domain.DeliveryResult;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Master's HTTP API: {@code POST {MASTER_API_URL}} with Bearer auth and {@code Idempotency-Key} = the sync id, and
 * {@code GET {MASTER_API_URL}/users/{id}/subscriptions}. Never throws for what Master does: every outcome is a
 * {@link DeliveryResult}.
 */
@Component
public class MasterClient {
    /**
     * Master's wire format, not the application's JsonMapper bean: that one carries the API's strict input rules
     * (StrictJson: no unknown field, no coercion, no U+0000), which are ours to impose on callers, not on Master's
     * answers. One shared instance, never one per call.
     */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SyncProperties properties;
    private final HttpClient http;

    MasterClient(SyncProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** The JSON body Master receives for a delivery (docs/master-simulator.md, "Master's API"). */
    public static Map<String, Object> body(ClaimedDelivery delivery) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("userId", delivery.masterUserId().map(Object::toString).orElse(null));
        body.put("serviceId", delivery.mapping().map(m -> m.masterServiceId()).orElse(null));
        body.put("planTier", delivery.mapping().map(m -> m.masterPlanTier()).orElse(null));
        body.put("operation", delivery.operation().code());
        body.put("serviceName", delivery.state().serviceName());
        body.put("planCode", delivery.state().planCode());
        body.put("status", delivery.state().status());
        body.put(
                "startDate",
                delivery.state().startDate() == null
                        ? null
                        : delivery.state().startDate().toString());
        body.put(
                "endDate",
                delivery.state().endDate() == null
                        ? null
                        : delivery.state().endDate().toString());
        body.put("metadata", delivery.state().metadata());
        return body;
    }

    public CompletableFuture<DeliveryResult> deliver(ClaimedDelivery delivery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(properties.masterApiUrl()))
                .timeout(properties.readTimeout())
                .header("Content-Type", "application/json")
                .header(
                        "Authorization",
                        "Bearer " + (properties.masterApiKey() == null ? "" : properties.masterApiKey()))
                .header("Idempotency-Key", delivery.syncId().toString())
                .header("X-Subsync-Sequence", Long.toString(delivery.revision()))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body(delivery))))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> DeliveryResult.ofHttp(
                        response.statusCode(),
                        response.body(),
                        retryAfter(response.headers().firstValue("Retry-After"))))
                .exceptionally(MasterClient::unreachable);
    }

    private static DeliveryResult unreachable(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof HttpTimeoutException) {
            return DeliveryResult.unreachable("Master did not answer in time: " + cause.getMessage());
        }
        if (cause instanceof ConnectException) {
            return DeliveryResult.unreachable("Master is unreachable: connection refused");
        }
        return DeliveryResult.unreachable("Master is unreachable: "
                + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
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

    /**
     * Master's view of a user's subscriptions, cancelled ones included ({@code GET {MASTER_API_URL}/users/{id}/subscriptions}).
     *
     * @throws MasterUnavailable when Master cannot be reached or answers anything but its list
     */
    public List<MasterSubscriptionState> subscriptionsOf(UUID masterUserId) {
        String base = properties.masterApiUrl().endsWith("/")
                ? properties
                        .masterApiUrl()
                        .substring(0, properties.masterApiUrl().length() - 1)
                : properties.masterApiUrl();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/users/" + masterUserId + "/subscriptions"))
                .timeout(properties.readTimeout())
                .header("Accept", "application/json")
                .header(
                        "Authorization",
                        "Bearer " + (properties.masterApiKey() == null ? "" : properties.masterApiKey()))
                .GET()
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new MasterUnavailable(unreachable(e).error());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MasterUnavailable("interrupted while reading Master's subscriptions");
        }
        if (response.statusCode() != 200) {
            throw new MasterUnavailable(DeliveryResult.ofHttp(response.statusCode(), response.body(), Optional.empty())
                    .error());
        }
        try {
            Map<String, Object> body = JSON.readValue(response.body(), new TypeReference<Map<String, Object>>() {});
            if (!(body.get("subscriptions") instanceof List<?> items)) {
                throw new MasterUnavailable("Master's answer has no subscriptions list");
            }
            return items.stream().map(item -> state(masterUserId, item)).toList();
        } catch (JacksonException e) {
            throw new MasterUnavailable("Master's answer is not JSON: " + e.getOriginalMessage());
        }
    }

    private static MasterSubscriptionState state(UUID masterUserId, Object item) {
        if (!(item instanceof Map<?, ?> fields) || !(fields.get("serviceId") instanceof String serviceId)) {
            throw new MasterUnavailable("a subscription in Master's answer has no serviceId");
        }
        return new MasterSubscriptionState(
                masterUserId,
                serviceId,
                text(fields.get("planTier")),
                text(fields.get("status")),
                date(fields.get("startDate")),
                date(fields.get("endDate")),
                fields.get("version") instanceof Number version ? version.longValue() : 0);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** Master's dates are ISO-8601 days or date-times with an offset, kept as sent; a day is its start in UTC. */
    static Instant date(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        String text = value.toString().trim();
        try {
            return IsoDates.parse(text);
        } catch (DateTimeParseException notADate) {
            throw new MasterUnavailable("Master's answer has a date that is not ISO-8601: '" + text + "'");
        }
    }
}
