package io.subsync.sync.persistence;

import io.subsync.sync.domain.FieldDifference;
import io.subsync.sync.domain.MasterSubscriptionState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Master's subscription states and drift differences as the JSON of the sync tables. */
final class MasterStateJson {
    private MasterStateJson() {
    }

    static Map<String, Object> map(MasterSubscriptionState state) {
        if (state == null) {
            return null;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("serviceId", state.serviceId());
        map.put("planTier", state.planTier());
        map.put("status", state.status());
        map.put("startDate", state.startDate() == null ? null : state.startDate().toString());
        map.put("endDate", state.endDate() == null ? null : state.endDate().toString());
        map.put("version", state.version());
        return map;
    }

    /**
     * The state Master confirmed, from {@code synced_data}: Master's answer to a delivery
     * ({@code {"applied", "version", "subscription": {…}}}) or a subscription itself.
     */
    @SuppressWarnings("unchecked")
    static Optional<MasterSubscriptionState> confirmed(UUID masterUserId, String json) {
        Map<String, Object> data = SyncJson.map(json);
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
            return Optional.of(new MasterSubscriptionState(masterUserId, serviceId, orEmpty(fields.get("planTier")),
                    orEmpty(fields.get("status")), date(fields.get("startDate")), date(fields.get("endDate")),
                    version instanceof Number n ? n.longValue() : 0));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static String differences(List<FieldDifference> differences) {
        return SyncJson.write(differences.stream().map(d -> {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("field", d.field());
            map.put("confirmed", d.confirmed());
            map.put("master", d.master());
            return map;
        }).toList());
    }

    static List<FieldDifference> differences(String json) {
        if (json == null) {
            return List.of();
        }
        List<Map<String, Object>> rows = SyncJson.JSON.readValue(json, new tools.jackson.core.type.TypeReference<>() { });
        return rows.stream().map(row -> new FieldDifference(text(row.get("field")), text(row.get("confirmed")),
                text(row.get("master")))).toList();
    }

    private static String orEmpty(Object value) {
        return value == null ? "" : value.toString();
    }

    /** A date Master sent: a day (its start in UTC) or a date-time with an offset. */
    private static java.time.Instant date(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        String text = value.toString().trim();
        return text.length() == 10 ? java.time.LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                : java.time.OffsetDateTime.parse(text).toInstant();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
