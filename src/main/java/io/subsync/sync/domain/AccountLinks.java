package io.subsync.sync.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Account links between MVP users and Master accounts ({@code account_sync}). */
public interface AccountLinks {
    Optional<AccountLink> find(UUID mvpUserId);

    /** The link, created as {@code pending} without a Master account when missing, locked for the transaction. */
    AccountLink lockOrCreate(UUID mvpUserId, Instant at);

    /** Links the account to a Master account; throws {@link AccountLinkConflict} if that one is linked elsewhere. */
    void link(UUID mvpUserId, UUID masterUserId, Instant at);
}
