package io.subsync.sync.outbound;

import io.subsync.access.Provenance;
import io.subsync.audit.AuditEntry;
import io.subsync.audit.SyncLog;
import io.subsync.sync.outbound.domain.FailedOperations;
import io.subsync.sync.outbound.domain.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Puts failed operations back in line, from their first attempt: all of them, one sync id, or one user's. */
@Service
public class RetryFailedSyncs {
    private final Outbox outbox;
    private final FailedOperations failed;
    private final SyncLog audit;
    private final Clock clock;

    RetryFailedSyncs(Outbox outbox, FailedOperations failed, SyncLog audit, Clock clock) {
        this.failed = failed;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public List<UUID> retry(Optional<UUID> syncId, Optional<UUID> mvpUserId, String actor) {
        Instant now = clock.instant();
        List<UUID> queued = outbox.retryFailed(syncId, mvpUserId, actor, now);
        for (UUID id : queued) {
            audit.append(
                    AuditEntry.requeued(id, "retry requested: queued for delivery again"), Provenance.of(actor), now);
        }
        return queued;
    }

    /** The latest operations that have failed for good (those the health figures count as failed). */
    public List<FailedOperation> latestFailures(int limit) {
        return failed.latest(limit);
    }
}
