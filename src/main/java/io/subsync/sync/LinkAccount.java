package io.subsync.sync;

import io.subsync.sync.domain.AccountLink;
import io.subsync.sync.domain.AccountLinkConflict;
import io.subsync.sync.domain.AccountLinks;
import io.subsync.sync.domain.DesiredState;
import io.subsync.sync.domain.SyncLog;
import io.subsync.sync.domain.SyncOperations;
import io.subsync.sync.domain.SyncState;
import io.subsync.sync.domain.UnknownSync;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links an MVP account to a Master account, unlinks and relinks it: each atomic and audited ({@code link} and
 * {@code unlink} entries). Operations that waited for the link are released in order. A Master account linked
 * elsewhere, or an MVP account linked to another Master account, is an {@link AccountLinkConflict}: unlinking is
 * explicit. All writers lock in the order account, state, outbox.
 */
@Service
public class LinkAccount {
    private final AccountLinks links;
    private final SyncOperations operations;
    private final SyncLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    LinkAccount(AccountLinks links, SyncOperations operations, SyncLog audit, Clock clock,
                ApplicationEventPublisher events) {
        this.links = links;
        this.operations = operations;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    /** What a link did: the account afterwards, whether it is new, and the re-push operations queued for it. */
    public record Linked(AccountLink account, boolean newlyLinked, int queuedSyncs) { }

    /** Links the account as {@code POST /sync-subscription} with a {@code masterUserId} asks; releases waiting work. */
    @Transactional
    public AccountLink link(UUID mvpUserId, UUID masterUserId, String actor, String requestId) {
        Instant now = clock.instant();
        AccountLink account = links.lockOrCreate(mvpUserId, now);
        if (account.masterUserId().filter(masterUserId::equals).isPresent()) {
            return account;
        }
        if (links.link(mvpUserId, masterUserId, null, now)) {
            Map<String, Object> data = linkData(masterUserId, null, "sync_request");
            data.put("releasedOperations", operations.releaseWaiting(mvpUserId, now));
            audit.append(null, mvpUserId, masterUserId, null, "link", "success", data, null, actor, requestId, now);
        }
        return links.find(mvpUserId).orElseThrow();
    }

    /**
     * Completes a link the database has just made (a magic link's token was used in the current transaction): audits
     * it, releases the waiting operations and queues a full re-push ({@code sync}) of every subscription of the user,
     * so the new Master account gets the whole state. The link is {@code pending} until Master confirms that re-push;
     * a user with nothing to send is {@code synced} at once. {@code details} goes into the audit entry.
     */
    @Transactional
    public Linked linked(UUID mvpUserId, boolean newlyLinked, String via, Map<String, Object> details, String actor,
                         String requestId) {
        // The token's function has just written and locked the account row in this transaction.
        AccountLink account = links.find(mvpUserId).orElseThrow();
        if (!newlyLinked) {
            return new Linked(account, false, 0);
        }
        UUID master = account.masterUserId().orElseThrow(() -> new UnknownSync("account " + mvpUserId + " is not linked"));
        Map<String, Object> data = linkData(master, account.masterEmail().orElse(null), via);
        data.putAll(details);
        return repushAfterLink(mvpUserId, master, data, actor, requestId);
    }

    /**
     * Replaces the account's Master account in one transaction: unlinks the current one (audited, as
     * {@link #unlink}) and links the new one (audited, with a full re-push). Linking the same Master account again only
     * updates its email.
     */
    @Transactional
    public Linked relink(UUID mvpUserId, UUID masterUserId, String masterEmail, String actor, String requestId) {
        Instant now = clock.instant();
        AccountLink account = links.lockOrCreate(mvpUserId, now);
        if (account.masterUserId().filter(masterUserId::equals).isPresent()) {
            links.link(mvpUserId, masterUserId, masterEmail, now);
            return new Linked(links.find(mvpUserId).orElseThrow(), false, 0);
        }
        if (account.linked()) {
            unlinkLocked(account, "relink", actor, requestId, now);
        }
        links.link(mvpUserId, masterUserId, masterEmail, now);
        return repushAfterLink(mvpUserId, masterUserId, linkData(masterUserId, masterEmail, "relink"), actor, requestId);
    }

    /**
     * Clears the account's Master account, audited with the previous one. Undelivered operations wait again until the
     * next link; ones already in flight finish. Empty when the account has no link.
     */
    @Transactional
    public Optional<AccountLink> unlink(UUID mvpUserId, String actor, String requestId) {
        Instant now = clock.instant();
        if (links.find(mvpUserId).isEmpty()) {
            return Optional.empty();
        }
        AccountLink account = links.lockOrCreate(mvpUserId, now);
        if (!account.linked()) {
            return Optional.empty();
        }
        unlinkLocked(account, "unlink", actor, requestId, now);
        return links.find(mvpUserId);
    }

    private void unlinkLocked(AccountLink account, String via, String actor, String requestId, Instant now) {
        UUID previous = account.masterUserId().orElseThrow();
        links.unlink(account.mvpUserId(), now);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("previousMasterUserId", previous.toString());
        data.put("previousMasterEmail", account.masterEmail().orElse(null));
        data.put("via", via);
        data.put("operationsWaitingAgain", operations.holdUntilLinked(account.mvpUserId()));
        audit.append(null, account.mvpUserId(), previous, null, "unlink", "success", data, null, actor, requestId, now);
    }

    private Linked repushAfterLink(UUID mvpUserId, UUID masterUserId, Map<String, Object> data, String actor,
                                   String requestId) {
        Instant now = clock.instant();
        data.put("releasedOperations", operations.releaseWaiting(mvpUserId, now));
        int queued = 0;
        List<SyncState> states = operations.statesOf(mvpUserId);
        for (SyncState listed : states) {
            SyncState state = operations.lock(mvpUserId, listed.desired().serviceName()).orElseThrow();
            DesiredState whole = state.desired().asSync();
            UUID syncId = UUID.randomUUID();
            operations.append(syncId, mvpUserId, whole, state.desiredRevision() + 1, true, actor, requestId, now);
            audit.append(syncId, mvpUserId, masterUserId, whole.serviceName(), "sync", "pending",
                    Map.of("serviceName", whole.serviceName(), "planCode", whole.planCode(), "status", whole.status(),
                            "reason", "full re-push after linking"), null, actor, requestId, now);
            queued++;
        }
        // The re-push above only revised existing states; the tenants' subscriptions may add new ones.
        int before = states.size();
        events.publishEvent(new AccountLinked(mvpUserId, actor, requestId));
        int tenantSubscriptions = operations.statesOf(mvpUserId).size() - before;
        queued += tenantSubscriptions;
        data.put("queuedSyncs", queued);
        data.put("tenantSubscriptionsRecorded", tenantSubscriptions);
        if (queued == 0) {
            links.markSynced(mvpUserId, now);
        }
        audit.append(null, mvpUserId, masterUserId, null, "link", "success", data, null, actor, requestId, now);
        return new Linked(links.find(mvpUserId).orElseThrow(), true, queued);
    }

    private static Map<String, Object> linkData(UUID masterUserId, String masterEmail, String via) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("masterUserId", masterUserId.toString());
        data.put("masterEmail", masterEmail);
        data.put("via", via);
        return data;
    }
}
