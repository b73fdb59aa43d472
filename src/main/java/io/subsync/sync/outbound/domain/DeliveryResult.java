package io.subsync.sync.outbound.domain;

import java.time.Duration;
import java.util.Optional;

/** What Master answered to one delivery attempt, classified. */
public record DeliveryResult(Kind kind, int httpStatus, String body, String error, Optional<Duration> retryAfter) {

    public enum Kind {
        /** 2xx: Master has the state. */
        CONFIRMED,
        /** 4xx other than 408, 409, 429: sending it again cannot help. */
        REJECTED,
        /** 5xx, 408, 409, 429, timeouts, refused connections: try again later. */
        RETRYABLE
    }

    public static DeliveryResult ofHttp(int status, String body, Optional<Duration> retryAfter) {
        if (status >= 200 && status < 300) {
            return new DeliveryResult(Kind.CONFIRMED, status, body, null, Optional.empty());
        }
        String error =
                "Master answered HTTP " + status + (body == null || body.isBlank() ? "" : ": " + abbreviate(body));
        boolean permanent = status >= 400 && status < 500 && status != 408 && status != 409 && status != 429;
        return new DeliveryResult(permanent ? Kind.REJECTED : Kind.RETRYABLE, status, body, error, retryAfter);
    }

    public static DeliveryResult unreachable(String error) {
        return new DeliveryResult(Kind.RETRYABLE, 0, null, error, Optional.empty());
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
