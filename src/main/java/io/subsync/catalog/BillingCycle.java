package io.subsync.catalog;

import java.util.Locale;

/** How often a plan is billed. */
public enum BillingCycle {
    MONTHLY,
    QUARTERLY,
    YEARLY;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BillingCycle fromCode(String field, String code) {
        if (code != null) {
            for (BillingCycle cycle : values()) {
                if (cycle.code().equalsIgnoreCase(code.trim())) {
                    return cycle;
                }
            }
        }
        throw new InvalidCatalogValue(field, "must be one of monthly, quarterly, yearly, was " + Tier.quoted(code));
    }
}
