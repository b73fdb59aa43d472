package io.subsync.tenancy;

import static io.subsync.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.support.Api;
import io.subsync.support.IntegrationTest;
import io.subsync.support.Tenants;
import io.subsync.support.Tokens;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Bad input and bad callers get a clear RFC 9457 answer naming the field, never a 500. */
class TenantApiErrorsIntegrationTests extends IntegrationTest {

    @Test
    void malformedJsonIs400() {
        assertProblem(api.post("/api/tenants", Tokens.serviceRole(), "{\"name\": \"x\", "), 400, "body");
    }

    @Test
    void wrongTypesAre400NamingTheField() {
        assertProblem(
                api.post(
                        "/api/tenants",
                        Tokens.serviceRole(),
                        "{\"name\": \"x\", \"plan\": \"pro\", \"products\": {\"pawnshop\": \"yes please\"}}"),
                400,
                "products.pawnshop");
        assertProblem(
                api.post(
                        "/api/tenants",
                        Tokens.serviceRole(),
                        "{\"name\": \"x\", \"plan\": \"pro\", \"ownerUserId\": \"not-a-uuid\"}"),
                400,
                "ownerUserId");
        assertProblem(api.post("/api/tenants", Tokens.serviceRole(), "{\"name\": \"x\", \"plan\": [1]}"), 400, "plan");
    }

    @Test
    void unknownFieldsAre400SoTyposDoNotPassSilently() {
        assertProblem(
                api.patch(
                        "/api/tenants/" + UUID.randomUUID(),
                        Tokens.serviceRole(),
                        "{\"product\": {\"pawnshop\": true}}"),
                400,
                "product");
    }

    @Test
    void unknownProductCodesAndPlansAre422NamingTheField() {
        assertProblem(
                api.post(
                        "/api/tenants",
                        Tokens.serviceRole(),
                        Map.of("name", "x", "plan", "pro", "products", Map.of("teleport", true))),
                422,
                "products.teleport");
        assertProblem(
                api.post("/api/tenants", Tokens.serviceRole(), Map.of("name", "x", "plan", "platinum")), 422, "plan");
        assertProblem(api.post("/api/tenants", Tokens.serviceRole(), Map.of("name", "", "plan", "pro")), 422, "name");
        assertProblem(api.post("/api/tenants", Tokens.serviceRole(), Map.of("name", "x")), 422, "plan");
        assertProblem(
                api.post(
                        "/api/tenants",
                        Tokens.serviceRole(),
                        "{\"name\": \"x\", \"plan\": \"pro\", "
                                + "\"products\": {\"Robert'); DROP TABLE subsync.tenants;--\": true}}"),
                422,
                "products.Robert'); DROP TABLE subsync.tenants;--");
        assertThat(jdbc.sql("SELECT count(*) FROM subsync.tenants")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void productCodesAreMatchedCaseInsensitively() {
        Api.Response response = api.post(
                "/api/tenants",
                Tokens.serviceRole(),
                Map.of("name", "Case", "plan", "PRO", "products", Map.of("PawnShop", true)));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().get("plan").asString()).isEqualTo("pro");
        assertThat(response.json().get("products").get("pawnshop").asBoolean()).isTrue();
    }

    @Test
    void badUuidsAre400AndUnknownTenantsAre404() {
        assertProblem(api.get("/api/tenants/not-a-uuid", Tokens.serviceRole()), 400, "id");
        assertProblem(api.get("/api/tenants/" + UUID.randomUUID(), Tokens.serviceRole()), 404, null);
        assertProblem(
                api.patch("/api/tenants/" + UUID.randomUUID(), Tokens.serviceRole(), Map.of("plan", "pro")), 404, null);
        assertProblem(api.get("/api/tenants/" + UUID.randomUUID() + "/subscriptions", Tokens.serviceRole()), 404, null);
        assertProblem(api.get("/api/tenants/current/subscriptions", Tokens.userOf(UUID.randomUUID())), 404, null);
    }

    @Test
    void duplicateProductsAndPlansAre409() {
        assertProblem(
                api.post("/api/products", Tokens.serviceRole(), Map.of("code", "pawnshop", "name", "P", "badge", "💎")),
                409,
                "code");
        assertProblem(
                api.post(
                        "/api/plans",
                        Tokens.serviceRole(),
                        Map.of(
                                "productType",
                                "pawnshop",
                                "tier",
                                "pro",
                                "name",
                                "Again",
                                "price",
                                "1.00",
                                "currency",
                                "USD",
                                "billingCycle",
                                "monthly")),
                409,
                "tier");
        assertProblem(
                api.post(
                        "/api/plans",
                        Tokens.serviceRole(),
                        Map.of(
                                "productType",
                                "pawnshop",
                                "tier",
                                "pro",
                                "name",
                                "Again",
                                "price",
                                "-1",
                                "currency",
                                "USD",
                                "billingCycle",
                                "monthly")),
                422,
                "price");
        assertProblem(
                api.post(
                        "/api/plans",
                        Tokens.serviceRole(),
                        Map.of(
                                "productType",
                                "ghost",
                                "tier",
                                "pro",
                                "name",
                                "Ghost",
                                "price",
                                "1.00",
                                "currency",
                                "USD",
                                "billingCycle",
                                "monthly")),
                422,
                "productType");
    }

    @Test
    void callersWithoutTheRightTokenGet401Or403AndNoData() {
        UUID tenant = new Tenants(api).open("pro", Map.of("pawnshop", true));
        assertProblem(api.get("/api/tenants/current/subscriptions", null), 401, null);
        assertProblem(api.get("/api/tenants/current/subscriptions", "not.a.token"), 401, null);
        assertProblem(api.get("/api/tenants/current/subscriptions", Tokens.expiredUserOf(tenant)), 401, null);
        assertProblem(
                api.get(
                        "/api/tenants/current/subscriptions",
                        Tokens.signedWith("another-secret-that-is-long-enough-0123456789", tenant)),
                401,
                null);
        String unsigned = Tokens.userOf(tenant).replaceFirst("^[^.]+", "eyJhbGciOiJub25lIn0");
        assertProblem(
                api.get("/api/tenants/current/subscriptions", unsigned.substring(0, unsigned.lastIndexOf('.') + 1)),
                401,
                null);
        // A tenant user may read its own tenant's subscriptions, not any tenant's, and may not change tenants.
        assertProblem(api.get("/api/tenants/" + tenant + "/subscriptions", Tokens.userOf(tenant)), 403, null);
        assertProblem(
                api.patch("/api/tenants/" + tenant, Tokens.userOf(tenant), Map.of("plan", "enterprise")), 403, null);
        assertProblem(
                api.post("/api/products", Tokens.userOf(tenant), Map.of("code", "x1", "name", "X", "badge", "x")),
                403,
                null);
        assertProblem(api.get("/api/tenants/current/subscriptions", Tokens.user(UUID.randomUUID(), null)), 403, null);
        assertThat(api.get("/api/products", Tokens.userOf(tenant)).status()).isEqualTo(200);
    }
}
