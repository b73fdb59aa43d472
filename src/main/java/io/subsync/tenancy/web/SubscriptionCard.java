package io.subsync.tenancy.web;

import io.subsync.tenancy.domain.SubscriptionView;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** A subscription as its card on the tenant's page shows it: texts ready to print, nothing to compute in the view. */
record SubscriptionCard(
        UUID id,
        String productType,
        String badge,
        String productName,
        String planName,
        String tier,
        String price,
        String cycle,
        List<String> features,
        String since,
        String origin) {
    static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    static SubscriptionCard of(SubscriptionView v) {
        return new SubscriptionCard(
                v.id(),
                v.productType(),
                v.badge(),
                v.productName(),
                v.planName(),
                v.tier(),
                price(v.price(), v.currency()),
                cycle(v.billingCycle()),
                v.features(),
                DAY.format(v.startedAt()),
                v.autoCreated()
                        ? "auto-created (" + v.createdReason() + ")"
                        : "added manually (" + v.createdReason() + ")");
    }

    static String price(BigDecimal amount, String currency) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        try {
            format.setCurrency(Currency.getInstance(currency));
        } catch (IllegalArgumentException e) {
            return amount.toPlainString() + " " + currency;
        }
        return format.format(amount);
    }

    static String cycle(String billingCycle) {
        return switch (billingCycle) {
            case "monthly" -> "per month";
            case "quarterly" -> "per quarter";
            case "yearly" -> "per year";
            default -> billingCycle;
        };
    }

    static String when(Instant at) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ENGLISH)
                .withZone(ZoneOffset.UTC)
                .format(at);
    }
}
