package io.subsync.sync.drift;

import io.subsync.access.Provenance;
import io.subsync.linking.AccountLink;
import io.subsync.linking.AccountLinks;
import io.subsync.sync.DriftPolicy;
import io.subsync.sync.MasterSubscriptionState;
import io.subsync.sync.SyncProperties;
import io.subsync.sync.UnknownSync;
import io.subsync.sync.drift.domain.Divergences;
import io.subsync.sync.drift.domain.DriftAction;
import io.subsync.sync.drift.domain.DriftCheck;
import io.subsync.sync.drift.domain.ReconciliationLock;
import io.subsync.sync.drift.domain.SubscriptionComparison;
import io.subsync.sync.drift.domain.TrackedSubscription;
import io.subsync.sync.inbound.AcceptMasterState;
import io.subsync.sync.inbound.MasterStates;
import io.subsync.sync.outbound.MasterClient;
import io.subsync.sync.outbound.MasterUnavailable;
import io.subsync.sync.outbound.RePushDesiredState;
import io.subsync.sync.outbound.SyncOperations;
import io.subsync.sync.outbound.SyncState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reconciles the MVP side with Master: reads Master's subscriptions of each linked account (or one user), compares
 * them with what Master last confirmed ({@link DriftCheck}, cancelled subscriptions included), and acts on every
 * drift as the drift policy says: {@code manual} marks the link and the state diverged for an operator, {@code
 * mvp-wins} sends the MVP's state again as a {@code sync} through the outbox, {@code master-wins} takes Master's
 * state through {@link AcceptMasterState}. A dry run only reports. One instance at a time: a run that finds the
 * reconciliation lock held by another does nothing.
 */
@Service
public class ReconcileWithMaster {
    private static final Logger log = LoggerFactory.getLogger(ReconcileWithMaster.class);
    private static final int PAGE = 200;
    private final Divergences divergences;
    private final MasterStates masterStates;
    private final AccountLinks links;
    private final MasterClient master;
    private final ReconciliationLock lock;
    private final AcceptMasterState acceptMasterState;
    private final RePushDesiredState rePush;
    private final SyncOperations operations;
    private final SyncProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ReconcileWithMaster(
            Divergences divergences,
            MasterStates masterStates,
            AccountLinks links,
            MasterClient master,
            ReconciliationLock lock,
            AcceptMasterState acceptMasterState,
            SyncOperations operations,
            SyncProperties properties,
            TransactionTemplate transactions,
            Clock clock,
            RePushDesiredState rePush) {
        this.divergences = divergences;
        this.masterStates = masterStates;
        this.links = links;
        this.master = master;
        this.lock = lock;
        this.acceptMasterState = acceptMasterState;
        this.rePush = rePush;
        this.operations = operations;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Reconciles every linked account, or only {@code mvpUserId}'s.
     *
     * @throws UnknownSync       the given user has no account link to a Master account
     * @throws MasterUnavailable Master is not configured
     */
    public ReconciliationReport reconcile(Optional<UUID> mvpUserId, boolean dryRun, String actor) {
        if (!properties.masterConfigured()) {
            throw new MasterUnavailable("Master is not configured (MASTER_API_URL is not set)");
        }
        DriftPolicy policy = properties.driftPolicy();
        Optional<AccountLink> only = mvpUserId.map(user -> links.find(user)
                .filter(AccountLink::linked)
                .orElseThrow(() -> new UnknownSync("user " + user + " has no account linked to a Master account")));
        if (dryRun) {
            return run(only, true, policy, actor);
        }
        Optional<ReconciliationLock.Held> held = lock.tryHold();
        if (held.isEmpty()) {
            log.info("Reconciliation with Master skipped: another instance is running one");
            return ReconciliationReport.notRun(false, policy);
        }
        try (ReconciliationLock.Held ignored = held.get()) {
            return run(only, false, policy, actor);
        }
    }

    private ReconciliationReport run(Optional<AccountLink> only, boolean dryRun, DriftPolicy policy, String actor) {
        List<ReconciliationReport.Line> lines = new ArrayList<>();
        List<ReconciliationReport.Failure> failures = new ArrayList<>();
        int accounts = 0;
        if (only.isPresent()) {
            reconcile(only.get(), dryRun, policy, actor, lines, failures);
            accounts = 1;
        } else {
            Optional<UUID> after = Optional.empty();
            List<AccountLink> page;
            do {
                page = links.linkedAccounts(after, PAGE);
                for (AccountLink account : page) {
                    reconcile(account, dryRun, policy, actor, lines, failures);
                    after = Optional.of(account.mvpUserId());
                }
                accounts += page.size();
            } while (page.size() == PAGE);
        }
        ReconciliationReport report = new ReconciliationReport(true, dryRun, policy, accounts, lines, failures);
        log.info(
                "Reconciliation with Master{}: {} account(s), {} subscription(s) compared, {} drifted, {} failure(s)",
                dryRun ? " (dry run)" : "",
                accounts,
                report.compared(),
                report.drifted().size(),
                failures.size());
        return report;
    }

    private void reconcile(
            AccountLink account,
            boolean dryRun,
            DriftPolicy policy,
            String actor,
            List<ReconciliationReport.Line> lines,
            List<ReconciliationReport.Failure> failures) {
        UUID user = account.mvpUserId();
        UUID masterUser = account.masterUserId().orElseThrow();
        List<MasterSubscriptionState> atMaster;
        try {
            atMaster = master.subscriptionsOf(masterUser);
        } catch (MasterUnavailable e) {
            failures.add(new ReconciliationReport.Failure(user, null, e.getMessage()));
            return;
        }
        List<TrackedSubscription> tracked = divergences.tracked(user);
        Set<String> diverged = divergences.divergedServices(user);
        List<SubscriptionComparison> comparisons = DriftCheck.compare(
                tracked, atMaster, id -> divergences.serviceNameOf(id).orElse(id));
        for (SubscriptionComparison comparison : comparisons) {
            boolean alreadyDiverged = diverged.contains(comparison.serviceName())
                    || tracked.stream().anyMatch(t -> t.serviceName().equals(comparison.serviceName()) && t.diverged());
            DriftAction action = DriftAction.decide(policy, comparison, alreadyDiverged);
            if (dryRun
                    || action == DriftAction.NONE
                    || action == DriftAction.SKIPPED
                    || action == DriftAction.ALREADY_DIVERGED) {
                lines.add(new ReconciliationReport.Line(
                        user, masterUser, comparison, action, Optional.empty(), Optional.empty()));
                continue;
            }
            try {
                Optional<UUID> syncId = act(user, masterUser, comparison, action, actor);
                lines.add(
                        new ReconciliationReport.Line(user, masterUser, comparison, action, syncId, Optional.empty()));
            } catch (RuntimeException e) {
                log.warn(
                        "Reconciliation could not {} for user {} service {}: {}",
                        action.code(),
                        user,
                        comparison.serviceName(),
                        e.getMessage());
                lines.add(new ReconciliationReport.Line(
                        user, masterUser, comparison, action, Optional.empty(), Optional.of(e.getMessage())));
                failures.add(new ReconciliationReport.Failure(user, comparison.serviceName(), e.getMessage()));
            }
        }
    }

    private Optional<UUID> act(
            UUID user, UUID masterUser, SubscriptionComparison comparison, DriftAction action, String actor) {
        return switch (action) {
            case MARK_DIVERGED -> {
                transactions.executeWithoutResult(tx -> {
                    Instant now = clock.instant();
                    links.lockOrCreate(user, now);
                    boolean tracked =
                            operations.lock(user, comparison.serviceName()).isPresent();
                    if (tracked && comparison.master().isPresent()) {
                        // Master's state noted on the state row, as every read of Master's is; the MVP's undelivered
                        // changes wait for the operator. The divergence itself is recorded once, below.
                        masterStates.note(
                                user,
                                comparison.serviceName(),
                                comparison.master().get(),
                                now);
                        masterStates.holdUndelivered(user, comparison.serviceName());
                    }
                    divergences.markDiverged(user, masterUser, comparison, actor, now);
                });
                yield Optional.empty();
            }
            case PUSH_MVP ->
                Optional.ofNullable(transactions.execute(tx -> {
                    Instant now = clock.instant();
                    links.lockOrCreate(user, now);
                    SyncState state = operations
                            .lock(user, comparison.serviceName())
                            .orElseThrow(() -> new UnknownSync("no sync state of " + comparison.serviceName()));
                    boolean behind = comparison.outcome() == SubscriptionComparison.Outcome.BEHIND;
                    divergences.logDrift(
                            user,
                            masterUser,
                            comparison,
                            behind
                                    ? "Master lacks the MVP's accepted state: it is sent again, whole"
                                    : "policy mvp-wins: the MVP's state is sent again",
                            actor,
                            now);
                    masterStates.clearDivergence(user, comparison.serviceName());
                    UUID syncId = rePush.rePush(
                            state,
                            behind
                                    ? "re-push of the MVP's state: Master did not hold it"
                                    : "re-push of the MVP's state: policy mvp-wins after drift",
                            Provenance.of(actor),
                            now);
                    masterStates.settleAccount(user, null, false, now);
                    return syncId;
                }));
            case ACCEPT_MASTER -> {
                MasterSubscriptionState state = comparison.master().orElseThrow();
                AcceptMasterState.Outcome outcome = transactions.execute(tx -> {
                    // The user's tenants, then the account, as every writer locks them (the divergence row after).
                    acceptMasterState.lockAccount(user, clock.instant());
                    divergences.logDrift(
                            user,
                            masterUser,
                            comparison,
                            "policy master-wins: Master's state is taken",
                            actor,
                            clock.instant());
                    divergences.clear(user, comparison.serviceName());
                    return acceptMasterState.accept(state, null, Provenance.of(actor));
                });
                yield outcome == null ? Optional.empty() : outcome.syncId();
            }
            default -> Optional.empty();
        };
    }
}
