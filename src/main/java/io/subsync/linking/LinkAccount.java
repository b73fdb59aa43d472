package io.subsync.linking;

import io.subsync.access.Provenance;
import io.subsync.audit.AuditEntry;
import io.subsync.audit.SyncLog;
import io.subsync.linking.domain.AccountLinkConflict;
import io.subsync.linking.domain.AccountNotLinked;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links an MVP account to a Master account, unlinks and relinks it: each atomic and audited ({@code link} and
 * {@code unlink} entries). What follows for the account's operations (released, held back, re-pushed whole) is the
 * sync side's, told by {@link AccountLinked} and {@link AccountUnlinked} in the same transaction. A Master account
 * linked elsewhere, or an MVP account linked to another Master account, is an {@link AccountLinkConflict}: unlinking
 * is explicit. All writers lock in the order account, state, outbox (docs/sync.md, "Lock order").
 */
@Service
public class LinkAccount {
    private final AccountLinks links;
    private final SyncLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    LinkAccount(AccountLinks links, SyncLog audit, Clock clock, ApplicationEventPublisher events) {
        this.links = links;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    /** What a link did: the account afterwards, whether it is new, and the operations queued for Master. */
    public record Linked(AccountLink account, boolean newlyLinked, int queuedSyncs) {}

    /** Links the account as {@code POST /sync-subscription} with a {@code masterUserId} asks; releases waiting work. */
    @Transactional
    public AccountLink link(UUID mvpUserId, UUID masterUserId, Provenance by) {
        Instant now = clock.instant();
        AccountLink account = links.lockOrCreate(mvpUserId, now);
        if (account.masterUserId().filter(masterUserId::equals).isPresent()) {
            return account;
        }
        if (links.link(mvpUserId, masterUserId, null, now)) {
            Map<String, Object> data = linkData(masterUserId, null, "sync_request");
            LinkFollowUp followUp = new LinkFollowUp();
            events.publishEvent(new AccountLinked(mvpUserId, masterUserId, false, by, now, followUp));
            data.put("releasedOperations", followUp.released());
            audit.append(AuditEntry.link(mvpUserId, masterUserId, data), by, now);
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
    public Linked linked(UUID mvpUserId, boolean newlyLinked, String via, Map<String, Object> details, Provenance by) {
        // The token's function has just written and locked the account row in this transaction.
        AccountLink account = links.find(mvpUserId).orElseThrow();
        if (!newlyLinked) {
            return new Linked(account, false, 0);
        }
        UUID master = account.masterUserId().orElseThrow(() -> new AccountNotLinked(mvpUserId));
        Map<String, Object> data = linkData(master, account.masterEmail().orElse(null), via);
        data.putAll(details);
        return linkedWhole(mvpUserId, master, data, by);
    }

    /**
     * Replaces the account's Master account in one transaction: unlinks the current one (audited, as
     * {@link #unlink}) and links the new one (audited, with a full re-push). Linking the same Master account again only
     * updates its email.
     */
    @Transactional
    public Linked relink(UUID mvpUserId, UUID masterUserId, String masterEmail, Provenance by) {
        Instant now = clock.instant();
        AccountLink account = links.lockOrCreate(mvpUserId, now);
        if (account.masterUserId().filter(masterUserId::equals).isPresent()) {
            links.link(mvpUserId, masterUserId, masterEmail, now);
            return new Linked(links.find(mvpUserId).orElseThrow(), false, 0);
        }
        if (account.linked()) {
            unlinkLocked(account, "relink", by, now);
        }
        links.link(mvpUserId, masterUserId, masterEmail, now);
        return linkedWhole(mvpUserId, masterUserId, linkData(masterUserId, masterEmail, "relink"), by);
    }

    /**
     * Clears the account's Master account, audited with the previous one. Undelivered operations wait again until the
     * next link; ones already in flight finish. Empty when the account has no link.
     */
    @Transactional
    public Optional<AccountLink> unlink(UUID mvpUserId, Provenance by) {
        Instant now = clock.instant();
        if (links.find(mvpUserId).isEmpty()) {
            return Optional.empty();
        }
        AccountLink account = links.lockOrCreate(mvpUserId, now);
        if (!account.linked()) {
            return Optional.empty();
        }
        unlinkLocked(account, "unlink", by, now);
        return links.find(mvpUserId);
    }

    private void unlinkLocked(AccountLink account, String via, Provenance by, Instant now) {
        UUID previous = account.masterUserId().orElseThrow();
        links.unlink(account.mvpUserId(), now);
        LinkFollowUp followUp = new LinkFollowUp();
        events.publishEvent(new AccountUnlinked(account.mvpUserId(), previous, by, now, followUp));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("previousMasterUserId", previous.toString());
        data.put("previousMasterEmail", account.masterEmail().orElse(null));
        data.put("via", via);
        data.put("operationsWaitingAgain", followUp.heldBack());
        audit.append(AuditEntry.unlink(account.mvpUserId(), previous, data), by, now);
    }

    private Linked linkedWhole(UUID mvpUserId, UUID masterUserId, Map<String, Object> data, Provenance by) {
        Instant now = clock.instant();
        LinkFollowUp followUp = new LinkFollowUp();
        events.publishEvent(new AccountLinked(mvpUserId, masterUserId, true, by, now, followUp));
        data.put("releasedOperations", followUp.released());
        data.put("queuedSyncs", followUp.queued());
        data.put("tenantSubscriptionsRecorded", followUp.tenantSubscriptions());
        if (followUp.queued() == 0) {
            links.markSynced(mvpUserId, now);
        }
        audit.append(AuditEntry.link(mvpUserId, masterUserId, data), by, now);
        return new Linked(links.find(mvpUserId).orElseThrow(), true, followUp.queued());
    }

    private static Map<String, Object> linkData(UUID masterUserId, String masterEmail, String via) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("masterUserId", masterUserId.toString());
        data.put("masterEmail", masterEmail);
        data.put("via", via);
        return data;
    }
}
