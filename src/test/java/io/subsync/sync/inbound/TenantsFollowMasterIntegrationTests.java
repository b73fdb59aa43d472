package io.subsync.sync.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.support.Api;
import io.subsync.support.MasterChanges;
import io.subsync.support.MasterIntegrationTest;
import io.subsync.support.Pages;
import io.subsync.support.Tokens;
import io.subsync.sync.drift.ReconcileWithMaster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Master's changes to a tenant's own subscriptions come back to the tenant: a webhook from the simulator, over real
 * HTTP, changes {@code tenant_subscriptions} through the tenant's rules, with history whose actor is master, and what
 * cannot be taken is diverged and shown.
 */
class TenantsFollowMasterIntegrationTests extends MasterIntegrationTest {
    private final UUID owner = UUID.randomUUID();
    private final UUID master = UUID.randomUUID();
    private String tenant;

    @Autowired
    ReconcileWithMaster reconcile;

    @BeforeEach
    void aTenantWhoseOwnerIsLinkedAndSynced() {
        MASTER.webhooks("http://127.0.0.1:" + port + "/webhooks/master", WEBHOOK_SECRET);
        // The owner's account is linked through an ordinary sync of another service.
        api.post("/sync-subscription", Tokens.serviceRole(), sync(owner, master, "create", "BASIC", 1));
        Api.Response created = api.post(
                "/api/tenants",
                Tokens.serviceRole(),
                Map.of(
                        "name",
                        "Followed",
                        "plan",
                        "pro",
                        "ownerUserId",
                        owner.toString(),
                        "products",
                        Map.of("pawnshop", true)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        tenant = created.json().get("id").asString();
        awaitDrained(Duration.ofSeconds(20));
        assertThat(atMaster()).contains("svc_platform/pro/active", "svc_pawnshop/pro/active");
    }

    @Test
    void aPlatformPlanMasterCancelsIsCancelledForTheTenantAndNoReadBringsItBack() {
        announce("svc_platform", "cancel", null);

        assertThat(subscriptions()).containsExactly("pawnshop/pro");
        assertThat(lastHistory("platform")).containsEntry("change", "cancelled").containsEntry("actor", "master");
        assertThat(lastHistory("platform").get("reason").toString()).startsWith("Master's cancel (webhook event ");
        assertThat(subscriptions()).as("a read again: not recreated").containsExactly("pawnshop/pro");
        awaitDrained(Duration.ofSeconds(20));
        assertThat(atMaster())
                .as("nothing of the MVP's undid Master's cancel")
                .contains("svc_platform/pro/cancelled", "svc_pawnshop/pro/active");
        assertThat(outboxRows("platform")).as("only the create").isEqualTo(1);
        String page = tenantPage();
        assertThat(page).contains("Cancelled in Master").contains("Platform – Pro, on ");

        announce("svc_platform", "reactivate", null);
        assertThat(subscriptions()).containsExactly("platform/pro", "pawnshop/pro");
        assertThat(tenantPage()).doesNotContain("Cancelled in Master");
        assertThat(lastHistory("platform"))
                .containsEntry("change", "reactivated")
                .containsEntry("actor", "master");
    }

    @Test
    void aTenantMasterCancelledEverythingOfIsListedEmptyNotUnknown() {
        announce("svc_platform", "cancel", null);
        announce("svc_pawnshop", "cancel", null);

        assertThat(subscriptions()).isEmpty();
        assertThat(tenantPage())
                .contains("Cancelled in Master")
                .contains("Platform – Pro")
                .contains("Pawnshop - Pro, on ");
    }

    @Test
    void aPlatformTierFromMasterIsTheTenantsPlanAndItsProductsMoveWithIt() {
        announce("svc_platform", "update", "enterprise");

        assertThat(subscriptions()).containsExactly("platform/enterprise", "pawnshop/enterprise");
        assertThat(api.get("/api/tenants/" + tenant, Tokens.serviceRole())
                        .json()
                        .get("plan")
                        .asString())
                .isEqualTo("enterprise");
        assertThat(lastHistory("pawnshop"))
                .containsEntry("change", "plan_changed")
                .containsEntry("actor", "master");
        awaitDrained(Duration.ofSeconds(20));
        assertThat(atMaster())
                .as("the product's move follows the plan's rule and reaches Master")
                .contains("svc_platform/enterprise/active", "svc_pawnshop/enterprise/active");
        assertThat(outboxRows("platform"))
                .as("Master's own change is not sent back")
                .isEqualTo(1);
        assertThat(outboxRows("pawnshop")).isEqualTo(2);
    }

    @Test
    void aProductMasterCancelsIsSwitchedOffAndComesBackWhenMasterReactivatesIt() {
        announce("svc_pawnshop", "cancel", null);

        assertThat(subscriptions()).containsExactly("platform/pro");
        assertThat(products().get("pawnshop").asBoolean()).isFalse();
        assertThat(lastHistory("pawnshop")).containsEntry("change", "cancelled").containsEntry("actor", "master");
        awaitDrained(Duration.ofSeconds(20));
        assertThat(atMaster()).contains("svc_pawnshop/pro/cancelled");

        announce("svc_pawnshop", "reactivate", null);
        assertThat(products().get("pawnshop").asBoolean()).isTrue();
        assertThat(subscriptions()).containsExactly("platform/pro", "pawnshop/pro");
        assertThat(lastHistory("pawnshop"))
                .containsEntry("change", "reactivated")
                .containsEntry("actor", "master");
        assertThat(outboxRows("pawnshop")).as("nothing sent back").isEqualTo(1);
    }

    @Test
    void aProductTierFromMasterMovesOnlyThatProduct() {
        announce("svc_pawnshop", "update", "starter");

        assertThat(subscriptions()).containsExactly("platform/pro", "pawnshop/starter");
        assertThat(api.get("/api/tenants/" + tenant, Tokens.serviceRole())
                        .json()
                        .get("plan")
                        .asString())
                .isEqualTo("pro");
        Map<String, Object> moved = lastHistory("pawnshop");
        assertThat(moved).containsEntry("change", "plan_changed").containsEntry("actor", "master");
        assertThat(moved.get("reason").toString()).startsWith("Master's update (webhook event ");
    }

    @Test
    void aChangeToAProductTheTenantSwitchedOffIsDivergedShownAndResolvedByKeepingTheMvps() {
        Api.Response off = api.patch(
                "/api/tenants/" + tenant, Tokens.serviceRole(), Map.of("products", Map.of("pawnshop", false)));
        assertThat(off.status()).isEqualTo(200);
        announce("svc_pawnshop", "update", "enterprise");

        JsonNode divergence = divergence("pawnshop");
        assertThat(divergence.get("reason").asString())
                .contains("cannot be taken by tenant " + tenant)
                .contains("the tenant has switched pawnshop off");
        assertThat(divergence.toString()).contains("enterprise");
        assertThat(tierOf("pawnshop")).as("the tenant's subscription unchanged").isEqualTo("pro");
        assertThat(jdbc.sql("""
                        SELECT status FROM subsync.subscription_sync_log
                        WHERE mvp_user_id = :u AND service_name = 'pawnshop' AND source = 'master'
                        ORDER BY id DESC LIMIT 1""").param("u", owner).query(String.class).single()).isEqualTo("diverged");

        Api.Response keepMaster = resolve("pawnshop", "master");
        assertThat(keepMaster.status()).as(keepMaster.toString()).isEqualTo(409);
        assertThat(keepMaster.json().get("detail").asString()).contains("the tenant has switched pawnshop off");

        Api.Response keepMvp = resolve("pawnshop", "mvp");
        assertThat(keepMvp.status()).as(keepMvp.toString()).isEqualTo(200);
        awaitDrained(Duration.ofSeconds(20));
        assertThat(atMaster()).as("the tenant's tier sent again").contains("svc_pawnshop/pro/active");
    }

    @Test
    void aTierTheCatalogueHasNoPlanForIsDivergedNotDropped() {
        announce("svc_pawnshop", "update", "trial");

        JsonNode divergence = divergence("pawnshop");
        assertThat(divergence.get("reason").asString()).contains("Master's tier 'trial'");
        assertThat(tierOf("pawnshop")).isEqualTo("pro");
    }

    @Test
    void aCancelReconciliationFindsIsTakenByTheTenantWhenTheOperatorKeepsMasters() {
        MasterChanges.cancel(master, "svc_pawnshop", "pro", null);
        reconcile.reconcile(Optional.of(owner), false, "cli:reconcile");
        assertThat(subscriptions())
                .as("manual: not taken before someone decides")
                .contains("pawnshop/pro");

        Api.Response kept = resolve("pawnshop", "master");
        assertThat(kept.status()).as(kept.toString()).isEqualTo(200);
        assertThat(subscriptions()).containsExactly("platform/pro");
        assertThat(products().get("pawnshop").asBoolean()).isFalse();
        Map<String, Object> cancelled = lastHistory("pawnshop");
        assertThat(cancelled).containsEntry("change", "cancelled").containsEntry("actor", "master");
        assertThat(cancelled.get("reason").toString())
                .startsWith("Master's state, kept by ")
                .endsWith(" resolving a divergence");
    }

    private void announce(String serviceId, String type, String planTier) {
        Map<String, Object> change = new java.util.LinkedHashMap<>();
        change.put("userId", master.toString());
        change.put("serviceId", serviceId);
        change.put("type", type);
        if (planTier != null) {
            change.put("planTier", planTier);
        }
        MasterChanges.announced(change);
    }

    private String tenantPage() {
        Pages.Page page = new Pages(port).signedIn("/tenant/subscriptions", Tokens.userOf(UUID.fromString(tenant)));
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.body();
    }

    private List<String> subscriptions() {
        Api.Response listed = api.get("/api/tenants/" + tenant + "/subscriptions", Tokens.serviceRole());
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        List<String> found = new ArrayList<>();
        listed.json()
                .get("subscriptions")
                .forEach(s -> found.add(
                        s.get("productType").asString() + "/" + s.get("tier").asString()));
        return found;
    }

    private JsonNode products() {
        return api.get("/api/tenants/" + tenant, Tokens.serviceRole()).json().get("products");
    }

    private String tierOf(String product) {
        return jdbc.sql("""
                        SELECT p.tier FROM subsync.tenant_subscriptions s JOIN subsync.subscription_plans p ON p.id = s.plan_id
                        WHERE s.tenant_id = :t AND s.product_type = :product AND s.status = 'active'""")
                .param("t", UUID.fromString(tenant))
                .param("product", product)
                .query(String.class)
                .single();
    }

    private Map<String, Object> lastHistory(String product) {
        return jdbc.sql("""
                        SELECT h.change, h.actor, h.reason FROM subsync.subscription_history h
                        JOIN subsync.tenant_subscriptions s ON s.id = h.subscription_id
                        WHERE h.tenant_id = :t AND s.product_type = :product ORDER BY h.id DESC LIMIT 1""")
                .param("t", UUID.fromString(tenant))
                .param("product", product)
                .query()
                .singleRow();
    }

    private long outboxRows(String service) {
        return jdbc.sql("SELECT count(*) FROM subsync.sync_outbox WHERE mvp_user_id = :u AND service_name = :s")
                .param("u", owner)
                .param("s", service)
                .query(Long.class)
                .single();
    }

    private List<String> atMaster() {
        return MASTER.subscriptionsOf(master.toString()).stream()
                .map(s -> s.serviceId() + "/" + s.planTier() + "/" + s.status())
                .toList();
    }

    private JsonNode divergence(String service) {
        Api.Response listed = api.get("/api/sync/divergences?mvpUserId=" + owner, Tokens.serviceRole());
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        for (JsonNode item : listed.json().get("items")) {
            if (item.get("serviceName").asString().equals(service)) {
                return item;
            }
        }
        throw new AssertionError("no divergence of " + service + " in " + listed.raw());
    }

    private Api.Response resolve(String service, String keep) {
        return api.post(
                "/api/sync/accounts/" + owner + "/resolve",
                Tokens.serviceRole(),
                Map.of("serviceName", service, "keep", keep));
    }
}
