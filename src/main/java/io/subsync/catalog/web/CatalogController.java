package io.subsync.catalog.web;

import io.subsync.catalog.Catalog;
import io.subsync.catalog.Plan;
import io.subsync.catalog.Product;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/products} and {@code /api/plans}: read by any signed-in user, written by service_role. */
@RestController
@ConditionalOnWebApplication
class CatalogController {
    private final Catalog catalog;

    CatalogController(Catalog catalog) {
        this.catalog = catalog;
    }

    record ProductBody(String code, String name, String badge, String disablePolicy) {}

    record ProductView(String code, String name, String badge, String disablePolicy, Instant createdAt) {
        static ProductView of(Product p) {
            return new ProductView(
                    p.code().value(), p.name(), p.badge(), p.disablePolicy().code(), p.createdAt());
        }
    }

    record PlanBody(
            String productType,
            String tier,
            String name,
            String price,
            String currency,
            String billingCycle,
            List<String> features) {}

    record PlanView(
            UUID id,
            String productType,
            String tier,
            String name,
            BigDecimal price,
            String currency,
            String billingCycle,
            List<String> features,
            Instant createdAt) {
        static PlanView of(Plan p) {
            return new PlanView(
                    p.id(),
                    p.productType().value(),
                    p.tier().code(),
                    p.name(),
                    p.price(),
                    p.currency(),
                    p.billingCycle().code(),
                    p.features(),
                    p.createdAt());
        }
    }

    @GetMapping("/api/products")
    List<ProductView> products() {
        return catalog.products().stream().map(ProductView::of).toList();
    }

    @PostMapping("/api/products")
    @ResponseStatus(HttpStatus.CREATED)
    ProductView addProduct(@RequestBody ProductBody body) {
        return ProductView.of(catalog.addProduct(body.code(), body.name(), body.badge(), body.disablePolicy()));
    }

    @GetMapping("/api/plans")
    List<PlanView> plans() {
        return catalog.plans().stream().map(PlanView::of).toList();
    }

    @PostMapping("/api/plans")
    @ResponseStatus(HttpStatus.CREATED)
    PlanView addPlan(@RequestBody PlanBody body) {
        return PlanView.of(catalog.addPlan(
                body.productType(),
                body.tier(),
                body.name(),
                body.price(),
                body.currency(),
                body.billingCycle(),
                body.features()));
    }
}
