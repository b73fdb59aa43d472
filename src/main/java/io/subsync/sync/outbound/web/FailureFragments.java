package io.subsync.sync.outbound.web;

import io.subsync.access.Caller;
import io.subsync.problems.PageController;
import io.subsync.sync.outbound.RetryFailedSyncs;
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

/**
 * The admin page's latest failed operations with their Retry buttons (service_role only, as every {@code /admin}
 * path), as an htmx fragment. A retry answers the re-rendered failures and the {@code sync-retried} event, on which
 * the health and the log reload themselves.
 */
@PageController
@ConditionalOnWebApplication
class FailureFragments {
    static final int FAILURES_SHOWN = 20;
    private static final String RETRIED = "sync-retried";
    private final RetryFailedSyncs retry;

    FailureFragments(RetryFailedSyncs retry) {
        this.retry = retry;
    }

    @GetMapping("/admin/sync/failures")
    String failures(Model model) {
        model.addAttribute(
                "failures",
                retry.latestFailures(FAILURES_SHOWN).stream()
                        .map(FailureRow::of)
                        .toList());
        model.addAttribute("limit", FAILURES_SHOWN);
        return "partials/sync-failures :: failures";
    }

    @PostMapping("/admin/sync/failures/{syncId}/retry")
    String retryOne(
            @PathVariable UUID syncId,
            @AuthenticationPrincipal Jwt jwt,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            HttpServletResponse response,
            Model model) {
        List<UUID> queued = retry.retry(
                Optional.of(syncId), Optional.empty(), Caller.of(jwt).actor());
        model.addAttribute(
                "notice",
                queued.isEmpty()
                        ? "Nothing to retry: operation " + syncId + " is no longer failed."
                        : "Operation " + syncId + " is queued for delivery again.");
        return afterRetry(htmx, response, model);
    }

    @PostMapping("/admin/sync/failures/retry")
    String retryAll(
            @AuthenticationPrincipal Jwt jwt,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            HttpServletResponse response,
            Model model) {
        List<UUID> queued =
                retry.retry(Optional.empty(), Optional.empty(), Caller.of(jwt).actor());
        model.addAttribute(
                "notice",
                queued.isEmpty()
                        ? "Nothing to retry: no operation is failed."
                        : queued.size() + (queued.size() == 1 ? " operation is" : " operations are")
                                + " queued for delivery again.");
        return afterRetry(htmx, response, model);
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
