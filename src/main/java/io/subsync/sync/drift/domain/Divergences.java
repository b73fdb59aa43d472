package io.subsync.sync.drift.domain;

import io.subsync.sync.MasterSubscriptionState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** What reconciliations with Master read and record: tracked subscriptions and open divergences. */
public interface Divergences {

    /** Linked accounts in user id order, after {@code after} (exclusive), at most {@code limit}. */

    /** The user's subscriptions as the MVP tracks them, with what Master last confirmed of each. */
    List<TrackedSubscription> tracked(UUID mvpUserId);

    /** The services of the user with an open divergence. */
    Set<String> divergedServices(UUID mvpUserId);

    /** The MVP service name a Master service id maps to. */
    Optional<String> serviceNameOf(String masterServiceId);

    /**
     * Marks (user, service) diverged: the divergence with its differences, the state row and the account link, and
     * an audit row ({@code sync}, source {@code master}, status {@code diverged}). Joins the current transaction.
     */
    void markDiverged(UUID mvpUserId, UUID masterUserId, SubscriptionComparison comparison, String actor, Instant at);

    /** An audit row of a drift the policy settled at once ({@code note} says how). */
    void logDrift(
            UUID mvpUserId,
            UUID masterUserId,
            SubscriptionComparison comparison,
            String note,
            String actor,
            Instant at);

    /** Open divergences, the newest first: those a reconciliation found and those a change from Master brought. */
    List<Divergence> open(Optional<UUID> mvpUserId, int limit);

    /** Master's state of (user, service) as the reconciliation that marked it diverged read it. */
    Optional<MasterSubscriptionState> masterState(UUID mvpUserId, String serviceName);

    /** Forgets the divergence of (user, service); true when there was one. */
    boolean clear(UUID mvpUserId, String serviceName);
}
