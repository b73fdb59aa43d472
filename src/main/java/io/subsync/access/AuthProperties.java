package io.subsync.access;

import io.subsync.settings.RefusedSetting;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationStyle;

/**
 * How callers prove who they are: an HS256 secret ({@code SUBSYNC_JWT_SECRET}, e.g. a Supabase project's JWT secret)
 * or a JWKS endpoint ({@code SUBSYNC_JWKS_URL}), and how long a token may live.
 *
 * @param jwtMaxLifetime {@code SUBSYNC_JWT_MAX_LIFETIME}: the longest a token may live, from {@code iat} to
 *                       {@code exp} (from now, without {@code iat}); longer-lived tokens are refused
 *                       ({@link TokenLifetime}). Default {@link #DEFAULT_MAX_LIFETIME}
 */
@ConfigurationProperties("subsync.auth")
public record AuthProperties(String jwtSecret, String jwksUrl, Duration jwtMaxLifetime) {
    /** HS256 needs a key of at least 256 bits. */
    public static final int MIN_SECRET_BYTES = 32;
    /** A week: the longest a Supabase project lets its access tokens live (1 hour unless configured). */
    public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofDays(7);

    public AuthProperties {
        jwtMaxLifetime = jwtMaxLifetime != null ? jwtMaxLifetime : DEFAULT_MAX_LIFETIME;
        if (jwtMaxLifetime.isNegative() || jwtMaxLifetime.isZero()) {
            throw new RefusedSetting("SUBSYNC_JWT_MAX_LIFETIME", "must be positive, was " + jwtMaxLifetime);
        }
    }

    public boolean configured() {
        return hasSecret() || (jwksUrl != null && !jwksUrl.isBlank());
    }

    public boolean hasSecret() {
        return jwtSecret != null && !jwtSecret.isBlank();
    }

    /**
     * {@code SUBSYNC_JWT_MAX_LIFETIME} read as the service reads it ({@code 7d}, {@code 12h}, {@code PT1H}; unset or
     * blank: the default), for the commands that run without the service's configuration.
     *
     * @throws IllegalArgumentException when it is not a positive duration
     */
    public static Duration maxLifetime(String setting) {
        return new AuthProperties(
                        null,
                        null,
                        setting == null || setting.isBlank() ? null : DurationStyle.detectAndParse(setting.trim()))
                .jwtMaxLifetime();
    }

    /** A lifetime as the setting is written: {@code 7d}, {@code 12h}, {@code 30m} or {@code 45s}. */
    public static String shown(Duration lifetime) {
        if (lifetime.toDays() > 0 && lifetime.equals(Duration.ofDays(lifetime.toDays()))) {
            return lifetime.toDays() + "d";
        }
        if (lifetime.equals(Duration.ofHours(lifetime.toHours()))) {
            return lifetime.toHours() + "h";
        }
        if (lifetime.equals(Duration.ofMinutes(lifetime.toMinutes()))) {
            return lifetime.toMinutes() + "m";
        }
        return lifetime.toSeconds() + "s";
    }
}
