package io.subsync.tenancy;

import java.util.Set;
import java.util.UUID;

/**
 * Published when subscriptions of these tenants were created or changed, in the transaction that changed them
 * (for reads that created missing subscriptions: right after). Listeners run in that transaction.
 */
public record SubscriptionsChanged(Set<UUID> tenantIds, String actor) {
    public SubscriptionsChanged {
        tenantIds = Set.copyOf(tenantIds);
    }
}
