package io.subsync.sync;

import java.util.List;

/** How an MVP (service, plan) pair is known at Master. */
public record PlanMapping(
        String serviceName, String planCode, String masterServiceId, String masterPlanTier, List<String> features) {
    public PlanMapping {
        features = List.copyOf(features);
    }
}
