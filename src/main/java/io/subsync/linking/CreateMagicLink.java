package io.subsync.linking;

import io.subsync.access.Caller;
import io.subsync.access.NotYourAccount;
import io.subsync.linking.domain.InvalidLinkRequest;
import io.subsync.linking.domain.MagicLink;
import io.subsync.linking.domain.MagicLinks;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Creates a magic link for an MVP user: a user for themself, {@code service_role} for anyone. The token is answered
 * once and never logged or stored (only its hash is).
 */
@Service
public class CreateMagicLink {
    private static final Logger log = LoggerFactory.getLogger(CreateMagicLink.class);
    private final MagicLinks links;

    CreateMagicLink(MagicLinks links) {
        this.links = links;
    }

    /** {@code mvpUserId} empty: the caller's own account (a service_role caller must name one). */
    public MagicLink create(Optional<UUID> mvpUserId, Optional<Integer> validityHours, Caller caller) {
        UUID user = mvpUserId.orElseGet(() -> own(caller));
        if (!caller.mayActFor(user)) {
            throw new NotYourAccount();
        }
        MagicLink link = links.generate(user, validityHours);
        log.info("Magic link created for MVP user {} by {}, expires at {}", user, caller.actor(), link.expiresAt());
        return link;
    }

    private static UUID own(Caller caller) {
        if (caller.isServiceRole()) {
            throw new InvalidLinkRequest("mvpUserId", "is required for a service_role caller (the MVP user's UUID)");
        }
        return UUID.fromString(caller.subject());
    }
}
