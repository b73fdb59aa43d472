package io.subsync.catalog;

import java.time.Instant;

/** A product tenants can switch on and off (or the platform itself), as held in the catalogue. */
public record Product(
        ProductCode code, String name, String badge, boolean platform, DisablePolicy disablePolicy, Instant createdAt) {

    /** Checks a new product's fields; the platform row is seeded, never created through here. */
    public static Product define(String code, String name, String badge, String disablePolicy, Instant at) {
        ProductCode productCode = ProductCode.parse("code", code);
        if (productCode.isPlatform()) {
            throw new InvalidCatalogValue("code", "'platform' is reserved for the platform plans");
        }
        String trimmedName = name == null ? "" : name.trim();
        if (trimmedName.isEmpty() || trimmedName.length() > 100) {
            throw new InvalidCatalogValue("name", "must be 1-100 characters");
        }
        String trimmedBadge = badge == null ? "" : badge.trim();
        if (trimmedBadge.isEmpty() || trimmedBadge.length() > 16) {
            throw new InvalidCatalogValue("badge", "must be 1-16 characters, e.g. an emoji");
        }
        return new Product(
                productCode,
                trimmedName,
                trimmedBadge,
                false,
                DisablePolicy.fromCode("disablePolicy", disablePolicy),
                at);
    }
}
