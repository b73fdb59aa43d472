package io.subsync.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Fixtures: tenants opened through the API, and reading their subscriptions. */
public final class Tenants {
    private final Api api;

    public Tenants(Api api) {
        this.api = api;
    }

    public UUID open(String plan, Map<String, Boolean> products) {
        Api.Response response = api.post(
                "/api/tenants",
                Tokens.serviceRole(),
                Map.of(
                        "name",
                        "Tenant " + plan,
                        "plan",
                        plan,
                        "ownerUserId",
                        UUID.randomUUID().toString(),
                        "products",
                        products));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return UUID.fromString(response.json().get("id").asString());
    }

    public void change(UUID tenant, Map<String, Object> patch) {
        Api.Response response = api.patch("/api/tenants/" + tenant, Tokens.serviceRole(), patch);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    /** The subscriptions the tenant's own user sees. */
    public JsonNode subscriptions(UUID tenant) {
        Api.Response response = api.get("/api/tenants/current/subscriptions", Tokens.userOf(tenant));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("subscriptions");
    }

    public List<String> productTypes(UUID tenant) {
        return subscriptions(tenant)
                .valueStream()
                .map(s -> s.get("productType").asString())
                .toList();
    }
}
