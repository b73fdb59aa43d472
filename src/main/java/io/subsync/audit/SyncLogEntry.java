package io.subsync.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One row of the audit trail, with the e-mail of the user's Master account where the link knows it. */
public record SyncLogEntry(
        long id,
        UUID syncId,
        UUID mvpUserId,
        UUID masterUserId,
        String serviceName,
        String operation,
        String source,
        String status,
        Map<String, Object> mvpData,
        Map<String, Object> masterData,
        String error,
        Integer attempt,
        String actor,
        String requestId,
        Instant createdAt,
        String masterEmail) {}
