package io.subsync.tenancy;

import io.subsync.tenancy.domain.Subscriptions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The current subscriptions of tenants that have an owner, for features that follow them (sync with Master). */
@Service
public class TenantSubscriptionStates {
    private final Subscriptions subscriptions;
    private final Tenants tenants;

    TenantSubscriptionStates(Subscriptions subscriptions, Tenants tenants) {
        this.subscriptions = subscriptions;
        this.tenants = tenants;
    }

    /** The owner of each of these tenants that has one. */
    public Map<UUID, UUID> ownersOf(Set<UUID> tenantIds) {
        return tenants.ownersOf(tenantIds);
    }

    public List<OwnedSubscription> of(Set<UUID> tenantIds) {
        return subscriptions.ownedBy(tenantIds);
    }

    /** The current subscriptions of every tenant the user owns. */
    public List<OwnedSubscription> ofOwner(UUID ownerUserId) {
        return subscriptions.ofOwner(ownerUserId);
    }
}
