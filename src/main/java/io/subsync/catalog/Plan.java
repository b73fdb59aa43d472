package io.subsync.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** A plan of the catalogue: a platform plan or a product plan at one tier. */
public record Plan(
        UUID id,
        ProductCode productType,
        Tier tier,
        String name,
        BigDecimal price,
        String currency,
        BillingCycle billingCycle,
        List<String> features,
        Instant createdAt) {

    public Plan {
        features = List.copyOf(features);
    }

    /** Checks a new plan's fields and gives it an id. */
    public static Plan define(
            UUID id,
            String productType,
            String tier,
            String name,
            String price,
            String currency,
            String billingCycle,
            List<String> features,
            Instant at) {
        ProductCode product = ProductCode.parse("productType", productType);
        Tier planTier = Tier.fromCode("tier", tier);
        String trimmedName = name == null ? "" : name.trim();
        if (trimmedName.isEmpty() || trimmedName.length() > 200) {
            throw new InvalidCatalogValue("name", "must be 1-200 characters");
        }
        return new Plan(
                id,
                product,
                planTier,
                trimmedName,
                parsePrice(price),
                parseCurrency(currency),
                BillingCycle.fromCode("billingCycle", billingCycle),
                checkFeatures(features),
                at);
    }

    private static BigDecimal parsePrice(String price) {
        BigDecimal value;
        try {
            value = new BigDecimal(price == null ? "" : price.trim());
        } catch (NumberFormatException e) {
            throw new InvalidCatalogValue(
                    "price", "must be a decimal string such as \"49.99\", was " + Tier.quoted(price));
        }
        if (value.signum() < 0 || value.scale() > 2 || value.precision() - value.scale() > 10) {
            throw new InvalidCatalogValue("price", "must be between 0 and 9999999999.99 with at most 2 decimals");
        }
        return value.setScale(2);
    }

    private static String parseCurrency(String currency) {
        String code = currency == null ? "" : currency.trim().toUpperCase(Locale.ROOT);
        try {
            return Currency.getInstance(code).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw new InvalidCatalogValue(
                    "currency", "must be an ISO 4217 code such as USD, was " + Tier.quoted(currency));
        }
    }

    private static List<String> checkFeatures(List<String> features) {
        if (features == null) {
            return List.of();
        }
        for (int i = 0; i < features.size(); i++) {
            String feature = features.get(i);
            if (feature == null || feature.isBlank() || feature.length() > 200) {
                throw new InvalidCatalogValue("features[" + i + "]", "must be 1-200 characters");
            }
        }
        return features;
    }
}
