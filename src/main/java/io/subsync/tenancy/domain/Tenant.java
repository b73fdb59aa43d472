package io.subsync.tenancy.domain;

import io.subsync.catalog.ProductCode;
import io.subsync.catalog.Tier;
import io.subsync.tenancy.TenantId;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A customer organisation: its platform plan and the products it switched on. Changes go through
 * {@link #change(TenantPatch, Instant)}, which says what was switched so the subscriptions can follow.
 */
public record Tenant(
        TenantId id,
        String name,
        Tier plan,
        Optional<UUID> ownerUserId,
        Map<ProductCode, Boolean> products,
        Instant createdAt,
        Instant updatedAt) {

    public Tenant {
        name = checkName(name);
        products = Collections.unmodifiableMap(new LinkedHashMap<>(products));
    }

    /** A new tenant with the given products switched; products not named are off. */
    public static Tenant open(
            TenantId id, String name, Tier plan, Optional<UUID> owner, Map<ProductCode, Boolean> products, Instant at) {
        if (plan == null) {
            throw new InvalidTenantValue("plan", "is required: one of trial, starter, pro, enterprise");
        }
        return new Tenant(id, name, plan, owner, products, at, at);
    }

    /** The tenant after the patch, and which products it switched on and off. */
    public TenantChange change(TenantPatch patch, Instant at) {
        Map<ProductCode, Boolean> switched = new LinkedHashMap<>(products);
        Set<ProductCode> on = new LinkedHashSet<>();
        Set<ProductCode> off = new LinkedHashSet<>();
        patch.products().forEach((code, enabled) -> {
            boolean was = products.getOrDefault(code, false);
            if (enabled && !was) {
                on.add(code);
            } else if (!enabled && was) {
                off.add(code);
            }
            switched.put(code, enabled);
        });
        Tier newPlan = patch.plan().orElse(plan);
        Tenant changed = new Tenant(
                id,
                patch.name().orElse(name),
                newPlan,
                patch.ownerUserId().isPresent() ? patch.ownerUserId() : ownerUserId,
                switched,
                createdAt,
                at);
        return new TenantChange(changed, on, off, newPlan != plan);
    }

    public Set<ProductCode> enabledProducts() {
        Set<ProductCode> enabled = new LinkedHashSet<>();
        products.forEach((code, on) -> {
            if (on) {
                enabled.add(code);
            }
        });
        return enabled;
    }

    private static String checkName(String name) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty() || trimmed.length() > 200) {
            throw new InvalidTenantValue("name", "must be 1-200 characters");
        }
        return trimmed;
    }

    /** What a change did: the tenant after it, products switched on and off, and whether the plan moved. */
    public record TenantChange(
            Tenant tenant, Set<ProductCode> switchedOn, Set<ProductCode> switchedOff, boolean planChanged) {
        public boolean touchesSubscriptions() {
            return planChanged || !switchedOn.isEmpty() || !switchedOff.isEmpty();
        }
    }
}
