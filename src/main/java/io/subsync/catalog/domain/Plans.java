package io.subsync.catalog.domain;

import io.subsync.catalog.Plan;
import java.util.List;

/** The plans of the catalogue. */
public interface Plans {
    List<Plan> all();

    /** Adds a plan; throws {@link CatalogConflict} when the product already has an active plan at that tier. */
    void add(Plan plan);
}
