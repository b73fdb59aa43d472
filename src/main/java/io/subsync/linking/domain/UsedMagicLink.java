package io.subsync.linking.domain;

import java.util.UUID;

/**
 * A magic link that was just used: its id (not the token), the MVP user it linked, and whether the link is new (false
 * when the MVP user was already linked to that Master account).
 */
public record UsedMagicLink(UUID linkId, UUID mvpUserId, boolean newlyLinked) {}
