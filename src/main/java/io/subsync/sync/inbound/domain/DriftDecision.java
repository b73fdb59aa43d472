package io.subsync.sync.inbound.domain;

import io.subsync.sync.DriftPolicy;
import java.util.List;

/**
 * What to do with a newer state from Master, given whether the MVP side has a change Master has not got yet, the
 * fields in which the two differ, and the drift policy.
 */
public record DriftDecision(Action action, List<String> differences) {

    public enum Action {
        /** Nothing of the MVP's is on its way: the MVP side follows Master. */
        APPLY,
        /** An MVP change is on its way and Master already has that same state: only Master's version is noted. */
        AGREE,
        /** Conflict under {@code manual}: mark diverged, apply nothing. */
        DIVERGE,
        /** Conflict under {@code mvp-wins}: push the MVP's state again as a full sync. */
        KEEP_MVP,
        /** Conflict under {@code master-wins}: supersede the undelivered MVP changes and apply Master's state. */
        APPLY_OVER_MVP
    }

    public DriftDecision {
        differences = List.copyOf(differences);
    }

    /**
     * @param mvpChangeUndelivered the MVP side has a change Master has not confirmed (an open outbox row, or a
     *                             desired revision later than the synced one)
     * @param differences          the fields in which the MVP's desired state differs from Master's
     */
    public static DriftDecision decide(boolean mvpChangeUndelivered, List<String> differences, DriftPolicy policy) {
        if (!mvpChangeUndelivered) {
            return new DriftDecision(Action.APPLY, differences);
        }
        if (differences.isEmpty()) {
            return new DriftDecision(Action.AGREE, differences);
        }
        return new DriftDecision(
                switch (policy) {
                    case MANUAL -> Action.DIVERGE;
                    case MVP_WINS -> Action.KEEP_MVP;
                    case MASTER_WINS -> Action.APPLY_OVER_MVP;
                },
                differences);
    }
}
