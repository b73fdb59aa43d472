package io.subsync.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A plan tier. Tier matching between the platform plan and product plans uses this, never plan names. */
public enum Tier {
    TRIAL,
    STARTER,
    PRO,
    ENTERPRISE;

    /** The tier used when a product has no plan at the tenant's own tier. */
    public static final Tier FALLBACK = STARTER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a tier code case-insensitively; throws {@link InvalidCatalogValue} naming the allowed codes. */
    public static Tier fromCode(String field, String code) {
        if (code != null) {
            for (Tier tier : values()) {
                if (tier.code().equalsIgnoreCase(code.trim())) {
                    return tier;
                }
            }
        }
        throw new InvalidCatalogValue(field, "must be one of " + codes() + ", was " + quoted(code));
    }

    static String codes() {
        return Arrays.stream(values()).map(Tier::code).collect(Collectors.joining(", "));
    }

    static String quoted(String value) {
        return value == null ? "missing" : "'" + value + "'";
    }
}
