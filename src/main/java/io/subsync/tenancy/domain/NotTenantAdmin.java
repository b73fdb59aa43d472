package io.subsync.tenancy.domain;

/** A user of the tenant asked to change it, but is not its admin (no {@code tenant_role: "admin"} in the token). */
public class NotTenantAdmin extends RuntimeException {
    public NotTenantAdmin() {
        super("only a tenant admin (a token with tenant_role \"admin\") may change the tenant's plan and products");
    }
}
