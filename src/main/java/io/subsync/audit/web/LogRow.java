package io.subsync.audit.web;

import io.subsync.audit.SyncLogEntry;
import io.subsync.http.PageTexts;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** An audit trail entry as the admin page's log prints it: texts ready to show, the snapshots as indented JSON. */
record LogRow(
        long id,
        String when,
        String status,
        String operation,
        String source,
        String service,
        String syncId,
        String syncIdShort,
        String mvpUserId,
        String mvpUserIdShort,
        String user,
        String masterUserId,
        Integer attempt,
        String actor,
        String error,
        String mvpData,
        String masterData) {
    /** Indented for the page (the bean's output is compact); one shared instance, as {@link #of} is static. */
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    static LogRow of(SyncLogEntry e) {
        return new LogRow(
                e.id(),
                PageTexts.when(e.createdAt()),
                e.status(),
                e.operation(),
                e.source(),
                e.serviceName(),
                PageTexts.text(e.syncId()),
                PageTexts.shortId(e.syncId()),
                PageTexts.text(e.mvpUserId()),
                PageTexts.shortId(e.mvpUserId()),
                PageTexts.user(e.masterEmail(), e.mvpUserId()),
                PageTexts.text(e.masterUserId()),
                e.attempt(),
                e.actor(),
                e.error(),
                json(e.mvpData()),
                json(e.masterData()));
    }

    public boolean hasData() {
        return mvpData != null || masterData != null;
    }

    /** The log narrowed to this entry's user. */
    public String userUrl() {
        return mvpUserId == null
                ? null
                : LogPanel.Query.of(null, null, mvpUserId, null).url(null);
    }

    private static String json(Map<String, Object> snapshot) {
        return snapshot == null ? null : JSON.writeValueAsString(snapshot);
    }
}
