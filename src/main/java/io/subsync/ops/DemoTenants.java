package io.subsync.ops;

import io.subsync.access.Provenance;
import io.subsync.catalog.Catalog;
import io.subsync.catalog.Plan;
import io.subsync.linking.LinkAccount;
import io.subsync.sync.PlanMapping;
import io.subsync.sync.mapping.MapServicePlans;
import io.subsync.tenancy.OpenTenant;
import io.subsync.tenancy.TenantDraft;
import io.subsync.tenancy.TenantId;
import io.subsync.tenancy.Tenants;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The demo's sample tenants, loaded once (fixed ids, so a restart finds them instead of adding more). */
@Component
public class DemoTenants {
    private final OpenTenant openTenant;
    private final Tenants tenants;
    private final Catalog catalog;
    private final MapServicePlans mappings;
    private final LinkAccount linkAccount;

    DemoTenants(
            OpenTenant openTenant,
            Tenants tenants,
            Catalog catalog,
            MapServicePlans mappings,
            LinkAccount linkAccount) {
        this.openTenant = openTenant;
        this.tenants = tenants;
        this.catalog = catalog;
        this.mappings = mappings;
        this.linkAccount = linkAccount;
    }

    /** A sample tenant and its owner. */
    public record Sample(
            UUID tenantId,
            String name,
            String plan,
            UUID ownerUserId,
            String email,
            Map<String, Boolean> products,
            String description) {
        /** The owner's account at Master in the demo (the simulator). */
        public UUID masterUserId() {
            return UUID.nameUUIDFromBytes(("master-" + ownerUserId).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static final List<Sample> SAMPLES = List.of(
            new Sample(
                    UUID.fromString("0d7b3d6e-1a1e-4c55-9c1e-00000000a001"),
                    "Acme Lending",
                    "pro",
                    UUID.fromString("5f0c6a4e-2b2f-4d66-8d2f-00000000b001"),
                    "owner@acme.example",
                    Map.of("pawnshop", true, "money_loan", true),
                    "Pro with Pawnshop and Money Loan: 3 cards"),
            new Sample(
                    UUID.fromString("0d7b3d6e-1a1e-4c55-9c1e-00000000a002"),
                    "Bazaar Pay",
                    "starter",
                    UUID.fromString("5f0c6a4e-2b2f-4d66-8d2f-00000000b002"),
                    "owner@bazaar.example",
                    Map.of("bnpl", true),
                    "Starter with BNPL: 2 cards"),
            new Sample(
                    UUID.fromString("0d7b3d6e-1a1e-4c55-9c1e-00000000a003"),
                    "Corner Pawn",
                    "trial",
                    UUID.fromString("5f0c6a4e-2b2f-4d66-8d2f-00000000b003"),
                    "owner@corner.example",
                    Map.of("pawnshop", true),
                    "Trial with Pawnshop: no trial product plan, so Starter by tier fallback"));

    /**
     * Maps every catalogue plan to Master (service = product code, plan = tier) and the seed's example service,
     * links the first two owners to Master accounts (the third stays unlinked), then opens the tenants.
     */
    public List<Sample> load() {
        for (Plan plan : catalog.plans()) {
            mappings.map(new PlanMapping(
                    plan.productType().value(),
                    plan.tier().code(),
                    "mvp-" + plan.productType().value().replace('_', '-'),
                    plan.tier().code(),
                    plan.features()));
        }
        mappings.map(new PlanMapping("bazi-consultation", "BASIC", "svc-bazi", "basic", List.of("monthly reading")));
        mappings.map(new PlanMapping(
                "bazi-consultation", "PREMIUM", "svc-bazi", "premium", List.of("monthly reading", "live session")));
        for (Sample sample : SAMPLES.subList(0, 2)) {
            linkAccount.link(sample.ownerUserId(), sample.masterUserId(), Provenance.of("demo"));
        }
        for (Sample sample : SAMPLES) {
            if (tenants.find(new TenantId(sample.tenantId())).isEmpty()) {
                openTenant.open(
                        new TenantDraft(
                                sample.tenantId(),
                                sample.name(),
                                sample.plan(),
                                sample.ownerUserId(),
                                sample.products()),
                        "demo");
            }
        }
        return SAMPLES;
    }
}
