package io.subsync.tenancy.web;

import io.subsync.catalog.BillingCycle;
import io.subsync.tenancy.domain.ChangePreview;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** The confirmation step of a change, as its fragment prints it: a question, each price old → new, the totals. */
record ChangeConfirmation(
        String question, String explanation, List<Row> rows, List<String> totals, boolean changesNothing) {

    /** One subscription: what it is now and what it will be, ready to print. */
    record Row(String badge, String product, String now, String after, String note) {}

    static ChangeConfirmation of(String question, String explanation, ChangePreview preview) {
        List<Row> rows = preview.lines().stream()
                .map(line -> new Row(
                        line.badge(),
                        line.productName(),
                        side(line.from(), "not subscribed"),
                        side(
                                line.to(),
                                line.from().isPresent() ? "cancelled: this price stops" : "nothing to subscribe"),
                        line.note()))
                .toList();
        List<String> totals = preview.totals().stream()
                .map(total -> capitalized(SubscriptionCard.cycle(total.cycle().code())) + ": "
                        + SubscriptionCard.price(total.before(), total.currency()) + " → "
                        + SubscriptionCard.price(total.after(), total.currency()) + " ("
                        + signed(total.difference(), total.currency()) + ")")
                .toList();
        return new ChangeConfirmation(question, explanation, rows, totals, preview.changesNothing());
    }

    private static String side(Optional<ChangePreview.Priced> priced, String none) {
        return priced.map(p -> p.planName() + " · "
                        + price(
                                p.price().amount(),
                                p.price().currency(),
                                p.price().cycle()))
                .orElse(none);
    }

    private static String price(BigDecimal amount, String currency, BillingCycle cycle) {
        return SubscriptionCard.price(amount, currency) + " " + SubscriptionCard.cycle(cycle.code());
    }

    private static String signed(BigDecimal amount, String currency) {
        return (amount.signum() < 0 ? "−" : "+") + SubscriptionCard.price(amount.abs(), currency);
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
