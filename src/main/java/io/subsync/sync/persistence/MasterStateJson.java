package io.subsync.sync.persistence;

import io.subsync.database.Columns;
import io.subsync.sync.FieldDifference;
import io.subsync.sync.IsoDates;
import io.subsync.sync.MasterSubscriptionState;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.core.type.TypeReference;

/** Master's subscription states and drift differences as the JSON of the sync tables. */
public final class MasterStateJson {
    private MasterStateJson() {}

    public static Map<String, Object> map(MasterSubscriptionState state) {
        if (state == null) {
            return null;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("serviceId", state.serviceId());
        map.put("planTier", state.planTier());
        map.put("status", state.status());
        map.put(
                "startDate",
                state.startDate() == null ? null : state.startDate().toString());
        map.put("endDate", state.endDate() == null ? null : state.endDate().toString());
        map.put("version", state.version());
        return map;
    }

    /**
     * The state Master confirmed, from {@code synced_data}: Master's answer to a delivery
     * ({@code {"applied", "version", "subscription": {…}}}) or a subscription itself.
     */
    @SuppressWarnings("unchecked")
    public static Optional<MasterSubscriptionState> confirmed(UUID masterUserId, String json) {
        Map<String, Object> data = Columns.map(json);
        if (data == null) {
            return Optional.empty();
        }
        Object subscription = data.get("subscription");
        Map<String, Object> fields = subscription instanceof Map<?, ?> nested ? (Map<String, Object>) nested : data;
        if (masterUserId == null || !(fields.get("serviceId") instanceof String serviceId)) {
            return Optional.empty();
        }
        Object version = fields.get("version") != null ? fields.get("version") : data.get("version");
        try {
            return Optional.of(new MasterSubscriptionState(
                    masterUserId,
                    serviceId,
                    orEmpty(fields.get("planTier")),
                    orEmpty(fields.get("status")),
                    date(fields.get("startDate")),
                    date(fields.get("endDate")),
                    version instanceof Number n ? n.longValue() : 0));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public static String differences(List<FieldDifference> differences) {
        return Columns.write(differences.stream()
                .map(d -> {
                    Map<String, Object> map = new LinkedHashMap<>();
                    map.put("field", d.field());
                    map.put("confirmed", d.confirmed());
                    map.put("master", d.master());
                    return map;
                })
                .toList());
    }

    public static List<FieldDifference> differences(String json) {
        if (json == null) {
            return List.of();
        }
        List<Map<String, Object>> rows = Columns.JSON.readValue(json, new TypeReference<>() {});
        return rows.stream()
                .map(row -> new FieldDifference(
                        text(row.get("field")), text(row.get("confirmed")), text(row.get("master"))))
                .toList();
    }

    private static String orEmpty(Object value) {
        return value == null ? "" : value.toString();
    }

    /** A date Master sent: a day (its start in UTC) or a date-time with an offset. */
    private static Instant date(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        return IsoDates.parse(value.toString());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
