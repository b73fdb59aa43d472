package io.subsync.tenancy;

import io.subsync.catalog.Tier;
import io.subsync.tenancy.domain.CreatedReason;
import io.subsync.tenancy.domain.Subscriptions;
import io.subsync.tenancy.domain.Tenant;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens a tenant: the tenant, its product switches and its subscriptions (platform and products) in one transaction. */
@Service
public class OpenTenant {
    private final Tenants tenants;
    private final Subscriptions subscriptions;
    private final ProductSwitches switches;
    private final ReconciliationLog report;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    OpenTenant(
            Tenants tenants,
            Subscriptions subscriptions,
            ProductSwitches switches,
            ReconciliationLog report,
            Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.tenants = tenants;
        this.subscriptions = subscriptions;
        this.switches = switches;
        this.report = report;
        this.clock = clock;
    }

    @Transactional
    public Tenant open(TenantDraft draft, String actor) {
        Instant now = clock.instant();
        Tier plan = draft.plan() == null ? null : Tier.fromCode("plan", draft.plan());
        Tenant tenant = Tenant.open(
                draft.id() == null ? TenantId.random() : new TenantId(draft.id()),
                draft.name(),
                plan,
                Optional.ofNullable(draft.ownerUserId()),
                switches.parse(draft.products()),
                now);
        tenants.add(tenant);
        report.report(
                "tenant_created",
                subscriptions.reconcile(
                        Optional.of(tenant.id()),
                        new Subscriptions.Reasons(CreatedReason.TENANT_CREATED, CreatedReason.PRODUCT_ENABLED),
                        actor,
                        now));
        events.publishEvent(new SubscriptionsChanged(Set.of(tenant.id().value()), actor));
        return tenants.find(tenant.id()).orElseThrow();
    }
}
