package io.subsync.access;

/** The {@code role} claim of a token, as Supabase issues it. */
public enum Role {
    AUTHENTICATED("authenticated"),
    SERVICE_ROLE("service_role");

    private final String claim;

    Role(String claim) {
        this.claim = claim;
    }

    public String claim() {
        return claim;
    }

    /** The Spring Security authority granted to a caller with this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    public static Role fromClaim(String claim) {
        for (Role role : values()) {
            if (role.claim.equals(claim)) {
                return role;
            }
        }
        return null;
    }
}
