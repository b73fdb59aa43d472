package io.subsync.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.subsync.access.Caller;
import io.subsync.access.Role;
import io.subsync.access.TokenMinter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
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

    /** A token of the tenant's admin: {@code tenant_role: "admin"}, top level and in {@code app_metadata}. */
    public static String tenantAdmin(UUID user, UUID tenant) {
        return MINTER.mint(
                user.toString(),
                Role.AUTHENTICATED,
                tenant,
                Caller.TENANT_ADMIN,
                null,
                Instant.now(),
                Duration.ofHours(1));
    }

    public static String tenantAdminOf(UUID tenant) {
        return tenantAdmin(UUID.randomUUID(), tenant);
    }

    /**
     * A user token whose {@code tenant_id} and {@code tenant_role} are only inside {@code app_metadata}, as a Supabase
     * custom access token hook puts them.
     */
    public static String appMetadataOnly(UUID tenant, String tenantRole) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(UUID.randomUUID().toString())
                .audience("authenticated")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .claim("role", "authenticated")
                .claim("app_metadata", Map.of("tenant_id", tenant.toString(), "tenant_role", tenantRole))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
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
