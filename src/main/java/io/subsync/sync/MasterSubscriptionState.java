package io.subsync.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Master's view of one subscription: Master's account, Master's service and tier, and Master's version of it
 * (growing by one with every change Master makes, from whichever side).
 */
public record MasterSubscriptionState(
        UUID masterUserId,
        String serviceId,
        String planTier,
        String status,
        Instant startDate,
        Instant endDate,
        long version) {
    public MasterSubscriptionState {
        Objects.requireNonNull(masterUserId, "masterUserId");
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(planTier, "planTier");
        Objects.requireNonNull(status, "status");
    }

    /** Is this a later version than the one already applied (none applied: yes)? */
    public boolean newerThan(Optional<Long> appliedVersion) {
        return appliedVersion.isEmpty() || version > appliedVersion.get();
    }

    /**
     * The MVP (service, plan) this state maps back to, from the mappings of Master's (serviceId, planTier): the only
     * one, or, when several MVP pairs share Master's pair, the one of a service the user already has. Empty when
     * none fits or it stays ambiguous.
     */
    public Optional<PlanMapping> mappedBy(List<PlanMapping> candidates, Collection<String> servicesOfUser) {
        if (candidates.size() == 1) {
            return Optional.of(candidates.get(0));
        }
        List<PlanMapping> ofUser = candidates.stream()
                .filter(m -> servicesOfUser.stream().anyMatch(s -> s.equalsIgnoreCase(m.serviceName())))
                .toList();
        return ofUser.size() == 1 ? Optional.of(ofUser.get(0)) : Optional.empty();
    }

    /** The fields of the MVP state that differ from this one, given the MVP plan code this state maps to. */
    public List<String> differencesFrom(DesiredState mvp, String mappedPlanCode) {
        return valuesDifferingFrom(mvp, mappedPlanCode).stream()
                .map(FieldDifference::field)
                .toList();
    }

    /**
     * The fields of the MVP state that differ from this one with both values: the MVP's desired value (in
     * {@code confirmed}, the MVP's side of a difference) and this state's ({@code master}; a plan as the MVP plan code
     * it maps to).
     */
    public List<FieldDifference> valuesDifferingFrom(DesiredState mvp, String mappedPlanCode) {
        List<FieldDifference> fields = new ArrayList<>();
        if (!mvp.planCode().equalsIgnoreCase(mappedPlanCode)) {
            fields.add(new FieldDifference("planCode", mvp.planCode(), mappedPlanCode));
        }
        if (!mvp.status().equalsIgnoreCase(status)) {
            fields.add(new FieldDifference("status", mvp.status(), status));
        }
        if (!Objects.equals(mvp.startDate(), startDate)) {
            fields.add(new FieldDifference("startDate", text(mvp.startDate()), text(startDate)));
        }
        if (!Objects.equals(mvp.endDate(), endDate)) {
            fields.add(new FieldDifference("endDate", text(mvp.endDate()), text(endDate)));
        }
        return List.copyOf(fields);
    }

    /** Master's state as the audit log and {@code master_data} keep it. */
    public Map<String, Object> snapshot() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("userId", masterUserId.toString());
        data.put("serviceId", serviceId);
        data.put("planTier", planTier);
        data.put("status", status);
        data.put("startDate", startDate == null ? null : startDate.toString());
        data.put("endDate", endDate == null ? null : endDate.toString());
        data.put("version", version);
        return data;
    }

    /** The state kept by {@link #snapshot()}, read back; empty when the map is not one. */
    public static Optional<MasterSubscriptionState> fromSnapshot(Map<String, Object> data) {
        if (data == null
                || data.get("userId") == null
                || data.get("serviceId") == null
                || data.get("planTier") == null
                || data.get("status") == null
                || !(data.get("version") instanceof Number version)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new MasterSubscriptionState(
                    UUID.fromString(data.get("userId").toString()),
                    data.get("serviceId").toString(),
                    data.get("planTier").toString(),
                    data.get("status").toString(),
                    instant(data.get("startDate")),
                    instant(data.get("endDate")),
                    version.longValue()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String text(Instant value) {
        return value == null ? null : value.toString();
    }

    private static Instant instant(Object value) {
        return value == null ? null : Instant.parse(value.toString());
    }
}
