package io.subsync.sync.outbound;

import io.subsync.access.Caller;
import io.subsync.linking.AccountLink;
import io.subsync.linking.AccountLinks;
import io.subsync.access.NotYourAccount;
import io.subsync.audit.SyncLog;
import io.subsync.audit.SyncLogEntry;
import io.subsync.sync.UnknownSync;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Reads for the API: an account's link and subscriptions' sync state, and the audit trail. Users see their own. */
@Service
public class SyncAccounts {
    private final AccountLinks links;
    private final SyncLog audit;
    private final SyncOperations operations;

    SyncAccounts(AccountLinks links, SyncLog audit, SyncOperations operations) {
        this.links = links;
        this.audit = audit;
        this.operations = operations;
    }

    public record Account(AccountLink link, List<SyncState> subscriptions) { }

    public Account account(UUID mvpUserId, Caller caller) {
        checkOwner(mvpUserId, caller);
        AccountLink link = links.find(mvpUserId).orElseThrow(() -> new UnknownSync("no sync account for user " + mvpUserId));
        return new Account(link, operations.statesOf(mvpUserId));
    }

    /** A page of the audit trail; a user's filter is forced to their own rows. */
    public List<SyncLogEntry> logs(SyncLog.Filter filter, int limit, Optional<SyncLog.Cursor> after, Caller caller) {
        SyncLog.Filter scoped = filter;
        if (!caller.isServiceRole()) {
            UUID self = UUID.fromString(caller.subject());
            if (filter.mvpUserId().isPresent() && !filter.mvpUserId().get().equals(self)) {
                throw new NotYourAccount();
            }
            scoped = new SyncLog.Filter(Optional.of(self), filter.status(), filter.operation());
        }
        return audit.page(scoped, limit, after);
    }

    private static void checkOwner(UUID mvpUserId, Caller caller) {
        if (!caller.mayActFor(mvpUserId)) {
            throw new NotYourAccount();
        }
    }
}
