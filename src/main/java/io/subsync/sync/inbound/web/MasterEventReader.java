package io.subsync.sync.inbound.web;

import io.subsync.sync.DesiredState;
import io.subsync.sync.IsoDates;
import io.subsync.sync.MasterSubscriptionState;
import io.subsync.sync.inbound.domain.InvalidMasterEvent;
import io.subsync.sync.inbound.domain.MasterEvent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a webhook body (docs/sync.md, "Changes from Master"). {@code id} and {@code type} are always required; the rest only for a known
 * type. Unknown fields are ignored: Master may add some without breaking the endpoint.
 */
final class MasterEventReader {
    private static final int MAX_TEXT = 255;

    private MasterEventReader() {}

    /** Reads it as a tree with the application's mapper, whose strict rules bind typed bodies only. */
    static MasterEvent read(JsonMapper json, byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidMasterEvent("body", "is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidMasterEvent("body", "must be a JSON object");
        }
        String id = text(root, "id", "id");
        String type = text(root, "type", "type");
        if (MasterEvent.operationOf(type).isEmpty()) {
            JsonNode created = root.get("createdAt");
            Instant createdAt = created != null && created.isString() ? lenientInstant(created.asString()) : null;
            return new MasterEvent(id, type, createdAt, Optional.empty());
        }
        Instant createdAt = date(root, "createdAt", "createdAt", true);
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            throw new InvalidMasterEvent("data", "is required (an object) for " + type);
        }
        UUID user;
        try {
            user = UUID.fromString(text(data, "userId", "data.userId"));
        } catch (IllegalArgumentException e) {
            throw new InvalidMasterEvent("data.userId", "must be a UUID");
        }
        String status = text(data, "status", "data.status").toLowerCase(Locale.ROOT);
        if (!DesiredState.STATUSES.contains(status)) {
            throw new InvalidMasterEvent(
                    "data.status", "must be one of " + String.join(", ", new TreeSet<>(DesiredState.STATUSES)));
        }
        JsonNode version = data.get("version");
        if (version == null || !version.isIntegralNumber() || !version.canConvertToLong() || version.longValue() < 1) {
            throw new InvalidMasterEvent("data.version", "is required (a whole number, at least 1)");
        }
        MasterSubscriptionState state = new MasterSubscriptionState(
                user,
                text(data, "serviceId", "data.serviceId"),
                text(data, "planTier", "data.planTier"),
                status,
                date(data, "startDate", "data.startDate", false),
                date(data, "endDate", "data.endDate", false),
                version.longValue());
        return new MasterEvent(id, type, createdAt, Optional.of(state));
    }

    private static String text(JsonNode node, String name, String field) {
        JsonNode value = node.get(name);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            throw new InvalidMasterEvent(field, "is required (a non-empty string)");
        }
        String text = value.asString().trim();
        if (text.indexOf('\u0000') >= 0) {
            // PostgreSQL cannot hold it, in text or jsonb.
            throw new InvalidMasterEvent(field, "must not contain the character U+0000");
        }
        if (text.length() > MAX_TEXT) {
            throw new InvalidMasterEvent(field, "must be at most " + MAX_TEXT + " characters");
        }
        return text;
    }

    private static Instant date(JsonNode node, String name, String field, boolean required) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                throw new InvalidMasterEvent(field, "is required (ISO-8601)");
            }
            return null;
        }
        Instant instant = value.isString() ? lenientInstant(value.asString()) : null;
        if (instant == null) {
            throw new InvalidMasterEvent(field, "must be an ISO-8601 date or date-time");
        }
        return instant;
    }

    private static Instant lenientInstant(String text) {
        try {
            return IsoDates.parse(text);
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }
}
