package io.subsync.tenancy.domain;

import io.subsync.tenancy.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * The writes that make a tenant's subscription follow Master. Every method runs in the caller's transaction, which
 * holds the tenant's lock ({@link #lockTenantsOwnedBy}) before any other lock of the sync, so a change from Master and
 * a change of the tenant never wait on each other in a cycle (docs/sync.md, "Lock order").
 */
public interface ChangesFromMaster {

    /** Locks every tenant the user owns, in the order of their ids, until the transaction ends. */
    void lockTenantsOwnedBy(UUID ownerUserId);

    /** What the tenant has of the change's product now, and whether it is still the user's. */
    ChangeFromMaster.Facts facts(TenantId tenant, UUID ownerUserId, ChangeFromMaster change);

    /**
     * Cancels the product's active subscription ({@code end_reason} {@value ChangeFromMaster#CANCELLED_IN_MASTER});
     * for the platform, also marks the tenant's platform cancelled so no reconciliation recreates it.
     */
    void cancel(TenantId tenant, String productType, String reason, String actor, Instant at);

    /**
     * Makes the product's subscription active at the plan of {@code tier}: its last cancelled one is reactivated, or one
     * is created; for the platform, the cancelled mark is cleared.
     */
    void reactivate(TenantId tenant, String productType, String tier, String reason, String actor, Instant at);

    /** Moves the product's active subscription to the plan of {@code tier}, recording the move in its history. */
    void move(TenantId tenant, String productType, String tier, String reason, String actor, Instant at);
}
