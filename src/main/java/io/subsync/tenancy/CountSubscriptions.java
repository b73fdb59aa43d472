package io.subsync.tenancy;

import io.subsync.tenancy.domain.SubscriptionCounts;
import org.springframework.stereotype.Service;

/** Figures over all tenants for operators: tenants, and active subscriptions by how they came to be. */
@Service
public class CountSubscriptions {
    private final SubscriptionCounts counts;

    CountSubscriptions(SubscriptionCounts counts) {
        this.counts = counts;
    }

    public SubscriptionFigures current() {
        return counts.current();
    }
}
