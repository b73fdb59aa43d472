package io.subsync.tenancy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.subsync.catalog.BillingCycle;
import io.subsync.catalog.DisablePolicy;
import io.subsync.catalog.Plan;
import io.subsync.catalog.Product;
import io.subsync.catalog.ProductCode;
import io.subsync.catalog.Tier;
import io.subsync.tenancy.TenantId;
import io.subsync.tenancy.domain.ChangePreview.Line;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The confirmation's prices: which subscriptions a change moves, to which plan, and what they add up to. */
class ChangePricingTest {
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
    private static final ProductCode PLATFORM = ProductCode.PLATFORM;
    private static final ProductCode PAWNSHOP = new ProductCode("pawnshop");
    private static final ProductCode BNPL = new ProductCode("bnpl");
    private static final ProductCode LOANS = new ProductCode("money_loan");

    private final List<Plan> plans = new ArrayList<>(List.of(
            plan(PLATFORM, Tier.STARTER, "Starter", "29.00"),
            plan(PLATFORM, Tier.PRO, "Pro", "99.00"),
            plan(PLATFORM, Tier.ENTERPRISE, "Enterprise", "299.00"),
            plan(PAWNSHOP, Tier.STARTER, "Pawnshop - Starter", "45.00"),
            plan(PAWNSHOP, Tier.PRO, "Pawnshop - Pro", "119.00"),
            plan(BNPL, Tier.STARTER, "BNPL - Starter", "39.00"),
            plan(BNPL, Tier.PRO, "BNPL - Pro", "109.00"),
            plan(LOANS, Tier.PRO, "Money Loan - Pro", "129.00")));
    private final List<Product> products = List.of(
            product(PLATFORM, "Platform", DisablePolicy.KEEP),
            product(PAWNSHOP, "Pawnshop", DisablePolicy.KEEP),
            product(BNPL, "BNPL", DisablePolicy.CANCEL),
            product(LOANS, "Money Loan", DisablePolicy.KEEP));

    @Test
    void aTierChangeMovesEverySubscriptionAndFallsBackToStarterWhereTheProductHasNoPlanAtTheTier() {
        ChangePricing pricing = new ChangePricing(products, plans);
        Tenant tenant = tenant(Tier.PRO, Map.of(PAWNSHOP, true));

        ChangePreview preview = pricing.tier(
                tenant,
                Tier.ENTERPRISE,
                List.of(on(PLATFORM, "Pro", "99.00"), on(PAWNSHOP, "Pawnshop - Pro", "119.00")));

        assertThat(preview.lines())
                .extracting(ChangePricingTest::shown)
                .containsExactly(
                        "Platform: Pro 99.00 → Enterprise 299.00 ",
                        "Pawnshop: Pawnshop - Pro 119.00 → Pawnshop - Starter 45.00 no enterprise plan for this product: Starter");
        ChangePreview.Total total = preview.totals().get(0);
        assertThat(total.before()).isEqualByComparingTo("218.00");
        assertThat(total.after()).isEqualByComparingTo("344.00");
        assertThat(total.difference()).isEqualByComparingTo("126.00");
    }

    @Test
    void aSubscriptionAlreadyOnItsPlanDoesNotMoveAndAHiddenKeptOneDoesAndSaysSo() {
        ChangePricing pricing = new ChangePricing(products, plans);
        Tenant tenant = tenant(Tier.PRO, Map.of(PAWNSHOP, false));

        ChangePreview preview = pricing.tier(
                tenant,
                Tier.STARTER,
                List.of(
                        on(PLATFORM, "Pro", "99.00"),
                        on(PAWNSHOP, "Pawnshop - Pro", "119.00"),
                        subscription(BNPL, "BNPL - Starter", "39.00", true, planOf(BNPL, Tier.STARTER))));

        assertThat(preview.lines()).extracting(Line::product).containsExactly("platform", "pawnshop");
        assertThat(preview.lines().get(1).note()).isEqualTo("switched off, kept active");
    }

    @Test
    void totalsAreKeptApartPerCurrencyAndBillingCycle() {
        plans.add(new Plan(
                UUID.randomUUID(),
                PAWNSHOP,
                Tier.ENTERPRISE,
                "Pawnshop - Enterprise",
                new BigDecimal("1000.00"),
                "EUR",
                BillingCycle.YEARLY,
                List.of(),
                AT));
        ChangePricing pricing = new ChangePricing(products, plans);

        ChangePreview preview = pricing.tier(
                tenant(Tier.PRO, Map.of(PAWNSHOP, true)),
                Tier.ENTERPRISE,
                List.of(on(PLATFORM, "Pro", "99.00"), on(PAWNSHOP, "Pawnshop - Pro", "119.00")));

        assertThat(preview.totals())
                .extracting(t -> t.currency() + " " + t.cycle().code() + " " + t.before() + " → " + t.after())
                .containsExactly("USD monthly 218.00 → 299.00", "EUR yearly 0 → 1000.00");
    }

    @Test
    void switchingOnStartsAtTheTenantsTierOrReactivatesWithTheOldPriceWhenItsPlanIsTheSame() {
        ChangePricing pricing = new ChangePricing(products, plans);
        Tenant tenant = tenant(Tier.PRO, Map.of());

        assertThat(pricing.switchOn(tenant, LOANS, List.of()).lines())
                .extracting(ChangePricingTest::shown)
                .containsExactly("Money Loan: - → Money Loan - Pro 129.00 ");
        CurrentSubscription cancelledAtOldPrice =
                subscription(PAWNSHOP, "Pawnshop - Pro", "99.00", false, planOf(PAWNSHOP, Tier.PRO));
        ChangePreview reactivated = pricing.switchOn(tenant, PAWNSHOP, List.of(cancelledAtOldPrice));
        assertThat(reactivated.lines())
                .extracting(ChangePricingTest::shown)
                .containsExactly("Pawnshop: - → Pawnshop - Pro 99.00 "
                        + "reactivates the subscription cancelled when it was switched off");
        assertThat(reactivated.totals().get(0).difference()).isEqualByComparingTo("99.00");
    }

    @Test
    void switchingOffStopsThePriceOnlyUnderTheCancelPolicyAndCancellingStopsItAlways() {
        ChangePricing pricing = new ChangePricing(products, plans);
        Tenant tenant = tenant(Tier.PRO, Map.of(PAWNSHOP, true, BNPL, true));
        List<CurrentSubscription> current =
                List.of(on(PAWNSHOP, "Pawnshop - Pro", "119.00"), on(BNPL, "BNPL - Pro", "109.00"));

        assertThat(pricing.switchOff(tenant, BNPL, current).totals().get(0).after())
                .isEqualByComparingTo("0");
        ChangePreview kept = pricing.switchOff(tenant, PAWNSHOP, current);
        assertThat(kept.totals().get(0).difference()).isEqualByComparingTo("0");
        assertThat(kept.lines().get(0).note()).startsWith("this product keeps its subscription");
        ChangePreview cancelled = pricing.cancel(PAWNSHOP, current);
        assertThat(cancelled.lines())
                .extracting(ChangePricingTest::shown)
                .containsExactly("Pawnshop: Pawnshop - Pro 119.00 → - cancelled");
        assertThat(cancelled.totals().get(0).difference()).isEqualByComparingTo("-119.00");
    }

    @Test
    void onlyTiersWithAnActivePlatformPlanAreOffered() {
        ChangePricing pricing = new ChangePricing(products, plans);

        assertThat(pricing.platformPlans())
                .extracting(Plan::tier)
                .containsExactly(Tier.STARTER, Tier.PRO, Tier.ENTERPRISE);
        assertThat(pricing.offeredTier("plan", "Enterprise")).isEqualTo(Tier.ENTERPRISE);
        assertThatThrownBy(() -> pricing.offeredTier("plan", "trial"))
                .isInstanceOfSatisfying(
                        InvalidTenantValue.class, e -> assertThat(e.field()).isEqualTo("plan"))
                .hasMessageContaining("no active platform plan for tier 'trial'");
    }

    private static String shown(Line line) {
        return line.productName() + ": " + side(line.from()) + " → " + side(line.to()) + " " + line.note();
    }

    private static String side(Optional<ChangePreview.Priced> priced) {
        return priced.map(p -> p.planName() + " " + p.price().amount()).orElse("-");
    }

    private Tenant tenant(Tier tier, Map<ProductCode, Boolean> switches) {
        return Tenant.open(TenantId.random(), "Acme", tier, Optional.empty(), switches, AT);
    }

    private CurrentSubscription on(ProductCode product, String planName, String price) {
        UUID planId = plans.stream()
                .filter(p -> p.productType().equals(product) && p.name().equals(planName))
                .findFirst()
                .orElseThrow()
                .id();
        return subscription(product, planName, price, true, planId);
    }

    private UUID planOf(ProductCode product, Tier tier) {
        return plans.stream()
                .filter(p -> p.productType().equals(product) && p.tier() == tier)
                .findFirst()
                .orElseThrow()
                .id();
    }

    private static CurrentSubscription subscription(
            ProductCode product, String planName, String price, boolean active, UUID planId) {
        return new CurrentSubscription(
                UUID.randomUUID(),
                product,
                planId,
                planName,
                new Price(new BigDecimal(price), "USD", BillingCycle.MONTHLY),
                active);
    }

    private static Plan plan(ProductCode product, Tier tier, String name, String price) {
        return new Plan(
                UUID.randomUUID(),
                product,
                tier,
                name,
                new BigDecimal(price),
                "USD",
                BillingCycle.MONTHLY,
                List.of(),
                AT);
    }

    private static Product product(ProductCode code, String name, DisablePolicy policy) {
        return new Product(code, name, "x", code.isPlatform(), policy, AT);
    }
}
