package io.subsync.tenancy.domain;

/** Figures over all tenants' subscriptions, for operators. */
public interface SubscriptionCounts {
    SubscriptionFigures current();
}
