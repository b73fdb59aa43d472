package io.subsync.tenancy.domain;

/** No tenant with this id. */
public class UnknownTenant extends RuntimeException {
    public UnknownTenant(TenantId id) {
        super("no tenant " + id);
    }
}
