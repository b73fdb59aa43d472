package io.subsync.mastersim.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Master's sending side: signs each event ({@code X-Master-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * t + "." + body>}) and POSTs it to the webhook URL, recording every delivery. Where to send and the secret can change
 * while running (a test learns its server's port after the simulator started).
 */
public final class Webhooks {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final Clock clock;
    private volatile Target target;

    private record Target(String url, byte[] secret) {}

    /** An event sent (or meant to be), with every delivery of it. */
    public record Sent(
            String id,
            String type,
            String userId,
            String serviceId,
            long version,
            Instant createdAt,
            byte[] body,
            List<Delivery> deliveries) {}

    /** One POST of an event: the HTTP status Subsync answered, or why there was none. */
    public record Delivery(Instant at, Integer status, String error) {}

    Webhooks(String url, String secret, Clock clock) {
        this.clock = clock;
        configure(url, secret);
    }

    /** Sends to {@code url} signed with {@code secret}; a blank url: events are recorded, not sent. */
    public void configure(String url, String secret) {
        this.target = new Target(
                url == null || url.isBlank() ? null : url,
                secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8));
    }

    public Optional<String> url() {
        return Optional.ofNullable(target.url());
    }

    /** Signs and POSTs the event now, waiting for the answer; records and returns the delivery. */
    Delivery send(Sent event) {
        Target now = target;
        Instant at = clock.instant();
        Delivery delivery;
        if (now.url() == null) {
            delivery = new Delivery(at, null, "not sent: no webhook URL configured");
        } else {
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(now.url()))
                        .timeout(TIMEOUT)
                        .header("Content-Type", "application/json")
                        .header("X-Master-Signature", signature(now.secret(), at.getEpochSecond(), event.body()))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(event.body()))
                        .build();
                delivery = new Delivery(
                        at,
                        http.send(request, HttpResponse.BodyHandlers.discarding())
                                .statusCode(),
                        null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                delivery = new Delivery(at, null, "interrupted");
            } catch (IOException | IllegalArgumentException e) {
                delivery = new Delivery(
                        at, null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            }
        }
        synchronized (event.deliveries()) {
            event.deliveries().add(delivery);
        }
        return delivery;
    }

    /** The event for a subscription Master changed: the body of docs/sync.md, "Changes from Master". */
    static Sent event(
            String id,
            String type,
            Map<String, Object> data,
            String userId,
            String serviceId,
            long version,
            Instant createdAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("type", type);
        body.put("createdAt", createdAt.toString());
        body.put("data", data);
        return new Sent(id, type, userId, serviceId, version, createdAt, Json.write(body), new ArrayList<>());
    }

    static String signature(byte[] secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.length == 0 ? new byte[1] : secret, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
