package io.subsync.audit;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The append-only audit trail ({@code subscription_sync_log}). */
public interface SyncLog {
    /** The statuses an entry can have (the table's check constraint). */
    List<String> STATUSES = Arrays.stream(AuditStatus.values()).map(AuditStatus::code).toList();
    /** The operations an entry can record (the table's check constraint). */
    List<String> OPERATIONS = Arrays.stream(AuditOperation.values()).map(AuditOperation::code).toList();

    /** Appends an entry written by a request (not by a delivery attempt, which the outbox logs itself). */
    void append(UUID syncId, UUID mvpUserId, UUID masterUserId, String serviceName, String operation, String status,
                Map<String, Object> mvpData, String error, String actor, String requestId, Instant at);

    /** A page of entries, newest first, after the cursor entry (exclusive). */
    List<SyncLogEntry> page(Filter filter, int limit, Optional<Cursor> after);

    record Filter(Optional<UUID> mvpUserId, Optional<String> status, Optional<String> operation) { }

    record Cursor(Instant createdAt, long id) { }
}
