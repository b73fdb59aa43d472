package io.subsync.sync.outbound;

import java.util.UUID;

/** The answer to a sync: {@code synced} when Master confirmed within the request, else {@code pending}. */
public record SyncAnswer(boolean success, UUID syncId, String status, String message) {
    public boolean synced() {
        return "synced".equals(status);
    }
}
