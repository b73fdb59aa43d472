package io.subsync.audit.web;

import io.subsync.access.Caller;
import io.subsync.audit.InvalidAuditQuery;
import io.subsync.audit.LogCursor;
import io.subsync.audit.ReadAuditTrail;
import io.subsync.audit.SyncLog;
import io.subsync.audit.SyncLogEntry;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/sync/logs}: the audit trail, newest first, a page at a time (a user sees their own entries). */
@RestController
@ConditionalOnWebApplication
class AuditApiController {
    private final ReadAuditTrail trail;

    AuditApiController(ReadAuditTrail trail) {
        this.trail = trail;
    }

    record LogView(
            long id,
            UUID syncId,
            UUID mvpUserId,
            UUID masterUserId,
            String serviceName,
            String operation,
            String source,
            String status,
            Map<String, Object> mvpData,
            Map<String, Object> masterData,
            String error,
            Integer attempt,
            String actor,
            String requestId,
            Instant createdAt) {
        static LogView of(SyncLogEntry e) {
            return new LogView(
                    e.id(),
                    e.syncId(),
                    e.mvpUserId(),
                    e.masterUserId(),
                    e.serviceName(),
                    e.operation(),
                    e.source(),
                    e.status(),
                    e.mvpData(),
                    e.masterData(),
                    e.error(),
                    e.attempt(),
                    e.actor(),
                    e.requestId(),
                    e.createdAt());
        }
    }

    record LogPage(List<LogView> items, String nextCursor) {}

    @GetMapping("/api/sync/logs")
    LogPage logs(
            @RequestParam(required = false) UUID mvpUserId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String operation,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) String cursor,
            @AuthenticationPrincipal Jwt jwt) {
        if (limit < 1 || limit > 500) {
            throw new InvalidAuditQuery("limit", "must be between 1 and 500");
        }
        SyncLog.Filter filter = new SyncLog.Filter(
                Optional.ofNullable(mvpUserId),
                Optional.ofNullable(known("status", lower(status), SyncLog.STATUSES)),
                Optional.ofNullable(known("operation", lower(operation), SyncLog.OPERATIONS)));
        List<SyncLogEntry> entries = trail.page(filter, limit + 1, LogCursor.decode(cursor), Caller.of(jwt));
        List<SyncLogEntry> page = entries.size() > limit ? entries.subList(0, limit) : entries;
        String next = entries.size() > limit ? LogCursor.encode(page.get(page.size() - 1)) : null;
        return new LogPage(page.stream().map(LogView::of).toList(), next);
    }

    /** A filter value the log can hold, or a 400 naming the parameter: a typo must not read as "no entries". */
    private static String known(String parameter, String value, List<String> values) {
        if (value != null && !values.contains(value)) {
            throw new InvalidAuditQuery(parameter, "must be one of " + String.join(", ", values));
        }
        return value;
    }

    private static String lower(String value) {
        return value == null || value.isBlank() ? null : value.trim().toLowerCase(Locale.ROOT);
    }
}
