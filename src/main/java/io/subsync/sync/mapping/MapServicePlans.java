package io.subsync.sync.mapping;

import io.subsync.sync.PlanMapping;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The service plan mapping: what an MVP (service, plan) pair is at Master. */
@Service
public class MapServicePlans {
    private final PlanMappings mappings;

    MapServicePlans(PlanMappings mappings) {
        this.mappings = mappings;
    }

    /** Adds or changes a mapping; true when something changed. */
    @Transactional
    public boolean map(PlanMapping mapping) {
        return mappings.save(mapping);
    }

    /** What this pair would map to, before anything is sent. */
    public Optional<PlanMapping> resolve(String serviceName, String planCode) {
        return mappings.find(serviceName, planCode);
    }

    public List<PlanMapping> all() {
        return mappings.all();
    }
}
