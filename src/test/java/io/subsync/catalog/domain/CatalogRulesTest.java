package io.subsync.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.subsync.catalog.BillingCycle;
import io.subsync.catalog.DisablePolicy;
import io.subsync.catalog.InvalidCatalogValue;
import io.subsync.catalog.Plan;
import io.subsync.catalog.Product;
import io.subsync.catalog.ProductCode;
import io.subsync.catalog.Tier;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CatalogRulesTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void tiersAndProductCodesAreMatchedCaseInsensitively() {
        assertThat(Tier.fromCode("plan", " Pro ")).isEqualTo(Tier.PRO);
        assertThat(ProductCode.parse("code", "PawnShop")).isEqualTo(new ProductCode("pawnshop"));
    }

    @Test
    void unknownTiersNameTheFieldAndTheAllowedCodes() {
        assertThatThrownBy(() -> Tier.fromCode("plan", "platinum"))
                .isInstanceOf(InvalidCatalogValue.class)
                .hasMessageContaining("trial, starter, pro, enterprise")
                .extracting("field")
                .isEqualTo("plan");
    }

    @Test
    void productCodesAreShortLowerCaseIdentifiers() {
        assertThatThrownBy(() -> ProductCode.parse("code", "no spaces")).isInstanceOf(InvalidCatalogValue.class);
        assertThatThrownBy(() -> ProductCode.parse("code", "1st")).isInstanceOf(InvalidCatalogValue.class);
        assertThatThrownBy(() -> ProductCode.parse("code", "x".repeat(41))).isInstanceOf(InvalidCatalogValue.class);
    }

    @Test
    void platformIsReservedForThePlatformPlans() {
        assertThatThrownBy(() -> Product.define("platform", "Platform", "🌐", null, NOW))
                .isInstanceOf(InvalidCatalogValue.class)
                .extracting("field")
                .isEqualTo("code");
    }

    @Test
    void newProductsKeepTheirSubscriptionByDefault() {
        assertThat(Product.define("inventory", "Inventory", "📦", null, NOW).disablePolicy())
                .isEqualTo(DisablePolicy.KEEP);
    }

    @Test
    void planPricesAreDecimalsWithTwoPlacesAndCurrenciesAreIsoCodes() {
        Plan plan = Plan.define(
                UUID.randomUUID(),
                "inventory",
                "starter",
                "Inventory - Starter",
                "49.9",
                "usd",
                "Monthly",
                List.of("Stock levels"),
                NOW);

        assertThat(plan.price()).hasToString("49.90");
        assertThat(plan.currency()).isEqualTo("USD");
        assertThat(plan.billingCycle()).isEqualTo(BillingCycle.MONTHLY);
        assertThatThrownBy(() -> Plan.define(
                        UUID.randomUUID(), "inventory", "starter", "x", "1.999", "USD", "monthly", List.of(), NOW))
                .extracting("field")
                .isEqualTo("price");
        assertThatThrownBy(() -> Plan.define(
                        UUID.randomUUID(), "inventory", "starter", "x", "1", "XXQ", "monthly", List.of(), NOW))
                .extracting("field")
                .isEqualTo("currency");
        assertThatThrownBy(() -> Plan.define(
                        UUID.randomUUID(),
                        "inventory",
                        "starter",
                        "x",
                        "1",
                        "USD",
                        "monthly",
                        java.util.Arrays.asList("ok", " "),
                        NOW))
                .extracting("field")
                .isEqualTo("features[1]");
    }
}
