package io.subsync.sync.health.web;

import io.subsync.problems.PageController;
import io.subsync.sync.health.SyncHealth;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin page's sync health (service_role only, as every {@code /admin} path), as an htmx fragment: tiles and
 * charts of the figures of {@code GET /api/sync/health}. It reloads itself on the {@code sync-retried} event.
 */
@PageController
@ConditionalOnWebApplication
class HealthFragments {
    private final SyncHealth health;
    private final JsonMapper json;

    HealthFragments(SyncHealth health, JsonMapper json) {
        this.health = health;
        this.json = json;
    }

    @GetMapping("/admin/sync/health")
    String health(Model model) {
        model.addAttribute("health", HealthPanel.of(json, health.figures(), health.deliveryLatency()));
        return "partials/sync-health :: health";
    }
}
