package io.subsync.catalog;

import java.util.Locale;
import java.util.regex.Pattern;

/** The code of a product (e.g. {@code pawnshop}); {@code platform} names the platform plan. Lower case, matched case-insensitively. */
public record ProductCode(String value) {
    private static final Pattern FORMAT = Pattern.compile("^[a-z][a-z0-9_]{1,39}$");
    public static final ProductCode PLATFORM = new ProductCode("platform");

    public ProductCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidCatalogValue(
                    "code",
                    "must be 2-40 characters of a-z, 0-9 and _, starting with a letter, was " + Tier.quoted(value));
        }
    }

    /** Parses user input: trims and lower-cases, then checks the format against the given field name. */
    public static ProductCode parse(String field, String input) {
        String normalized = input == null ? null : input.trim().toLowerCase(Locale.ROOT);
        try {
            return new ProductCode(normalized);
        } catch (InvalidCatalogValue e) {
            throw new InvalidCatalogValue(field, e.getMessage());
        }
    }

    public boolean isPlatform() {
        return PLATFORM.equals(this);
    }

    @Override
    public String toString() {
        return value;
    }
}
