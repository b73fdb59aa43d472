package io.subsync.tenancy.domain;

/** A tenant with this id exists already. */
public class TenantAlreadyExists extends RuntimeException {
    public TenantAlreadyExists(TenantId id) {
        super("tenant " + id + " already exists");
    }
}
