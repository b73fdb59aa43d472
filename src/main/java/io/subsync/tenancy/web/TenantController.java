package io.subsync.tenancy.web;

import io.subsync.access.Caller;
import io.subsync.tenancy.ChangeTenant;
import io.subsync.tenancy.OpenTenant;
import io.subsync.tenancy.TenantDraft;
import io.subsync.tenancy.TenantId;
import io.subsync.tenancy.Tenants;
import io.subsync.tenancy.domain.Tenant;
import io.subsync.tenancy.domain.UnknownTenant;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/tenants}: service_role opens, reads and changes tenants. */
@RestController
@ConditionalOnWebApplication
class TenantController {
    private final OpenTenant openTenant;
    private final ChangeTenant changeTenant;
    private final Tenants tenants;

    TenantController(OpenTenant openTenant, ChangeTenant changeTenant, Tenants tenants) {
        this.openTenant = openTenant;
        this.changeTenant = changeTenant;
        this.tenants = tenants;
    }

    record NewTenantBody(UUID id, String name, String plan, UUID ownerUserId, Map<String, Boolean> products) {}

    record TenantChangeBody(String name, String plan, UUID ownerUserId, Map<String, Boolean> products) {}

    record TenantView(
            UUID id,
            String name,
            String plan,
            UUID ownerUserId,
            Map<String, Boolean> products,
            Instant createdAt,
            Instant updatedAt) {
        static TenantView of(Tenant tenant) {
            Map<String, Boolean> products = new LinkedHashMap<>();
            tenant.products().forEach((code, enabled) -> products.put(code.value(), enabled));
            return new TenantView(
                    tenant.id().value(),
                    tenant.name(),
                    tenant.plan().code(),
                    tenant.ownerUserId().orElse(null),
                    products,
                    tenant.createdAt(),
                    tenant.updatedAt());
        }
    }

    @PostMapping("/api/tenants")
    @ResponseStatus(HttpStatus.CREATED)
    TenantView open(@RequestBody NewTenantBody body, @AuthenticationPrincipal Jwt jwt) {
        return TenantView.of(openTenant.open(
                new TenantDraft(body.id(), body.name(), body.plan(), body.ownerUserId(), body.products()),
                Caller.of(jwt).actor()));
    }

    @GetMapping("/api/tenants/{id}")
    TenantView read(@PathVariable UUID id) {
        TenantId tenantId = new TenantId(id);
        return TenantView.of(tenants.find(tenantId).orElseThrow(() -> new UnknownTenant(tenantId)));
    }

    @PatchMapping("/api/tenants/{id}")
    TenantView change(@PathVariable UUID id, @RequestBody TenantChangeBody body, @AuthenticationPrincipal Jwt jwt) {
        return TenantView.of(changeTenant.change(
                new TenantId(id),
                body.name(),
                body.plan(),
                body.ownerUserId(),
                body.products(),
                Caller.of(jwt).actor()));
    }
}
