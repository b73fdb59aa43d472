package io.subsync.tenancy;

import io.subsync.tenancy.domain.Subscriptions;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The current subscriptions of tenants that have an owner, for features that follow them (sync with Master). */
@Service
public class TenantSubscriptionStates {
    private final Subscriptions subscriptions;

    TenantSubscriptionStates(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    public List<OwnedSubscription> of(Set<UUID> tenantIds) {
        return subscriptions.ownedBy(tenantIds);
    }

    /** The current subscriptions of every tenant the user owns. */
    public List<OwnedSubscription> ofOwner(UUID ownerUserId) {
        return subscriptions.ofOwner(ownerUserId);
    }
}
