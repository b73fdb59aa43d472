package io.subsync.sync;

import io.subsync.sync.domain.AccountLink;
import io.subsync.sync.domain.AccountLinkConflict;
import io.subsync.sync.domain.AccountLinks;
import io.subsync.sync.domain.SyncLog;
import io.subsync.sync.domain.SyncOperations;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links an MVP account to a Master account, atomically and audited; operations that waited for the link are
 * released in order. A Master account linked elsewhere, or an MVP account linked to another Master account, is an
 * {@link AccountLinkConflict}: unlinking is explicit.
 */
@Service
public class LinkAccount {
    private final AccountLinks links;
    private final SyncOperations operations;
    private final SyncLog audit;
    private final Clock clock;

    LinkAccount(AccountLinks links, SyncOperations operations, SyncLog audit, Clock clock) {
        this.links = links;
        this.operations = operations;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public AccountLink link(UUID mvpUserId, UUID masterUserId, String actor, String requestId) {
        Instant now = clock.instant();
        AccountLink account = links.lockOrCreate(mvpUserId, now);
        if (account.masterUserId().isPresent()) {
            if (!account.masterUserId().get().equals(masterUserId)) {
                throw new AccountLinkConflict("MVP user " + mvpUserId + " is linked to another Master account; "
                        + "unlink it first");
            }
            return account;
        }
        links.link(mvpUserId, masterUserId, now);
        int released = operations.releaseWaiting(mvpUserId, now);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("masterUserId", masterUserId.toString());
        data.put("releasedOperations", released);
        audit.append(null, mvpUserId, masterUserId, null, "link", "success", data, null, actor, requestId, now);
        return links.find(mvpUserId).orElseThrow();
    }
}
