package io.subsync.tenancy;

import io.subsync.database.DatabaseUnavailable;
import io.subsync.tenancy.domain.SubscriptionView;
import io.subsync.tenancy.domain.Subscriptions;
import io.subsync.tenancy.domain.UnknownTenant;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * A tenant's active subscriptions, platform first, after sync-on-read: one plain statement lists them and says
 * whether anything is missing; only then is it created first, in the statement that lists them again. A failure of
 * that safety net never fails the read: it is logged and counted, and the subscriptions are listed as they are.
 */
@Service
public class ListSubscriptions {
    private final Subscriptions subscriptions;
    private final Tenants tenants;
    private final ReconciliationLog report;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ListSubscriptions(
            Subscriptions subscriptions,
            Tenants tenants,
            ReconciliationLog report,
            Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.subscriptions = subscriptions;
        this.tenants = tenants;
        this.report = report;
        this.clock = clock;
    }

    public List<SubscriptionView> of(TenantId tenant, String actor) {
        Subscriptions.Listing listing;
        try {
            // Nearly always nothing is missing: one plain statement, without the reconciliation's.
            Optional<List<SubscriptionView>> complete = subscriptions.listIfComplete(tenant);
            if (complete.isPresent()) {
                return complete.get();
            }
            listing = subscriptions.reconcileAndList(tenant, actor, clock.instant());
        } catch (DataAccessException e) {
            if (DatabaseUnavailable.explains(e)) {
                // Listing as they are needs the same database: it would only wait out the pool's timeout again.
                throw e;
            }
            report.readFailed(tenant, e);
            return existing(tenant);
        }
        report.report("sync_on_read", listing.outcome());
        if (!listing.outcome().created().isEmpty()) {
            try {
                events.publishEvent(new SubscriptionsChanged(Set.of(tenant.value()), actor));
            } catch (RuntimeException e) {
                report.readFailed(tenant, e);
            }
        }
        if (listing.raced()) {
            // Another transaction created a missing subscription at the same moment; it has committed by now.
            return existing(tenant);
        }
        if (listing.subscriptions().isEmpty()
                && listing.outcome().skipped().isEmpty()
                && tenants.find(tenant).isEmpty()) {
            throw new UnknownTenant(tenant);
        }
        return listing.subscriptions();
    }

    /** The subscriptions Master cancelled that are still gone, newest first (the tenant's page names them). */
    public List<Subscriptions.CancelledInMaster> cancelledInMaster(TenantId tenant) {
        return subscriptions.cancelledInMaster(tenant);
    }

    private List<SubscriptionView> existing(TenantId tenant) {
        List<SubscriptionView> views = subscriptions.list(tenant);
        if (views.isEmpty() && tenants.find(tenant).isEmpty()) {
            throw new UnknownTenant(tenant);
        }
        return views;
    }
}
