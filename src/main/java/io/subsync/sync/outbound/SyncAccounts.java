package io.subsync.sync.outbound;

import io.subsync.access.Caller;
import io.subsync.access.NotYourAccount;
import io.subsync.linking.AccountLink;
import io.subsync.linking.AccountLinks;
import io.subsync.sync.UnknownSync;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Reads for the API: an account's link and its subscriptions' sync state. Users see their own. */
@Service
public class SyncAccounts {
    private final AccountLinks links;
    private final SyncOperations operations;

    SyncAccounts(AccountLinks links, SyncOperations operations) {
        this.links = links;
        this.operations = operations;
    }

    public record Account(AccountLink link, List<SyncState> subscriptions) {}

    public Account account(UUID mvpUserId, Caller caller) {
        checkOwner(mvpUserId, caller);
        AccountLink link =
                links.find(mvpUserId).orElseThrow(() -> new UnknownSync("no sync account for user " + mvpUserId));
        return new Account(link, operations.statesOf(mvpUserId));
    }

    private static void checkOwner(UUID mvpUserId, Caller caller) {
        if (!caller.mayActFor(mvpUserId)) {
            throw new NotYourAccount();
        }
    }
}
