package io.subsync.sync.outbound;

import io.subsync.access.Provenance;
import io.subsync.audit.AuditEntry;
import io.subsync.audit.AuditOperation;
import io.subsync.audit.SyncLog;
import io.subsync.sync.DesiredState;
import io.subsync.sync.SyncOperation;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Queues the MVP's desired state of a (user, service) again, whole, as a {@code sync} through the outbox: after a
 * divergence kept on the MVP's side, after a reconciliation found Master behind, and for every subscription of an
 * account just linked to a (new) Master account. It supersedes undelivered rows and is always a new operation, even
 * when the last one was the same full sync. Its audit entry is {@code pending} with the reason.
 */
@Service
public class RePushDesiredState {
    private final SyncOperations operations;
    private final SyncLog audit;

    RePushDesiredState(SyncOperations operations, SyncLog audit) {
        this.operations = operations;
        this.audit = audit;
    }

    /** Re-pushes a state row the caller holds locked ({@link SyncOperations#lock}); returns the new sync id. */
    public UUID rePush(SyncState locked, String reason, Provenance provenance, Instant now) {
        DesiredState whole = locked.desired().asSync();
        UUID syncId = UUID.randomUUID();
        if (!operations.append(
                syncId,
                locked.mvpUserId(),
                whole,
                locked.nextRevision(),
                true,
                provenance.actor(),
                provenance.requestId(),
                now)) {
            throw new IllegalStateException(
                    "the sync state of " + locked.mvpUserId() + "/" + whole.serviceName() + " changed while locked");
        }
        Map<String, Object> data = locked.auditData();
        data.put("operation", SyncOperation.SYNC.code());
        audit.append(
                AuditEntry.pending(syncId, locked.mvpUserId(), whole.serviceName(), AuditOperation.SYNC, data)
                        .withError(reason),
                provenance,
                now);
        return syncId;
    }

    /** Re-pushes every subscription of the user (locking each state row in service order); returns how many. */
    public int rePushAll(UUID mvpUserId, String reason, Provenance provenance, Instant now) {
        int queued = 0;
        for (SyncState listed : operations.statesOf(mvpUserId)) {
            SyncState locked =
                    operations.lock(mvpUserId, listed.desired().serviceName()).orElseThrow();
            rePush(locked, reason, provenance, now);
            queued++;
        }
        return queued;
    }
}
