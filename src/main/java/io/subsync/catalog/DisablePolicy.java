package io.subsync.catalog;

import java.util.Locale;

/** What happens to a product's subscription when a tenant switches the product off. */
public enum DisablePolicy {
    /** The subscription stays active and is hidden from the tenant's list. */
    KEEP,
    /** The subscription is cancelled with reason {@code product_disabled}. */
    CANCEL;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DisablePolicy fromCode(String field, String code) {
        if (code == null) {
            return KEEP;
        }
        for (DisablePolicy policy : values()) {
            if (policy.code().equalsIgnoreCase(code.trim())) {
                return policy;
            }
        }
        throw new InvalidCatalogValue(field, "must be one of keep, cancel, was '" + code + "'");
    }
}
