package io.subsync.sync.inbound.domain;

import java.time.Instant;

/** The webhook events received ({@code master_webhook_events}): each event id once. */
public interface MasterEvents {
    /**
     * Records the event as received, in the caller's transaction; false when its id was received before (a
     * concurrent duplicate waits for the first one's transaction and then gets false).
     */
    boolean firstReceipt(String eventId, String type, Instant at);

    /** Notes what became of the event. */
    void settle(String eventId, String outcome);
}
