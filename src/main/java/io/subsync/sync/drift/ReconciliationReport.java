package io.subsync.sync.drift;

import io.subsync.sync.DriftPolicy;
import io.subsync.sync.drift.domain.DriftAction;
import io.subsync.sync.drift.domain.SubscriptionComparison;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a reconciliation with Master found and did: one line per compared (user, service), and the accounts that could
 * not be compared. {@code ran} is false when another instance held the reconciliation lock.
 */
public record ReconciliationReport(
        boolean ran, boolean dryRun, DriftPolicy policy, int accounts, List<Line> lines, List<Failure> failures) {
    public ReconciliationReport {
        lines = List.copyOf(lines);
        failures = List.copyOf(failures);
    }

    /** One compared (user, service) and what was done about it; {@code syncId} of a re-push. */
    public record Line(
            UUID mvpUserId,
            UUID masterUserId,
            SubscriptionComparison comparison,
            DriftAction action,
            Optional<UUID> syncId,
            Optional<String> error) {}

    /** An account, or a (user, service), that could not be compared or acted on, and why. */
    public record Failure(UUID mvpUserId, String serviceName, String error) {}

    public static ReconciliationReport notRun(boolean dryRun, DriftPolicy policy) {
        return new ReconciliationReport(false, dryRun, policy, 0, List.of(), List.of());
    }

    /** The lines that drifted. */
    public List<Line> drifted() {
        return lines.stream().filter(l -> l.comparison().drifted()).toList();
    }

    public long compared() {
        return lines.size();
    }
}
