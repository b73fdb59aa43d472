package io.subsync.audit;

import io.subsync.access.Provenance;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The append-only audit trail ({@code subscription_sync_log}). */
public interface SyncLog {
    /** The statuses an entry can have (the table's check constraint). */
    List<String> STATUSES =
            Arrays.stream(AuditStatus.values()).map(AuditStatus::code).toList();
    /** The operations an entry can record (the table's check constraint). */
    List<String> OPERATIONS =
            Arrays.stream(AuditOperation.values()).map(AuditOperation::code).toList();

    /**
     * Appends an entry of the MVP's side ({@code source = mvp}), written by a request or a command (not by a delivery
     * attempt, which the outbox logs itself). Such an entry has no Master data.
     */
    void append(AuditEntry entry, Provenance by, Instant at);

    /** A page of entries, newest first, after the cursor entry (exclusive). */
    List<SyncLogEntry> page(Filter filter, int limit, Optional<Cursor> after);

    record Filter(Optional<UUID> mvpUserId, Optional<String> status, Optional<String> operation) {}

    record Cursor(Instant createdAt, long id) {}
}
