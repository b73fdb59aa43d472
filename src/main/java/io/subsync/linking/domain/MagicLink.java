package io.subsync.linking.domain;

import java.time.Instant;
import java.util.UUID;

/** A new magic link: the token (shown once, never stored) and when it expires. */
public record MagicLink(UUID mvpUserId, String token, Instant expiresAt) {
    @Override
    public String toString() {
        return "MagicLink[mvpUserId=" + mvpUserId + ", expiresAt=" + expiresAt + "]";
    }
}
