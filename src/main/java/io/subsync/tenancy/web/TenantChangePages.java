package io.subsync.tenancy.web;

import io.subsync.access.Caller;
import io.subsync.catalog.Catalog;
import io.subsync.catalog.Product;
import io.subsync.catalog.ProductCode;
import io.subsync.catalog.Tier;
import io.subsync.problems.PageController;
import io.subsync.tenancy.ChangeOwnTenant;
import io.subsync.tenancy.PreviewTenantChange;
import io.subsync.tenancy.TenantMember;
import io.subsync.tenancy.domain.ChangePreview;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A tenant admin's changes on the tenant's page: the confirmation step (an htmx fragment saying what the change
 * costs) and the confirmed change (a form post, answered by a redirect to the page, which says what was done).
 */
@PageController
@ConditionalOnWebApplication
class TenantChangePages {
    private final PreviewTenantChange previews;
    private final ChangeOwnTenant changeOwnTenant;
    private final Catalog catalog;

    TenantChangePages(PreviewTenantChange previews, ChangeOwnTenant changeOwnTenant, Catalog catalog) {
        this.previews = previews;
        this.changeOwnTenant = changeOwnTenant;
        this.catalog = catalog;
    }

    static TenantMember memberOf(Jwt jwt) {
        Caller caller = Caller.of(jwt);
        return TenantMember.of(caller.tenantId(), caller.actor(), caller.tenantAdmin());
    }

    @GetMapping("/tenant/changes/preview")
    String preview(
            @RequestParam(required = false) String change,
            @RequestParam(required = false) String tier,
            @RequestParam(required = false) String product,
            @RequestParam(required = false) String slot,
            @AuthenticationPrincipal Jwt jwt,
            Model model) {
        PageChange asked = PageChange.parse(change, tier, product);
        TenantMember member = memberOf(jwt);
        ChangeConfirmation confirmation = switch (asked.kind()) {
            case TIER -> {
                ChangePreview preview = previews.tier(member, asked.tier());
                String plan = previews.platformPlans().stream()
                        .filter(p ->
                                p.tier().code().equalsIgnoreCase(asked.tier().trim()))
                        .findFirst()
                        .orElseThrow()
                        .name();
                String fallback =
                        Tier.FALLBACK.code().equalsIgnoreCase(asked.tier().trim())
                                ? ""
                                : " (or Starter where the product has none)";
                yield ChangeConfirmation.of(
                        "Change your platform plan to " + plan + "?",
                        "Every subscription moves to its product's " + plan + " plan" + fallback + ":",
                        preview);
            }
            case ON ->
                ChangeConfirmation.of(
                        "Switch " + name(asked.product()) + " on?",
                        "The subscription it gets:",
                        previews.switchOn(member, asked.product()));
            case OFF ->
                ChangeConfirmation.of(
                        "Switch " + name(asked.product()) + " off?",
                        "What happens to its subscription:",
                        previews.switchOff(member, asked.product()));
            case CANCEL ->
                ChangeConfirmation.of(
                        "Cancel " + name(asked.product()) + "?",
                        "This switches " + name(asked.product()) + " off and cancels its subscription:",
                        previews.cancel(member, asked.product()));
        };
        model.addAttribute("confirmation", confirmation);
        model.addAttribute("change", asked);
        model.addAttribute("slot", slot == null || !slot.matches("[a-z0-9-]{1,80}") ? "" : slot);
        return "partials/tenant-change :: confirm";
    }

    @PostMapping("/tenant/changes")
    String change(
            @RequestParam(required = false) String change,
            @RequestParam(required = false) String tier,
            @RequestParam(required = false) String product,
            @AuthenticationPrincipal Jwt jwt) {
        PageChange asked = PageChange.parse(change, tier, product);
        TenantMember member = memberOf(jwt);
        switch (asked.kind()) {
            case TIER -> changeOwnTenant.change(member, null, asked.tier(), null, null);
            case ON -> changeOwnTenant.change(member, null, null, null, Map.of(asked.product(), true));
            case OFF -> changeOwnTenant.change(member, null, null, null, Map.of(asked.product(), false));
            case CANCEL -> changeOwnTenant.cancelProduct(member, asked.product());
        }
        UriComponentsBuilder done =
                UriComponentsBuilder.fromPath("/tenant/subscriptions").queryParam("done", asked.code());
        if (asked.product() != null) {
            done.queryParam(
                    "product", ProductCode.parse("product", asked.product()).value());
        }
        return "redirect:" + done.build().encode().toUriString();
    }

    private String name(String product) {
        ProductCode code = ProductCode.parse("products." + product, product);
        return catalog.product("products." + product, code).name();
    }

    /** The product's name, for the page's notice after a change; empty for an unknown code. */
    static String nameIn(Catalog catalog, String product) {
        return catalog.products().stream()
                .filter(p -> p.code().value().equals(product))
                .map(Product::name)
                .findFirst()
                .orElse("");
    }
}
