package io.subsync.mastersim.web;

import io.subsync.mastersim.domain.Change;
import io.subsync.mastersim.domain.Operation;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads a delivery's body as Master's contract defines it. Strict on purpose, so the simulator catches a client
 * that drifts from the contract: unknown fields, missing required fields and wrong JSON types are 400; an unknown
 * operation or a date that is not ISO-8601 is 422. Each names the field.
 */
final class ChangeReader {
    static final String SEQUENCE_HEADER = "X-Subsync-Sequence";
    private static final Set<String> FIELDS = Set.of(
            "userId",
            "serviceId",
            "planTier",
            "operation",
            "serviceName",
            "planCode",
            "status",
            "startDate",
            "endDate",
            "metadata");
    private static final String FIELD_LIST =
            String.join(", ", FIELDS.stream().sorted().toList());

    private ChangeReader() {}

    static Change read(byte[] body, String sequenceHeader) {
        JsonNode json = Json.object(body);
        for (String name : json.propertyNames()) {
            if (!FIELDS.contains(name)) {
                throw BadRequest.invalid(name, "unknown field " + name + "; Master takes " + FIELD_LIST);
            }
        }
        String userId = required(json, "userId");
        String serviceId = required(json, "serviceId");
        String planTier = required(json, "planTier");
        String operationCode = required(json, "operation");
        Operation operation = Operation.fromCode(operationCode)
                .orElseThrow(() -> BadRequest.unprocessable(
                        "operation",
                        "unknown operation '" + operationCode + "'; use create, update, cancel, reactivate or sync"));
        String status = optional(json, "status");
        return new Change(
                userId,
                serviceId,
                planTier,
                operation,
                optional(json, "serviceName"),
                optional(json, "planCode"),
                status == null ? null : status.toLowerCase(Locale.ROOT),
                date(json, "startDate"),
                date(json, "endDate"),
                metadata(json),
                sequence(sequenceHeader));
    }

    static String required(JsonNode json, String field) {
        String value = optional(json, field);
        if (value == null) {
            throw BadRequest.invalid(field, field + " is required");
        }
        return value;
    }

    static String optional(JsonNode json, String field) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw BadRequest.invalid(field, field + " must be a string");
        }
        String value = node.stringValue();
        if (value.isBlank()) {
            throw BadRequest.invalid(field, field + " must not be blank");
        }
        return value;
    }

    static String date(JsonNode json, String field) {
        String value = optional(json, field);
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate.parse(value);
            } else {
                OffsetDateTime.parse(value);
            }
            return value;
        } catch (DateTimeParseException e) {
            throw BadRequest.unprocessable(
                    field,
                    field + " must be an ISO-8601 date (2025-01-31) or date-time with "
                            + "offset (2025-01-31T09:30:00Z), was '" + value + "'");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metadata(JsonNode json) {
        JsonNode node = json.get("metadata");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw BadRequest.invalid("metadata", "metadata must be a JSON object or null");
        }
        return Collections.unmodifiableMap(Json.MAPPER.convertValue(node, Map.class));
    }

    private static Long sequence(String header) {
        if (header == null) {
            return null;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            throw BadRequest.invalid(SEQUENCE_HEADER, SEQUENCE_HEADER + " must be an integer, was '" + header + "'");
        }
    }
}
