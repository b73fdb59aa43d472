package io.subsync.tenancy;

import static io.subsync.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.access.Role;
import io.subsync.access.TokenMinter;
import io.subsync.support.Api;
import io.subsync.support.MasterIntegrationTest;
import io.subsync.support.Tenants;
import io.subsync.support.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code PATCH /api/tenants/current}: a tenant's admin changes the own tenant's plan and products, validated as
 * {@code PATCH /api/tenants/{id}} is, recorded and synced to Master for the owner the same way.
 */
class OwnTenantApiIntegrationTests extends MasterIntegrationTest {
    private static final TokenMinter MINTER = new TokenMinter(Tokens.SECRET);

    private Api.Response patch(String token, Object body) {
        return api.patch("/api/tenants/current", token, body);
    }

    @Test
    void anAdminChangesPlanAndProductsAndGetsTheTenantBack() {
        UUID tenant = new Tenants(api).open("starter", Map.of("pawnshop", true));

        Api.Response changed = patch(
                Tokens.tenantAdminOf(tenant),
                Map.of("plan", "PRO", "products", Map.of("bnpl", true, "pawnshop", false)));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("id").asString()).isEqualTo(tenant.toString());
        assertThat(changed.json().get("plan").asString()).isEqualTo("pro");
        assertThat(changed.json().get("products").get("bnpl").asBoolean()).isTrue();
        assertThat(changed.json().get("products").get("pawnshop").asBoolean()).isFalse();
        assertThat(new Tenants(api).productTypes(tenant)).containsExactly("platform", "bnpl");
    }

    @Test
    void anUnknownTierOrProductIs422NamingTheField() {
        UUID tenant = new Tenants(api).open("pro", Map.of());
        String admin = Tokens.tenantAdminOf(tenant);

        assertProblem(patch(admin, Map.of("plan", "platinum")), 422, "plan");
        assertProblem(patch(admin, Map.of("products", Map.of("nope_product", true))), 422, "products.nope_product");
        assertProblem(patch(admin, Map.of("products", Map.of("platform", false))), 422, "products.platform");
    }

    @Test
    void nameAndOwnerStayTheServicesToChange() {
        UUID tenant = new Tenants(api).open("pro", Map.of());
        String admin = Tokens.tenantAdminOf(tenant);

        assertProblem(patch(admin, Map.of("name", "Renamed")), 422, "name");
        assertProblem(patch(admin, Map.of("ownerUserId", UUID.randomUUID().toString())), 422, "ownerUserId");
        assertThat(api.get("/api/tenants/" + tenant, Tokens.serviceRole())
                        .json()
                        .get("name")
                        .asString())
                .isEqualTo("Tenant pro");
    }

    @Test
    void aUserWhoIsNotTheAdminIsRefusedWith403AndNothingChanges() {
        UUID tenant = new Tenants(api).open("pro", Map.of());

        assertProblem(patch(Tokens.userOf(tenant), Map.of("plan", "enterprise")), 403, null);
        String owner = MINTER.mint(
                UUID.randomUUID().toString(),
                Role.AUTHENTICATED,
                tenant,
                "owner",
                null,
                Instant.now(),
                Duration.ofHours(1));
        assertProblem(patch(owner, Map.of("plan", "enterprise")), 403, null);
        assertThat(api.get("/api/tenants/" + tenant, Tokens.serviceRole())
                        .json()
                        .get("plan")
                        .asString())
                .isEqualTo("pro");
    }

    @Test
    void aCallerWithoutTenantIsAnsweredAsTheSubscriptionsReadAnswersIt() {
        String noTenant = Tokens.user(UUID.randomUUID(), null);

        Api.Response read = api.get("/api/tenants/current/subscriptions", noTenant);
        Api.Response change = patch(noTenant, Map.of("plan", "pro"));

        assertProblem(change, read.status(), null);
        assertThat(change.json().get("title").asString())
                .isEqualTo(read.json().get("title").asString());
    }

    @Test
    void tenantRoleIsReadInsideAppMetadataTooAsASupabaseHookPutsIt() {
        UUID tenant = new Tenants(api).open("pro", Map.of());

        Api.Response changed = patch(Tokens.appMetadataOnly(tenant, "admin"), Map.of("plan", "enterprise"));
        Api.Response refused = patch(Tokens.appMetadataOnly(tenant, "member"), Map.of("plan", "starter"));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertProblem(refused, 403, null);
    }

    @Test
    void anAdminsChangeReachesTheOutboxForALinkedOwner() {
        UUID owner = UUID.randomUUID();
        UUID master = UUID.randomUUID();
        api.post("/sync-subscription", Tokens.serviceRole(), sync(owner, master, "create", "BASIC", 1));
        Api.Response opened = api.post(
                "/api/tenants",
                Tokens.serviceRole(),
                Map.of("name", "Owned", "plan", "pro", "ownerUserId", owner.toString(), "products", Map.of()));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        UUID tenant = UUID.fromString(opened.json().get("id").asString());
        UUID admin = UUID.randomUUID();

        Api.Response changed = patch(Tokens.tenantAdmin(admin, tenant), Map.of("plan", "enterprise"));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        List<Map<String, Object>> rows = jdbc.sql("""
                        SELECT service_name, payload ->> 'planCode' AS plan_code, actor FROM subsync.sync_outbox
                        WHERE mvp_user_id = :owner AND actor = :actor""")
                .param("owner", owner)
                .param("actor", "user:" + admin)
                .query()
                .listOfRows();
        assertThat(rows)
                .extracting(row -> row.get("service_name") + "/" + row.get("plan_code"))
                .containsExactly("platform/enterprise");
    }
}
