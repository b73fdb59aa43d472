package io.subsync.catalog;

import io.subsync.catalog.domain.Plans;
import io.subsync.catalog.domain.Products;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue: products and their plans. Adding a product or a plan takes effect at once, with no restart:
 * tenants can switch the product on and its subscription appears.
 */
@Service
public class Catalog {
    private final Products products;
    private final Plans plans;
    private final Clock clock;

    Catalog(Products products, Plans plans, Clock clock) {
        this.products = products;
        this.plans = plans;
        this.clock = clock;
    }

    /** The switchable products (not the platform). */
    public List<Product> products() {
        return products.all().stream().filter(p -> !p.platform()).toList();
    }

    /** Every product of the catalogue, the platform first. */
    public List<Product> everyProduct() {
        return products.all();
    }

    public List<Plan> plans() {
        return plans.all();
    }

    @Transactional
    public Product addProduct(String code, String name, String badge, String disablePolicy) {
        Product product = Product.define(code, name, badge, disablePolicy, clock.instant());
        products.add(product);
        return product;
    }

    /** Adds a plan to an existing product (or to {@code platform}); throws {@link UnknownProduct} otherwise. */
    @Transactional
    public Plan addPlan(
            String productType,
            String tier,
            String name,
            String price,
            String currency,
            String billingCycle,
            List<String> features) {
        Plan plan = Plan.define(
                UUID.randomUUID(), productType, tier, name, price, currency, billingCycle, features, clock.instant());
        products.find(plan.productType())
                .orElseThrow(() ->
                        new UnknownProduct("productType", plan.productType().value()));
        plans.add(plan);
        return plan;
    }

    /** The switchable product with this code, or {@link UnknownProduct} naming the field. */
    public Product product(String field, ProductCode code) {
        return products.find(code)
                .filter(p -> !p.platform())
                .orElseThrow(() -> new UnknownProduct(field, code.value()));
    }
}
