package io.subsync.tenancy.domain;

import java.time.Instant;

/**
 * One entry of a subscription's history: what changed ({@code created}, {@code plan_changed}, {@code cancelled},
 * {@code reactivated}), between which plans and statuses, why, by whom and when. Plans are named as the catalogue
 * names them; {@code fromPlan} and {@code fromStatus} are null for {@code created}.
 */
public record SubscriptionChange(
        String change,
        String fromPlan,
        String toPlan,
        String fromStatus,
        String toStatus,
        String reason,
        String actor,
        Instant changedAt) {}
