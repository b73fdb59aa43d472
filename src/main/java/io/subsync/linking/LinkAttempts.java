package io.subsync.linking;

import io.subsync.linking.domain.AttemptLimiter;
import io.subsync.linking.domain.LinkInput;
import io.subsync.linking.domain.TooManyAttempts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The limits on using magic links, per instance and in memory (docs/security.md, "Limits on magic links"): refusals
 * per client, and refusals per token (keyed by the token's SHA-256, never by a part of it). They are consulted only
 * once a token has been refused, so they change how a refusal is answered (429 instead of 404, 409 or 410) and never
 * stop a valid token: one party's failures cannot deny another party its link.
 */
@Component
class LinkAttempts {
    private static final int PRUNE_ABOVE = 10_000;
    private final AttemptLimiter refusalsPerClient;
    private final AttemptLimiter refusalsPerToken;
    private final Clock clock;

    LinkAttempts(LinkingProperties properties, Clock clock) {
        this.refusalsPerClient =
                new AttemptLimiter(properties.attemptsPerClient(), properties.attemptWindow(), PRUNE_ABOVE);
        this.refusalsPerToken =
                new AttemptLimiter(properties.attemptsPerToken(), properties.attemptWindow(), PRUNE_ABOVE);
        this.clock = clock;
    }

    /**
     * Counts a refused validation against the client and the token; or, when either has been refused too often lately,
     * throws {@link TooManyAttempts} instead, without counting it (so waiting out the window is enough).
     */
    void refused(String client, String token) {
        Instant now = clock.instant();
        String tokenKey = LinkInput.sha256(token);
        refuseIfWaiting(
                refusalsPerClient.waitBefore(client, now), "Too many refused magic link attempts from this client");
        refuseIfWaiting(refusalsPerToken.waitBefore(tokenKey, now), "Too many attempts at this magic link");
        refusalsPerClient.record(client, now);
        refusalsPerToken.record(tokenKey, now);
    }

    /** Counts a lookup of a link that is not valid against the client, or refuses it as {@link #refused} does. */
    void refusedLookup(String client) {
        refuseIfWaiting(
                refusalsPerClient.attempt(client, clock.instant()),
                "Too many refused magic link attempts from this client");
    }

    private static void refuseIfWaiting(Optional<Duration> wait, String message) {
        if (wait.isPresent()) {
            // Whole seconds, rounded up, at least one: what Retry-After can say.
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            throw new TooManyAttempts(message + "; try again in " + seconds + " s", Duration.ofSeconds(seconds));
        }
    }
}
