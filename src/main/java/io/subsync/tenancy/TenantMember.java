package io.subsync.tenancy;

import io.subsync.tenancy.domain.NoTenantInToken;
import io.subsync.tenancy.domain.NotTenantAdmin;
import java.util.Optional;
import java.util.UUID;

/**
 * A signed-in user of a tenant, as its token says: the tenant ({@code tenant_id}), the actor recorded for what the user
 * changes, and whether the user is the tenant's admin ({@code tenant_role: "admin"}).
 */
public record TenantMember(TenantId tenant, String actor, boolean admin) {

    /** The member a token describes; {@link NoTenantInToken} when it names no tenant. */
    public static TenantMember of(Optional<UUID> tenantId, String actor, boolean admin) {
        return new TenantMember(new TenantId(tenantId.orElseThrow(NoTenantInToken::new)), actor, admin);
    }

    void mustBeAdmin() {
        if (!admin) {
            throw new NotTenantAdmin();
        }
    }
}
