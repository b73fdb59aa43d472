package io.subsync.tenancy.web;

import io.subsync.access.Caller;
import io.subsync.tenancy.ChangeOwnTenant;
import io.subsync.tenancy.ChangeTenant;
import io.subsync.tenancy.OpenTenant;
import io.subsync.tenancy.TenantDraft;
import io.subsync.tenancy.TenantId;
import io.subsync.tenancy.TenantMember;
import io.subsync.tenancy.Tenants;
import io.subsync.tenancy.domain.Tenant;
import io.subsync.tenancy.domain.UnknownTenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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

/**
 * {@code /api/tenants}: service_role opens, reads and changes tenants; a tenant's admin changes its own tenant's plan
 * and products ({@code /api/tenants/current}).
 */
@RestController
@ConditionalOnWebApplication
class TenantController {
    private final OpenTenant openTenant;
    private final ChangeTenant changeTenant;
    private final Tenants tenants;

    private final ChangeOwnTenant changeOwnTenant;

    TenantController(
            OpenTenant openTenant, ChangeTenant changeTenant, ChangeOwnTenant changeOwnTenant, Tenants tenants) {
        this.openTenant = openTenant;
        this.changeTenant = changeTenant;
        this.changeOwnTenant = changeOwnTenant;
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

    @PatchMapping("/api/tenants/current")
    @Operation(
            summary = "A tenant admin changes the own tenant's plan and products",
            description = "For a user whose token carries tenant_role \"admin\" (top level or in app_metadata) next to"
                    + " tenant_id. Takes plan (a tier the catalogue has an active platform plan for) and products"
                    + " ({\"pawnshop\": true, ...}; only the products named change), with the same rules, history"
                    + " and sync to Master as PATCH /api/tenants/{id}. name and ownerUserId are refused (422 naming"
                    + " the field): they are the service's to change.")
    @ApiResponse(responseCode = "200", description = "the tenant after the change")
    @ApiResponse(
            responseCode = "403",
            description = "the caller is not the tenant's admin, or the token names no tenant",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "422",
            description = "an unknown or unoffered tier, an unknown product, or a field a tenant admin may not change",
            content = @Content(mediaType = "application/problem+json"))
    TenantView changeOwn(@RequestBody TenantChangeBody body, @AuthenticationPrincipal Jwt jwt) {
        Caller caller = Caller.of(jwt);
        return TenantView.of(changeOwnTenant.change(
                TenantMember.of(caller.tenantId(), caller.actor(), caller.tenantAdmin()),
                body.name(),
                body.plan(),
                body.ownerUserId(),
                body.products()));
    }
}
