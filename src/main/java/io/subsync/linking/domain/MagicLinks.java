package io.subsync.linking.domain;

import java.util.Optional;
import java.util.UUID;

/**
 * Magic links ({@code magic_link_tokens}), through the SQL functions that hold their rules. Refusals are the
 * {@link MagicLinkRefused} kinds, {@link InvalidLinkRequest} for a validity out of bounds, and sync's
 * {@code AccountLinkConflict} when one side of the link is taken.
 */
public interface MagicLinks {
    /** A new token for the user; {@code validityHours} empty means the function's default (24 hours). */
    MagicLink generate(UUID mvpUserId, Optional<Integer> validityHours);

    /** Uses the token and links its MVP user to the Master account, in the current transaction. */
    UsedMagicLink validate(String token, UUID masterUserId, String masterEmail);

    /** The token's state, without using it. */
    TokenState state(String token);
}
