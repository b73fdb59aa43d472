package io.subsync.sync.outbound.domain;

import java.time.Instant;

import io.subsync.sync.DesiredState;
import io.subsync.sync.SyncOperation;
import io.subsync.sync.PlanMapping;

import java.util.Optional;
import java.util.UUID;

/** An outbox row a worker holds under lease: what to send, to whom, and which attempt this is. */
public record ClaimedDelivery(UUID syncId, int attempt, UUID mvpUserId, Optional<UUID> masterUserId, String serviceName,
                              long revision, SyncOperation operation, DesiredState state, Optional<PlanMapping> mapping,
                              Instant createdAt) {
}
