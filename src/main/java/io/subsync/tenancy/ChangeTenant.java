package io.subsync.tenancy;

import io.subsync.catalog.ProductCode;
import io.subsync.catalog.Tier;
import io.subsync.tenancy.domain.CreatedReason;
import io.subsync.tenancy.domain.Subscriptions;
import io.subsync.tenancy.domain.Tenant;
import io.subsync.tenancy.domain.TenantPatch;
import io.subsync.tenancy.domain.UnknownTenant;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes a tenant's name, owner, plan or product switches, and in the same transaction brings its subscriptions
 * along (event-based sync): switched-off products follow their disable policy, switched-on ones are reactivated or
 * created, and a plan change moves every active subscription to the matching tier.
 */
@Service
public class ChangeTenant {
    private final Tenants tenants;
    private final Subscriptions subscriptions;
    private final ProductSwitches switches;
    private final ReconciliationLog report;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ChangeTenant(
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
    public Tenant change(
            TenantId id, String name, String plan, UUID ownerUserId, Map<String, Boolean> products, String actor) {
        TenantPatch patch = new TenantPatch(
                Optional.ofNullable(name),
                Optional.ofNullable(plan).map(p -> Tier.fromCode("plan", p)),
                Optional.ofNullable(ownerUserId),
                switches.parse(products));
        return apply(id, patch, Set.of(), actor);
    }

    /**
     * Switches the product off and cancels its active subscription whatever the product's disable policy (a
     * {@code keep} product's subscription would otherwise stay active, hidden); switching it on again reactivates it.
     */
    @Transactional
    public Tenant cancelProduct(TenantId id, String product, String actor) {
        Map<ProductCode, Boolean> off = switches.parse(Collections.singletonMap(product, false));
        return apply(
                id, new TenantPatch(Optional.empty(), Optional.empty(), Optional.empty(), off), off.keySet(), actor);
    }

    private Tenant apply(TenantId id, TenantPatch patch, Set<ProductCode> cancelled, String actor) {
        Tenant current = tenants.lock(id).orElseThrow(() -> new UnknownTenant(id));
        // Read under the lock, so a change never carries an earlier time than the one it waited for.
        Instant now = clock.instant();
        Tenant.TenantChange change = current.change(patch, now);
        tenants.save(change.tenant(), patch.products().keySet());
        int cancelledAnyway = subscriptions.cancelSwitchedOff(id, cancelled, actor, now);
        if (change.touchesSubscriptions()) {
            subscriptions.cancelDisabled(id, change.switchedOff(), actor, now);
            int reactivated = subscriptions.reactivate(id, change.switchedOn(), actor, now);
            report.report(
                    "product_enabled",
                    subscriptions.reconcile(
                            Optional.of(id),
                            new Subscriptions.Reasons(CreatedReason.PLAN_CHANGED, CreatedReason.PRODUCT_ENABLED),
                            actor,
                            now));
            if (change.planChanged() || reactivated > 0) {
                subscriptions.retier(id, CreatedReason.PLAN_CHANGED.code(), actor, now);
            }
        }
        if (change.touchesSubscriptions()
                || cancelledAnyway > 0
                || patch.ownerUserId().isPresent()) {
            events.publishEvent(new SubscriptionsChanged(Set.of(id.value()), actor));
        }
        return tenants.find(id).orElseThrow();
    }
}
