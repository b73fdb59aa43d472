package io.subsync.sync.outbound.web;

import io.subsync.access.Caller;
import io.subsync.sync.outbound.RetryFailedSyncs;
import io.subsync.sync.outbound.SyncAccounts;
import io.subsync.sync.outbound.SyncState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/sync/accounts/{mvpUserId}} (an account's link and sync state) and {@code POST /api/sync/retry}. */
@RestController
@ConditionalOnWebApplication
class SyncApiController {
    private final SyncAccounts accounts;
    private final RetryFailedSyncs retry;

    SyncApiController(SyncAccounts accounts, RetryFailedSyncs retry) {
        this.accounts = accounts;
        this.retry = retry;
    }

    record SubscriptionView(
            String serviceName,
            String planCode,
            String operation,
            String status,
            String syncStatus,
            UUID lastSyncId,
            long desiredRevision,
            Long syncedRevision,
            Instant syncedAt,
            String lastError) {
        static SubscriptionView of(SyncState s) {
            return new SubscriptionView(
                    s.desired().serviceName(),
                    s.desired().planCode(),
                    s.desired().operation().code(),
                    s.desired().status(),
                    s.syncStatus().code(),
                    s.lastSyncId(),
                    s.desiredRevision(),
                    s.syncedRevision().orElse(null),
                    s.syncedAt().orElse(null),
                    s.lastError().orElse(null));
        }
    }

    record AccountView(
            UUID mvpUserId,
            UUID masterUserId,
            String masterEmail,
            String syncStatus,
            Instant lastSyncAt,
            String lastError,
            List<SubscriptionView> subscriptions) {}

    record RetryBody(UUID syncId, UUID mvpUserId) {}

    record RetryView(int queued, List<UUID> syncIds) {}

    @GetMapping("/api/sync/accounts/{mvpUserId}")
    AccountView account(@PathVariable UUID mvpUserId, @AuthenticationPrincipal Jwt jwt) {
        SyncAccounts.Account account = accounts.account(mvpUserId, Caller.of(jwt));
        var link = account.link();
        return new AccountView(
                link.mvpUserId(),
                link.masterUserId().orElse(null),
                link.masterEmail().orElse(null),
                link.syncStatus().code(),
                link.lastSyncAt().orElse(null),
                link.lastError().orElse(null),
                account.subscriptions().stream().map(SubscriptionView::of).toList());
    }

    @PostMapping("/api/sync/retry")
    RetryView retry(@RequestBody(required = false) RetryBody body, @AuthenticationPrincipal Jwt jwt) {
        RetryBody which = body == null ? new RetryBody(null, null) : body;
        List<UUID> queued = retry.retry(
                Optional.ofNullable(which.syncId()),
                Optional.ofNullable(which.mvpUserId()),
                Caller.of(jwt).actor());
        return new RetryView(queued.size(), queued);
    }
}
