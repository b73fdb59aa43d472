package io.subsync.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.support.Api;
import io.subsync.support.IntegrationTest;
import io.subsync.support.Tenants;
import io.subsync.support.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Auto-sync in its three places: on change, on read, and in bulk; tier matching, fallback, policies and history. */
class AutoSyncIntegrationTests extends IntegrationTest {
    private Tenants tenants;

    @Autowired
    ReconcileSubscriptions reconcile;

    @BeforeEach
    void fixtures() {
        tenants = new Tenants(api);
    }

    @Test
    void enablingAProductCreatesItsSubscriptionInTheSameTransactionSoTheReadFindsNothingToDo() {
        UUID tenant = tenants.open("enterprise", Map.of());

        tenants.change(tenant, Map.of("products", Map.of("money_loan", true)));

        assertThat(activeReasons(tenant)).containsEntry("money_loan", "product_enabled");
        tenants.subscriptions(tenant);
        assertThat(history(tenant, "money_loan"))
                .extracting(h -> h.get("change"))
                .containsExactly("created");
    }

    @Test
    void readCreatesSubscriptionsMissingForProductsSwitchedOnOutsideTheService() {
        UUID tenant = tenants.open("pro", Map.of());
        jdbc.sql(
                        "INSERT INTO subsync.tenant_products (tenant_id, product_code, enabled, changed_at) VALUES (:t, 'bnpl', TRUE, now())")
                .param("t", tenant)
                .update();

        JsonNode subscriptions = tenants.subscriptions(tenant);

        assertThat(subscriptions.valueStream().map(s -> s.get("planName").asString()))
                .containsExactly("Pro", "BNPL - Pro");
        assertThat(subscriptions.get(1).get("createdReason").asString()).isEqualTo("sync_on_read");
        assertThat(subscriptions.get(1).get("autoCreated").asBoolean()).isTrue();
        assertThat(tenants.subscriptions(tenant)).hasSize(2);
        assertThat(countActive(tenant, "bnpl")).isEqualTo(1);
    }

    @Test
    void productWithoutAPlanAtTheTenantsTierFallsBackToStarterAndSaysSo() {
        UUID tenant = tenants.open("trial", Map.of("pawnshop", true));

        JsonNode subscriptions = tenants.subscriptions(tenant);

        assertThat(subscriptions.get(0).get("planName").asString()).isEqualTo("Trial");
        JsonNode pawnshop = subscriptions.get(1);
        assertThat(pawnshop.get("planName").asString()).isEqualTo("Pawnshop - Starter");
        assertThat(pawnshop.get("createdReason").asString()).isEqualTo("tier_fallback");
        assertThat(history(tenant, "pawnshop").get(0).get("reason"))
                .isEqualTo("product_enabled, tier_fallback: no trial plan, starter used");
    }

    @Test
    void productWithNoUsablePlanIsSkippedAndReportedNeverAFailure() {
        String code = "noplan" + suffix();
        assertThat(api.post(
                                "/api/products",
                                Tokens.serviceRole(),
                                Map.of("code", code, "name", "No Plan", "badge", "🚫"))
                        .status())
                .isEqualTo(201);
        UUID tenant = tenants.open("pro", Map.of(code, true));

        assertThat(tenants.productTypes(tenant)).containsExactly("platform");
        assertThat(countActive(tenant, code)).isZero();

        api.post("/api/plans", Tokens.serviceRole(), plan(code, "pro", "No Plan - Pro"));
        assertThat(tenants.productTypes(tenant)).containsExactly("platform", code);
    }

    @Test
    void aNewProductIsOneApiCallAwayWithItsOwnBadge() {
        String code = "inventory" + suffix();
        Api.Response product = api.post(
                "/api/products",
                Tokens.serviceRole(),
                Map.of("code", code, "name", "Inventory", "badge", "📦", "disablePolicy", "keep"));
        assertThat(product.status()).as(product.toString()).isEqualTo(201);
        Api.Response plan = api.post("/api/plans", Tokens.serviceRole(), plan(code, "starter", "Inventory - Starter"));
        assertThat(plan.status()).as(plan.toString()).isEqualTo(201);
        assertThat(plan.json().get("price").asString()).isEqualTo("49.99");
        UUID tenant = tenants.open("starter", Map.of());

        tenants.change(tenant, Map.of("products", Map.of(code, true)));

        JsonNode card = tenants.subscriptions(tenant).get(1);
        assertThat(card.get("productType").asString()).isEqualTo(code);
        assertThat(card.get("badge").asString()).isEqualTo("📦");
        assertThat(card.get("planName").asString()).isEqualTo("Inventory - Starter");
        assertThat(card.get("features").get(0).asString()).isEqualTo("Stock levels");
    }

    @Test
    void cancelPolicyCancelsOnDisableAndReEnablingReactivatesTheSameSubscription() {
        String code = "cancelling" + suffix();
        api.post(
                "/api/products",
                Tokens.serviceRole(),
                Map.of("code", code, "name", "Cancelling", "badge", "✂️", "disablePolicy", "cancel"));
        api.post("/api/plans", Tokens.serviceRole(), plan(code, "starter", "Cancelling - Starter"));
        UUID tenant = tenants.open("starter", Map.of(code, true));
        UUID first =
                UUID.fromString(tenants.subscriptions(tenant).get(1).get("id").asString());

        tenants.change(tenant, Map.of("products", Map.of(code, false)));

        Map<String, Object> cancelled = jdbc.sql(
                        "SELECT status, end_reason, ended_at FROM subsync.tenant_subscriptions WHERE id = :id")
                .param("id", first)
                .query()
                .singleRow();
        assertThat(cancelled.get("status")).isEqualTo("cancelled");
        assertThat(cancelled.get("end_reason")).isEqualTo("product_disabled");
        assertThat(cancelled.get("ended_at")).isNotNull();
        assertThat(tenants.productTypes(tenant)).containsExactly("platform");

        tenants.change(tenant, Map.of("products", Map.of(code, true)));

        JsonNode again = tenants.subscriptions(tenant);
        assertThat(again).hasSize(2);
        assertThat(again.get(1).get("id").asString()).isEqualTo(first.toString());
        assertThat(history(tenant, code))
                .extracting(h -> h.get("change"))
                .containsExactly("created", "cancelled", "reactivated");
    }

    @Test
    void keepPolicyHidesOnDisableAndShowsTheSameSubscriptionOnReEnable() {
        UUID tenant = tenants.open("pro", Map.of("bnpl", true));
        String id = tenants.subscriptions(tenant).get(1).get("id").asString();

        tenants.change(tenant, Map.of("products", Map.of("bnpl", false)));
        assertThat(tenants.productTypes(tenant)).containsExactly("platform");
        tenants.change(tenant, Map.of("products", Map.of("bnpl", true)));

        assertThat(tenants.subscriptions(tenant).get(1).get("id").asString()).isEqualTo(id);
        assertThat(countAll(tenant, "bnpl")).isEqualTo(1);
    }

    @Test
    void platformPlanChangeMovesEverySubscriptionToTheMatchingTierAndRecordsIt() {
        UUID tenant = tenants.open("starter", Map.of("pawnshop", true, "money_loan", true));

        tenants.change(tenant, Map.of("plan", "Enterprise"));

        assertThat(tenants.subscriptions(tenant)
                        .valueStream()
                        .map(s -> s.get("planName").asString()))
                .containsExactly("Enterprise", "Money Loan - Enterprise", "Pawnshop - Enterprise");
        assertThat(tenants.subscriptions(tenant)
                        .valueStream()
                        .map(s -> s.get("price").asString()))
                .containsExactly("299.00", "349.00", "319.00");
        List<Map<String, Object>> pawnshop = history(tenant, "pawnshop");
        assertThat(pawnshop).extracting(h -> h.get("change")).containsExactly("created", "plan_changed");
        assertThat(pawnshop.get(1).get("reason")).isEqualTo("plan_changed");
        assertThat(pawnshop.get(1).get("actor")).isEqualTo("service_role:tests");

        tenants.change(tenant, Map.of("plan", "trial"));
        assertThat(tenants.subscriptions(tenant)
                        .valueStream()
                        .map(s -> s.get("planName").asString()))
                .containsExactly("Trial", "Money Loan - Starter", "Pawnshop - Starter");
    }

    @Test
    void bulkReconcileCreatesWhatIsMissingForEveryTenantInOnePass() {
        UUID first = tenants.open("pro", Map.of());
        UUID second = tenants.open("enterprise", Map.of());
        for (UUID tenant : List.of(first, second)) {
            jdbc.sql("""
                    INSERT INTO subsync.tenant_products (tenant_id, product_code, enabled, changed_at)
                    SELECT :t, code, TRUE, now() FROM subsync.products WHERE code IN ('bnpl', 'pawnshop')""").param("t", tenant).update();
        }

        List<ReconcileOutcome.Created> created = new ArrayList<>();
        reconcile.allTenants("tests", true, step -> created.addAll(step.chunk().created()));

        assertThat(created)
                .filteredOn(c -> List.of(first, second).contains(c.tenantId()))
                .extracting(c -> c.tenantId() + "/" + c.productType() + "/" + c.tier() + "/" + c.createdReason())
                .containsExactlyInAnyOrder(
                        first + "/bnpl/pro/reconcile",
                        first + "/pawnshop/pro/reconcile",
                        second + "/bnpl/enterprise/reconcile",
                        second + "/pawnshop/enterprise/reconcile");
        assertThat(reconcile.allTenants("tests").created()).isZero();
    }

    @Test
    void bulkReconcileOfMoreTenantsThanAStatementHasParametersWorksInCommittedChunksWithTheirHistory() {
        int many = 70_000;
        String batch = "bulk-" + UUID.randomUUID();
        // Each with an owner (unlinked), so every chunk also hands its tenants' owners to the sync that follows.
        jdbc.sql("""
                INSERT INTO subsync.tenants (id, name, plan, owner_user_id, created_at, updated_at)
                SELECT gen_random_uuid(), :batch, 'pro', gen_random_uuid(), now(), now() FROM generate_series(1, :n)""").param("batch", batch).param("n", many).update();
        jdbc.sql("""
                INSERT INTO subsync.tenant_products (tenant_id, product_code, enabled, changed_at)
                SELECT id, 'pawnshop', TRUE, now() FROM subsync.tenants WHERE name = :batch""").param("batch", batch).update();
        List<Long> chunks = new ArrayList<>();
        try {
            ReconcileTotals totals = reconcile.allTenants(
                    "tests", false, step -> chunks.add(step.soFar().created()));

            assertThat(totals.createdBy())
                    .containsEntry(new ReconcileTotals.Kind("platform", "reconcile"), (long) many)
                    .containsEntry(new ReconcileTotals.Kind("pawnshop", "reconcile"), (long) many);
            assertThat(totals.tenantsDone()).isEqualTo(totals.tenants()).isGreaterThanOrEqualTo(many);
            assertThat(chunks)
                    .as("committed chunk by chunk, the totals growing")
                    .hasSizeGreaterThanOrEqualTo(many / ReconcileSubscriptions.TENANTS_PER_CHUNK)
                    .isSorted();
            assertThat(jdbc.sql("""
                            SELECT count(*) FROM subsync.subscription_history h JOIN subsync.tenants t ON t.id = h.tenant_id
                            WHERE t.name = :batch AND h.change = 'created' AND h.actor = 'tests' AND h.reason = 'reconcile'""").param("batch", batch).query(Long.class).single())
                    .as("a history row per subscription, written per statement")
                    .isEqualTo(2L * many);
            assertThat(reconcile.allTenants("tests").created())
                    .as("a rerun finds them done")
                    .isZero();
        } finally {
            jdbc.sql("DELETE FROM subsync.tenants WHERE name = :batch")
                    .param("batch", batch)
                    .update();
        }
    }

    private static Map<String, Object> plan(String product, String tier, String name) {
        return Map.of(
                "productType",
                product,
                "tier",
                tier,
                "name",
                name,
                "price",
                "49.99",
                "currency",
                "usd",
                "billingCycle",
                "monthly",
                "features",
                List.of("Stock levels", "Reorder alerts"));
    }

    private Map<String, Object> activeReasons(UUID tenant) {
        Map<String, Object> reasons = new java.util.HashMap<>();
        jdbc.sql(
                        "SELECT product_type, created_reason FROM subsync.tenant_subscriptions WHERE tenant_id = :t AND status = 'active'")
                .param("t", tenant)
                .query()
                .listOfRows()
                .forEach(row -> reasons.put((String) row.get("product_type"), row.get("created_reason")));
        return reasons;
    }

    private List<Map<String, Object>> history(UUID tenant, String product) {
        return jdbc.sql("""
                        SELECT h.change, h.reason, h.actor FROM subsync.subscription_history h
                        JOIN subsync.tenant_subscriptions s ON s.id = h.subscription_id
                        WHERE s.tenant_id = :t AND s.product_type = :p ORDER BY h.id""").param("t", tenant).param("p", product).query().listOfRows();
    }

    private long countActive(UUID tenant, String product) {
        return jdbc.sql(
                        "SELECT count(*) FROM subsync.tenant_subscriptions WHERE tenant_id = :t AND product_type = :p AND status = 'active'")
                .param("t", tenant)
                .param("p", product)
                .query(Long.class)
                .single();
    }

    private long countAll(UUID tenant, String product) {
        return jdbc.sql("SELECT count(*) FROM subsync.tenant_subscriptions WHERE tenant_id = :t AND product_type = :p")
                .param("t", tenant)
                .param("p", product)
                .query(Long.class)
                .single();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8).replace("-", "");
    }
}
