package io.subsync.ops.web;

import io.subsync.access.Caller;
import io.subsync.catalog.Catalog;
import io.subsync.catalog.Plan;
import io.subsync.catalog.Product;
import io.subsync.problems.PageController;
import io.subsync.tenancy.CountSubscriptions;
import io.subsync.tenancy.SubscriptionFigures;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /admin} for service_role: the catalogue, the number of tenants, and how the active subscriptions came to be
 * (auto-created or manual, and by reason) as tables and doughnut charts. The sync with Master sections (health,
 * failures, audit log) are fragments of the sync feature under {@code /admin/sync/}, which the page loads with htmx.
 */
@PageController
@ConditionalOnWebApplication
class AdminPage {
    private final Catalog catalog;
    private final CountSubscriptions countSubscriptions;
    private final JsonMapper json;

    AdminPage(Catalog catalog, CountSubscriptions countSubscriptions, JsonMapper json) {
        this.catalog = catalog;
        this.countSubscriptions = countSubscriptions;
        this.json = json;
    }

    record ProductRow(String badge, String code, String name, String kind, String disablePolicy, long plans) {}

    record PlanRow(
            String badge, String productName, String tier, String name, String price, String cycle, String features) {}

    /** A doughnut's data, as JSON arrays for the canvas's data attributes. */
    record Chart(String labels, String values, boolean empty) {
        static Chart of(JsonMapper json, Map<String, Long> slices) {
            return new Chart(
                    json.writeValueAsString(List.copyOf(slices.keySet())),
                    json.writeValueAsString(List.copyOf(slices.values())),
                    slices.values().stream().allMatch(v -> v == 0));
        }
    }

    @GetMapping("/admin")
    String admin(@AuthenticationPrincipal Jwt jwt, Model model) {
        List<Product> products = catalog.everyProduct();
        List<Plan> plans = catalog.plans();
        Map<String, Product> byCode =
                products.stream().collect(Collectors.toMap(p -> p.code().value(), Function.identity()));
        Map<String, Long> planCounts = plans.stream()
                .collect(Collectors.groupingBy(p -> p.productType().value(), Collectors.counting()));
        SubscriptionFigures figures = countSubscriptions.current();
        model.addAttribute(
                "products",
                products.stream()
                        .map(p -> new ProductRow(
                                p.badge(),
                                p.code().value(),
                                p.name(),
                                p.platform() ? "platform" : "product",
                                p.disablePolicy().code(),
                                planCounts.getOrDefault(p.code().value(), 0L)))
                        .toList());
        model.addAttribute(
                "plans",
                plans.stream()
                        .map(p -> {
                            Product product = byCode.get(p.productType().value());
                            return new PlanRow(
                                    product == null ? "" : product.badge(),
                                    product == null ? p.productType().value() : product.name(),
                                    p.tier().code(),
                                    p.name(),
                                    price(p),
                                    p.billingCycle().code(),
                                    String.join(", ", p.features()));
                        })
                        .toList());
        model.addAttribute("figures", figures);
        model.addAttribute(
                "who",
                jwt.getClaimAsString("email") != null
                        ? jwt.getClaimAsString("email")
                        : Caller.of(jwt).actor());
        Map<String, Long> origin = new LinkedHashMap<>();
        origin.put("auto-created", figures.autoCreated());
        origin.put("manual", figures.manual());
        model.addAttribute("originChart", Chart.of(json, origin));
        model.addAttribute("reasonChart", Chart.of(json, figures.byReason()));
        return "admin/index";
    }

    private static String price(Plan plan) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        format.setCurrency(Currency.getInstance(plan.currency()));
        return format.format(plan.price());
    }
}
