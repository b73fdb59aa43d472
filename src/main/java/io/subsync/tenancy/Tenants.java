package io.subsync.tenancy;

import io.subsync.catalog.ProductCode;
import io.subsync.tenancy.domain.Tenant;
import io.subsync.tenancy.domain.TenantAlreadyExists;
import java.util.Optional;
import java.util.Set;

/** The tenants and the products they switched. */
public interface Tenants {
    Optional<Tenant> find(TenantId id);

    /** The tenant, its row locked until the transaction ends, so changes to one tenant happen one at a time. */
    Optional<Tenant> lock(TenantId id);

    /** Adds a tenant; throws {@link TenantAlreadyExists} when the id is taken. */
    void add(Tenant tenant);

    /** Stores name, plan, owner and the switches of the products named. */
    void save(Tenant tenant, Set<ProductCode> switched);
}
