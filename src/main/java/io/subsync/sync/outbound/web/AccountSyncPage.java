package io.subsync.sync.outbound.web;

import io.subsync.access.Caller;
import io.subsync.audit.InvalidAuditQuery;
import io.subsync.audit.LogCursor;
import io.subsync.audit.ReadAuditTrail;
import io.subsync.audit.SyncLog;
import io.subsync.audit.SyncLogEntry;
import io.subsync.http.PageTexts;
import io.subsync.linking.CreateMagicLink;
import io.subsync.problems.ErrorPage;
import io.subsync.problems.PageController;
import io.subsync.sync.outbound.SyncAccounts;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /account/sync}: the signed-in user's own sync records, read through the same use cases as
 * {@code GET /api/sync/accounts/{mvpUserId}} ({@link SyncAccounts}) and {@code GET /api/sync/logs}
 * ({@link ReadAuditTrail}, with the API's cursor), under the same row-level security: the account link, each
 * service's sync state, and the audit entries, newest first. "Link my Master account" creates a magic link as
 * {@code POST /api/account-links} does ({@link CreateMagicLink}) and shows it once, in the answer to the post.
 */
@PageController
@ConditionalOnWebApplication
class AccountSyncPage {
    static final String PATH = "/account/sync";
    static final int PAGE_SIZE = 20;
    private final SyncAccounts accounts;
    private final ReadAuditTrail trail;
    private final CreateMagicLink createLink;

    AccountSyncPage(SyncAccounts accounts, ReadAuditTrail trail, CreateMagicLink createLink) {
        this.accounts = accounts;
        this.trail = trail;
        this.createLink = createLink;
    }

    /** A link just created: shown in the answer to the post only (the token is never stored, only its hash). */
    record CreatedLink(String url, String expiresAt, String expiresAtText) {}

    @GetMapping(PATH)
    String page(@RequestParam(required = false) String cursor, @AuthenticationPrincipal Jwt jwt, Model model) {
        show(Caller.of(jwt), cursor, model);
        return "account/sync";
    }

    /** Creates a link for the caller's own account: the whole page again, or only its link panel for htmx. */
    @PostMapping(PATH + "/link")
    String link(
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @AuthenticationPrincipal Jwt jwt,
            HttpServletResponse response,
            Model model) {
        Caller caller = Caller.of(jwt);
        Optional<UUID> self = AccountSyncView.self(caller);
        if (self.isPresent()) {
            CreateMagicLink.LinkToOpen link = createLink.createOwn(
                    caller,
                    ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            model.addAttribute(
                    "created",
                    new CreatedLink(link.url(), link.expiresAt().toString(), PageTexts.when(link.expiresAt())));
        }
        show(caller, null, model);
        return "true".equals(htmx) ? "account/sync :: link-panel" : "account/sync";
    }

    private void show(Caller caller, String cursor, Model model) {
        Optional<UUID> self = AccountSyncView.self(caller);
        Optional<SyncLog.Cursor> after = LogCursor.decode(cursor);
        model.addAttribute("subject", caller.subject());
        if (self.isEmpty()) {
            model.addAttribute("view", AccountSyncView.none());
            return;
        }
        UUID user = self.get();
        Optional<SyncAccounts.Account> account = accounts.find(user, caller);
        Optional<SyncLogEntry> linked = account.filter(a -> a.link().linked())
                .flatMap(a -> trail
                        .page(
                                new SyncLog.Filter(Optional.of(user), Optional.of("success"), Optional.of("link")),
                                1,
                                Optional.empty(),
                                caller)
                        .stream()
                        .findFirst());
        List<SyncLogEntry> entries = trail.page(
                new SyncLog.Filter(Optional.of(user), Optional.empty(), Optional.empty()),
                PAGE_SIZE + 1,
                after,
                caller);
        String older = entries.size() > PAGE_SIZE
                ? PATH + "?cursor=" + LogCursor.encode(entries.get(PAGE_SIZE - 1)) + "#activity"
                : null;
        String newest = after.isPresent() ? PATH + "#activity" : null;
        model.addAttribute(
                "view",
                AccountSyncView.of(user, account, linked, AccountActivity.of(entries, PAGE_SIZE), older, newest));
    }

    @ExceptionHandler(InvalidAuditQuery.class)
    ModelAndView badCursor() {
        return ErrorPage.of(
                HttpStatus.BAD_REQUEST,
                "This paging position is not one this page handed out; start again from your newest entries.");
    }
}
