package io.subsync.sync.inbound;

import io.subsync.access.Provenance;
import io.subsync.sync.MasterSubscriptionState;
import io.subsync.sync.SyncOperation;
import io.subsync.sync.outbound.SyncState;
import io.subsync.tenancy.FollowMaster;
import io.subsync.tenancy.TenantId;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The inbound side of a tenant's subscription: a (user, service) whose desired state names a tenant (the tenant's
 * owner and a product code or {@code platform}, as the tenant's changes record it) is one of the tenant's
 * subscriptions, and Master's state taken for it is taken by the tenant too ({@link FollowMaster}).
 */
@Component
class TenantsFollowMaster {
    private final FollowMaster follow;
    private final MasterStates states;

    TenantsFollowMaster(FollowMaster follow, MasterStates states) {
        this.follow = follow;
        this.states = states;
    }

    /** Locks the tenants of the user linked to Master's account: they come before the account in the lock order. */
    void lockBeforeAccountOf(UUID masterUserId) {
        states.linkedUser(masterUserId).ifPresent(follow::lockTenantsOwnedBy);
    }

    /** The same, for an MVP user. */
    void lockBeforeAccount(UUID mvpUserId) {
        follow.lockTenantsOwnedBy(mvpUserId);
    }

    /** The tenant subscription that (user, service) is, with Master's state for it; empty for any other pair. */
    Optional<FollowMaster.MastersState> of(
            UUID user, Optional<SyncState> state, MasterSubscriptionState master, String planCode) {
        return state.flatMap(s -> tenantOf(s)
                .map(tenant -> new FollowMaster.MastersState(
                        tenant,
                        user,
                        s.desired().serviceName(),
                        master.status().toLowerCase(Locale.ROOT),
                        planCode.toLowerCase(Locale.ROOT))));
    }

    /** What the history says when an operator resolving a divergence keeps Master's state. */
    static String resolvedBy(Provenance by) {
        return "Master's state, kept by " + by.actor() + " resolving a divergence";
    }

    /** Why the tenant cannot take Master's state, naming the tenant; empty when it can or it is no tenant's. */
    Optional<String> refusal(Optional<FollowMaster.Checked> tenant) {
        return tenant.flatMap(t -> t.refusal()
                .map(why ->
                        "Master's state cannot be taken by tenant " + t.master().tenant() + ": " + why));
    }

    /** What the tenant's rule decides for Master's state, once, for the refusal and the change that follow. */
    Optional<FollowMaster.Checked> check(Optional<FollowMaster.MastersState> tenant) {
        return tenant.map(follow::check);
    }

    /** The tenant takes Master's state, its history saying what brought it ({@code reason}). */
    void follow(Optional<FollowMaster.Checked> tenant, String reason, Instant at) {
        tenant.ifPresent(t -> follow.follow(t, reason, at));
    }

    /** What brought Master's state, as a tenant's history says it: a webhook's event, or who read it from Master. */
    static String reason(SyncOperation operation, String eventId, Provenance by) {
        String what = operation == SyncOperation.SYNC ? "Master's state" : "Master's " + operation.code();
        return eventId != null ? what + " (webhook event " + eventId + ")" : what + " (read by " + by.actor() + ")";
    }

    private static Optional<TenantId> tenantOf(SyncState state) {
        Object id = state.desired().metadata() == null
                ? null
                : state.desired().metadata().get(FollowMaster.TENANT_METADATA);
        if (id == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TenantId(UUID.fromString(id.toString())));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
