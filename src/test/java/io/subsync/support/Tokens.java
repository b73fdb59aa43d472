package io.subsync.support;

import io.subsync.access.Role;
import io.subsync.access.TokenMinter;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Tokens signed with the tests' secret. */
public final class Tokens {
    public static final String SECRET = "integration-tests-secret-0123456789abcdefghijkl";
    private static final TokenMinter MINTER = new TokenMinter(SECRET);

    private Tokens() {}

    public static String serviceRole() {
        return MINTER.mint("tests", Role.SERVICE_ROLE, null, null, Instant.now(), Duration.ofHours(1));
    }

    public static String userOf(UUID tenant) {
        return user(UUID.randomUUID(), tenant);
    }

    public static String user(UUID user, UUID tenant) {
        return MINTER.mint(user.toString(), Role.AUTHENTICATED, tenant, null, Instant.now(), Duration.ofHours(1));
    }

    public static String expiredUserOf(UUID tenant) {
        return MINTER.mint(
                UUID.randomUUID().toString(),
                Role.AUTHENTICATED,
                tenant,
                null,
                Instant.now().minus(Duration.ofHours(2)),
                Duration.ofHours(1));
    }

    public static String signedWith(String otherSecret, UUID tenant) {
        return new TokenMinter(otherSecret)
                .mint(
                        UUID.randomUUID().toString(),
                        Role.AUTHENTICATED,
                        tenant,
                        null,
                        Instant.now(),
                        Duration.ofHours(1));
    }
}
