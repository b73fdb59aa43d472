package io.subsync.tenancy.domain;

import io.subsync.tenancy.TenantId;
import java.util.UUID;

/** The tenant has no subscription with this id (it may be another tenant's). */
public class UnknownSubscription extends RuntimeException {
    public UnknownSubscription(TenantId tenant, UUID subscription) {
        super("tenant " + tenant + " has no subscription " + subscription);
    }
}
