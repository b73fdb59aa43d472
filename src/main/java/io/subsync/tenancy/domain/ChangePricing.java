package io.subsync.tenancy.domain;

import io.subsync.catalog.DisablePolicy;
import io.subsync.catalog.Plan;
import io.subsync.catalog.Product;
import io.subsync.catalog.ProductCode;
import io.subsync.catalog.Tier;
import io.subsync.tenancy.domain.ChangePreview.Line;
import io.subsync.tenancy.domain.ChangePreview.Priced;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Prices a change of a tenant before it is made, by the rules the change itself follows: a tier change moves every
 * active subscription to its product's plan at the new tier, or the Starter plan when the product has none (as
 * {@code JdbcSubscriptions.retier} does); switching a product on reactivates the subscription cancelled by switching it
 * off, or starts one at the tenant's tier; switching off follows the product's disable policy; cancelling stops the
 * price whatever the policy.
 */
public final class ChangePricing {
    private final Map<ProductCode, Product> products;
    private final List<Plan> plans;

    /** {@code products}: every product of the catalogue, the platform too; {@code plans}: its active plans. */
    public ChangePricing(List<Product> products, List<Plan> plans) {
        this.products = products.stream().collect(Collectors.toMap(Product::code, Function.identity()));
        this.plans = List.copyOf(plans);
    }

    /** The product's active plan at this tier, else its Starter plan; empty when it has neither. */
    public Optional<Plan> planFor(ProductCode product, Tier tier) {
        return plans.stream()
                .filter(plan -> plan.productType().equals(product))
                .filter(plan -> plan.tier() == tier || plan.tier() == Tier.FALLBACK)
                .min(Comparator.comparing(plan -> plan.tier() == tier ? 0 : 1));
    }

    /** The platform plans a tenant can choose, in tier order: a tier without an active platform plan is not offered. */
    public List<Plan> platformPlans() {
        return plans.stream()
                .filter(plan -> plan.productType().isPlatform())
                .sorted(Comparator.comparing(Plan::tier))
                .toList();
    }

    /**
     * The tier of this code when the catalogue has an active platform plan for it; otherwise {@link InvalidTenantValue}
     * naming the field (an unknown code: {@code InvalidCatalogValue}).
     */
    public Tier offeredTier(String field, String code) {
        Tier tier = Tier.fromCode(field, code);
        if (platformPlans().stream().noneMatch(plan -> plan.tier() == tier)) {
            throw new InvalidTenantValue(
                    field, "the catalogue has no active platform plan for tier '" + tier.code() + "'");
        }
        return tier;
    }

    public ChangePreview tier(Tenant tenant, Tier to, List<CurrentSubscription> subscriptions) {
        List<Line> lines = new ArrayList<>();
        if (to == tenant.plan()) {
            return ChangePreview.of(lines);
        }
        for (CurrentSubscription subscription : subscriptions) {
            if (!subscription.active()) {
                continue;
            }
            Optional<Plan> target = planFor(subscription.product(), to);
            if (target.isEmpty() || target.get().id().equals(subscription.planId())) {
                continue;
            }
            String note = target.get().tier() == to ? "" : "no " + to.code() + " plan for this product: Starter";
            if (!subscription.product().isPlatform()
                    && !tenant.enabledProducts().contains(subscription.product())) {
                note = join(note, "switched off, kept active");
            }
            lines.add(line(
                    subscription.product(),
                    Optional.of(priced(subscription)),
                    Optional.of(priced(target.get())),
                    note));
        }
        return ChangePreview.of(lines);
    }

    public ChangePreview switchOn(Tenant tenant, ProductCode product, List<CurrentSubscription> subscriptions) {
        if (tenant.enabledProducts().contains(product)) {
            return ChangePreview.of(List.of());
        }
        Optional<CurrentSubscription> kept = find(subscriptions, product, true);
        if (kept.isPresent()) {
            Optional<Priced> same = Optional.of(priced(kept.get()));
            return ChangePreview.of(
                    List.of(line(product, same, same, "kept active while switched off: shown again, same price")));
        }
        Optional<Plan> target = planFor(product, tenant.plan());
        if (target.isEmpty()) {
            return ChangePreview.of(List.of(line(
                    product, Optional.empty(), Optional.empty(), "the catalogue has no plan for this product yet")));
        }
        Optional<CurrentSubscription> cancelled = find(subscriptions, product, false);
        String fallback = target.get().tier() == tenant.plan()
                ? ""
                : "no " + tenant.plan().code() + " plan for this product: Starter";
        if (cancelled.isPresent()) {
            // Reactivated, then moved to the tier's plan unless it is on it already (keeping the price it had).
            Priced to =
                    cancelled.get().planId().equals(target.get().id()) ? priced(cancelled.get()) : priced(target.get());
            return ChangePreview.of(List.of(line(
                    product,
                    Optional.empty(),
                    Optional.of(to),
                    join("reactivates the subscription cancelled when it was switched off", fallback))));
        }
        return ChangePreview.of(List.of(line(product, Optional.empty(), Optional.of(priced(target.get())), fallback)));
    }

    public ChangePreview switchOff(Tenant tenant, ProductCode product, List<CurrentSubscription> subscriptions) {
        Optional<CurrentSubscription> active = find(subscriptions, product, true);
        if (!tenant.enabledProducts().contains(product) || active.isEmpty()) {
            return ChangePreview.of(List.of());
        }
        Optional<Priced> from = Optional.of(priced(active.get()));
        if (product(product).disablePolicy() == DisablePolicy.CANCEL) {
            return ChangePreview.of(List.of(line(product, from, Optional.empty(), "cancelled")));
        }
        return ChangePreview.of(List.of(line(
                product,
                from,
                from,
                "this product keeps its subscription when switched off: hidden, still active; cancel it to stop it")));
    }

    public ChangePreview cancel(ProductCode product, List<CurrentSubscription> subscriptions) {
        return ChangePreview.of(find(subscriptions, product, true)
                .map(active -> List.of(line(product, Optional.of(priced(active)), Optional.empty(), "cancelled")))
                .orElse(List.of()));
    }

    private Product product(ProductCode code) {
        Product product = products.get(code);
        if (product == null) {
            throw new IllegalArgumentException("not a product of the catalogue: " + code.value());
        }
        return product;
    }

    private Line line(ProductCode code, Optional<Priced> from, Optional<Priced> to, String note) {
        Product product = product(code);
        return new Line(code.value(), product.name(), product.badge(), from, to, note);
    }

    private static Optional<CurrentSubscription> find(
            List<CurrentSubscription> subscriptions, ProductCode product, boolean active) {
        return subscriptions.stream()
                .filter(s -> s.product().equals(product) && s.active() == active)
                .findFirst();
    }

    private static Priced priced(CurrentSubscription subscription) {
        return new Priced(subscription.planName(), subscription.price());
    }

    private static Priced priced(Plan plan) {
        return new Priced(plan.name(), new Price(plan.price(), plan.currency(), plan.billingCycle()));
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
    }
}
