package io.subsync.sync.outbound.web;

import io.subsync.access.Caller;
import io.subsync.audit.SyncLogEntry;
import io.subsync.http.PageTexts;
import io.subsync.linking.AccountLink;
import io.subsync.sync.outbound.SyncAccounts;
import io.subsync.sync.outbound.SyncState;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the user's sync page shows, texts ready to print: the link to Master, each service's sync state, a page of the
 * audit trail and the links to page through it. {@code ownAccount} is false for a session whose subject is not an MVP
 * user id (a service_role token minted for a tool), which has no records of its own.
 */
record AccountSyncView(
        boolean ownAccount,
        String mvpUserId,
        Link link,
        List<Service> services,
        List<AccountActivity> activity,
        String olderUrl,
        String newestUrl) {

    /** The account's link: linked (Master's id and e-mail, since when) or not. */
    record Link(
            boolean linked,
            String masterUserId,
            String masterEmail,
            String since,
            String sinceAt,
            String syncStatus,
            String lastSyncAt,
            String lastError) {
        static Link notLinked() {
            return new Link(false, null, null, null, null, null, null, null);
        }
    }

    /** One service's subscription as the MVP side wants it, and how far Master has it. */
    record Service(
            String serviceName,
            String planCode,
            String status,
            String syncStatus,
            String lastSynced,
            String lastError) {
        static Service of(SyncState state) {
            return new Service(
                    state.desired().serviceName(),
                    state.desired().planCode(),
                    state.desired().status(),
                    state.syncStatus().code(),
                    state.syncedAt().map(PageTexts::when).orElse("never"),
                    PlainWords.error(state.lastError().orElse(null)));
        }
    }

    /** The caller's own MVP user id: the token's subject, when it is one. */
    static Optional<UUID> self(Caller caller) {
        try {
            return Optional.ofNullable(caller.subject()).map(UUID::fromString);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static AccountSyncView none() {
        return new AccountSyncView(false, null, Link.notLinked(), List.of(), List.of(), null, null);
    }

    static AccountSyncView of(
            UUID user,
            Optional<SyncAccounts.Account> account,
            Optional<SyncLogEntry> linkedBy,
            List<AccountActivity> activity,
            String olderUrl,
            String newestUrl) {
        Link link = account.map(SyncAccounts.Account::link)
                .filter(AccountLink::linked)
                .map(l -> new Link(
                        true,
                        l.masterUserId().map(UUID::toString).orElse(null),
                        l.masterEmail().orElse(null),
                        linkedBy.map(e -> PageTexts.when(e.createdAt())).orElse("—"),
                        linkedBy.map(e -> e.createdAt().toString()).orElse(null),
                        l.syncStatus().code(),
                        l.lastSyncAt().map(PageTexts::when).orElse("never"),
                        PlainWords.error(l.lastError().orElse(null))))
                .orElse(Link.notLinked());
        List<Service> services = account.map(
                        a -> a.subscriptions().stream().map(Service::of).toList())
                .orElse(List.of());
        return new AccountSyncView(true, user.toString(), link, services, activity, olderUrl, newestUrl);
    }
}
