package io.subsync.tenancy.domain;

import io.subsync.tenancy.SubscriptionFigures;

/** Figures over all tenants' subscriptions, for operators. */
public interface SubscriptionCounts {
    SubscriptionFigures current();
}
