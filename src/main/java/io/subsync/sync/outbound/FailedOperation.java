package io.subsync.sync.outbound;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * An operation that has failed for good (outbox status {@code failed}): what it was, how often it was tried, Master's
 * or the network's last word, and when it failed, with the e-mail of the user's Master account where the link knows it.
 * Retryable.
 */
public record FailedOperation(
        UUID syncId,
        UUID mvpUserId,
        Optional<UUID> masterUserId,
        String serviceName,
        String planCode,
        String operation,
        int attempts,
        String lastError,
        Instant acceptedAt,
        Instant failedAt,
        Optional<String> masterEmail) {}
