package io.subsync.tenancy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a bulk reconciliation did so far: tenants passed (of how many), subscriptions created per product and reason,
 * and the enabled products it had to skip (listed up to {@value #SKIPPED_LISTED}, all counted).
 */
public record ReconcileTotals(
        long tenants,
        long tenantsDone,
        long created,
        long fallbacks,
        Map<Kind, Long> createdBy,
        List<ReconcileOutcome.Skipped> skipped,
        long skippedCount) {
    public static final int SKIPPED_LISTED = 1000;

    /** A product and the reason its subscriptions were created for. */
    public record Kind(String productType, String createdReason) implements Comparable<Kind> {
        @Override
        public int compareTo(Kind other) {
            int byProduct = productType.compareTo(other.productType);
            return byProduct != 0 ? byProduct : createdReason.compareTo(other.createdReason);
        }
    }

    public ReconcileTotals {
        createdBy = Collections.unmodifiableMap(new TreeMap<>(createdBy));
        skipped = List.copyOf(skipped);
    }

    static ReconcileTotals start(long tenants) {
        return new ReconcileTotals(tenants, 0, 0, 0, Map.of(), List.of(), 0);
    }

    /** These totals and one more chunk of {@code tenantsInChunk} tenants. */
    ReconcileTotals plus(long tenantsInChunk, ReconcileChunk chunk) {
        Map<Kind, Long> by = new TreeMap<>(createdBy);
        chunk.createdBy().forEach((kind, count) -> by.merge(kind, count, Long::sum));
        List<ReconcileOutcome.Skipped> listed = new ArrayList<>(skipped);
        chunk.skipped().stream()
                .limit(Math.max(0, SKIPPED_LISTED - listed.size()))
                .forEach(listed::add);
        return new ReconcileTotals(
                Math.max(tenants, tenantsDone + tenantsInChunk),
                tenantsDone + tenantsInChunk,
                created + chunk.createdCount(),
                fallbacks + chunk.fallbacks(),
                by,
                listed,
                skippedCount + chunk.skipped().size());
    }
}
