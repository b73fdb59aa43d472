package io.subsync.sync.web;

import io.subsync.sync.domain.SyncLogEntry;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** An audit trail entry as the admin page's log prints it: texts ready to show, the snapshots as indented JSON. */
record LogRow(long id, String when, String status, String operation, String source, String service, String syncId,
              String syncIdShort, String mvpUserId, String mvpUserIdShort, String masterUserId, Integer attempt,
              String actor, String error, String mvpData, String masterData) {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    static LogRow of(SyncLogEntry e) {
        return new LogRow(e.id(), when(e.createdAt()), e.status(), e.operation(), e.source(), e.serviceName(),
                text(e.syncId()), shortId(e.syncId()), text(e.mvpUserId()), shortId(e.mvpUserId()), text(e.masterUserId()),
                e.attempt(), e.actor(), e.error(), json(e.mvpData()), json(e.masterData()));
    }

    public boolean hasData() {
        return mvpData != null || masterData != null;
    }

    /** The log narrowed to this entry's user. */
    public String userUrl() {
        return mvpUserId == null ? null : LogPanel.Query.of(null, null, mvpUserId, null).url(null);
    }

    static String when(Instant at) {
        return at == null ? "—" : WHEN.format(at);
    }

    static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    /** The first block of a UUID, enough to tell rows apart at a glance; the whole one goes in a title. */
    static String shortId(UUID id) {
        return id == null ? null : id.toString().substring(0, 8);
    }

    private static String json(Map<String, Object> snapshot) {
        return snapshot == null ? null : JSON.writeValueAsString(snapshot);
    }
}
