package io.subsync.tenancy.domain;

import java.util.Locale;

/** Why a subscription exists or changed; stored as lower-case codes in {@code created_reason} and the history. */
public enum CreatedReason {
    TENANT_CREATED,
    PRODUCT_ENABLED,
    PLAN_CHANGED,
    SYNC_ON_READ,
    RECONCILE,
    TIER_FALLBACK,
    MANUAL,
    PRODUCT_DISABLED,
    /** Created because Master has the subscription (a reactivation from Master with nothing to reactivate). */
    MASTER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
