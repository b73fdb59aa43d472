package io.subsync.tenancy;

import io.subsync.catalog.Catalog;
import io.subsync.catalog.Plan;
import io.subsync.catalog.ProductCode;
import io.subsync.catalog.Tier;
import io.subsync.tenancy.domain.ChangePreview;
import io.subsync.tenancy.domain.ChangePricing;
import io.subsync.tenancy.domain.CurrentSubscriptions;
import io.subsync.tenancy.domain.Tenant;
import io.subsync.tenancy.domain.UnknownTenant;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * What a change of the tenant's plan or products would cost, before it is made (the confirmation step): old → new
 * plan, price and billing cycle of every subscription the change moves, starts or stops. Changes nothing.
 */
@Service
public class PreviewTenantChange {
    private final Tenants tenants;
    private final CurrentSubscriptions current;
    private final Catalog catalog;

    PreviewTenantChange(Tenants tenants, CurrentSubscriptions current, Catalog catalog) {
        this.tenants = tenants;
        this.current = current;
        this.catalog = catalog;
    }

    /** The platform plans a tenant may move to, in tier order. */
    public List<Plan> platformPlans() {
        return pricing().platformPlans();
    }

    /** Moving the platform plan to this tier (it must be offered); only for the tenant's admin. */
    public ChangePreview tier(TenantMember member, String tier) {
        member.mustBeAdmin();
        ChangePricing pricing = pricing();
        Tier to = pricing.offeredTier("plan", tier);
        return pricing.tier(tenant(member.tenant()), to, current.of(member.tenant()));
    }

    public ChangePreview switchOn(TenantMember member, String product) {
        member.mustBeAdmin();
        return pricing().switchOn(tenant(member.tenant()), product(product), current.of(member.tenant()));
    }

    public ChangePreview switchOff(TenantMember member, String product) {
        member.mustBeAdmin();
        return pricing().switchOff(tenant(member.tenant()), product(product), current.of(member.tenant()));
    }

    /** Switching the product off and cancelling its subscription, whatever its disable policy. */
    public ChangePreview cancel(TenantMember member, String product) {
        member.mustBeAdmin();
        tenant(member.tenant());
        return pricing().cancel(product(product), current.of(member.tenant()));
    }

    private ChangePricing pricing() {
        return new ChangePricing(catalog.everyProduct(), catalog.plans());
    }

    private Tenant tenant(TenantId id) {
        return tenants.find(id).orElseThrow(() -> new UnknownTenant(id));
    }

    /** A switchable product of the catalogue, or {@code UnknownProduct} naming the field. */
    private ProductCode product(String product) {
        String field = "products." + product;
        return catalog.product(field, ProductCode.parse(field, product)).code();
    }
}
