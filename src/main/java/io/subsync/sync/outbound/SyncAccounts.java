package io.subsync.sync.outbound;

import io.subsync.access.Caller;
import io.subsync.access.NotYourAccount;
import io.subsync.linking.AccountLink;
import io.subsync.linking.AccountLinks;
import io.subsync.sync.UnknownSync;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Reads for the API and the user's sync page: an account's link and its subscriptions' sync state. Users see their own. */
@Service
public class SyncAccounts {
    private final AccountLinks links;
    private final SyncOperations operations;

    SyncAccounts(AccountLinks links, SyncOperations operations) {
        this.links = links;
        this.operations = operations;
    }

    public record Account(AccountLink link, List<SyncState> subscriptions) {}

    /** The account of {@code GET /api/sync/accounts/{mvpUserId}}; {@link UnknownSync} when the user has none. */
    public Account account(UUID mvpUserId, Caller caller) {
        return find(mvpUserId, caller).orElseThrow(() -> new UnknownSync("no sync account for user " + mvpUserId));
    }

    /** The same read, empty for a user who has no sync account yet (nothing synced, never linked). */
    public Optional<Account> find(UUID mvpUserId, Caller caller) {
        checkOwner(mvpUserId, caller);
        return links.find(mvpUserId).map(link -> new Account(link, operations.statesOf(mvpUserId)));
    }

    private static void checkOwner(UUID mvpUserId, Caller caller) {
        if (!caller.mayActFor(mvpUserId)) {
            throw new NotYourAccount();
        }
    }
}
