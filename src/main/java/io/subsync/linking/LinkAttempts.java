package io.subsync.linking;

import io.subsync.linking.domain.AttemptLimiter;
import io.subsync.linking.domain.TooManyAttempts;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The limits on using magic links, per instance and in memory (docs/sync.md): per client, refused validations and
 * {@code /link} lookups; per token prefix (its first 8 characters), every validation.
 */
@Component
class LinkAttempts {
    static final int PREFIX_LENGTH = 8;
    private static final int PRUNE_ABOVE = 10_000;
    private final AttemptLimiter refusalsPerClient;
    private final AttemptLimiter attemptsPerToken;
    private final Clock clock;

    LinkAttempts(LinkingProperties properties, Clock clock) {
        this.refusalsPerClient = new AttemptLimiter(properties.attemptsPerClient(), properties.attemptWindow(), PRUNE_ABOVE);
        this.attemptsPerToken = new AttemptLimiter(properties.attemptsPerToken(), properties.attemptWindow(), PRUNE_ABOVE);
        this.clock = clock;
    }

    /** Refuses a client that has had too many refusals lately. */
    void checkClient(String client) {
        refuseIfWaiting(refusalsPerClient.waitBefore(client, clock.instant()),
                "Too many refused magic link attempts from this client");
    }

    void refused(String client) {
        refusalsPerClient.record(client, clock.instant());
    }

    /** Counts an attempt at a token, or refuses it when its prefix has been tried too often lately. */
    void attemptToken(String token) {
        String prefix = token.substring(0, Math.min(PREFIX_LENGTH, token.length()));
        refuseIfWaiting(attemptsPerToken.attempt(prefix, clock.instant()), "Too many attempts at this magic link");
    }

    private static void refuseIfWaiting(Optional<Duration> wait, String message) {
        if (wait.isPresent()) {
            // Whole seconds, rounded up, at least one: what Retry-After can say.
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            throw new TooManyAttempts(message + "; try again in " + seconds + " s", Duration.ofSeconds(seconds));
        }
    }
}
