package io.subsync.linking;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The link of an MVP user to a Master account, and how its syncing goes. */
public record AccountLink(
        UUID mvpUserId,
        Optional<UUID> masterUserId,
        Optional<String> masterEmail,
        AccountSyncStatus syncStatus,
        Optional<Instant> lastSyncAt,
        Optional<String> lastError) {
    public boolean linked() {
        return masterUserId.isPresent();
    }
}
