package io.subsync.tenancy.domain;

import io.subsync.tenancy.TenantId;
import java.util.List;
import java.util.UUID;

/** The history of the tenants' subscriptions, as the database records it on every change. */
public interface SubscriptionChanges {

    /**
     * The latest {@code limit} changes of one subscription of one tenant, newest first. Every subscription has at
     * least its {@code created} entry, so an empty list means the tenant has no such subscription.
     */
    List<SubscriptionChange> of(TenantId tenant, UUID subscription, int limit);
}
