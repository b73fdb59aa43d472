package io.subsync.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses a token that lives longer than {@code SUBSYNC_JWT_MAX_LIFETIME}. A token cannot be revoked here, only all
 * of them at once by changing the secret, so without a bound one minted with {@code exp} in 9999 would be good
 * forever, and so would a copy of it. The lifetime runs from {@code iat} to {@code exp}; from now, when the token has
 * no {@code iat} or claims one later than now (beyond the clock skew Spring Security allows {@code exp}), so that
 * neither leaving {@code iat} out nor putting it in the future stretches it. A token without {@code exp} is refused
 * by another check.
 */
final class TokenLifetime implements OAuth2TokenValidator<Jwt> {
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    private final Duration max;
    private final Clock clock;

    TokenLifetime(Duration max, Clock clock) {
        this.max = max;
        this.clock = clock;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        Instant expires = jwt.getExpiresAt();
        if (expires == null) {
            return OAuth2TokenValidatorResult.success();
        }
        Instant now = clock.instant();
        Instant issued = jwt.getIssuedAt();
        Instant from = issued == null || issued.isAfter(now.plus(CLOCK_SKEW)) ? now : issued;
        if (Duration.between(from, expires).compareTo(max) > 0) {
            return OAuth2TokenValidatorResult.failure(new OAuth2Error(
                    "invalid_token",
                    "the token lives longer than the " + AuthProperties.shown(max)
                            + " this service accepts (from iat, or from now without iat, to exp)",
                    null));
        }
        return OAuth2TokenValidatorResult.success();
    }
}
