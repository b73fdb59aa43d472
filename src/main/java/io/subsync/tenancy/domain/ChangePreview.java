package io.subsync.tenancy.domain;

import io.subsync.catalog.BillingCycle;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a change of a tenant would cost, before it is made: each subscription it moves, starts or stops (old → new
 * plan and price), and what those subscriptions come to before and after, per currency and billing cycle.
 */
public record ChangePreview(List<Line> lines, List<Total> totals) {
    public ChangePreview {
        lines = List.copyOf(lines);
        totals = List.copyOf(totals);
    }

    /** The preview of these lines, with their totals. */
    public static ChangePreview of(List<Line> lines) {
        return new ChangePreview(lines, totals(lines));
    }

    public boolean changesNothing() {
        return lines.isEmpty();
    }

    /** A plan and its price, on one side of a line. */
    public record Priced(String planName, Price price) {}

    /**
     * One subscription: {@code from} empty when the change starts it, {@code to} empty when the change stops it (its
     * price stops), both the same when it stays as it is; {@code note} says why, when there is more to say.
     */
    public record Line(
            String product,
            String productName,
            String badge,
            Optional<Priced> from,
            Optional<Priced> to,
            String note) {}

    /** The lines' prices in one currency and cycle, before and after the change. */
    public record Total(String currency, BillingCycle cycle, BigDecimal before, BigDecimal after) {
        public BigDecimal difference() {
            return after.subtract(before);
        }
    }

    /**
     * Adds up each side per (currency, cycle), in the order the lines first name them: prices in different currencies
     * or cycles are never added together.
     */
    static List<Total> totals(List<Line> lines) {
        Map<String, Total> totals = new LinkedHashMap<>();
        for (Line line : lines) {
            line.from().ifPresent(from -> add(totals, from.price(), from.price().amount(), BigDecimal.ZERO));
            line.to()
                    .ifPresent(to ->
                            add(totals, to.price(), BigDecimal.ZERO, to.price().amount()));
        }
        return List.copyOf(totals.values());
    }

    private static void add(Map<String, Total> totals, Price price, BigDecimal before, BigDecimal after) {
        totals.merge(
                price.currency() + "/" + price.cycle(),
                new Total(price.currency(), price.cycle(), before, after),
                (a, b) -> new Total(
                        a.currency(),
                        a.cycle(),
                        a.before().add(b.before()),
                        a.after().add(b.after())));
    }
}
