package io.subsync.access;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How callers prove who they are: an HS256 secret ({@code SUBSYNC_JWT_SECRET}, e.g. a Supabase project's JWT secret)
 * or a JWKS endpoint ({@code SUBSYNC_JWKS_URL}).
 */
@ConfigurationProperties("subsync.auth")
public record AuthProperties(String jwtSecret, String jwksUrl) {
    /** HS256 needs a key of at least 256 bits. */
    public static final int MIN_SECRET_BYTES = 32;

    public boolean configured() {
        return hasSecret() || (jwksUrl != null && !jwksUrl.isBlank());
    }

    public boolean hasSecret() {
        return jwtSecret != null && !jwtSecret.isBlank();
    }
}
