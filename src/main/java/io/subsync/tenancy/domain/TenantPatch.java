package io.subsync.tenancy.domain;

import io.subsync.catalog.ProductCode;
import io.subsync.catalog.Tier;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A partial change of a tenant: only what is present changes; only the products named are switched. */
public record TenantPatch(
        Optional<String> name, Optional<Tier> plan, Optional<UUID> ownerUserId, Map<ProductCode, Boolean> products) {
    public TenantPatch {
        products = Map.copyOf(products);
    }
}
