package io.subsync.sync.inbound;

import io.subsync.access.Provenance;
import io.subsync.audit.AuditEntry;
import io.subsync.sync.FieldDifference;
import io.subsync.sync.MasterSubscriptionState;
import io.subsync.sync.PlanMapping;
import io.subsync.sync.SyncOperation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Master's side of the per (user, service) sync state: the Master version applied, Master's last known state, and
 * the writes that make the MVP side follow Master (or mark that it cannot).
 */
public interface MasterStates {

    /** The MVP user linked to a Master account, read without a lock (to take the locks that come before it). */
    Optional<UUID> linkedUser(UUID masterUserId);

    /** The MVP user linked to a Master account, with the account row locked until the transaction ends. */
    Optional<UUID> lockLinkedUser(UUID masterUserId);

    /**
     * Master's version and state as last recorded for (user, service), and the fields of its open divergence (none when
     * it has none); empty when there is no state row.
     */
    Optional<Known> known(UUID mvpUserId, String serviceName);

    /** What is recorded of Master's view of (user, service). */
    record Known(Optional<Long> version, Optional<MasterSubscriptionState> state, List<String> divergedFields) {}

    /** Does (user, service) have an outbox row Master has not confirmed ({@code waiting, pending, delivering})? */
    boolean hasOpenOperations(UUID mvpUserId, String serviceName);

    /**
     * The MVP side takes Master's state: a new desired revision that is also the synced one (nothing to deliver),
     * {@code synced_data} and {@code master_data} = Master's state, its version noted, divergence cleared. Creates
     * the row when the MVP side had none. The change is known by {@code changeId} (the state's last sync id).
     */
    void apply(
            UUID mvpUserId,
            String serviceName,
            String planCode,
            SyncOperation operation,
            MasterSubscriptionState master,
            UUID changeId,
            Instant at);

    /** Notes Master's version and state without changing the MVP's desired state. */
    void note(UUID mvpUserId, String serviceName, MasterSubscriptionState master, Instant at);

    /**
     * Marks (user, service) diverged: notes Master's state and records the divergence with the fields that differ, each
     * with the MVP's desired value (the undelivered change) and Master's, what Master last confirmed of the pair
     * ({@code synced_data}) as its confirmed state, and when.
     */
    void markDiverged(
            UUID mvpUserId,
            String serviceName,
            MasterSubscriptionState master,
            List<FieldDifference> differences,
            String error,
            Instant at);

    /**
     * Holds the undelivered ({@code pending}) outbox rows of (user, service) as {@code waiting} while it is diverged,
     * so the MVP's change does not overwrite Master's before someone decides. Returns how many.
     */
    int holdUndelivered(UUID mvpUserId, String serviceName);

    /** Clears the divergence of (user, service), leaving its sync status to what follows (a re-push or an apply). */
    void clearDivergence(UUID mvpUserId, String serviceName);

    /**
     * Supersedes the undelivered ({@code waiting, pending}) outbox rows of (user, service), each with its audit
     * row; rows in flight cannot be recalled. Returns how many.
     */
    int supersedeUndelivered(UUID mvpUserId, String serviceName, UUID by, String actor, String requestId, Instant at);

    /**
     * Sets the account's status from its subscriptions: {@code diverged} while any is, {@code synced} when all are,
     * otherwise {@code pending} if it was diverged, else unchanged. {@code synced}: a sync happened now.
     */
    void settleAccount(UUID mvpUserId, String lastError, boolean synced, Instant at);

    /** The MVP (service, plan) pairs mapped to Master's (serviceId, planTier), matched case-insensitively. */
    List<PlanMapping> mappingsOf(String serviceId, String planTier);

    /** The MVP services mapped to Master's service, whatever the tier. */
    List<String> servicesMappedTo(String serviceId);

    /** The services the user has a sync state for. */
    List<String> servicesOf(UUID mvpUserId);

    /** An audit row of a change from Master ({@code source = master}) with both snapshots. */
    void log(AuditEntry entry, Provenance by, Instant at);
}
