package io.subsync.sync.persistence;

import io.subsync.sync.domain.DesiredState;
import io.subsync.sync.domain.SyncOperation;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** JSON and time conversions of the sync tables. */
final class SyncJson {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private static final TypeReference<List<String>> LIST = new TypeReference<>() { };

    private SyncJson() {
    }

    static String write(Object value) {
        return value == null ? null : JSON.writeValueAsString(value);
    }

    static Map<String, Object> map(String json) {
        return json == null ? null : JSON.readValue(json, MAP);
    }

    static List<String> list(String json) {
        return json == null ? List.of() : JSON.readValue(json, LIST);
    }

    /** The outbox payload: the desired state as it was at that revision. */
    static String payload(DesiredState state) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("operation", state.operation().code());
        payload.put("serviceName", state.serviceName());
        payload.put("planCode", state.planCode());
        payload.put("status", state.status());
        payload.put("startDate", state.startDate() == null ? null : state.startDate().toString());
        payload.put("endDate", state.endDate() == null ? null : state.endDate().toString());
        payload.put("metadata", state.metadata());
        return write(payload);
    }

    @SuppressWarnings("unchecked")
    static DesiredState state(String payload) {
        Map<String, Object> map = map(payload);
        return new DesiredState(SyncOperation.valueOf(((String) map.get("operation")).toUpperCase(Locale.ROOT)),
                (String) map.get("serviceName"), (String) map.get("planCode"), (String) map.get("status"),
                instant((String) map.get("startDate")), instant((String) map.get("endDate")),
                (Map<String, Object>) map.get("metadata"));
    }

    static Instant instant(String iso) {
        return iso == null ? null : Instant.parse(iso);
    }

    static OffsetDateTime time(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
