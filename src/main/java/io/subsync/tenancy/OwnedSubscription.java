package io.subsync.tenancy;

import java.time.Instant;
import java.util.UUID;

/** A tenant's current subscription to one product (or the platform), with the tenant's owner. */
public record OwnedSubscription(
        UUID tenantId,
        UUID ownerUserId,
        String productType,
        String tier,
        String status,
        Instant startedAt,
        Instant endedAt) {}
