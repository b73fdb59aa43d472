package io.subsync.tenancy;

import io.subsync.tenancy.domain.CreatedReason;
import io.subsync.tenancy.domain.Subscriptions;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reconciles every tenant: set-based statements over the tenants in id order, {@value #TENANTS_PER_CHUNK} at a time,
 * each chunk committed with the syncs of its owners' subscriptions. Nothing binds a parameter per tenant, memory stays
 * that of one chunk, and a failure halfway keeps the chunks done: a rerun finds them complete and goes on.
 */
@Service
public class ReconcileSubscriptions {
    /** Tenants per chunk: large enough that a statement's fixed cost is noise, small enough to keep locks short. */
    public static final int TENANTS_PER_CHUNK = 10_000;

    private static final UUID FIRST = new UUID(0, 0);
    private final Subscriptions subscriptions;
    private final Tenants tenants;
    private final ReconciliationLog report;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    ReconcileSubscriptions(
            Subscriptions subscriptions,
            Tenants tenants,
            ReconciliationLog report,
            Clock clock,
            ApplicationEventPublisher events,
            TransactionTemplate transactions) {
        this.events = events;
        this.subscriptions = subscriptions;
        this.tenants = tenants;
        this.report = report;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** Reconciles every tenant; what it created is counted, not listed. */
    public ReconcileTotals allTenants(String actor) {
        return allTenants(actor, false, chunk -> {});
    }

    /**
     * Reconciles every tenant, chunk by chunk.
     *
     * @param listEach with each chunk, the subscriptions it created, one by one (else only counted)
     * @param progress called after each chunk commits, with the totals so far and the chunk
     */
    public ReconcileTotals allTenants(String actor, boolean listEach, Consumer<Progress> progress) {
        ReconcileTotals totals = ReconcileTotals.start(tenants.count());
        UUID after = FIRST;
        for (Optional<Tenants.Chunk> next = tenants.nextChunk(after, TENANTS_PER_CHUNK);
                next.isPresent();
                next = tenants.nextChunk(after, TENANTS_PER_CHUNK)) {
            UUID from = after;
            Tenants.Chunk tenantsOf = next.get();
            ReconcileChunk chunk = transactions.execute(tx -> {
                ReconcileChunk done = subscriptions.reconcileChunk(
                        from,
                        tenantsOf.last(),
                        Subscriptions.Reasons.both(CreatedReason.RECONCILE),
                        actor,
                        clock.instant(),
                        listEach);
                if (!done.ownedTenants().isEmpty()) {
                    events.publishEvent(new SubscriptionsChanged(done.ownedTenants(), actor));
                }
                return done;
            });
            report.report("reconcile", chunk);
            totals = totals.plus(tenantsOf.size(), chunk);
            progress.accept(new Progress(totals, chunk));
            after = tenantsOf.last();
        }
        return totals;
    }

    /** The totals after a chunk, and that chunk. */
    public record Progress(ReconcileTotals soFar, ReconcileChunk chunk) {}
}
