package io.subsync.sync.web;

import io.subsync.access.Caller;
import io.subsync.sync.RetryFailedSyncs;
import io.subsync.sync.SyncAccounts;
import io.subsync.sync.SyncHealth;
import io.subsync.sync.domain.InvalidSyncRequest;
import io.subsync.sync.domain.SyncHealthFigures;
import io.subsync.sync.domain.SyncLog;
import io.subsync.sync.domain.SyncLogEntry;
import io.subsync.sync.domain.SyncState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/sync/*}: accounts, the audit trail, retries and health. */
@RestController
@ConditionalOnWebApplication
class SyncApiController {
    private final SyncAccounts accounts;
    private final RetryFailedSyncs retry;
    private final SyncHealth health;

    SyncApiController(SyncAccounts accounts, RetryFailedSyncs retry, SyncHealth health) {
        this.accounts = accounts;
        this.retry = retry;
        this.health = health;
    }

    record SubscriptionView(String serviceName, String planCode, String operation, String status, String syncStatus,
                            UUID lastSyncId, long desiredRevision, Long syncedRevision, Instant syncedAt,
                            String lastError) {
        static SubscriptionView of(SyncState s) {
            return new SubscriptionView(s.desired().serviceName(), s.desired().planCode(), s.desired().operation().code(),
                    s.desired().status(), s.syncStatus(), s.lastSyncId(), s.desiredRevision(),
                    s.syncedRevision().orElse(null), s.syncedAt().orElse(null), s.lastError().orElse(null));
        }
    }

    record AccountView(UUID mvpUserId, UUID masterUserId, String masterEmail, String syncStatus, Instant lastSyncAt,
                       String lastError, List<SubscriptionView> subscriptions) { }

    record LogView(long id, UUID syncId, UUID mvpUserId, UUID masterUserId, String serviceName, String operation,
                   String source, String status, Map<String, Object> mvpData, Map<String, Object> masterData,
                   String error, Integer attempt, String actor, String requestId, Instant createdAt) {
        static LogView of(SyncLogEntry e) {
            return new LogView(e.id(), e.syncId(), e.mvpUserId(), e.masterUserId(), e.serviceName(), e.operation(),
                    e.source(), e.status(), e.mvpData(), e.masterData(), e.error(), e.attempt(), e.actor(),
                    e.requestId(), e.createdAt());
        }
    }

    record LogPage(List<LogView> items, String nextCursor) { }

    record RetryBody(UUID syncId, UUID mvpUserId) { }

    record RetryView(int queued, List<UUID> syncIds) { }

    @GetMapping("/api/sync/accounts/{mvpUserId}")
    AccountView account(@PathVariable UUID mvpUserId, @AuthenticationPrincipal Jwt jwt) {
        SyncAccounts.Account account = accounts.account(mvpUserId, Caller.of(jwt));
        var link = account.link();
        return new AccountView(link.mvpUserId(), link.masterUserId().orElse(null), link.masterEmail().orElse(null),
                link.syncStatus(), link.lastSyncAt().orElse(null), link.lastError().orElse(null),
                account.subscriptions().stream().map(SubscriptionView::of).toList());
    }

    @GetMapping("/api/sync/logs")
    LogPage logs(@RequestParam(required = false) UUID mvpUserId, @RequestParam(required = false) String status,
                 @RequestParam(required = false) String operation, @RequestParam(defaultValue = "50") int limit,
                 @RequestParam(required = false) String cursor, @AuthenticationPrincipal Jwt jwt) {
        if (limit < 1 || limit > 500) {
            throw new InvalidSyncRequest("limit", "must be between 1 and 500");
        }
        SyncLog.Filter filter = new SyncLog.Filter(Optional.ofNullable(mvpUserId),
                Optional.ofNullable(known("status", lower(status), SyncLog.STATUSES)),
                Optional.ofNullable(known("operation", lower(operation), SyncLog.OPERATIONS)));
        List<SyncLogEntry> entries = accounts.logs(filter, limit + 1, LogCursor.decode(cursor), Caller.of(jwt));
        List<SyncLogEntry> page = entries.size() > limit ? entries.subList(0, limit) : entries;
        String next = entries.size() > limit ? LogCursor.encode(page.get(page.size() - 1)) : null;
        return new LogPage(page.stream().map(LogView::of).toList(), next);
    }

    @PostMapping("/api/sync/retry")
    RetryView retry(@RequestBody(required = false) RetryBody body, @AuthenticationPrincipal Jwt jwt) {
        RetryBody which = body == null ? new RetryBody(null, null) : body;
        List<UUID> queued = retry.retry(Optional.ofNullable(which.syncId()), Optional.ofNullable(which.mvpUserId()),
                Caller.of(jwt).actor());
        return new RetryView(queued.size(), queued);
    }

    @GetMapping("/api/sync/health")
    SyncHealthFigures health() {
        return health.figures();
    }

    /** A filter value the log can hold, or a 400 naming the parameter: a typo must not read as "no entries". */
    private static String known(String parameter, String value, List<String> values) {
        if (value != null && !values.contains(value)) {
            throw new InvalidSyncRequest(parameter, "must be one of " + String.join(", ", values));
        }
        return value;
    }

    private static String lower(String value) {
        return value == null || value.isBlank() ? null : value.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
