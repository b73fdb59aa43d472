package io.subsync.sync;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The dates the service reads (requests, Master's answers and webhooks, the states it keeps): ISO-8601 date-times
 * with an offset, or days; a day means its start in UTC. Each reader names its own field in its own error.
 */
public final class IsoDates {
    private IsoDates() {}

    /**
     * The instant of {@code text} (trimmed).
     *
     * @throws DateTimeParseException when it is neither an ISO-8601 date-time with an offset nor a day
     */
    public static Instant parse(String text) {
        String trimmed = text.trim();
        try {
            return OffsetDateTime.parse(trimmed).toInstant();
        } catch (DateTimeParseException notADateTime) {
            return LocalDate.parse(trimmed).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
    }
}
