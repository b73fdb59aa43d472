package io.subsync.access;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.subsync.commandline.RunningDemo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Mints HS256 tokens shaped like Supabase's, for trying the API, the demo and the tests. */
public final class TokenMinter {
    /**
     * Where {@code subsync demo} keeps the signing secret it made, for {@code subsync token} to find: in the data
     * directory ({@code SUBSYNC_DATA_DIR}, else {@code ./data}), beside the demo's database.
     */
    public static Path demoSecret() {
        return RunningDemo.dataDirectory().resolve("demo-jwt-secret");
    }

    private final byte[] secret;

    public TokenMinter(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        if (this.secret.length < AuthProperties.MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the JWT secret must be at least " + AuthProperties.MIN_SECRET_BYTES
                    + " bytes (256 bits) for HS256");
        }
    }

    /** A fresh random secret of 48 URL-safe characters. */
    public static String randomSecret() {
        byte[] bytes = new byte[36];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String mint(String subject, Role role, UUID tenantId, String email, Instant now, Duration validity) {
        return mint(subject, role, tenantId, null, email, now, validity);
    }

    /**
     * A token whose user has this {@code tenant_role} in the tenant (e.g. {@link Caller#TENANT_ADMIN}), at top level and
     * in {@code app_metadata} like {@code tenant_id}; {@code null} for none.
     */
    public String mint(
            String subject, Role role, UUID tenantId, String tenantRole, String email, Instant now, Duration validity) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .audience("authenticated")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(validity)))
                .claim("role", role.claim());
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (tenantId != null) {
            claims.claim("tenant_id", tenantId.toString());
            metadata.put("tenant_id", tenantId.toString());
        }
        if (tenantRole != null) {
            claims.claim("tenant_role", tenantRole);
            metadata.put("tenant_role", tenantRole);
        }
        if (!metadata.isEmpty()) {
            claims.claim("app_metadata", metadata);
        }
        if (email != null) {
            claims.claim("email", email);
        }
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims.build());
        try {
            jwt.sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign the token", e);
        }
        return jwt.serialize();
    }
}
