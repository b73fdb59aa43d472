package io.subsync.sync;

import io.subsync.sync.domain.Outbox;
import io.subsync.sync.domain.SyncLog;
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
    private final SyncLog audit;
    private final Clock clock;

    RetryFailedSyncs(Outbox outbox, SyncLog audit, Clock clock) {
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public List<UUID> retry(Optional<UUID> syncId, Optional<UUID> mvpUserId, String actor) {
        Instant now = clock.instant();
        List<UUID> queued = outbox.retryFailed(syncId, mvpUserId, actor, now);
        for (UUID id : queued) {
            audit.append(id, null, null, null, "sync", "pending", null, "retry requested: queued for delivery again",
                    actor, null, now);
        }
        return queued;
    }
}
