package io.subsync.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.support.IntegrationTest;
import io.subsync.support.Tenants;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The three scenarios of the multi-subscription seed, through HTTP. */
class SeedScenariosIntegrationTests extends IntegrationTest {
    private Tenants tenants;

    @BeforeEach
    void fixtures() {
        tenants = new Tenants(api);
    }

    @Test
    void tenantThatEnablesPawnshopSeesPlatformAndPawnshopCards() {
        UUID tenant = tenants.open("starter", Map.of());
        assertThat(tenants.productTypes(tenant)).containsExactly("platform");

        tenants.change(tenant, Map.of("products", Map.of("pawnshop", true)));

        JsonNode subscriptions = tenants.subscriptions(tenant);
        assertThat(subscriptions).hasSize(2);
        assertThat(subscriptions.get(0).get("productType").asString()).isEqualTo("platform");
        assertThat(subscriptions.get(0).get("badge").asString()).isEqualTo("🌐");
        JsonNode pawnshop = subscriptions.get(1);
        assertThat(pawnshop.get("productType").asString()).isEqualTo("pawnshop");
        assertThat(pawnshop.get("planName").asString()).isEqualTo("Pawnshop - Starter");
        assertThat(pawnshop.get("badge").asString()).isEqualTo("💎");
        assertThat(pawnshop.get("price").asString()).isEqualTo("45.00");
        assertThat(pawnshop.get("autoCreated").asBoolean()).isTrue();
        assertThat(pawnshop.get("createdReason").asString()).isEqualTo("product_enabled");
    }

    @Test
    void proTenantWithPawnshopAndMoneyLoanSeesThreeCardsAtTheProTier() {
        UUID tenant = tenants.open("pro", Map.of("pawnshop", true, "money_loan", true));

        JsonNode subscriptions = tenants.subscriptions(tenant);

        assertThat(subscriptions).hasSize(3);
        assertThat(subscriptions.valueStream().map(s -> s.get("planName").asString()))
                .containsExactly("Pro", "Money Loan - Pro", "Pawnshop - Pro");
        assertThat(subscriptions.valueStream().map(s -> s.get("tier").asString()))
                .containsOnly("pro");
    }

    @Test
    void disablingPawnshopLeavesOnlyThePlatformCard() {
        UUID tenant = tenants.open("pro", Map.of("pawnshop", true));
        assertThat(tenants.productTypes(tenant)).containsExactly("platform", "pawnshop");

        tenants.change(tenant, Map.of("products", Map.of("pawnshop", false)));

        assertThat(tenants.productTypes(tenant)).containsExactly("platform");
        // The seed's behaviour (policy keep): the subscription stays active, only hidden from the list.
        assertThat(jdbc.sql(
                                "SELECT status FROM subsync.tenant_subscriptions WHERE tenant_id = :t AND product_type = 'pawnshop'")
                        .param("t", tenant)
                        .query(String.class)
                        .list())
                .containsExactly("active");
    }
}
