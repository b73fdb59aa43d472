package io.subsync.linking;

import io.subsync.access.Provenance;
import java.time.Instant;
import java.util.UUID;

/**
 * An MVP account was just linked to a Master account, published inside the linking transaction. The sync side
 * releases the operations that waited for the link and, when {@code wholeState} (a magic link or a relink: a new
 * Master account gets everything), queues a full re-push of every subscription and records the subscriptions of the
 * tenants the account owns, before the transaction commits. What it did goes into {@code followUp}.
 */
public record AccountLinked(
        UUID mvpUserId,
        UUID masterUserId,
        boolean wholeState,
        Provenance provenance,
        Instant at,
        LinkFollowUp followUp) {}
