package io.subsync.linking;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Magic links: where they point and how often they may be tried.
 *
 * @param publicUrl         {@code SUBSYNC_PUBLIC_URL}: the base of {@code linkUrl} ({@code <publicUrl>/link?token=…});
 *                          unset: the base URL of the request that created the link
 * @param attemptsPerClient {@code SUBSYNC_LINK_ATTEMPTS_PER_CLIENT}: refused validations (and lookups of the
 *                          {@code /link} page) one client may have per {@code attemptWindow}; for Master's key, one
 *                          Master account ({@code masterUserId})
 * @param attemptsPerToken  {@code SUBSYNC_LINK_ATTEMPTS_PER_TOKEN}: refused validations of one exact token, from any
 *                          client, per {@code attemptWindow}
 * @param attemptWindow     the sliding window of both limits; a valid token is never held back by either
 */
@ConfigurationProperties("subsync.links")
public record LinkingProperties(String publicUrl, int attemptsPerClient, int attemptsPerToken, Duration attemptWindow) {
    public LinkingProperties {
        attemptsPerClient = attemptsPerClient > 0 ? attemptsPerClient : 10;
        attemptsPerToken = attemptsPerToken > 0 ? attemptsPerToken : 5;
        attemptWindow = attemptWindow != null ? attemptWindow : Duration.ofMinutes(1);
    }

    /**
     * The address a person opens for this token ({@code <publicUrl>/link?token=…}); {@code requestBase} (the base URL of
     * the request that created the link) stands in when {@code publicUrl} is unset.
     */
    public String linkUrl(String requestBase, String token) {
        String base = publicUrl != null && !publicUrl.isBlank() ? publicUrl : requestBase;
        return base.replaceAll("/+$", "") + "/link?token=" + token;
    }
}
