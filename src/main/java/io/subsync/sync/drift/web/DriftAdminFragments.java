package io.subsync.sync.drift.web;

import io.subsync.access.Caller;
import io.subsync.access.Provenance;
import io.subsync.http.PageTexts;
import io.subsync.problems.PageController;
import io.subsync.sync.NotDiverged;
import io.subsync.sync.UnknownSync;
import io.subsync.sync.drift.ResolveDivergence;
import io.subsync.sync.drift.domain.UnresolvableDivergence;
import io.subsync.sync.inbound.AcceptMasterState;
import io.subsync.sync.inbound.KeptSide;
import jakarta.servlet.http.HttpServletResponse;
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
 * The admin page's "Diverged links" panel (service_role, as every {@code /admin} path): each diverged (user, service)
 * with its differing fields and two resolve buttons, keep MVP and keep Master. A resolve answers the panel again and
 * the {@code sync-retried} event, on which health and log reload.
 */
@PageController
@ConditionalOnWebApplication
class DriftAdminFragments {
    static final int SHOWN = 50;
    private final ResolveDivergence resolve;

    DriftAdminFragments(ResolveDivergence resolve) {
        this.resolve = resolve;
    }

    /** A divergence as the panel prints it. */
    record DivergenceRow(
            String mvpUserId,
            String mvpUserIdShort,
            String user,
            String serviceName,
            String differences,
            String detectedAt,
            String detectedBy) {}

    @GetMapping("/admin/sync/divergences")
    String divergences(Model model) {
        model.addAttribute(
                "divergences",
                resolve.open(Optional.empty(), SHOWN).stream()
                        .map(d -> new DivergenceRow(
                                d.mvpUserId().toString(),
                                PageTexts.shortId(d.mvpUserId()),
                                PageTexts.user(d.masterEmail().orElse(null), d.mvpUserId()),
                                d.serviceName(),
                                d.differences().isEmpty()
                                        ? "—"
                                        : String.join(
                                                "; ",
                                                d.differences().stream()
                                                        .map(f -> f.confirmed() == null && f.master() == null
                                                                ? f.field()
                                                                : f.toString())
                                                        .toList()),
                                d.detectedAt().map(PageTexts::when).orElse("—"),
                                d.detectedBy()))
                        .toList());
        model.addAttribute("limit", SHOWN);
        return "partials/sync-divergences :: divergences";
    }

    @PostMapping("/admin/sync/divergences/{mvpUserId}/resolve")
    String resolve(
            @PathVariable UUID mvpUserId,
            @RequestParam String service,
            @RequestParam String keep,
            @AuthenticationPrincipal Jwt jwt,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            HttpServletResponse response,
            Model model) {
        KeptSide side = KeptSide.parse(keep);
        try {
            AcceptMasterState.Outcome outcome = resolve.resolve(
                    mvpUserId, service, side, Provenance.of(Caller.of(jwt).actor()));
            model.addAttribute(
                    "notice", "Resolved " + service + " of " + PageTexts.shortId(mvpUserId) + ": " + outcome.detail());
        } catch (UnknownSync | NotDiverged | UnresolvableDivergence e) {
            model.addAttribute("notice", "Not resolved: " + e.getMessage());
        }
        if (!"true".equals(htmx)) {
            return "redirect:/admin#sync-divergences";
        }
        response.setHeader("HX-Trigger", "sync-retried");
        return divergences(model);
    }
}
