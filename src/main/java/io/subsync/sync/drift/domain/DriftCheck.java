package io.subsync.sync.drift.domain;

import io.subsync.sync.FieldDifference;
import io.subsync.sync.MasterSubscriptionState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Compares Master's state of a user's subscriptions with what Master last confirmed to the MVP, field by field:
 * plan tier, status, start and end date, and presence (a subscription on one side only). Cancelled subscriptions are
 * compared like any other. A difference that is exactly the MVP's own undelivered change is not drift: Master got
 * it, and its confirmation is still on its way.
 *
 * <p>Master is also compared with the MVP's desired state when nothing of the MVP's is on its way: Master may hold
 * exactly what it confirmed and still lack an accepted change (one lost between an attempt that failed and the row
 * that superseded it, or from any future cause). That gap is {@code BEHIND}, whatever Master confirmed.
 */
public final class DriftCheck {
    private DriftCheck() {}

    /**
     * @param tracked       the MVP's subscriptions of the user
     * @param master        Master's subscriptions of the user (all of them, cancelled ones included)
     * @param serviceNameOf the MVP service name of a Master service id, for subscriptions only Master holds
     */
    public static List<SubscriptionComparison> compare(
            List<TrackedSubscription> tracked,
            List<MasterSubscriptionState> master,
            Function<String, String> serviceNameOf) {
        List<SubscriptionComparison> comparisons = new ArrayList<>();
        Set<String> claimed = new HashSet<>();
        for (TrackedSubscription subscription : tracked) {
            Optional<String> serviceId = subscription.masterServiceId();
            serviceId.ifPresent(claimed::add);
            Optional<MasterSubscriptionState> atMaster = serviceId.flatMap(id -> find(master, id));
            if (subscription.inFlight()) {
                comparisons.add(new SubscriptionComparison(
                        subscription.serviceName(),
                        serviceId.orElse(null),
                        SubscriptionComparison.Outcome.IN_FLIGHT,
                        List.of(),
                        subscription.confirmed(),
                        atMaster,
                        true));
                continue;
            }
            comparisons.add(compare(subscription, serviceId.orElse(null), atMaster));
        }
        for (MasterSubscriptionState only : master) {
            if (claimed.add(only.serviceId())) {
                comparisons.add(new SubscriptionComparison(
                        serviceNameOf.apply(only.serviceId()),
                        only.serviceId(),
                        SubscriptionComparison.Outcome.DRIFTED,
                        differences(Optional.empty(), Optional.of(only), false),
                        Optional.empty(),
                        Optional.of(only),
                        false));
            }
        }
        return comparisons;
    }

    private static SubscriptionComparison compare(
            TrackedSubscription subscription, String serviceId, Optional<MasterSubscriptionState> atMaster) {
        List<FieldDifference> fromConfirmed = differences(subscription.confirmed(), atMaster, false);
        // Lenient: a field the MVP leaves open (null) is Master's to choose, as a cancelled subscription's end date.
        List<FieldDifference> fromDesired =
                subscription.desired().isEmpty() ? List.of() : differences(subscription.desired(), atMaster, true);
        SubscriptionComparison.Outcome outcome;
        List<FieldDifference> differences;
        if (subscription.undelivered() && subscription.desired().isPresent() && fromDesired.isEmpty()) {
            outcome = SubscriptionComparison.Outcome.IN_STEP;
            differences = List.of();
        } else if (!fromConfirmed.isEmpty()) {
            outcome = SubscriptionComparison.Outcome.DRIFTED;
            differences = fromConfirmed;
        } else if (!subscription.undelivered() && !fromDesired.isEmpty()) {
            outcome = SubscriptionComparison.Outcome.BEHIND;
            differences = fromDesired;
        } else {
            outcome = SubscriptionComparison.Outcome.IN_STEP;
            differences = List.of();
        }
        return new SubscriptionComparison(
                subscription.serviceName(), serviceId, outcome, differences, subscription.confirmed(), atMaster, true);
    }

    /**
     * The fields in which {@code master} differs from {@code expected}. {@code lenient}: a field the expected state
     * leaves open (null) is not compared, as when Master chooses a cancelled subscription's end date.
     */
    static List<FieldDifference> differences(
            Optional<MasterSubscriptionState> expected, Optional<MasterSubscriptionState> master, boolean lenient) {
        if (expected.isEmpty() && master.isEmpty()) {
            return List.of();
        }
        if (expected.isEmpty() || master.isEmpty()) {
            return List.of(new FieldDifference("subscription", presence(expected), presence(master)));
        }
        MasterSubscriptionState e = expected.get();
        MasterSubscriptionState m = master.get();
        List<FieldDifference> differences = new ArrayList<>();
        compare(differences, "planTier", lower(e.planTier()), lower(m.planTier()), lenient);
        compare(differences, "status", lower(e.status()), lower(m.status()), lenient);
        compare(differences, "startDate", text(e.startDate()), text(m.startDate()), lenient);
        compare(differences, "endDate", text(e.endDate()), text(m.endDate()), lenient);
        return differences;
    }

    private static void compare(
            List<FieldDifference> differences, String field, String expected, String master, boolean lenient) {
        if (lenient && expected == null) {
            return;
        }
        if (!Objects.equals(expected, master)) {
            differences.add(new FieldDifference(field, expected, master));
        }
    }

    private static Optional<MasterSubscriptionState> find(List<MasterSubscriptionState> master, String serviceId) {
        return master.stream().filter(s -> serviceId.equals(s.serviceId())).findFirst();
    }

    private static String presence(Optional<MasterSubscriptionState> state) {
        return state.map(s -> "present (" + s.status() + ", " + s.planTier() + ")")
                .orElse("absent");
    }

    private static String lower(String value) {
        return value == null || value.isBlank() ? null : value.trim().toLowerCase(Locale.ROOT);
    }

    private static String text(Instant value) {
        return value == null ? null : value.toString();
    }
}
