package io.subsync.linking;

import io.subsync.linking.domain.AccountLinkConflict;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Account links between MVP users and Master accounts ({@code account_sync}). */
public interface AccountLinks {
    Optional<AccountLink> find(UUID mvpUserId);

    /**
     * Locks the existing accounts of these users, in the order of their ids (the lock order, docs/sync.md), none
     * created, in one statement whatever their number; returns the users whose locked account is linked to Master.
     */
    Set<UUID> lockLinked(Collection<UUID> mvpUserIds);

    /** The link, created as {@code pending} without a Master account when missing, locked for the transaction. */
    AccountLink lockOrCreate(UUID mvpUserId, Instant at);

    /**
     * Links the account to a Master account ({@code pending} until Master confirms a sync); true when the link is new,
     * false when it was already this one. Throws {@link AccountLinkConflict} when the Master account is linked to
     * another MVP user or the MVP user to another Master account.
     */
    boolean link(UUID mvpUserId, UUID masterUserId, String masterEmail, Instant at);

    /** Clears the account's Master account; the caller holds the account's lock. */
    void unlink(UUID mvpUserId, Instant at);

    /** Marks the account {@code synced} (a new link with nothing to send). */
    void markSynced(UUID mvpUserId, Instant at);

    /** Linked accounts in {@code mvp_user_id} order, after the one given: one page of a walk over all of them. */
    List<AccountLink> linkedAccounts(Optional<UUID> after, int limit);
}
