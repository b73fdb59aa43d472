package io.subsync.tenancy.domain;

/** The caller asked for "its" tenant, but its token names none. */
public class NoTenantInToken extends RuntimeException {
    public NoTenantInToken() {
        super("the token has no tenant_id claim (top level or in app_metadata), so there is no current tenant");
    }
}
