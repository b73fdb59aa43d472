package io.subsync.tenancy.domain;

import io.subsync.catalog.ProductCode;
import io.subsync.tenancy.OwnedSubscription;
import io.subsync.tenancy.ReconcileChunk;
import io.subsync.tenancy.ReconcileOutcome;
import io.subsync.tenancy.TenantId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The tenants' subscriptions. {@link #reconcile} is the one reconciliation: every enabled product (and the platform)
 * gets exactly one active subscription at the tenant's tier, or the Starter plan as a recorded fallback.
 */
public interface Subscriptions {

    /** Reconciles one tenant, or all of them when {@code tenant} is empty, in a few set-based statements. */
    ReconcileOutcome reconcile(Optional<TenantId> tenant, Reasons reasons, String actor, Instant at);

    /**
     * Reconciles the tenants whose id is after {@code after} and at most {@code upto}, one chunk of a bulk pass, in one
     * statement. {@code listEach}: also a row per subscription created (else only the counts come back).
     */
    ReconcileChunk reconcileChunk(UUID after, UUID upto, Reasons reasons, String actor, Instant at, boolean listEach);

    /** Reconciles the tenant and lists its visible active subscriptions, platform first, in one statement. */
    Listing reconcileAndList(TenantId tenant, String actor, Instant at);

    /**
     * The tenant's subscriptions Master cancelled and nothing has made active again (the platform, or a product Master
     * switched off), newest first: what the tenant's page says is gone, and why.
     */
    List<CancelledInMaster> cancelledInMaster(TenantId tenant);

    /** A subscription Master cancelled: its product, plan and when. */
    record CancelledInMaster(String productName, String planName, Instant endedAt) {}

    /**
     * The visible active subscriptions, platform first, when nothing is missing (the tenant exists, and the platform,
     * unless Master cancelled it, and every enabled product have an active subscription); empty when the read must
     * reconcile first. One statement, which nearly every read is.
     */
    Optional<List<SubscriptionView>> listIfComplete(TenantId tenant);

    /** Lists the visible active subscriptions without reconciling (the read's fallback). */
    List<SubscriptionView> list(TenantId tenant);

    /** Cancels the active subscriptions of switched-off products whose disable policy is {@code cancel}. */
    int cancelDisabled(TenantId tenant, Collection<ProductCode> products, String actor, Instant at);

    /**
     * Cancels the active subscriptions of these switched-off products whatever their disable policy (a tenant admin's
     * cancellation); ended with reason {@code product_disabled}, so switching the product on again reactivates them.
     */
    int cancelSwitchedOff(TenantId tenant, Collection<ProductCode> products, String actor, Instant at);

    /** Reactivates the last subscription cancelled by switching the product off, where none is active. */
    int reactivate(TenantId tenant, Collection<ProductCode> products, String actor, Instant at);

    /** Moves active subscriptions to the plan of the tenant's tier (or Starter), recording each move. */
    int retier(TenantId tenant, String reason, String actor, Instant at);

    /**
     * The current subscription per (tenant, product) of tenants that have an owner: the active one, else the last
     * cancelled one.
     */
    List<OwnedSubscription> ownedBy(Set<UUID> tenantIds);

    /** The same, for every tenant the user owns. */
    List<OwnedSubscription> ofOwner(UUID ownerUserId);

    /** The reasons recorded for what a reconciliation creates: one for the platform, one for products. */
    record Reasons(CreatedReason platform, CreatedReason product) {
        public static Reasons both(CreatedReason reason) {
            return new Reasons(reason, reason);
        }
    }

    /** A tenant's listing; {@code outcome} says what the reconciliation part did. */
    record Listing(List<SubscriptionView> subscriptions, ReconcileOutcome outcome, boolean raced) {}
}
