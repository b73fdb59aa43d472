package io.subsync.sync.inbound;

import io.subsync.access.Provenance;
import io.subsync.audit.AuditEntry;
import io.subsync.sync.MasterSubscriptionState;
import io.subsync.sync.NotDiverged;
import io.subsync.sync.PlanMapping;
import io.subsync.sync.SyncOperation;
import io.subsync.sync.UnknownSync;
import io.subsync.sync.inbound.AcceptMasterState.Outcome;
import io.subsync.sync.inbound.domain.MasterStateNotApplicable;
import io.subsync.sync.inbound.domain.MasterStateUnknown;
import io.subsync.sync.mapping.UnknownPlanMapping;
import io.subsync.sync.outbound.RePushDesiredState;
import io.subsync.sync.outbound.SyncOperations;
import io.subsync.sync.outbound.SyncState;
import io.subsync.tenancy.FollowMaster;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An operator's decision on a diverged (user, service): the MVP's state sent again, or Master's taken. */
@Service
public class ResolveWithMaster {
    private final AcceptMasterState accept;
    private final MasterStates states;
    private final SyncOperations operations;
    private final RePushDesiredState rePush;
    private final TenantsFollowMaster tenants;
    private final Clock clock;

    ResolveWithMaster(
            AcceptMasterState accept,
            MasterStates states,
            SyncOperations operations,
            RePushDesiredState rePush,
            TenantsFollowMaster tenants,
            Clock clock) {
        this.accept = accept;
        this.states = states;
        this.operations = operations;
        this.rePush = rePush;
        this.tenants = tenants;
        this.clock = clock;
    }

    /**
     * Resolves a diverged (user, service): {@link KeptSide#MVP} pushes the MVP's state to Master again as a full sync;
     * {@link KeptSide#MASTER} supersedes the MVP's undelivered changes and applies Master's state ({@code master}, or the
     * one last received when null). Either way the divergence is cleared and an audit row with operation
     * {@code resolve} is written.
     *
     * @throws UnknownSync        no sync state for (user, service)
     * @throws NotDiverged        it is not diverged ({@link SyncState#checkResolvable})
     * @throws MasterStateUnknown keep Master, but no Master state is given or known
     */
    @Transactional
    public Outcome resolve(
            UUID mvpUserId, String serviceName, KeptSide keep, MasterSubscriptionState master, Provenance by) {
        Instant now = clock.instant();
        // The lock order of every writer: the user's tenants, the account, then the state (it settles the account's
        // status below).
        accept.lockAccount(mvpUserId, now);
        Optional<SyncState> locked = operations.lock(mvpUserId, serviceName);
        if (locked.isEmpty()) {
            throw new UnknownSync("no sync state for user " + mvpUserId + " and service '" + serviceName + "'");
        }
        SyncState state = locked.get();
        String service = state.desired().serviceName();
        MasterStates.Known known = states.known(mvpUserId, service).orElseThrow();
        state.checkResolvable(known.divergedFields());
        Map<String, Object> mvpData = state.auditData();
        if (keep == KeptSide.MVP) {
            states.clearDivergence(mvpUserId, service);
            if (master != null) {
                states.note(mvpUserId, service, master, now);
            }
            UUID syncId = rePush.rePush(state, AcceptMasterState.DIVERGENCE_REPUSH, by, now);
            states.settleAccount(mvpUserId, null, false, now);
            String why = "resolved: kept the MVP's state, pushed again as sync " + syncId;
            Map<String, Object> masterData =
                    known.state().map(MasterSubscriptionState::snapshot).orElse(null);
            states.log(
                    AuditEntry.resolve(syncId, mvpUserId, service, mvpData, why)
                            .withMasterData(master != null ? master.snapshot() : masterData),
                    by,
                    now);
            return Outcome.of(Outcome.Kind.MVP_KEPT, mvpUserId, service, known.divergedFields(), syncId, why);
        }
        MasterSubscriptionState masters = Optional.ofNullable(master)
                .or(known::state)
                .orElseThrow(() -> new MasterStateUnknown("Master's state of user " + mvpUserId + " and service '"
                        + service + "' is not known; read it from Master first"));
        PlanMapping mapping = states.mappingsOf(masters.serviceId(), masters.planTier()).stream()
                .filter(m -> m.serviceName().equalsIgnoreCase(service))
                .findFirst()
                .orElseThrow(() -> new UnknownPlanMapping(service, masters.planTier()));
        Optional<FollowMaster.Checked> tenant =
                tenants.check(tenants.of(mvpUserId, locked, masters, mapping.planCode()));
        Optional<String> refusal = tenants.refusal(tenant);
        if (refusal.isPresent()) {
            throw new MasterStateNotApplicable(refusal.get() + "; keep the MVP's state, or change the tenant first");
        }
        UUID changeId = UUID.randomUUID();
        int superseded = states.supersedeUndelivered(mvpUserId, service, changeId, by.actor(), by.requestId(), now);
        states.apply(mvpUserId, service, mapping.planCode(), SyncOperation.SYNC, masters, changeId, now);
        tenants.follow(tenant, TenantsFollowMaster.resolvedBy(by), now);
        states.settleAccount(mvpUserId, null, true, now);
        String why = "resolved: kept Master's state; " + superseded + " undelivered MVP change(s) superseded";
        states.log(
                AuditEntry.resolve(changeId, mvpUserId, service, mvpData, why)
                        .withMasterUser(masters.masterUserId())
                        .withMasterData(masters.snapshot()),
                by,
                now);
        return Outcome.of(Outcome.Kind.APPLIED, mvpUserId, service, known.divergedFields(), changeId, why);
    }
}
