package io.subsync.sync.health.web;

import io.subsync.sync.health.SyncHealth;
import io.subsync.sync.health.SyncHealthFigures;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/sync/health}: the sync health figures (service_role). */
@RestController
@ConditionalOnWebApplication
class HealthApiController {
    private final SyncHealth health;

    HealthApiController(SyncHealth health) {
        this.health = health;
    }

    @GetMapping("/api/sync/health")
    SyncHealthFigures health() {
        return health.figures();
    }
}
