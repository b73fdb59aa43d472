package io.subsync.tenancy;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Reports what a reconciliation did, wherever it ran: warnings for fallbacks and skips, and metrics. */
@Component
class ReconciliationLog {
    private static final Logger log = LoggerFactory.getLogger(ReconciliationLog.class);
    private final MeterRegistry meters;

    ReconciliationLog(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Beyond this many fallbacks or skips in one pass, one summary warning replaces the warning per row. */
    private static final int WARNINGS_PER_PASS = 20;

    void report(String trigger, ReconcileOutcome outcome) {
        boolean summarise =
                outcome.fallbacks() > WARNINGS_PER_PASS || outcome.skipped().size() > WARNINGS_PER_PASS;
        if (summarise) {
            log.warn(
                    "{}: {} subscription(s) created on the starter plan because the product has no plan at the "
                            + "tenant's tier (tier_fallback), {} enabled product(s) skipped for want of any plan",
                    trigger,
                    outcome.fallbacks(),
                    outcome.skipped().size());
        }
        for (ReconcileOutcome.Created created : outcome.created()) {
            if (created.fellBack() && summarise) {
                log.debug(
                        "Tenant {}: '{}' created on the starter plan (tier_fallback)",
                        created.tenantId(),
                        created.productType());
            } else if (created.fellBack()) {
                log.warn(
                        "Tenant {}: no plan of product '{}' at the tenant's tier, created the starter plan instead (tier_fallback)",
                        created.tenantId(),
                        created.productType());
            } else {
                log.debug(
                        "Tenant {}: created the {} subscription of '{}' ({})",
                        created.tenantId(),
                        created.tier(),
                        created.productType(),
                        trigger);
            }
        }
        for (ReconcileOutcome.Skipped skipped : outcome.skipped()) {
            if (summarise) {
                log.debug("Tenant {}: product '{}' skipped, no usable plan", skipped.tenantId(), skipped.productType());
                continue;
            }
            log.warn(
                    "Tenant {}: product '{}' is enabled but has no active {} or starter plan; no subscription created",
                    skipped.tenantId(),
                    skipped.productType(),
                    skipped.tenantTier());
        }
        count(
                trigger,
                outcome.created().size(),
                outcome.fallbacks(),
                outcome.skipped().size());
    }

    private void count(String trigger, long created, long fallbacks, long skipped) {
        if (created > 0) {
            meters.counter("subsync.subscriptions.auto_created", "trigger", trigger)
                    .increment(created);
        }
        if (fallbacks > 0) {
            meters.counter("subsync.subscriptions.tier_fallbacks", "trigger", trigger)
                    .increment(fallbacks);
        }
        if (skipped > 0) {
            meters.counter("subsync.subscriptions.skipped", "trigger", trigger).increment(skipped);
        }
    }

    /** One chunk of a bulk pass: a summary warning for its fallbacks and skips, and the same metrics. */
    void report(String trigger, ReconcileChunk chunk) {
        if (chunk.fallbacks() > 0 || !chunk.skipped().isEmpty()) {
            log.warn(
                    "{}: {} subscription(s) created on the starter plan because the product has no plan at the "
                            + "tenant's tier (tier_fallback), {} enabled product(s) skipped for want of any plan",
                    trigger,
                    chunk.fallbacks(),
                    chunk.skipped().size());
        }
        count(trigger, chunk.createdCount(), chunk.fallbacks(), chunk.skipped().size());
    }

    void readFailed(Object tenantId, RuntimeException e) {
        meters.counter("subsync.subscriptions.sync_on_read.failures").increment();
        log.error("Tenant {}: sync-on-read failed; listing the subscriptions as they are", tenantId, e);
    }
}
