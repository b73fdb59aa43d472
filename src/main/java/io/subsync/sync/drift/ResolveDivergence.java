package io.subsync.sync.drift;

import io.subsync.access.Provenance;
import io.subsync.sync.MasterSubscriptionState;
import io.subsync.sync.NotDiverged;
import io.subsync.sync.UnknownSync;
import io.subsync.sync.drift.domain.Divergence;
import io.subsync.sync.drift.domain.Divergences;
import io.subsync.sync.drift.domain.UnresolvableDivergence;
import io.subsync.sync.inbound.AcceptMasterState;
import io.subsync.sync.inbound.KeptSide;
import io.subsync.sync.inbound.ResolveWithMaster;
import io.subsync.sync.outbound.SyncOperations;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An operator's decision on a diverged (user, service): keep the MVP's state (sent to Master again) or Master's
 * (taken on the MVP side), through {@link ResolveWithMaster#resolve}, with Master's state as the reconciliation read
 * it. Also lists the open divergences.
 */
@Service
public class ResolveDivergence {
    private final Divergences divergences;
    private final SyncOperations operations;
    private final AcceptMasterState acceptMasterState;
    private final ResolveWithMaster resolveWithMaster;

    ResolveDivergence(
            Divergences divergences,
            SyncOperations operations,
            AcceptMasterState acceptMasterState,
            ResolveWithMaster resolveWithMaster) {
        this.divergences = divergences;
        this.operations = operations;
        this.acceptMasterState = acceptMasterState;
        this.resolveWithMaster = resolveWithMaster;
    }

    /** Open divergences, the newest first, of every user or one. */
    public List<Divergence> open(Optional<UUID> mvpUserId, int limit) {
        return divergences.open(mvpUserId, limit);
    }

    /**
     * @throws UnknownSync            no diverged (user, service) of that name
     * @throws NotDiverged            (user, service) is known but not diverged
     * @throws UnresolvableDivergence keeping the MVP's state of a subscription only Master has
     */
    @Transactional
    public AcceptMasterState.Outcome resolve(UUID mvpUserId, String serviceName, KeptSide keep, Provenance by) {
        Optional<MasterSubscriptionState> master = divergences.masterState(mvpUserId, serviceName);
        if (operations.statesOf(mvpUserId).stream()
                .anyMatch(s -> s.desired().serviceName().equalsIgnoreCase(serviceName))) {
            // It reads the divergence (its fields) and clears it, whichever side is kept.
            return resolveWithMaster.resolve(mvpUserId, serviceName, keep, master.orElse(null), by);
        }
        if (!divergences.clear(mvpUserId, serviceName)) {
            throw new UnknownSync("user " + mvpUserId + " has no subscription to '" + serviceName + "' to resolve");
        }
        if (keep == KeptSide.MVP || master.isEmpty()) {
            throw new UnresolvableDivergence("the MVP has no state of '" + serviceName
                    + "' to keep: only Master has this " + "subscription; keep Master's, or change it at Master");
        }
        return acceptMasterState.accept(master.get(), null, by);
    }
}
