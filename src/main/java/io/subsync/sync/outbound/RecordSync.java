package io.subsync.sync.outbound;

import io.subsync.access.Caller;
import io.subsync.access.NotYourAccount;
import io.subsync.access.Provenance;
import io.subsync.audit.AuditEntry;
import io.subsync.audit.AuditOperation;
import io.subsync.audit.SyncLog;
import io.subsync.linking.AccountLink;
import io.subsync.linking.AccountLinks;
import io.subsync.linking.LinkAccount;
import io.subsync.sync.DesiredState;
import io.subsync.sync.InvalidSyncRequest;
import io.subsync.sync.PlanMapping;
import io.subsync.sync.SyncOperation;
import io.subsync.sync.SyncProperties;
import io.subsync.sync.SyncStatus;
import io.subsync.sync.mapping.PlanMappings;
import io.subsync.sync.mapping.UnknownPlanMapping;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records the MVP side's desired state of a user's subscription to a service, and delivers it to Master. The
 * desired state, its audit entry and its outbox row commit in one transaction before anything is answered; then
 * Master gets a short chance to confirm within the request. Asking again for the state already wanted returns the
 * same sync id and sends nothing new (a failed one is queued again).
 */
@Service
public class RecordSync {
    private final SyncOperations operations;
    private final AccountLinks links;
    private final PlanMappings mappings;
    private final SyncLog audit;
    private final DeliverPendingSyncs deliver;
    private final SyncProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final LinkAccount linkAccount;
    private final String instance =
            "request@" + ManagementFactory.getRuntimeMXBean().getName();

    RecordSync(
            SyncOperations operations,
            AccountLinks links,
            PlanMappings mappings,
            SyncLog audit,
            DeliverPendingSyncs deliver,
            SyncProperties properties,
            TransactionTemplate transactions,
            Clock clock,
            LinkAccount linkAccount) {
        this.linkAccount = linkAccount;
        this.operations = operations;
        this.links = links;
        this.mappings = mappings;
        this.audit = audit;
        this.deliver = deliver;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What was recorded: the sync id, whether it was already wanted, and the outbox status. */
    public record Recorded(UUID syncId, boolean alreadyWanted, OutboxStatus status, boolean linked) {}

    public SyncAnswer sync(SyncRequest request, Caller caller, String requestId) {
        if (request.mvpUserId() == null) {
            throw new InvalidSyncRequest("mvpUserId", "is required (the MVP user's UUID)");
        }
        if (!caller.mayActFor(request.mvpUserId())) {
            throw new NotYourAccount();
        }
        // The one place a request's text becomes a desired state.
        SyncOperation operation = SyncOperation.fromCode("operation", request.operation());
        DesiredState asked = DesiredState.of(
                operation,
                request.serviceName(),
                request.planCode(),
                request.status(),
                request.startDate(),
                request.endDate(),
                request.metadata());
        Recorded recorded =
                record(request.mvpUserId(), request.masterUserId(), asked, new Provenance(caller.actor(), requestId));
        return answer(recorded, asked);
    }

    /**
     * Records a desired state the service itself wants (no caller to check), joining the current transaction; does
     * not contact Master.
     */
    public Recorded recordAs(UUID mvpUserId, DesiredState desired, Provenance by) {
        return record(mvpUserId, null, desired, by);
    }

    /** Records the desired state (one transaction, or the caller's), linking the account first when asked to. */
    private Recorded record(UUID mvpUserId, UUID masterUserId, DesiredState asked, Provenance by) {
        PlanMapping mapping = mappings.find(asked.serviceName(), asked.planCode())
                .orElseThrow(() -> new UnknownPlanMapping(asked.serviceName(), asked.planCode()));
        // Names are matched case-insensitively; the mapping's spelling is the one kept.
        DesiredState desired = new DesiredState(
                asked.operation(),
                mapping.serviceName(),
                mapping.planCode(),
                asked.status(),
                asked.startDate(),
                asked.endDate(),
                asked.metadata());
        return transactions.execute(tx -> recordInTransaction(mvpUserId, masterUserId, desired, by));
    }

    private Recorded recordInTransaction(UUID user, UUID masterUserId, DesiredState desired, Provenance by) {
        // Either way the account row is locked for the transaction, before the state row (docs/sync.md, "Lock order").
        AccountLink account = masterUserId != null
                ? linkAccount.link(user, masterUserId, by)
                : links.lockOrCreate(user, clock.instant());
        // Read under the lock, so a later revision never carries an earlier time.
        Instant now = clock.instant();
        for (int tries = 0; tries < 3; tries++) {
            Optional<SyncState> state = operations.lock(user, desired.serviceName());
            if (state.isPresent() && operations.wantsAlready(user, desired)) {
                UUID syncId = state.get().lastSyncId();
                // A state taken from Master has no outbox row: Master already has it.
                OutboxStatus status = operations
                        .status(syncId)
                        .orElse(state.get().confirmed() ? OutboxStatus.DELIVERED : OutboxStatus.PENDING);
                if (status == OutboxStatus.FAILED && operations.requeue(syncId, now)) {
                    audit.append(
                            pending(syncId, user, masterUserId, account, desired)
                                    .withError("asked again after it failed: queued for delivery again"),
                            by,
                            now);
                    status = OutboxStatus.PENDING;
                }
                return new Recorded(syncId, true, status, account.linked());
            }
            long revision = state.map(SyncState::nextRevision).orElse(1L);
            UUID syncId = UUID.randomUUID();
            if (operations.append(syncId, user, desired, revision, account.linked(), by.actor(), by.requestId(), now)) {
                audit.append(
                        pending(syncId, user, masterUserId, account, desired)
                                .withError(
                                        account.linked()
                                                ? null
                                                : "waiting: the account has no linked Master account yet"),
                        by,
                        now);
                if (state.isPresent() && state.get().diverged()) {
                    settleDivergence(user, account, desired.serviceName(), syncId, by, now);
                }
                return new Recorded(
                        syncId,
                        false,
                        account.linked() ? OutboxStatus.PENDING : OutboxStatus.WAITING,
                        account.linked());
            }
        }
        throw new IllegalStateException("could not record the sync of " + user + "/" + desired.serviceName());
    }

    /**
     * A new change on the MVP side of a diverged subscription (its locked state row says so, however the divergence was
     * found) is the MVP's decision for it: it goes to Master (it superseded the held changes) and the divergence is
     * settled in its favour, audited as a {@code resolve}, so an operator cannot later take Master's older state over it.
     */
    private void settleDivergence(
            UUID user, AccountLink account, String serviceName, UUID syncId, Provenance by, Instant now) {
        operations.settleDivergence(user, serviceName, now);
        audit.append(
                AuditEntry.resolve(
                                syncId,
                                user,
                                serviceName,
                                Map.of("serviceName", serviceName, "keep", "mvp"),
                                "resolved: a new change on the MVP side supersedes the divergence and goes to Master as sync "
                                        + syncId)
                        .withMasterUser(account.masterUserId().orElse(null)),
                by,
                now);
    }

    private SyncAnswer answer(Recorded recorded, DesiredState desired) {
        if (recorded.alreadyWanted() && recorded.status() == OutboxStatus.DELIVERED) {
            return new SyncAnswer(
                    true,
                    recorded.syncId(),
                    SyncStatus.SYNCED.code(),
                    "Master already has this state; nothing was sent");
        }
        if (!recorded.linked()) {
            return new SyncAnswer(
                    true,
                    recorded.syncId(),
                    SyncStatus.PENDING.code(),
                    "Recorded; it will be delivered once the account is linked to a Master account");
        }
        if (!properties.masterConfigured()) {
            return new SyncAnswer(
                    true,
                    recorded.syncId(),
                    SyncStatus.PENDING.code(),
                    "Recorded; Master is not configured, it waits as pending");
        }
        if (deliver.deliverNow(recorded.syncId(), instance, properties.inRequestWait())) {
            return new SyncAnswer(
                    true,
                    recorded.syncId(),
                    SyncStatus.SYNCED.code(),
                    "Master confirmed the " + desired.operation().code());
        }
        return new SyncAnswer(
                true,
                recorded.syncId(),
                SyncStatus.PENDING.code(),
                recorded.alreadyWanted()
                        ? "Already queued; it will be delivered"
                        : "Recorded; it will be delivered to Master");
    }

    private static AuditEntry pending(
            UUID syncId, UUID user, UUID masterUserId, AccountLink account, DesiredState desired) {
        AuditOperation operation = AuditOperation.fromCode(desired.operation().code());
        return AuditEntry.pending(syncId, user, desired.serviceName(), operation, snapshot(user, masterUserId, desired))
                .withMasterUser(account.masterUserId().orElse(null));
    }

    private static Map<String, Object> snapshot(UUID mvpUserId, UUID masterUserId, DesiredState desired) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("mvpUserId", mvpUserId.toString());
        data.put("masterUserId", masterUserId == null ? null : masterUserId.toString());
        data.putAll(desired.asMap());
        return data;
    }
}
