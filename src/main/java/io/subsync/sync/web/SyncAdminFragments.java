package io.subsync.sync.web;

import io.subsync.access.Caller;
import io.subsync.problems.PageController;
import io.subsync.sync.RetryFailedSyncs;
import io.subsync.sync.SyncAccounts;
import io.subsync.sync.SyncHealth;
import io.subsync.sync.domain.SyncLogEntry;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sync sections of {@code /admin} (service_role only, as every {@code /admin} path), as htmx fragments: health
 * tiles and charts (the figures of {@code GET /api/sync/health}), the latest failed operations with Retry buttons,
 * and the audit log with filters and paging. A retry answers the re-rendered failures and the {@code sync-retried}
 * event, on which the health and the log reload themselves.
 */
@PageController
@ConditionalOnWebApplication
class SyncAdminFragments {
    static final int FAILURES_SHOWN = 20;
    static final int LOG_PAGE = 25;
    private static final String RETRIED = "sync-retried";
    private final SyncHealth health;
    private final SyncAccounts accounts;
    private final RetryFailedSyncs retry;

    SyncAdminFragments(SyncHealth health, SyncAccounts accounts, RetryFailedSyncs retry) {
        this.health = health;
        this.accounts = accounts;
        this.retry = retry;
    }

    @GetMapping("/admin/sync/health")
    String health(Model model) {
        model.addAttribute("health", HealthPanel.of(health.figures(), health.deliveryLatency()));
        return "partials/sync-health :: health";
    }

    @GetMapping("/admin/sync/failures")
    String failures(Model model) {
        model.addAttribute("failures", health.latestFailures(FAILURES_SHOWN).stream().map(FailureRow::of).toList());
        model.addAttribute("limit", FAILURES_SHOWN);
        return "partials/sync-failures :: failures";
    }

    @PostMapping("/admin/sync/failures/{syncId}/retry")
    String retryOne(@PathVariable UUID syncId, @AuthenticationPrincipal Jwt jwt,
                    @RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletResponse response,
                    Model model) {
        List<UUID> queued = retry.retry(Optional.of(syncId), Optional.empty(), Caller.of(jwt).actor());
        model.addAttribute("notice", queued.isEmpty()
                ? "Nothing to retry: operation " + syncId + " is no longer failed."
                : "Operation " + syncId + " is queued for delivery again.");
        return afterRetry(htmx, response, model);
    }

    @PostMapping("/admin/sync/failures/retry")
    String retryAll(@AuthenticationPrincipal Jwt jwt, @RequestHeader(name = "HX-Request", required = false) String htmx,
                    HttpServletResponse response, Model model) {
        List<UUID> queued = retry.retry(Optional.empty(), Optional.empty(), Caller.of(jwt).actor());
        model.addAttribute("notice", queued.isEmpty() ? "Nothing to retry: no operation is failed."
                : queued.size() + (queued.size() == 1 ? " operation is" : " operations are") + " queued for delivery again.");
        return afterRetry(htmx, response, model);
    }

    @GetMapping(LogPanel.PATH)
    String log(@RequestParam(required = false) String status, @RequestParam(required = false) String operation,
               @RequestParam(required = false) String mvpUserId, @RequestParam(required = false) String cursor,
               @AuthenticationPrincipal Jwt jwt, Model model) {
        LogPanel.Query query = LogPanel.Query.of(status, operation, mvpUserId, cursor);
        LogPanel.Checked checked = query.check();
        List<SyncLogEntry> entries = checked.valid()
                ? accounts.logs(checked.filter(), LOG_PAGE + 1, checked.after(), Caller.of(jwt)) : List.of();
        model.addAttribute("log", LogPanel.of(query, checked, entries, LOG_PAGE));
        return "partials/sync-log :: log";
    }

    /** htmx gets the failures again and the event that reloads health and log; a plain form post, the page. */
    private String afterRetry(String htmx, HttpServletResponse response, Model model) {
        if (!"true".equals(htmx)) {
            return "redirect:/admin#sync-failures";
        }
        response.setHeader("HX-Trigger", RETRIED);
        return failures(model);
    }
}
