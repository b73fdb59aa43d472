package io.subsync.access;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling: the user id ({@code sub}), the role, the tenant the token is scoped to, if any, and whether the user
 * is that tenant's admin ({@code tenant_role: "admin"}).
 */
public record Caller(String subject, Role role, Optional<UUID> tenantId, boolean tenantAdmin) {
    /** The value of {@code tenant_role} that makes a tenant's user its admin; every other value is ignored. */
    public static final String TENANT_ADMIN = "admin";

    public Caller(String subject, Role role, Optional<UUID> tenantId) {
        this(subject, role, tenantId, false);
    }

    public boolean isServiceRole() {
        return role == Role.SERVICE_ROLE;
    }

    /** Whether the caller may act for this MVP user: service_role for anyone, a user for themself. */
    public boolean mayActFor(UUID mvpUserId) {
        return isServiceRole() || mvpUserId.toString().equals(subject);
    }

    /** The actor recorded in histories and audit entries, e.g. {@code user:3f2c…} or {@code service_role}. */
    public String actor() {
        return isServiceRole() ? "service_role" + (subject == null ? "" : ":" + subject) : "user:" + subject;
    }

    /**
     * Reads the claims of a verified token; {@code tenant_id} and {@code tenant_role} are each taken at top level or
     * inside {@code app_metadata} (where a Supabase custom access token hook puts them). Only a user of a tenant can be
     * its admin.
     */
    public static Caller of(Jwt jwt) {
        Optional<UUID> tenant = parseUuid(claim(jwt, "tenant_id"));
        Object tenantRole = claim(jwt, "tenant_role");
        return new Caller(
                jwt.getSubject(),
                Role.fromClaim(jwt.getClaimAsString("role")),
                tenant,
                tenant.isPresent() && TENANT_ADMIN.equals(tenantRole));
    }

    private static Object claim(Jwt jwt, String name) {
        Object value = jwt.getClaims().get(name);
        if (value == null && jwt.getClaims().get("app_metadata") instanceof Map<?, ?> metadata) {
            value = metadata.get(name);
        }
        return value;
    }

    private static Optional<UUID> parseUuid(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value.toString()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
