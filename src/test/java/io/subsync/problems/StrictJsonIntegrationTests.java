package io.subsync.problems;

import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.support.Api;
import io.subsync.support.IntegrationTest;
import io.subsync.support.Tokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Requests are read strictly, on every endpoint: a value of the wrong JSON type, a blank id or a NUL character
 * is a 400 problem naming the field, never a guess (a product named "true", an id read as "everything") or a 500 from
 * the database. The bodies are written out as JSON text, escapes included, exactly as a client would send them.
 */
class StrictJsonIntegrationTests extends IntegrationTest {
    private static final String NUL = "\\u0000";
    private final UUID user = UUID.randomUUID();

    @Test
    void aNulCharacterInAnyStringIs400NamingTheField() {
        String service = Tokens.serviceRole();
        assertField(
                api.post("/sync-subscription", service, syncBody("\"serviceName\": \"pawn" + NUL + "shop\"")),
                "subscriptionData.serviceName");
        assertField(
                api.post(
                        "/sync-subscription",
                        service,
                        syncBody("\"serviceName\": \"pawnshop\", \"metadata\": {\"note\": {\"deep" + NUL + "\": 1}}")),
                "subscriptionData.metadata.note");
        assertField(
                api.post(
                        "/api/products",
                        service,
                        "{\"code\": \"nulproduct\", \"name\": \"Nul" + NUL + "\", \"badge\": \"N\"}"),
                "name");
        assertField(api.post("/api/plans", service, """
                {"productType": "pawnshop", "tier": "nul", "name": "Nul", "price": "1.00", "currency": "USD",
                 "billingCycle": "monthly", "features": ["fine", "not%s"]}""".formatted(NUL)), "features[1]");
        assertField(api.post("/api/tenants", service, "{\"name\": \"Nul" + NUL + "\", \"plan\": \"pro\"}"), "name");
        assertField(api.patch("/api/tenants/" + UUID.randomUUID(), service, "{\"name\": \"" + NUL + "\"}"), "name");
        assertField(
                api.post(
                        "/api/sync/accounts/" + user + "/resolve",
                        service,
                        "{\"serviceName\": \"pawnshop" + NUL + "\", \"keep\": \"mvp\"}"),
                "serviceName");
        assertField(
                api.post(
                        "/api/account-links/validate",
                        service,
                        "{\"token\": \"" + NUL + "abc\", \"masterUserId\": \"" + UUID.randomUUID() + "\"}"),
                "token");
    }

    @Test
    void aBlankIdIs400NamingTheFieldNotARequestForEverything() {
        String service = Tokens.serviceRole();
        for (String blank : new String[] {"", " ", NUL}) {
            assertField(api.post("/api/sync/retry", service, "{\"syncId\": \"" + blank + "\"}"), "syncId");
            assertField(api.post("/api/sync/retry", service, "{\"mvpUserId\": \"" + blank + "\"}"), "mvpUserId");
            assertField(
                    api.post(
                            "/api/tenants",
                            service,
                            "{\"name\": \"Owner blank\", \"plan\": \"pro\", \"ownerUserId\": \"" + blank + "\"}"),
                    "ownerUserId");
            assertField(api.post("/sync-subscription", service, """
                    {"mvpUserId": "%s", "masterUserId": "%s", "operation": "create",
                     "subscriptionData": {"serviceName": "pawnshop", "planCode": "starter", "status": "active",
                                          "startDate": "2026-11-01T00:00:00Z"}}""".formatted(user, blank)), "masterUserId");
        }
    }

    @Test
    void aBlankIdInAQueryIs400NamingTheParameterNotAFilterForEveryone() {
        String service = Tokens.serviceRole();
        for (String blank : new String[] {"", "%20", "%20%20"}) {
            assertField(api.get("/api/sync/logs?mvpUserId=" + blank, service), "mvpUserId");
            assertField(api.get("/api/sync/divergences?mvpUserId=" + blank, service), "mvpUserId");
        }
        assertThat(api.get("/api/sync/logs?mvpUserId=" + user, service).status())
                .isEqualTo(200);
    }

    @Test
    void aValueOfTheWrongJsonTypeIs400NamingTheField() {
        String service = Tokens.serviceRole();
        assertField(
                api.post("/api/products", service, "{\"code\": true, \"name\": \"Boolean\", \"badge\": \"B\"}"),
                "code");
        assertField(
                api.post("/api/products", service, "{\"code\": \"numbername\", \"name\": 42, \"badge\": \"4\"}"),
                "name");
        assertField(
                api.post("/api/account-links", Tokens.user(user, null), "{\"validityHours\": 1.5}"), "validityHours");
        assertField(
                api.post("/api/account-links", Tokens.user(user, null), "{\"validityHours\": \"24\"}"),
                "validityHours");
        assertField(
                api.post(
                        "/api/tenants",
                        service,
                        "{\"name\": \"Typed\", \"plan\": \"pro\", \"products\": {\"pawnshop\": 1}}"),
                "products.pawnshop");
        assertField(
                api.post(
                        "/api/tenants",
                        service,
                        "{\"name\": \"Typed\", \"plan\": \"pro\", \"products\": {\"pawnshop\": \"true\"}}"),
                "products.pawnshop");
        assertField(api.post("/api/plans", service, """
                {"productType": "pawnshop", "tier": "typed", "name": "Typed", "price": 9.99, "currency": "USD",
                 "billingCycle": "monthly"}"""), "price");
        assertField(
                api.post("/sync-subscription", service, syncBody("\"serviceName\": \"pawnshop\", \"planCode\": 5")),
                "subscriptionData.planCode");
        assertThat(jdbc.sql("SELECT count(*) FROM subsync.products WHERE code IN ('true', 'numbername')")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theProblemSaysWhatTheFieldMustBe() {
        String service = Tokens.serviceRole();
        assertMessage(
                api.post("/api/tenants", service, "{\"name\": \"a" + NUL + "\", \"plan\": \"pro\"}"),
                "must not contain the character U+0000");
        assertMessage(api.post("/api/sync/retry", service, "{\"syncId\": \" \"}"), "must be a UUID");
        assertMessage(
                api.post("/api/tenants", service, "{\"name\": true, \"plan\": \"pro\"}"),
                "must be a string, was 'true'");
        assertMessage(
                api.post("/api/account-links", Tokens.user(user, null), "{\"validityHours\": 1.5}"),
                "must be a whole number, was '1.5'");
    }

    private static void assertField(Api.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString())
                .as(response.toString())
                .isEqualTo(field);
    }

    private static void assertMessage(Api.Response response, String message) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("message").asString())
                .as(response.toString())
                .isEqualTo(message);
    }

    /** A sync request for the test's user whose subscriptionData holds the given fields (a plan and status added). */
    private String syncBody(String subscriptionFields) {
        return """
                {"mvpUserId": "%s", "operation": "create",
                 "subscriptionData": {%s, "status": "active", "startDate": "2026-11-01T00:00:00Z"}}""".formatted(
                        user,
                        subscriptionFields.contains("planCode")
                                ? subscriptionFields
                                : subscriptionFields + ", \"planCode\": \"starter\"");
    }
}
