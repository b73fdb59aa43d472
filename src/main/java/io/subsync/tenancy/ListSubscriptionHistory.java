package io.subsync.tenancy;

import io.subsync.tenancy.domain.SubscriptionChange;
import io.subsync.tenancy.domain.SubscriptionChanges;
import io.subsync.tenancy.domain.UnknownSubscription;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The history of one of a tenant's subscriptions, newest first; another tenant's subscription is unknown here. */
@Service
public class ListSubscriptionHistory {
    /** The most entries shown; a subscription changes a handful of times a year. */
    public static final int LIMIT = 50;

    private final SubscriptionChanges changes;

    ListSubscriptionHistory(SubscriptionChanges changes) {
        this.changes = changes;
    }

    public List<SubscriptionChange> of(TenantId tenant, UUID subscription) {
        List<SubscriptionChange> history = changes.of(tenant, subscription, LIMIT);
        if (history.isEmpty()) {
            throw new UnknownSubscription(tenant, subscription);
        }
        return history;
    }
}
