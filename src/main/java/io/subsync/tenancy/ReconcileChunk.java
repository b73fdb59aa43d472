package io.subsync.tenancy;

import io.subsync.tenancy.domain.CreatedReason;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What one chunk of a bulk reconciliation did: subscriptions created per product and reason, the tenants with an owner
 * it created subscriptions for (their syncs follow), what it skipped, and, when asked for, each subscription created.
 */
public record ReconcileChunk(
        Map<ReconcileTotals.Kind, Long> createdBy,
        Set<UUID> ownedTenants,
        List<ReconcileOutcome.Skipped> skipped,
        List<ReconcileOutcome.Created> created) {
    public ReconcileChunk {
        createdBy = Map.copyOf(createdBy);
        ownedTenants = Set.copyOf(ownedTenants);
        skipped = List.copyOf(skipped);
        created = List.copyOf(created);
    }

    public long createdCount() {
        return createdBy.values().stream().mapToLong(Long::longValue).sum();
    }

    public long fallbacks() {
        return createdBy.entrySet().stream()
                .filter(e -> e.getKey().createdReason().equals(CreatedReason.TIER_FALLBACK.code()))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }
}
