package io.subsync.tenancy.domain;

import io.subsync.tenancy.TenantId;

/** A tenant with this id exists already. */
public class TenantAlreadyExists extends RuntimeException {
    public TenantAlreadyExists(TenantId id) {
        super("tenant " + id + " already exists");
    }
}
