package io.subsync.sync.outbound.domain;

import io.subsync.sync.DesiredState;
import io.subsync.sync.PlanMapping;
import io.subsync.sync.SyncOperation;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** An outbox row a worker holds under lease: what to send, to whom, and which attempt this is. */
public record ClaimedDelivery(
        UUID syncId,
        int attempt,
        UUID mvpUserId,
        Optional<UUID> masterUserId,
        String serviceName,
        long revision,
        SyncOperation operation,
        DesiredState state,
        Optional<PlanMapping> mapping,
        Instant createdAt) {}
