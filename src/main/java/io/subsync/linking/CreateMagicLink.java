package io.subsync.linking;

import io.subsync.access.Caller;
import io.subsync.access.NotYourAccount;
import io.subsync.linking.domain.InvalidLinkRequest;
import io.subsync.linking.domain.MagicLink;
import io.subsync.linking.domain.MagicLinks;
import java.time.Instant;
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
    private final LinkingProperties properties;

    CreateMagicLink(MagicLinks links, LinkingProperties properties) {
        this.links = links;
        this.properties = properties;
    }

    /** A link as its user gets it on a page: the address to open ({@code /link?token=…}) and until when it works. */
    public record LinkToOpen(UUID mvpUserId, String url, Instant expiresAt) {}

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

    /**
     * A link for the caller's own account (a service_role session's own subject too), as {@link #create} makes it,
     * with its address ({@code requestBase} stands in for {@code SUBSYNC_PUBLIC_URL} when that is unset).
     *
     * @throws InvalidLinkRequest when the caller's subject is not a user id
     */
    public LinkToOpen createOwn(Caller caller, String requestBase) {
        UUID self;
        try {
            self = UUID.fromString(String.valueOf(caller.subject()));
        } catch (IllegalArgumentException e) {
            throw new InvalidLinkRequest("sub", "the caller's subject is not an MVP user id (a UUID)");
        }
        MagicLink link = create(Optional.of(self), Optional.empty(), caller);
        return new LinkToOpen(link.mvpUserId(), properties.linkUrl(requestBase, link.token()), link.expiresAt());
    }

    private static UUID own(Caller caller) {
        if (caller.isServiceRole()) {
            throw new InvalidLinkRequest("mvpUserId", "is required for a service_role caller (the MVP user's UUID)");
        }
        return UUID.fromString(caller.subject());
    }
}
