package io.subsync.tenancy.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An active subscription as a tenant sees it: the subscription with its product and plan. */
public record SubscriptionView(
        UUID id,
        String productType,
        String productName,
        String badge,
        UUID planId,
        String planName,
        String tier,
        String status,
        BigDecimal price,
        String currency,
        String billingCycle,
        List<String> features,
        Instant startedAt,
        boolean autoCreated,
        String createdReason) {}
