package io.subsync.sync.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Per (user, service): the state wanted at Master (its latest revision and sync id) and how far Master has it. */
public record SyncState(UUID mvpUserId, DesiredState desired, long desiredRevision, UUID lastSyncId,
                        Optional<Long> syncedRevision, Optional<Instant> syncedAt, String syncStatus,
                        Optional<String> lastError) {
}
