package io.subsync.tenancy.web;

import io.subsync.access.Caller;
import io.subsync.catalog.Catalog;
import io.subsync.catalog.Plan;
import io.subsync.problems.PageController;
import io.subsync.tenancy.ListSubscriptionHistory;
import io.subsync.tenancy.ListSubscriptions;
import io.subsync.tenancy.PreviewTenantChange;
import io.subsync.tenancy.TenantId;
import io.subsync.tenancy.Tenants;
import io.subsync.tenancy.domain.NoTenantInToken;
import io.subsync.tenancy.domain.SubscriptionChange;
import io.subsync.tenancy.domain.Tenant;
import io.subsync.tenancy.domain.UnknownTenant;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The signed-in tenant's pages: its active subscriptions as cards (after the same sync-on-read as the API), and a
 * subscription's Manage panel (its plan, the tenant admin's controls, its history) as an htmx fragment under its card.
 * A tenant admin also gets the catalogue's products to switch; other users see the page read-only.
 */
@PageController
@ConditionalOnWebApplication
class TenantPages {
    private final ListSubscriptions listSubscriptions;
    private final ListSubscriptionHistory listHistory;
    private final Tenants tenants;
    private final PreviewTenantChange previews;
    private final Catalog catalog;

    TenantPages(
            ListSubscriptions listSubscriptions,
            ListSubscriptionHistory listHistory,
            Tenants tenants,
            PreviewTenantChange previews,
            Catalog catalog) {
        this.listSubscriptions = listSubscriptions;
        this.listHistory = listHistory;
        this.tenants = tenants;
        this.previews = previews;
        this.catalog = catalog;
    }

    /** A product of the catalogue as the admin's switches show it. */
    record ProductSwitch(String code, String name, String badge, boolean on) {}

    /** A platform tier the admin can choose, with its plan's price. */
    record TierOption(String code, String name, String price, boolean current) {}

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
    String subscriptions(
            @AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) String done,
            @RequestParam(required = false) String product,
            Model model) {
        Caller caller = Caller.of(jwt);
        TenantId tenantId = tenantOf(caller);
        List<SubscriptionCard> cards = listSubscriptions.of(tenantId, caller.actor()).stream()
                .map(SubscriptionCard::of)
                .toList();
        Tenant tenant = tenants.find(tenantId).orElseThrow(() -> new UnknownTenant(tenantId));
        model.addAttribute("tenantName", tenant.name());
        model.addAttribute("cards", cards);
        model.addAttribute(
                "who", jwt.getClaimAsString("email") != null ? jwt.getClaimAsString("email") : caller.subject());
        model.addAttribute("admin", caller.tenantAdmin());
        model.addAttribute(
                "products",
                catalog.products().stream()
                        .map(p -> new ProductSwitch(
                                p.code().value(),
                                p.name(),
                                p.badge(),
                                tenant.enabledProducts().contains(p.code())))
                        .toList());
        model.addAttribute("notice", notice(done, product, tenant));
        model.addAttribute(
                "cancelledInMaster",
                listSubscriptions.cancelledInMaster(tenantId).stream()
                        // A product's plan names the product ("Pawnshop - Pro"); the platform's does not ("Pro").
                        .map(c -> (c.planName().startsWith(c.productName())
                                        ? c.planName()
                                        : c.productName() + " – " + c.planName())
                                + ", on " + SubscriptionCard.DAY.format(c.endedAt()))
                        .toList());
        return "tenant/subscriptions";
    }

    @GetMapping("/tenant/subscriptions/{id}/history")
    String history(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt, Model model) {
        Caller caller = Caller.of(jwt);
        TenantId tenant = tenantOf(caller);
        model.addAttribute("subscriptionId", id);
        model.addAttribute(
                "rows", listHistory.of(tenant, id).stream().map(HistoryRow::of).toList());
        model.addAttribute("limit", ListSubscriptionHistory.LIMIT);
        SubscriptionCard card = listSubscriptions.of(tenant, caller.actor()).stream()
                .filter(s -> s.id().equals(id))
                .map(SubscriptionCard::of)
                .findFirst()
                .orElse(null);
        model.addAttribute("card", card);
        model.addAttribute("admin", caller.tenantAdmin());
        if (card != null && caller.tenantAdmin() && "platform".equals(card.productType())) {
            model.addAttribute(
                    "tiers",
                    previews.platformPlans().stream()
                            .map(plan -> new TierOption(
                                    plan.tier().code(),
                                    plan.name(),
                                    SubscriptionCard.price(plan.price(), plan.currency()) + " "
                                            + SubscriptionCard.cycle(
                                                    plan.billingCycle().code()),
                                    plan.tier().code().equals(card.tier())))
                            .toList());
        }
        return "partials/subscription-history :: panel";
    }

    /** What the page says after a confirmed change (a redirect from {@link TenantChangePages}). */
    private String notice(String done, String product, Tenant tenant) {
        if (done == null) {
            return null;
        }
        String name = product == null ? "" : TenantChangePages.nameIn(catalog, product);
        return switch (done) {
            case "tier" ->
                "Your platform plan is now "
                        + previews.platformPlans().stream()
                                .filter(plan -> plan.tier() == tenant.plan())
                                .map(Plan::name)
                                .findFirst()
                                .orElse(tenant.plan().code())
                        + ".";
            case "on" -> name.isEmpty() ? null : name + " is switched on.";
            case "off" -> name.isEmpty() ? null : name + " is switched off.";
            case "cancel" -> name.isEmpty() ? null : name + " is cancelled: switched off, its subscription ended.";
            default -> null;
        };
    }

    private static TenantId tenantOf(Caller caller) {
        return new TenantId(caller.tenantId().orElseThrow(NoTenantInToken::new));
    }
}
