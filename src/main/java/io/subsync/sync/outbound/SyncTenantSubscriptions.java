package io.subsync.sync.outbound;

import io.subsync.access.Provenance;
import io.subsync.audit.AuditEntry;
import io.subsync.audit.AuditOperation;
import io.subsync.audit.SyncLog;
import io.subsync.database.RowSecurity;
import io.subsync.linking.AccountLinks;
import io.subsync.sync.DesiredState;
import io.subsync.sync.SyncOperation;
import io.subsync.sync.mapping.PlanMappings;
import io.subsync.tenancy.FollowMaster;
import io.subsync.tenancy.OwnedSubscription;
import io.subsync.tenancy.SubscriptionsChanged;
import io.subsync.tenancy.TenantSubscriptionStates;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A tenant's own subscriptions go to Master like any other sync, for the tenant's owner once the owner's account
 * is linked: service name = product code (or {@code platform}), plan code = tier. Runs in the transaction that
 * changed the subscriptions, so the change and its outbox row commit together.
 */
@Component
class SyncTenantSubscriptions {
    private static final Logger log = LoggerFactory.getLogger(SyncTenantSubscriptions.class);
    private final TenantSubscriptionStates states;
    private final AccountLinks links;
    private final SyncOperations operations;
    private final PlanMappings mappings;
    private final RecordSync recordSync;
    private final SyncLog audit;
    private final Clock clock;

    SyncTenantSubscriptions(
            TenantSubscriptionStates states,
            AccountLinks links,
            SyncOperations operations,
            PlanMappings mappings,
            RecordSync recordSync,
            SyncLog audit,
            Clock clock) {
        this.states = states;
        this.links = links;
        this.operations = operations;
        this.mappings = mappings;
        this.recordSync = recordSync;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * System work for the tenant's owner, who may not be the user whose request changed the subscriptions (a tenant
     * member's read creates a missing one): it runs with the service's rights, not under the caller's row security.
     */
    @EventListener
    void on(SubscriptionsChanged changed) {
        RowSecurity.asService(() -> syncOwners(changed));
    }

    /**
     * A newly linked account also brings the subscriptions of the tenants it owns: the ones never recorded for Master
     * (the owner had no link when they changed) are recorded now, in the linking transaction.
     */
    void recordOwnedBy(UUID owner, String actor) {
        RowSecurity.asService(() -> sync(states.ofOwner(owner), actor));
    }

    /**
     * Only the tenants whose owner is linked are read: a bulk reconciliation's ten thousand tenants mostly are not. The
     * owners' accounts are locked here, once, before any state row.
     */
    private void syncOwners(SubscriptionsChanged changed) {
        Map<UUID, UUID> owners = states.ownersOf(changed.tenantIds());
        Set<UUID> linked = links.lockLinked(new HashSet<>(owners.values()));
        Set<UUID> tenants = owners.entrySet().stream()
                .filter(owned -> linked.contains(owned.getValue()))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        if (!tenants.isEmpty()) {
            syncLocked(states.of(tenants), linked, changed.actor());
        }
    }

    /**
     * Takes the locks in the order every writer uses (docs/sync.md, "Lock order"): the linked owners' accounts first,
     * in the database's order of their ids, then each subscription's state row.
     */
    private void sync(List<OwnedSubscription> owned, String actor) {
        // Only owners with an account row are locked (none is created), all in one statement in the lock order;
        // linked is read from the locked rows.
        Set<UUID> owners = owned.stream().map(OwnedSubscription::ownerUserId).collect(Collectors.toSet());
        syncLocked(owned, links.lockLinked(owners), actor);
    }

    /** Records the subscriptions of the owners whose accounts this transaction holds and are linked. */
    private void syncLocked(List<OwnedSubscription> owned, Set<UUID> linkedOwners, String actor) {
        // A UUID's text sorts as PostgreSQL sorts the uuid (unsigned bytes); UUID.compareTo does not.
        List<OwnedSubscription> inLockOrder = owned.stream()
                .filter(subscription -> linkedOwners.contains(subscription.ownerUserId()))
                .sorted(Comparator.comparing((OwnedSubscription subscription) ->
                                subscription.ownerUserId().toString())
                        .thenComparing(OwnedSubscription::productType))
                .toList();
        for (OwnedSubscription subscription : inLockOrder) {
            if (mappings.find(subscription.productType(), subscription.tier()).isEmpty()) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("tenantId", subscription.tenantId().toString());
                data.put("serviceName", subscription.productType());
                data.put("planCode", subscription.tier());
                String why = "no service_plan_mapping for (service '" + subscription.productType() + "', plan '"
                        + subscription.tier() + "'); add it (subsync init) and the next change is synced";
                audit.append(
                        AuditEntry.failed(
                                subscription.ownerUserId(), subscription.productType(), AuditOperation.SYNC, data, why),
                        Provenance.of(actor),
                        clock.instant());
                log.warn(
                        "Tenant {}: subscription {}/{} not synced to Master, no plan mapping",
                        subscription.tenantId(),
                        subscription.productType(),
                        subscription.tier());
                continue;
            }
            Optional<SyncState> current = operations.lock(subscription.ownerUserId(), subscription.productType());
            Optional<SyncOperation> operation = operation(subscription, current);
            if (operation.isPresent()) {
                recordSync.recordAs(
                        subscription.ownerUserId(),
                        DesiredState.checked(
                                operation.get(),
                                subscription.productType(),
                                subscription.tier(),
                                status(subscription),
                                subscription.startedAt(),
                                subscription.endedAt(),
                                Map.of(
                                        FollowMaster.TENANT_METADATA,
                                        subscription.tenantId().toString())),
                        Provenance.of(actor));
            }
        }
    }

    /** The operation that brings Master from the last desired state to this one; empty when nothing changed. */
    private static Optional<SyncOperation> operation(OwnedSubscription subscription, Optional<SyncState> current) {
        String status = status(subscription);
        if (current.isEmpty()) {
            return Optional.of(status.equals("cancelled") ? SyncOperation.CANCEL : SyncOperation.CREATE);
        }
        String was = current.get().desired().status();
        if (was.equals(status) && current.get().desired().planCode().equals(subscription.tier())) {
            return Optional.empty();
        }
        if (status.equals("cancelled")) {
            return Optional.of(SyncOperation.CANCEL);
        }
        return Optional.of(was.equals("cancelled") ? SyncOperation.REACTIVATE : SyncOperation.UPDATE);
    }

    private static String status(OwnedSubscription subscription) {
        return subscription.status().equals("active") ? "active" : "cancelled";
    }
}
