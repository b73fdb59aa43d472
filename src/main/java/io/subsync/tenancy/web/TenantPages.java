package io.subsync.tenancy.web;

import io.subsync.access.Caller;
import io.subsync.problems.PageController;
import io.subsync.tenancy.ListSubscriptionHistory;
import io.subsync.tenancy.ListSubscriptions;
import io.subsync.tenancy.TenantId;
import io.subsync.tenancy.Tenants;
import io.subsync.tenancy.domain.NoTenantInToken;
import io.subsync.tenancy.domain.SubscriptionChange;
import io.subsync.tenancy.domain.UnknownTenant;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The signed-in tenant's pages: its active subscriptions as cards (after the same sync-on-read as the API), and a
 * subscription's history as an htmx fragment under its card.
 */
@PageController
@ConditionalOnWebApplication
class TenantPages {
    private final ListSubscriptions listSubscriptions;
    private final ListSubscriptionHistory listHistory;
    private final Tenants tenants;

    TenantPages(ListSubscriptions listSubscriptions, ListSubscriptionHistory listHistory, Tenants tenants) {
        this.listSubscriptions = listSubscriptions;
        this.listHistory = listHistory;
        this.tenants = tenants;
    }

    /** A history entry as the panel prints it. */
    record HistoryRow(String change, String plans, String reason, String actor, String when) {
        static HistoryRow of(SubscriptionChange c) {
            String plans = c.fromPlan() == null || c.fromPlan().equals(c.toPlan())
                    ? nullToDash(c.toPlan())
                    : c.fromPlan() + " → " + nullToDash(c.toPlan());
            return new HistoryRow(
                    c.change().replace('_', ' '), plans, c.reason(), c.actor(), SubscriptionCard.when(c.changedAt()));
        }

        private static String nullToDash(String value) {
            return value == null ? "—" : value;
        }
    }

    @GetMapping("/tenant/subscriptions")
    String subscriptions(@AuthenticationPrincipal Jwt jwt, Model model) {
        Caller caller = Caller.of(jwt);
        TenantId tenant = tenantOf(caller);
        List<SubscriptionCard> cards = listSubscriptions.of(tenant, caller.actor()).stream()
                .map(SubscriptionCard::of)
                .toList();
        model.addAttribute(
                "tenantName",
                tenants.find(tenant)
                        .orElseThrow(() -> new UnknownTenant(tenant))
                        .name());
        model.addAttribute("cards", cards);
        model.addAttribute(
                "who", jwt.getClaimAsString("email") != null ? jwt.getClaimAsString("email") : caller.subject());
        return "tenant/subscriptions";
    }

    @GetMapping("/tenant/subscriptions/{id}/history")
    String history(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt, Model model) {
        TenantId tenant = tenantOf(Caller.of(jwt));
        model.addAttribute("subscriptionId", id);
        model.addAttribute(
                "rows", listHistory.of(tenant, id).stream().map(HistoryRow::of).toList());
        model.addAttribute("limit", ListSubscriptionHistory.LIMIT);
        return "partials/subscription-history :: panel";
    }

    private static TenantId tenantOf(Caller caller) {
        return new TenantId(caller.tenantId().orElseThrow(NoTenantInToken::new));
    }
}
