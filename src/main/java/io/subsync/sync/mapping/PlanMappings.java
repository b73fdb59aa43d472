package io.subsync.sync.mapping;

import io.subsync.sync.PlanMapping;
import java.util.List;
import java.util.Optional;

/** The service plan mapping ({@code service_plan_mapping}), matched case-insensitively. */
public interface PlanMappings {
    Optional<PlanMapping> find(String serviceName, String planCode);

    List<PlanMapping> all();

    /** Adds or changes the mapping of a pair; true when something changed. */
    boolean save(PlanMapping mapping);
}
