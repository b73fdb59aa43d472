package io.subsync.access;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.Jwt;

/** Who is calling: the user id ({@code sub}), the role, and the tenant the token is scoped to, if any. */
public record Caller(String subject, Role role, Optional<UUID> tenantId) {

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

    /** Reads the claims of a verified token; {@code tenant_id} is taken at top level or inside {@code app_metadata}. */
    public static Caller of(Jwt jwt) {
        Object tenant = jwt.getClaims().get("tenant_id");
        if (tenant == null && jwt.getClaims().get("app_metadata") instanceof Map<?, ?> metadata) {
            tenant = metadata.get("tenant_id");
        }
        return new Caller(jwt.getSubject(), Role.fromClaim(jwt.getClaimAsString("role")), parseUuid(tenant));
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
