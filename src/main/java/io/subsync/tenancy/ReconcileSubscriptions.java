package io.subsync.tenancy;

import io.subsync.tenancy.domain.CreatedReason;
import io.subsync.tenancy.domain.Subscriptions;
import java.time.Clock;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reconciles every tenant at once: one set-based statement over the whole table, not a loop of per-tenant queries. */
@Service
public class ReconcileSubscriptions {
    private final Subscriptions subscriptions;
    private final ReconciliationLog report;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ReconcileSubscriptions(
            Subscriptions subscriptions, ReconciliationLog report, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.subscriptions = subscriptions;
        this.report = report;
        this.clock = clock;
    }

    @Transactional
    public ReconcileOutcome allTenants(String actor) {
        ReconcileOutcome outcome = subscriptions.reconcile(
                Optional.empty(), Subscriptions.Reasons.both(CreatedReason.RECONCILE), actor, clock.instant());
        report.report("reconcile", outcome);
        if (!outcome.created().isEmpty()) {
            events.publishEvent(new SubscriptionsChanged(
                    outcome.created().stream()
                            .map(ReconcileOutcome.Created::tenantId)
                            .collect(Collectors.toSet()),
                    actor));
        }
        return outcome;
    }
}
