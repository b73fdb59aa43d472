package io.subsync.audit.web;

import io.subsync.access.Caller;
import io.subsync.audit.ReadAuditTrail;
import io.subsync.audit.SyncLogEntry;
import io.subsync.problems.PageController;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The admin page's audit log (service_role only, as every {@code /admin} path), as an htmx fragment: filters as
 * typed in, a page of entries, and the cursor of the next page. It reloads itself on the {@code sync-retried} event.
 */
@PageController
@ConditionalOnWebApplication
class LogFragments {
    static final int LOG_PAGE = 25;
    private final ReadAuditTrail trail;

    LogFragments(ReadAuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping(LogPanel.PATH)
    String log(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String operation,
            @RequestParam(required = false) String mvpUserId,
            @RequestParam(required = false) String cursor,
            @AuthenticationPrincipal Jwt jwt,
            Model model) {
        LogPanel.Query query = LogPanel.Query.of(status, operation, mvpUserId, cursor);
        LogPanel.Checked checked = query.check();
        List<SyncLogEntry> entries = checked.valid()
                ? trail.page(checked.filter(), LOG_PAGE + 1, checked.after(), Caller.of(jwt))
                : List.of();
        model.addAttribute("log", LogPanel.of(query, checked, entries, LOG_PAGE));
        return "partials/sync-log :: log";
    }
}
