package io.subsync.tenancy;

import io.subsync.catalog.ProductCode;
import io.subsync.catalog.Tier;
import io.subsync.tenancy.domain.ChangeFromMaster;
import io.subsync.tenancy.domain.ChangesFromMaster;
import io.subsync.tenancy.domain.Subscriptions;
import io.subsync.tenancy.domain.Tenant;
import io.subsync.tenancy.domain.TenantPatch;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * A tenant's subscription follows Master: Master's cancel, reactivation or tier, taken from a webhook or a
 * reconciliation, changes {@code tenant_subscriptions} through the tenant's own rules ({@link ChangeFromMaster}), with
 * history rows whose actor is {@value #ACTOR}. Runs in the caller's transaction, which took the tenant's lock first
 * ({@link #lockTenantsOwnedBy}). What follows from it for the tenant's other subscriptions (a platform tier moves the
 * products) goes to Master as the MVP's changes, through {@link SubscriptionsChanged}.
 */
@Service
public class FollowMaster {
    public static final String ACTOR = "master";
    /** The key of a tenant subscription's desired state metadata that names its tenant. */
    public static final String TENANT_METADATA = "tenantId";

    private final ChangesFromMaster changes;
    private final Tenants tenants;
    private final Subscriptions subscriptions;
    private final ApplicationEventPublisher events;

    FollowMaster(
            ChangesFromMaster changes, Tenants tenants, Subscriptions subscriptions, ApplicationEventPublisher events) {
        this.changes = changes;
        this.tenants = tenants;
        this.subscriptions = subscriptions;
        this.events = events;
    }

    /** Master's state of one tenant subscription, for the tenant's owner. */
    public record MastersState(TenantId tenant, UUID ownerUserId, String productType, String status, String tier) {
        ChangeFromMaster change() {
            return new ChangeFromMaster(productType, status, tier);
        }
    }

    /** Locks the tenants the user owns, before the user's account: the tenant is first in the lock order. */
    public void lockTenantsOwnedBy(UUID ownerUserId) {
        changes.lockTenantsOwnedBy(ownerUserId);
    }

    /** Master's state and what the tenant's rule decided for it, read under the tenant's lock. */
    public record Checked(MastersState master, ChangeFromMaster.Decision decision) {
        /** Why the tenant cannot take Master's state; empty when it can (or it is no longer the user's tenant). */
        public Optional<String> refusal() {
            return decision.applicable() ? Optional.empty() : Optional.of(decision.why());
        }
    }

    /** Decides what Master's state does to the tenant; {@link #follow} then carries it out, in the same transaction. */
    public Checked check(MastersState master) {
        ChangeFromMaster change = master.change();
        return new Checked(master, change.decide(changes.facts(master.tenant(), master.ownerUserId(), change)));
    }

    /**
     * Takes Master's state into the tenant's subscription; nothing when the tenant has it already.
     *
     * @param reason what the history records, e.g. which webhook brought it
     * @return whether the tenant's subscriptions changed
     * @param checked what {@link #check} decided, in this transaction
     * @throws IllegalStateException when {@link Checked#refusal} says it cannot be taken
     */
    public boolean follow(Checked checked, String reason, Instant at) {
        MastersState master = checked.master();
        ChangeFromMaster change = master.change();
        ChangeFromMaster.Decision decision = checked.decision();
        TenantId id = master.tenant();
        String product = master.productType();
        switch (decision.kind()) {
            case UNCHANGED -> {
                return false;
            }
            case NOT_APPLICABLE -> throw new IllegalStateException("Master's state cannot be taken: " + decision.why());
            case CANCEL -> {
                if (!change.platform()) {
                    switchProduct(id, product, false, at);
                }
                changes.cancel(id, product, reason, ACTOR, at);
            }
            case REACTIVATE -> {
                if (!change.platform()) {
                    switchProduct(id, product, true, at);
                }
                changes.reactivate(id, product, decision.tier(), reason, ACTOR, at);
                if (change.platform()) {
                    movePlan(id, decision.tier(), reason, at);
                }
            }
            case MOVE -> {
                if (change.platform()) {
                    movePlan(id, decision.tier(), reason, at);
                } else {
                    changes.move(id, product, decision.tier(), reason, ACTOR, at);
                }
            }
        }
        events.publishEvent(new SubscriptionsChanged(Set.of(id.value()), ACTOR));
        return true;
    }

    private void switchProduct(TenantId id, String product, boolean on, Instant at) {
        Tenant tenant = tenants.find(id).orElseThrow();
        ProductCode code = new ProductCode(product);
        Tenant.TenantChange change = tenant.change(
                new TenantPatch(Optional.empty(), Optional.empty(), Optional.empty(), Map.of(code, on)), at);
        tenants.save(change.tenant(), Set.of(code));
    }

    /** The platform's tier is the tenant's plan: the plan moves, and every active subscription with it. */
    private void movePlan(TenantId id, String tier, String reason, Instant at) {
        Tenant tenant = tenants.find(id).orElseThrow();
        Tenant.TenantChange change = tenant.change(
                new TenantPatch(
                        Optional.empty(), Optional.of(Tier.fromCode("planTier", tier)), Optional.empty(), Map.of()),
                at);
        if (change.planChanged()) {
            tenants.save(change.tenant(), Set.of());
        }
        subscriptions.retier(id, reason, ACTOR, at);
    }
}
