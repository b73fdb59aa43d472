package io.subsync.sync.outbound;

import java.util.Map;
import java.util.UUID;

/** {@code POST /sync-subscription}'s body, as the caller sent it; checked by {@link RecordSync}. */
public record SyncRequest(
        UUID mvpUserId,
        UUID masterUserId,
        String operation,
        String serviceName,
        String planCode,
        String status,
        String startDate,
        String endDate,
        Map<String, Object> metadata) {}
