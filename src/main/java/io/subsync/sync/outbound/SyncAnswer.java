package io.subsync.sync.outbound;

import io.subsync.sync.SyncStatus;
import java.util.UUID;

/** The answer to a sync: {@code synced} when Master confirmed within the request, else {@code pending}. */
public record SyncAnswer(boolean success, UUID syncId, String status, String message) {
    public boolean synced() {
        return SyncStatus.SYNCED.code().equals(status);
    }
}
