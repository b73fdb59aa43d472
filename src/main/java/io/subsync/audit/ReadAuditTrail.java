package io.subsync.audit;

import io.subsync.access.Caller;
import io.subsync.access.NotYourAccount;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Reads the audit trail for the API and the admin page: service_role sees every entry, a user only their own. */
@Service
public class ReadAuditTrail {
    private final SyncLog audit;

    ReadAuditTrail(SyncLog audit) {
        this.audit = audit;
    }

    /** A page of the audit trail; a user's filter is forced to their own rows, another user's id is refused. */
    public List<SyncLogEntry> page(SyncLog.Filter filter, int limit, Optional<SyncLog.Cursor> after, Caller caller) {
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
}
