package io.subsync.linking;

/**
 * What the handlers of a link event did in the linking transaction, for the link's audit entry and its answer:
 * operations released or held back, full re-pushes queued, tenant subscriptions recorded. The events are handled
 * synchronously in the publisher's thread and transaction, so the publisher reads the tally once they return.
 */
public final class LinkFollowUp {
    private int released;
    private int heldBack;
    private int rePushed;
    private int tenantSubscriptions;

    public void released(int operations) {
        released += operations;
    }

    public void heldBack(int operations) {
        heldBack += operations;
    }

    public void rePushed(int operations) {
        rePushed += operations;
    }

    public void tenantSubscriptionsRecorded(int subscriptions) {
        tenantSubscriptions += subscriptions;
    }

    public int released() {
        return released;
    }

    public int heldBack() {
        return heldBack;
    }

    /** Operations queued for Master: the re-pushes and the tenants' subscriptions recorded. */
    public int queued() {
        return rePushed + tenantSubscriptions;
    }

    public int tenantSubscriptions() {
        return tenantSubscriptions;
    }
}
