package io.subsync.tenancy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts over all tenants: how many tenants, and their active subscriptions split into auto-created and manual and
 * by {@code created_reason} (largest first).
 */
public record SubscriptionFigures(long tenants, long autoCreated, long manual, Map<String, Long> byReason) {
    public SubscriptionFigures {
        byReason = Collections.unmodifiableMap(new LinkedHashMap<>(byReason));
    }

    public long active() {
        return autoCreated + manual;
    }
}
