package io.subsync.database;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** JSON and time conversions of columns ({@code jsonb}, {@code timestamptz}), shared by the SQL adapters. */
public final class Columns {
    /**
     * The one JsonMapper of the SQL adapters' static row mappers and of {@code io.subsync.sync.persistence}'s static
     * helpers, which no Spring bean reaches; Jackson's defaults, not the API's strict input rules.
     */
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private static final TypeReference<List<String>> LIST = new TypeReference<>() {};

    private Columns() {}

    public static String write(Object value) {
        return value == null ? null : JSON.writeValueAsString(value);
    }

    public static Map<String, Object> map(String json) {
        return json == null ? null : JSON.readValue(json, MAP);
    }

    public static List<String> list(String json) {
        return json == null ? List.of() : JSON.readValue(json, LIST);
    }

    public static Instant instant(String iso) {
        return iso == null ? null : Instant.parse(iso);
    }

    public static OffsetDateTime time(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
