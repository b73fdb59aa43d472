package io.subsync.sync.drift.domain;

import io.subsync.sync.FieldDifference;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A (user, service) marked diverged, waiting for an operator: the differing fields, what Master last confirmed and
 * what it holds now. Each difference's {@code confirmed} is the MVP's side: what Master last confirmed (a
 * reconciliation's drift) or the MVP's desired value (a pair behind, or an inbound change conflicting with an
 * undelivered MVP change). A value a divergence recorded before V10 could not recover is null. {@code reason} says
 * why it was marked, in words (the pair's last error), when the pair has a sync state. {@code masterEmail}: the
 * e-mail of the user's Master account, where the link knows it.
 */
public record Divergence(
        UUID mvpUserId,
        Optional<UUID> masterUserId,
        String serviceName,
        Optional<String> serviceId,
        List<FieldDifference> differences,
        Map<String, Object> confirmed,
        Map<String, Object> master,
        Optional<Instant> detectedAt,
        String detectedBy,
        Optional<String> reason,
        Optional<String> masterEmail) {
    public Divergence {
        differences = List.copyOf(differences);
    }

    /** The names of the differing fields. */
    public List<String> fields() {
        return differences.stream().map(FieldDifference::field).toList();
    }
}
