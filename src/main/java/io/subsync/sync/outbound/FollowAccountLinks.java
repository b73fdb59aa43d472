package io.subsync.sync.outbound;

import io.subsync.linking.AccountLinked;
import io.subsync.linking.AccountUnlinked;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What a link or an unlink means for the account's operations, done in the linking transaction (the events are
 * handled synchronously): a link releases what waited for it and, for a new Master account, re-pushes every
 * subscription whole and records the tenants' subscriptions the account owns; an unlink holds undelivered operations
 * back until the next link.
 */
@Component
class FollowAccountLinks {
    private static final String AFTER_LINK = "full re-push after linking";
    private final SyncOperations operations;
    private final RePushDesiredState rePush;
    private final SyncTenantSubscriptions tenantSubscriptions;

    FollowAccountLinks(
            SyncOperations operations, RePushDesiredState rePush, SyncTenantSubscriptions tenantSubscriptions) {
        this.operations = operations;
        this.rePush = rePush;
        this.tenantSubscriptions = tenantSubscriptions;
    }

    @EventListener
    void on(AccountLinked linked) {
        linked.followUp().released(operations.releaseWaiting(linked.mvpUserId(), linked.at()));
        if (!linked.wholeState()) {
            return;
        }
        linked.followUp().rePushed(rePush.rePushAll(linked.mvpUserId(), AFTER_LINK, linked.provenance(), linked.at()));
        // The re-push only revised existing states; the tenants' subscriptions may add new ones.
        int before = operations.statesOf(linked.mvpUserId()).size();
        tenantSubscriptions.recordOwnedBy(
                linked.mvpUserId(), linked.provenance().actor());
        linked.followUp()
                .tenantSubscriptionsRecorded(
                        operations.statesOf(linked.mvpUserId()).size() - before);
    }

    @EventListener
    void on(AccountUnlinked unlinked) {
        unlinked.followUp().heldBack(operations.holdUntilLinked(unlinked.mvpUserId()));
    }
}
