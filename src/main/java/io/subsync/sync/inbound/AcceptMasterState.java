package io.subsync.sync.inbound;

import io.subsync.access.Provenance;
import io.subsync.audit.AuditEntry;
import io.subsync.audit.AuditOperation;
import io.subsync.audit.AuditStatus;
import io.subsync.audit.SyncLog;
import io.subsync.linking.AccountLinks;
import io.subsync.sync.FieldDifference;
import io.subsync.sync.MasterSubscriptionState;
import io.subsync.sync.PlanMapping;
import io.subsync.sync.SyncOperation;
import io.subsync.sync.SyncProperties;
import io.subsync.sync.inbound.domain.DriftDecision;
import io.subsync.sync.outbound.RePushDesiredState;
import io.subsync.sync.outbound.SyncOperations;
import io.subsync.sync.outbound.SyncState;
import io.subsync.tenancy.FollowMaster;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes Master's state of one subscription (from a webhook or a reconciliation read) into the MVP side. When nothing
 * of the MVP's is on its way to Master, the MVP side follows Master (no outbox row: Master already has it). When an
 * MVP change is still undelivered and the two disagree, the drift policy decides: {@code manual} marks the
 * subscription and the account link diverged (and holds the MVP's undelivered change), {@code mvp-wins} pushes the
 * MVP's state again, {@code master-wins} supersedes the MVP's change and applies Master's. A version not newer than
 * the one applied is stale; an unlinked Master account or an unmapped (service, tier) is ignored. Every outcome is an
 * audit row with {@code source = master}.
 */
@Service
public class AcceptMasterState {
    static final String DIVERGENCE_REPUSH = "re-push of the MVP's state after a divergence from Master";
    private final MasterStates states;
    private final SyncOperations operations;
    private final SyncLog audit;
    private final SyncProperties properties;
    private final Clock clock;
    private final AccountLinks links;
    private final RePushDesiredState rePush;
    private final TenantsFollowMaster tenants;

    AcceptMasterState(
            MasterStates states,
            SyncOperations operations,
            SyncLog audit,
            SyncProperties properties,
            Clock clock,
            AccountLinks links,
            RePushDesiredState rePush,
            TenantsFollowMaster tenants) {
        this.tenants = tenants;
        this.links = links;
        this.rePush = rePush;
        this.states = states;
        this.operations = operations;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** What became of Master's state. */
    public record Outcome(
            Kind kind,
            Optional<UUID> mvpUserId,
            Optional<String> serviceName,
            List<String> differences,
            Optional<UUID> syncId,
            String detail) {
        public enum Kind {
            /** The MVP side now has Master's state. */
            APPLIED,
            /** An MVP change on its way already equals Master's state; Master's version was noted. */
            AGREED,
            /** Not newer than the version applied: not applied. */
            STALE,
            /** Unlinked Master account or unmapped service and tier: not applied. */
            IGNORED,
            /** Conflicts with an undelivered MVP change (manual): marked diverged, not applied. */
            DIVERGED,
            /** Conflicts with an undelivered MVP change (mvp-wins): the MVP's state is pushed again. */
            MVP_KEPT,
            /** Conflicted (master-wins): the MVP's undelivered changes were superseded and Master's state applied. */
            APPLIED_OVER_MVP;

            public String code() {
                return name().toLowerCase(Locale.ROOT);
            }
        }

        static Outcome of(Kind kind, UUID user, String service, List<String> differences, UUID syncId, String detail) {
            return new Outcome(
                    kind,
                    Optional.ofNullable(user),
                    Optional.ofNullable(service),
                    List.copyOf(differences),
                    Optional.ofNullable(syncId),
                    detail);
        }
    }

    /** Master's full state (a reconciliation read): logged as operation {@code sync}. */
    @Transactional
    public Outcome accept(MasterSubscriptionState master, String eventId, Provenance by) {
        return accept(master, SyncOperation.SYNC, eventId, by);
    }

    /**
     * Takes Master's state in, in the caller's transaction (or its own).
     *
     * @param operation what Master did (cancel, update, reactivate; sync for a full state), as logged
     * @param eventId   the webhook event's id, kept in the audit row's {@code master_data}; null when not a webhook
     */
    @Transactional
    public Outcome accept(MasterSubscriptionState master, SyncOperation operation, String eventId, Provenance by) {
        Instant now = clock.instant();
        Map<String, Object> masterData = masterData(master, eventId);
        AuditOperation op = AuditOperation.fromCode(operation.code());
        tenants.lockBeforeAccountOf(master.masterUserId());
        Optional<UUID> linked = states.lockLinkedUser(master.masterUserId());
        if (linked.isEmpty()) {
            String why = "Master account " + master.masterUserId() + " is not linked to an MVP user; not applied";
            states.log(AuditEntry.ignored(op, masterData, why).withMasterUser(master.masterUserId()), by, now);
            return Outcome.of(Outcome.Kind.IGNORED, null, null, List.of(), null, why);
        }
        UUID user = linked.get();
        List<PlanMapping> candidates = states.mappingsOf(master.serviceId(), master.planTier());
        // The user's services decide only between several candidates: no query for the usual single one.
        Optional<PlanMapping> mapping =
                master.mappedBy(candidates, candidates.size() > 1 ? states.servicesOf(user) : List.of());
        if (mapping.isEmpty()) {
            Optional<Outcome> tenants = unmappedTierOfATenant(user, master, op, masterData, by, now);
            if (tenants.isPresent()) {
                return tenants.get();
            }
            String why = "no single service_plan_mapping for Master's (serviceId '" + master.serviceId()
                    + "', planTier '" + master.planTier() + "'); not applied";
            states.log(
                    AuditEntry.ignored(op, masterData, why)
                            .withMasterUser(master.masterUserId())
                            .withUser(user),
                    by,
                    now);
            return Outcome.of(Outcome.Kind.IGNORED, user, null, List.of(), null, why);
        }
        String service = mapping.get().serviceName();
        String plan = mapping.get().planCode();
        Optional<SyncState> state = operations.lock(user, service);
        Map<String, Object> mvpData = state.map(SyncState::auditData).orElse(null);
        Function<AuditStatus, AuditEntry> seen = status -> AuditEntry.fromMaster(op, status, masterData)
                .withMasterUser(master.masterUserId())
                .withUser(user)
                .withService(service)
                .withMvpData(mvpData);
        Optional<Long> applied = states.known(user, service).flatMap(MasterStates.Known::version);
        if (!master.newerThan(applied)) {
            String why = "version " + master.version() + " is not newer than the version applied (" + applied.get()
                    + "); not applied";
            states.log(seen.apply(AuditStatus.STALE).withError(why), by, now);
            return Outcome.of(Outcome.Kind.STALE, user, service, List.of(), null, why);
        }
        boolean undelivered = state.isPresent()
                && (states.hasOpenOperations(user, service) || !state.get().confirmed());
        List<FieldDifference> values =
                state.map(s -> master.valuesDifferingFrom(s.desired(), plan)).orElse(List.of());
        List<String> differences = values.stream().map(FieldDifference::field).toList();
        DriftDecision decision = DriftDecision.decide(undelivered, differences, properties.driftPolicy());
        UUID changeId = UUID.randomUUID();
        Optional<FollowMaster.Checked> tenant = Optional.empty();
        if (decision.action() == DriftDecision.Action.APPLY
                || decision.action() == DriftDecision.Action.APPLY_OVER_MVP) {
            tenant = tenants.check(tenants.of(user, state, master, plan));
            Optional<String> refusal = tenants.refusal(tenant);
            if (refusal.isPresent()) {
                // Never dropped: the pair shows as diverged until someone decides (keep the MVP's, or fix the tenant).
                return diverge(
                        user, service, master, values, "diverged: " + refusal.get() + "; not applied", seen, by, now);
            }
        }
        switch (decision.action()) {
            case APPLY -> {
                states.apply(user, service, plan, operation, master, changeId, now);
                tenants.follow(tenant, TenantsFollowMaster.reason(operation, eventId, by), now);
                states.settleAccount(user, null, true, now);
                states.log(seen.apply(AuditStatus.SUCCESS).withSyncId(changeId), by, now);
                return Outcome.of(Outcome.Kind.APPLIED, user, service, differences, changeId, "applied");
            }
            case AGREE -> {
                states.note(user, service, master, now);
                String why = "Master already has the state of the MVP change on its way; version noted";
                states.log(seen.apply(AuditStatus.SUCCESS).withError(why), by, now);
                return Outcome.of(Outcome.Kind.AGREED, user, service, differences, null, why);
            }
            case DIVERGE -> {
                String why = "diverged: Master's state differs in " + String.join(", ", differences)
                        + " while an MVP change has not reached Master (policy manual); not applied";
                return diverge(user, service, master, values, why, seen, by, now);
            }
            case KEEP_MVP -> {
                states.note(user, service, master, now);
                UUID syncId = rePush.rePush(state.get(), DIVERGENCE_REPUSH, by, now);
                String why = "Master's state differs in " + String.join(", ", differences)
                        + "; policy mvp-wins: the MVP's " + "state is pushed again as sync " + syncId;
                states.log(seen.apply(AuditStatus.SUPERSEDED).withSyncId(syncId).withError(why), by, now);
                return Outcome.of(Outcome.Kind.MVP_KEPT, user, service, differences, syncId, why);
            }
            case APPLY_OVER_MVP -> {
                int superseded = states.supersedeUndelivered(user, service, changeId, by.actor(), by.requestId(), now);
                states.apply(user, service, plan, operation, master, changeId, now);
                tenants.follow(tenant, TenantsFollowMaster.reason(operation, eventId, by), now);
                states.settleAccount(user, null, true, now);
                String why = "Master's state differs in " + String.join(", ", differences) + "; policy master-wins: "
                        + superseded + " undelivered MVP change(s) superseded";
                states.log(seen.apply(AuditStatus.SUCCESS).withSyncId(changeId).withError(why), by, now);
                return Outcome.of(Outcome.Kind.APPLIED_OVER_MVP, user, service, differences, changeId, why);
            }
        }
        throw new IllegalStateException("unhandled decision " + decision);
    }

    /**
     * A tier Master gives one of a tenant's subscriptions that maps to no plan of it (a tier the catalogue lacks) is
     * not dropped: the tenant's pair is diverged, if it is newer than the version applied. Empty when Master's service
     * is not one of the user's tenant subscriptions.
     */
    private Optional<Outcome> unmappedTierOfATenant(
            UUID user,
            MasterSubscriptionState master,
            AuditOperation op,
            Map<String, Object> masterData,
            Provenance by,
            Instant now) {
        List<String> services = states.servicesMappedTo(master.serviceId()).stream()
                .filter(states.servicesOf(user)::contains)
                .toList();
        if (services.size() != 1) {
            return Optional.empty();
        }
        String service = services.get(0);
        Optional<SyncState> state = operations.lock(user, service);
        if (state.isEmpty()
                || tenants.of(user, state, master, master.planTier()).isEmpty()) {
            return Optional.empty();
        }
        Function<AuditStatus, AuditEntry> seen = status -> AuditEntry.fromMaster(op, status, masterData)
                .withMasterUser(master.masterUserId())
                .withUser(user)
                .withService(service)
                .withMvpData(state.get().auditData());
        Optional<Long> applied = states.known(user, service).flatMap(MasterStates.Known::version);
        if (!master.newerThan(applied)) {
            String why = "version " + master.version() + " is not newer than the version applied (" + applied.get()
                    + "); not applied";
            states.log(seen.apply(AuditStatus.STALE).withError(why), by, now);
            return Optional.of(Outcome.of(Outcome.Kind.STALE, user, service, List.of(), null, why));
        }
        String why = "diverged: Master's tier '" + master.planTier() + "' of '" + master.serviceId()
                + "' maps to no plan of the tenant's " + service + " (no service_plan_mapping); not applied";
        List<FieldDifference> values = master.valuesDifferingFrom(state.get().desired(), master.planTier());
        return Optional.of(diverge(user, service, master, values, why, seen, by, now));
    }

    /** Marks (user, service) diverged, holds the MVP's undelivered changes, and logs why. */
    private Outcome diverge(
            UUID user,
            String service,
            MasterSubscriptionState master,
            List<FieldDifference> values,
            String why,
            Function<AuditStatus, AuditEntry> seen,
            Provenance by,
            Instant now) {
        int held = states.holdUndelivered(user, service);
        states.markDiverged(user, service, master, values, why, now);
        states.settleAccount(user, why, false, now);
        String heldNote = held > 0 ? "; " + held + " undelivered MVP change(s) held until resolved" : "";
        states.log(seen.apply(AuditStatus.DIVERGED).withError(why + heldNote), by, now);
        List<String> differences = values.stream().map(FieldDifference::field).toList();
        return Outcome.of(Outcome.Kind.DIVERGED, user, service, differences, null, why);
    }

    /**
     * Takes, in the lock order of every writer (docs/sync.md), the locks that come before the user's sync states: the
     * tenants the user owns, whose subscriptions may follow Master, then the account (created when missing).
     */
    public void lockAccount(UUID mvpUserId, Instant at) {
        tenants.lockBeforeAccount(mvpUserId);
        links.lockOrCreate(mvpUserId, at);
    }

    private static Map<String, Object> masterData(MasterSubscriptionState master, String eventId) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (eventId != null) {
            data.put("eventId", eventId);
        }
        data.putAll(master.snapshot());
        return data;
    }
}
