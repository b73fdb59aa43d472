package io.subsync.sync.drift.domain;

import io.subsync.sync.DriftPolicy;
import java.util.Locale;

/** What a reconciliation does about one compared (user, service), chosen by the drift policy. */
public enum DriftAction {
    /** In step: nothing to do. */
    NONE("none", "none"),
    /** A delivery is in flight; compared again next time. */
    SKIPPED("skipped (delivery in flight)", "would skip (delivery in flight)"),
    /** Marked diverged, for an operator to resolve. */
    MARK_DIVERGED("marked diverged", "would mark diverged"),
    /** Was diverged already and still waits for an operator. */
    ALREADY_DIVERGED("already diverged", "already diverged"),
    /** The MVP's state is sent to Master again, whole (operation {@code sync}). */
    PUSH_MVP("re-pushed the MVP state", "would re-push the MVP state"),
    /** Master's state is taken on the MVP side. */
    ACCEPT_MASTER("accepted Master's state", "would accept Master's state");

    private final String done;
    private final String planned;

    DriftAction(String done, String planned) {
        this.done = done;
        this.planned = planned;
    }

    /**
     * The action for one comparison. A change accepted on the MVP side that Master lacks ({@code BEHIND}) is sent again
     * under every policy: the policies decide between a change at Master and one of the MVP's. A winner with nothing to give (mvp-wins for a subscription only Master holds,
     * master-wins for one Master no longer holds) leaves the decision to an operator.
     *
     * @param alreadyDiverged the (user, service) is marked diverged already
     */
    public static DriftAction decide(DriftPolicy policy, SubscriptionComparison comparison, boolean alreadyDiverged) {
        return switch (comparison.outcome()) {
            case IN_STEP -> NONE;
            case IN_FLIGHT -> SKIPPED;
            // No one at Master decided against the MVP's change; it only never arrived whole. Every policy sends it.
            case BEHIND -> PUSH_MVP;
            case DRIFTED ->
                switch (policy) {
                    case MVP_WINS -> comparison.trackedByMvp() ? PUSH_MVP : forAnOperator(alreadyDiverged);
                    case MASTER_WINS ->
                        comparison.master().isPresent() ? ACCEPT_MASTER : forAnOperator(alreadyDiverged);
                    case MANUAL -> forAnOperator(alreadyDiverged);
                };
        };
    }

    private static DriftAction forAnOperator(boolean alreadyDiverged) {
        return alreadyDiverged ? ALREADY_DIVERGED : MARK_DIVERGED;
    }

    /** How a report names it: what was done, or in a dry run what would be. */
    public String describe(boolean dryRun) {
        return dryRun ? planned : done;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
