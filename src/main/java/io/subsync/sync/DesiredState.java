package io.subsync.sync;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The state of one user's subscription to one service that the MVP side wants Master to have. Two requests that
 * want the same state are the same request (the idempotency of {@code POST /sync-subscription}).
 */
public record DesiredState(
        SyncOperation operation,
        String serviceName,
        String planCode,
        String status,
        Instant startDate,
        Instant endDate,
        Map<String, Object> metadata) {
    public static final Set<String> STATUSES =
            Set.of("active", "trialing", "past_due", "paused", "cancelled", "expired");

    /** The same state, to be sent whole ({@code sync}): what a re-push sends. */
    public DesiredState asSync() {
        return new DesiredState(SyncOperation.SYNC, serviceName, planCode, status, startDate, endDate, metadata);
    }

    /** The state as audit entries and the outbox payload hold it, dates as ISO-8601 text; a map the caller may add to. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("serviceName", serviceName);
        map.put("planCode", planCode);
        map.put("operation", operation.code());
        map.put("status", status);
        map.put("startDate", startDate == null ? null : startDate.toString());
        map.put("endDate", endDate == null ? null : endDate.toString());
        map.put("metadata", metadata);
        return map;
    }

    /** Checks a request's subscription data against the operation, its dates ISO-8601 text. */
    public static DesiredState of(
            SyncOperation operation,
            String serviceName,
            String planCode,
            String status,
            String startDate,
            String endDate,
            Map<String, Object> metadata) {
        String service = required("subscriptionData.serviceName", serviceName, 100);
        String plan = required("subscriptionData.planCode", planCode, 100);
        String normalized = status(operation, status);
        Instant start = requireStart(operation, date("subscriptionData.startDate", startDate));
        return checked(
                operation, service, plan, normalized, start, date("subscriptionData.endDate", endDate), metadata);
    }

    /** Checks subscription data the service itself wants (dates already read) against the operation. */
    public static DesiredState checked(
            SyncOperation operation,
            String serviceName,
            String planCode,
            String status,
            Instant start,
            Instant end,
            Map<String, Object> metadata) {
        String service = required("subscriptionData.serviceName", serviceName, 100);
        String plan = required("subscriptionData.planCode", planCode, 100);
        String normalized = status(operation, status);
        requireStart(operation, start);
        if (start != null && end != null && end.isBefore(start)) {
            throw new InvalidSyncRequest("subscriptionData.endDate", "must not be before startDate");
        }
        return new DesiredState(operation, service, plan, normalized, start, end, metadata);
    }

    private static Instant requireStart(SyncOperation operation, Instant start) {
        if (start == null && operation == SyncOperation.CREATE) {
            throw new InvalidSyncRequest("subscriptionData.startDate", "is required for operation create (ISO-8601)");
        }
        return start;
    }

    private static String status(SyncOperation operation, String status) {
        String normalized =
                status == null ? defaultStatus(operation) : status.trim().toLowerCase(Locale.ROOT);
        if (!STATUSES.contains(normalized)) {
            throw new InvalidSyncRequest(
                    "subscriptionData.status",
                    "must be one of " + String.join(", ", new TreeSet<>(STATUSES)) + ", was '" + status + "'");
        }
        if (operation == SyncOperation.CANCEL && !normalized.equals("cancelled")) {
            throw new InvalidSyncRequest("subscriptionData.status", "must be cancelled for operation cancel");
        }
        if ((operation == SyncOperation.REACTIVATE || operation == SyncOperation.CREATE)
                && normalized.equals("cancelled")) {
            throw new InvalidSyncRequest(
                    "subscriptionData.status", "cannot be cancelled for operation " + operation.code());
        }
        return normalized;
    }

    private static String defaultStatus(SyncOperation operation) {
        return operation == SyncOperation.CANCEL ? "cancelled" : "active";
    }

    private static String required(String field, String value, int max) {
        String trimmed = value == null ? "" : value.trim();
        if (trimmed.isEmpty() || trimmed.length() > max) {
            throw new InvalidSyncRequest(field, "is required (1-" + max + " characters)");
        }
        return trimmed;
    }

    private static Instant date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return IsoDates.parse(value);
        } catch (DateTimeParseException notADate) {
            throw new InvalidSyncRequest(field, "must be an ISO-8601 date or date-time, was '" + value + "'");
        }
    }
}
