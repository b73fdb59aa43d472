package io.subsync.tenancy;

import io.subsync.tenancy.domain.CreatedReason;
import java.util.List;
import java.util.UUID;

/** What a reconciliation did: subscriptions it created, and enabled products it had to skip (no usable plan). */
public record ReconcileOutcome(List<Created> created, List<Skipped> skipped) {
    public ReconcileOutcome {
        created = List.copyOf(created);
        skipped = List.copyOf(skipped);
    }

    public record Created(UUID subscriptionId, UUID tenantId, String productType, String tier, String createdReason) {
        public boolean fellBack() {
            return CreatedReason.TIER_FALLBACK.code().equals(createdReason);
        }
    }

    public record Skipped(UUID tenantId, String productType, String tenantTier) {}

    public long fallbacks() {
        return created.stream().filter(Created::fellBack).count();
    }
}
