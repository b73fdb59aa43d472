package io.subsync.tenancy;

import io.subsync.catalog.Catalog;
import io.subsync.database.RowSecurity;
import io.subsync.tenancy.domain.ChangePricing;
import io.subsync.tenancy.domain.InvalidTenantValue;
import io.subsync.tenancy.domain.Tenant;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * A tenant's admin changes the tenant's own platform plan and products, or cancels a product: the same change, rules,
 * history and sync to Master as {@link ChangeTenant} for service_role, limited to those two fields and to tiers the
 * catalogue has an active platform plan for. Other users of the tenant are refused ({@code NotTenantAdmin}).
 *
 * <p>The change runs with the service's database rights: a tenant's users may only read their tenant's rows (the
 * row-security policies, docs/security.md), and whether the user is the tenant's admin is checked here, from the
 * verified token, for the tenant that token names.
 */
@Service
public class ChangeOwnTenant {
    private final ChangeTenant changeTenant;
    private final Catalog catalog;

    ChangeOwnTenant(ChangeTenant changeTenant, Catalog catalog) {
        this.changeTenant = changeTenant;
        this.catalog = catalog;
    }

    /**
     * Changes {@code plan} and {@code products} (either may be null); a {@code name} or {@code ownerUserId} is refused
     * naming the field: those stay the service's to change.
     */
    public Tenant change(
            TenantMember member, String name, String plan, UUID ownerUserId, Map<String, Boolean> products) {
        member.mustBeAdmin();
        if (name != null) {
            throw new InvalidTenantValue("name", "is changed by the service (service_role), not by a tenant admin");
        }
        if (ownerUserId != null) {
            throw new InvalidTenantValue(
                    "ownerUserId", "is changed by the service (service_role), not by a tenant admin");
        }
        if (plan != null) {
            new ChangePricing(catalog.everyProduct(), catalog.plans()).offeredTier("plan", plan);
        }
        return RowSecurity.asService(
                () -> changeTenant.change(member.tenant(), null, plan, null, products, member.actor()));
    }

    /** Switches the product off and cancels its subscription, whatever the product's disable policy. */
    public Tenant cancelProduct(TenantMember member, String product) {
        member.mustBeAdmin();
        return RowSecurity.asService(() -> changeTenant.cancelProduct(member.tenant(), product, member.actor()));
    }
}
