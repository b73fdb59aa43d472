package io.subsync.ops;

import io.subsync.tenancy.OpenTenant;
import io.subsync.tenancy.TenantDraft;
import io.subsync.tenancy.domain.TenantId;
import io.subsync.tenancy.domain.Tenants;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The demo's sample tenants, loaded once (fixed ids, so a restart finds them instead of adding more). */
@Component
public class DemoTenants {
    private final OpenTenant openTenant;
    private final Tenants tenants;

    DemoTenants(OpenTenant openTenant, Tenants tenants) {
        this.openTenant = openTenant;
        this.tenants = tenants;
    }

    /** A sample tenant and its owner. */
    public record Sample(UUID tenantId, String name, String plan, UUID ownerUserId, String email,
                         Map<String, Boolean> products, String description) { }

    private static final List<Sample> SAMPLES = List.of(
            new Sample(UUID.fromString("0d7b3d6e-1a1e-4c55-9c1e-00000000a001"), "Acme Lending", "pro",
                    UUID.fromString("5f0c6a4e-2b2f-4d66-8d2f-00000000b001"), "owner@acme.example",
                    Map.of("pawnshop", true, "money_loan", true), "Pro with Pawnshop and Money Loan: 3 cards"),
            new Sample(UUID.fromString("0d7b3d6e-1a1e-4c55-9c1e-00000000a002"), "Bazaar Pay", "starter",
                    UUID.fromString("5f0c6a4e-2b2f-4d66-8d2f-00000000b002"), "owner@bazaar.example",
                    Map.of("bnpl", true), "Starter with BNPL: 2 cards"),
            new Sample(UUID.fromString("0d7b3d6e-1a1e-4c55-9c1e-00000000a003"), "Corner Pawn", "trial",
                    UUID.fromString("5f0c6a4e-2b2f-4d66-8d2f-00000000b003"), "owner@corner.example",
                    Map.of("pawnshop", true), "Trial with Pawnshop: no trial product plan, so Starter by tier fallback"));

    public List<Sample> load() {
        for (Sample sample : SAMPLES) {
            if (tenants.find(new TenantId(sample.tenantId())).isEmpty()) {
                openTenant.open(new TenantDraft(sample.tenantId(), sample.name(), sample.plan(), sample.ownerUserId(),
                        sample.products()), "demo");
            }
        }
        return SAMPLES;
    }
}
