package io.subsync.tenancy;

import io.subsync.catalog.ProductCode;
import io.subsync.tenancy.domain.Tenant;
import io.subsync.tenancy.domain.TenantAlreadyExists;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The tenants and the products they switched. */
public interface Tenants {
    Optional<Tenant> find(TenantId id);

    /** The tenant, its row locked until the transaction ends, so changes to one tenant happen one at a time. */
    Optional<Tenant> lock(TenantId id);

    /** The owner of each of these tenants that has one, in one statement whatever their number. */
    Map<UUID, UUID> ownersOf(Set<UUID> tenantIds);

    /** How many tenants there are. */
    long count();

    /**
     * The next chunk of at most {@code size} tenants after {@code after}, in id order: its last id and how many it
     * holds; empty when no tenant follows.
     */
    Optional<Chunk> nextChunk(UUID after, int size);

    /** A run of tenants in id order, up to and with {@code last}. */
    record Chunk(UUID last, int size) {}

    /** Adds a tenant; throws {@link TenantAlreadyExists} when the id is taken. */
    void add(Tenant tenant);

    /** Stores name, plan, owner and the switches of the products named. */
    void save(Tenant tenant, Set<ProductCode> switched);
}
