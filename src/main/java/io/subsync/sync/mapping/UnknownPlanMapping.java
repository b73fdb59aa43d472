package io.subsync.sync.mapping;

/** No {@code service_plan_mapping} row for this (service name, plan code) pair. */
public class UnknownPlanMapping extends RuntimeException {
    public UnknownPlanMapping(String serviceName, String planCode) {
        super("no service_plan_mapping for (service '" + serviceName + "', plan '" + planCode + "')");
    }
}
