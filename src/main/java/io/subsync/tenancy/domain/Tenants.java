package io.subsync.tenancy.domain;

import java.util.Optional;

/** The tenants and the products they switched. */
public interface Tenants {
    Optional<Tenant> find(TenantId id);

    /** The tenant, its row locked until the transaction ends, so changes to one tenant happen one at a time. */
    Optional<Tenant> lock(TenantId id);

    /** Adds a tenant; throws {@link TenantAlreadyExists} when the id is taken. */
    void add(Tenant tenant);

    /** Stores name, plan, owner and the switches of the products named. */
    void save(Tenant tenant, java.util.Set<io.subsync.catalog.domain.ProductCode> switched);
}
