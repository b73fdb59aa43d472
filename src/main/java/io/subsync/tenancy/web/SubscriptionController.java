package io.subsync.tenancy.web;

import io.subsync.access.Caller;
import io.subsync.tenancy.ListSubscriptions;
import io.subsync.tenancy.TenantId;
import io.subsync.tenancy.domain.NoTenantInToken;
import io.subsync.tenancy.domain.SubscriptionView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A tenant's active subscriptions: the caller's own tenant, or any tenant for service_role. */
@RestController
@ConditionalOnWebApplication
class SubscriptionController {
    private final ListSubscriptions listSubscriptions;

    SubscriptionController(ListSubscriptions listSubscriptions) {
        this.listSubscriptions = listSubscriptions;
    }

    record SubscriptionsView(UUID tenantId, List<Item> subscriptions) {}

    record Item(
            UUID id,
            String productType,
            String productName,
            String badge,
            UUID planId,
            String planName,
            String tier,
            String status,
            String price,
            String currency,
            String billingCycle,
            List<String> features,
            Instant startedAt,
            boolean autoCreated,
            String createdReason) {
        static Item of(SubscriptionView v) {
            return new Item(
                    v.id(),
                    v.productType(),
                    v.productName(),
                    v.badge(),
                    v.planId(),
                    v.planName(),
                    v.tier(),
                    v.status(),
                    v.price().toPlainString(),
                    v.currency(),
                    v.billingCycle(),
                    v.features(),
                    v.startedAt(),
                    v.autoCreated(),
                    v.createdReason());
        }
    }

    @GetMapping("/api/tenants/current/subscriptions")
    SubscriptionsView current(@AuthenticationPrincipal Jwt jwt) {
        Caller caller = Caller.of(jwt);
        UUID tenant = caller.tenantId().orElseThrow(NoTenantInToken::new);
        return list(tenant, caller);
    }

    @GetMapping("/api/tenants/{id}/subscriptions")
    SubscriptionsView ofTenant(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
        return list(id, Caller.of(jwt));
    }

    private SubscriptionsView list(UUID tenant, Caller caller) {
        return new SubscriptionsView(
                tenant,
                listSubscriptions.of(new TenantId(tenant), caller.actor()).stream()
                        .map(Item::of)
                        .toList());
    }
}
