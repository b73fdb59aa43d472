package io.subsync.sync.outbound;

import io.subsync.sync.DesiredState;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Per (user, service): the state wanted at Master (its latest revision and sync id) and how far Master has it. */
public record SyncState(UUID mvpUserId, DesiredState desired, long desiredRevision, UUID lastSyncId,
                        Optional<Long> syncedRevision, Optional<Instant> syncedAt, String syncStatus,
                        Optional<String> lastError) {

    /** The state as audit entries show it: the desired state, its revision, how far Master has it. */
    public Map<String, Object> auditData() {
        Map<String, Object> data = desired.asMap();
        data.put("revision", desiredRevision);
        data.put("syncedRevision", syncedRevision.orElse(null));
        data.put("syncStatus", syncStatus);
        return data;
    }
}
