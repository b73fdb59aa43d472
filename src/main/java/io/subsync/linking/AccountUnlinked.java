package io.subsync.linking;

import io.subsync.access.Provenance;
import java.time.Instant;
import java.util.UUID;

/**
 * An MVP account's link to Master was just cleared (an unlink, or the first half of a relink), published inside the
 * unlinking transaction: the sync side holds the undelivered operations back until the next link, and counts them in
 * {@code followUp}. Operations already in flight finish.
 */
public record AccountUnlinked(
        UUID mvpUserId, UUID previousMasterUserId, Provenance provenance, Instant at, LinkFollowUp followUp) {}
