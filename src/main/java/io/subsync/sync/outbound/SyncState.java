package io.subsync.sync.outbound;

import io.subsync.sync.DesiredState;
import io.subsync.sync.NotDiverged;
import io.subsync.sync.SyncStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Per (user, service): the state wanted at Master (its latest revision and sync id) and how far Master has it. */
public record SyncState(
        UUID mvpUserId,
        DesiredState desired,
        long desiredRevision,
        UUID lastSyncId,
        Optional<Long> syncedRevision,
        Optional<Instant> syncedAt,
        SyncStatus syncStatus,
        Optional<String> lastError) {

    /** Has Master confirmed the latest desired revision? */
    public boolean confirmed() {
        return syncedRevision.equals(Optional.of(desiredRevision));
    }

    /** Is it marked diverged from Master's state (held until resolved)? */
    public boolean diverged() {
        return syncStatus == SyncStatus.DIVERGED;
    }

    /** The revision a new desired state of this (user, service) takes. */
    public long nextRevision() {
        return desiredRevision + 1;
    }

    /**
     * Only a diverged pair can be resolved: its status says diverged, or Master's state was noted to differ from it
     * in some fields.
     *
     * @param divergedFields the fields Master's state was noted to differ in (empty when none)
     * @throws NotDiverged when it is neither
     */
    public void checkResolvable(List<String> divergedFields) {
        if (!diverged() && divergedFields.isEmpty()) {
            throw new NotDiverged("user " + mvpUserId + " and service '" + desired.serviceName()
                    + "' are not diverged (sync status " + syncStatus.code() + ")");
        }
    }

    /** The state as audit entries show it: the desired state, its revision, how far Master has it. */
    public Map<String, Object> auditData() {
        Map<String, Object> data = desired.asMap();
        data.put("revision", desiredRevision);
        data.put("syncedRevision", syncedRevision.orElse(null));
        data.put("syncStatus", syncStatus.code());
        return data;
    }
}
