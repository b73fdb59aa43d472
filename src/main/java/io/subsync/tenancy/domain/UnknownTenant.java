package io.subsync.tenancy.domain;

import io.subsync.tenancy.TenantId;

/** No tenant with this id. */
public class UnknownTenant extends RuntimeException {
    public UnknownTenant(TenantId id) {
        super("no tenant " + id);
    }
}
