package io.subsync.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.support.Api;
import io.subsync.support.IntegrationTest;
import io.subsync.support.Mappings;
import io.subsync.support.Tenants;
import io.subsync.support.Tokens;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The threat model of docs/security.md, tried over HTTP: forged, expired and mis-scoped tokens, other users' and other
 * tenants' ids, and SQL-injection strings in every parameter. Each gets 401, 403, 404 or another 4xx, never data and
 * never an effect.
 */
class SecurityIntegrationTests extends IntegrationTest {
    private static final List<String> INJECTIONS = List.of(
            "' OR '1'='1",
            "1; DROP TABLE subsync.tenants; --",
            "x') UNION SELECT mvp_user_id::text FROM subsync.account_sync --",
            "\" OR \"\"=\"",
            "%27%20OR%201=1");

    /** The default of SUBSYNC_JWT_MAX_LIFETIME. */
    private static final Duration MAX_LIFETIME = Duration.ofDays(7);

    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private UUID aliceTenant;
    private UUID bobTenant;
    private String aliceToken;

    /** Every API endpoint that needs a token, as (method, path, body). */
    private List<Call> protectedCalls() {
        String sync = Api.json(syncBody(alice, "create"));
        return List.of(
                new Call("GET", "/api/tenants/current/subscriptions", null),
                new Call("GET", "/api/tenants/" + aliceTenant + "/subscriptions", null),
                new Call("GET", "/api/tenants/" + aliceTenant, null),
                new Call("PATCH", "/api/tenants/" + aliceTenant, "{\"plan\":\"enterprise\"}"),
                new Call("POST", "/api/tenants", "{\"name\":\"x\",\"plan\":\"pro\"}"),
                new Call("GET", "/api/products", null),
                new Call("GET", "/api/plans", null),
                new Call("POST", "/api/products", "{\"code\":\"forged\",\"name\":\"Forged\",\"badge\":\"x\"}"),
                new Call("POST", "/api/plans", "{}"),
                new Call("POST", "/sync-subscription", sync),
                new Call("GET", "/api/sync/accounts/" + alice, null),
                new Call("GET", "/api/sync/logs?mvpUserId=" + alice, null),
                new Call("POST", "/api/sync/retry", "{}"),
                new Call("GET", "/api/sync/health", null),
                new Call("POST", "/api/account-links", "{}"),
                new Call(
                        "POST",
                        "/api/account-links/validate",
                        "{\"token\":\"x\",\"masterUserId\":\"" + UUID.randomUUID() + "\"}"),
                new Call("DELETE", "/api/account-links/" + alice, null),
                new Call("PUT", "/api/account-links/" + alice, "{\"masterUserId\":\"" + UUID.randomUUID() + "\"}"),
                new Call("GET", "/api/sync/divergences", null),
                new Call(
                        "POST",
                        "/api/sync/accounts/" + alice + "/resolve",
                        "{\"serviceName\":\"pawnshop\",\"keep\":\"mvp\"}"));
    }

    /** The endpoints only service_role may call. */
    private List<Call> serviceCalls() {
        return protectedCalls().stream()
                .filter(call -> !List.of(
                                                "/api/tenants/current/subscriptions",
                                                "/api/products",
                                                "/api/plans",
                                                "/sync-subscription",
                                                "/api/account-links")
                                        .contains(call.path())
                                && !(call.method().equals("GET") && call.path().startsWith("/api/sync/accounts/"))
                                && !call.path().startsWith("/api/sync/logs")
                                && !(call.method().equals("DELETE")
                                        && call.path().startsWith("/api/account-links/"))
                        || call.method().equals("POST")
                                && List.of("/api/products", "/api/plans").contains(call.path()))
                .toList();
    }

    record Call(String method, String path, String body) {}

    @BeforeEach
    void aliceAndBobEachHaveATenantAndSyncRecords() {
        Mappings.mapCatalogue(jdbc);
        Tenants tenants = new Tenants(api);
        aliceTenant = tenants.open("pro", Map.of("pawnshop", true));
        bobTenant = tenants.open("starter", Map.of("bnpl", true));
        aliceToken = Tokens.user(alice, aliceTenant);
        assertThat(api.post("/sync-subscription", aliceToken, syncBody(alice, "create"))
                        .status())
                .isIn(200, 202);
        assertThat(api.post("/sync-subscription", Tokens.user(bob, bobTenant), syncBody(bob, "create"))
                        .status())
                .isIn(200, 202);
    }

    @Test
    void withoutAValidTokenEveryProtectedEndpointIs401AndShowsNothing() {
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("no token", null);
        forged.put("not a JWT", "Bearer not-a-jwt");
        forged.put("empty bearer", "Bearer ");
        forged.put("basic auth", "Basic c2VydmljZTpyb2xl");
        forged.put("alg none", "Bearer " + jwt("none", serviceClaims(), null));
        forged.put(
                "wrong key", "Bearer " + jwt("HS256", serviceClaims(), "another-secret-of-at-least-32-bytes-long!!"));
        forged.put("HS512 with the right key", "Bearer " + jwt("HS512", serviceClaims(), Tokens.SECRET));
        forged.put(
                "expired",
                "Bearer "
                        + jwt("HS256", withExpiry(serviceClaims(), Instant.now().minusSeconds(600)), Tokens.SECRET));
        forged.put("no exp", "Bearer " + jwt("HS256", withExpiry(serviceClaims(), null), Tokens.SECRET));
        forged.put(
                "exp in the year 9999",
                "Bearer "
                        + jwt(
                                "HS256",
                                withExpiry(serviceClaims(), Instant.parse("9999-12-31T23:59:59Z")),
                                Tokens.SECRET));
        forged.put(
                "exp a second past the longest lifetime after iat",
                "Bearer "
                        + jwt(
                                "HS256",
                                lifetime(
                                        serviceClaims(),
                                        Instant.now().minus(Duration.ofDays(1)),
                                        MAX_LIFETIME.plusSeconds(1)),
                                Tokens.SECRET));
        forged.put(
                "no iat, exp past the longest lifetime from now",
                "Bearer " + jwt("HS256", lifetime(serviceClaims(), null, MAX_LIFETIME.plusMinutes(10)), Tokens.SECRET));
        forged.put(
                "iat in the future, exp past the longest lifetime from now",
                "Bearer "
                        + jwt(
                                "HS256",
                                lifetime(
                                        serviceClaims(),
                                        Instant.now().plus(Duration.ofDays(3650)),
                                        Duration.ofHours(1)),
                                Tokens.SECRET));
        forged.put("tampered payload", "Bearer " + tampered(Tokens.user(alice, aliceTenant)));
        for (Map.Entry<String, String> token : forged.entrySet()) {
            for (Call call : protectedCalls()) {
                Api.Response response = api.raw(call.method(), call.path(), token.getValue(), call.body());
                assertThat(response.status())
                        .as(token.getKey() + ": " + call + " → " + response)
                        .isEqualTo(401);
                assertThat(response.contentType()).as(call.toString()).startsWith("application/problem+json");
                assertThat(response.json().propertyNames())
                        .as(call.toString())
                        .isSubsetOf("type", "title", "status", "detail", "instance");
            }
        }
    }

    @Test
    void aTokenLivingUpToTheLongestLifetimeIsAccepted() {
        Map<String, String> tokens = Map.of(
                "exactly the longest lifetime, issued a day ago",
                jwt(
                        "HS256",
                        lifetime(serviceClaims(), Instant.now().minus(Duration.ofDays(1)), MAX_LIFETIME),
                        Tokens.SECRET),
                "no iat, an hour left",
                jwt("HS256", lifetime(serviceClaims(), null, Duration.ofHours(1)), Tokens.SECRET),
                "minted by the tests",
                Tokens.serviceRole());
        for (Map.Entry<String, String> token : tokens.entrySet()) {
            Api.Response response = api.get("/api/sync/health", token.getValue());
            assertThat(response.status()).as(token.getKey() + " → " + response).isEqualTo(200);
        }
    }

    @Test
    void masterCallsNeedTheirOwnCredentialsAndAJwtIsNotOne() {
        String body =
                "{\"id\":\"evt_forged\",\"type\":\"subscription.cancelled\",\"createdAt\":\"2026-01-01T00:00:00Z\","
                        + "\"data\":{\"userId\":\"" + UUID.randomUUID()
                        + "\",\"serviceId\":\"svc\",\"planTier\":\"basic\","
                        + "\"status\":\"cancelled\",\"version\":99}}";
        for (String authorization :
                java.util.Arrays.asList(null, "Bearer " + Tokens.serviceRole(), "Bearer " + aliceToken)) {
            Api.Response webhook = api.raw("POST", "/webhooks/master", authorization, body);
            assertThat(webhook.status())
                    .as("webhook with " + authorization + " → " + webhook)
                    .isEqualTo(401);
        }
        Api.Response validateAsUser = api.post(
                "/api/account-links/validate",
                aliceToken,
                Map.of(
                        "token",
                        "x".repeat(43),
                        "masterUserId",
                        UUID.randomUUID().toString()));

        assertThat(validateAsUser.status()).as(validateAsUser.toString()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM subsync.master_webhook_events WHERE event_id = 'evt_forged'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aUserTokenOrATokenWithoutAKnownRoleIsRefusedWhereServiceRoleIsNeeded() {
        Map<String, String> tokens = Map.of(
                "user", Tokens.user(alice, aliceTenant),
                "anon role", jwt("HS256", claims(alice.toString(), "anon", aliceTenant), Tokens.SECRET),
                "no role", jwt("HS256", claims(alice.toString(), null, aliceTenant), Tokens.SECRET));
        for (Map.Entry<String, String> token : tokens.entrySet()) {
            for (Call call : serviceCalls()) {
                Api.Response response = api.raw(call.method(), call.path(), "Bearer " + token.getValue(), call.body());
                assertThat(response.status())
                        .as(token.getKey() + ": " + call + " → " + response)
                        .isEqualTo(403);
                assertThat(response.raw()).doesNotContain(bobTenant.toString());
            }
        }
        assertThat(jdbc.sql("SELECT plan FROM subsync.tenants WHERE id = ?")
                        .param(aliceTenant)
                        .query(String.class)
                        .single())
                .isEqualTo("pro");
        assertThat(jdbc.sql("SELECT count(*) FROM subsync.products WHERE code = 'forged'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aUserGetsNothingOfAnotherUser() {
        long bobsLogRows = logRowsOf(bob);

        Api.Response account = api.get("/api/sync/accounts/" + bob, aliceToken);
        Api.Response logs = api.get("/api/sync/logs?mvpUserId=" + bob, aliceToken);
        Api.Response ownLogs = api.get("/api/sync/logs", aliceToken);
        Api.Response syncForBob = api.post("/sync-subscription", aliceToken, syncBody(bob, "cancel"));
        Api.Response linkForBob = api.post("/api/account-links", aliceToken, Map.of("mvpUserId", bob.toString()));
        Api.Response unlinkBob = api.delete("/api/account-links/" + bob, aliceToken);

        assertThat(account.status()).as(account.toString()).isEqualTo(403);
        assertThat(account.raw()).doesNotContain("\"masterUserId\"");
        assertThat(logs.status()).as(logs.toString()).isEqualTo(403);
        assertThat(logs.raw()).doesNotContain(bob.toString());
        assertThat(ownLogs.status()).isEqualTo(200);
        assertThat(ownLogs.json()
                        .get("items")
                        .valueStream()
                        .map(item -> item.get("mvpUserId").asString()))
                .isNotEmpty()
                .containsOnly(alice.toString());
        assertThat(syncForBob.status()).as(syncForBob.toString()).isEqualTo(403);
        assertThat(linkForBob.status()).as(linkForBob.toString()).isEqualTo(403);
        assertThat(linkForBob.raw()).doesNotContain("token\":\"");
        assertThat(unlinkBob.status()).as(unlinkBob.toString()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM subsync.magic_link_tokens WHERE mvp_user_id = ?")
                        .param(bob)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(logRowsOf(bob)).as("nothing recorded for bob").isEqualTo(bobsLogRows);
    }

    @Test
    void aTenantsUserGetsNothingOfAnotherTenant() {
        Api.Response other = api.get("/api/tenants/" + bobTenant + "/subscriptions", aliceToken);
        Api.Response otherTenant = api.get("/api/tenants/" + bobTenant, aliceToken);
        Api.Response patch = api.patch("/api/tenants/" + bobTenant, aliceToken, Map.of("plan", "trial"));
        Api.Response current = api.get("/api/tenants/current/subscriptions", aliceToken);

        // Tenant endpoints by id are service_role only (docs/security.md): refused before the tenant is looked up.
        assertThat(other.status()).as(other.toString()).isEqualTo(403);
        assertThat(otherTenant.status()).as(otherTenant.toString()).isEqualTo(403);
        assertThat(patch.status()).as(patch.toString()).isEqualTo(403);
        assertThat(other.raw() + otherTenant.raw() + patch.raw()).doesNotContain("bnpl");
        assertThat(current.json().get("tenantId").asString()).isEqualTo(aliceTenant.toString());
        assertThat(current.raw()).doesNotContain("bnpl").contains("pawnshop");
        assertThat(jdbc.sql("SELECT plan FROM subsync.tenants WHERE id = ?")
                        .param(bobTenant)
                        .query(String.class)
                        .single())
                .isEqualTo("starter");
    }

    @Test
    void sqlInjectionStringsInEveryParameterAre4xxAndChangeNothing() {
        String service = Tokens.serviceRole();
        Map<String, Long> before = counts();
        for (String injection : INJECTIONS) {
            String inPath = URLEncoder.encode(injection, StandardCharsets.UTF_8).replace("+", "%20");
            List<Api.Response> answers = List.of(
                    api.get("/api/tenants/" + inPath, service),
                    api.get("/api/tenants/" + inPath + "/subscriptions", service),
                    api.patch("/api/tenants/" + inPath, service, Map.of("plan", "pro")),
                    api.patch("/api/tenants/" + aliceTenant, service, Map.of("plan", injection)),
                    api.patch("/api/tenants/" + aliceTenant, service, Map.of("products", Map.of(injection, true))),
                    api.patch("/api/tenants/" + aliceTenant, service, Map.of("ownerUserId", injection)),
                    api.post("/api/tenants", service, Map.of("name", "Injected", "plan", injection)),
                    api.post(
                            "/api/tenants",
                            service,
                            Map.of("name", "Injected", "plan", "pro", "products", Map.of(injection, true))),
                    api.post("/api/products", service, Map.of("code", injection, "name", "Injected", "badge", "x")),
                    api.post(
                            "/api/plans",
                            service,
                            Map.of(
                                    "productType",
                                    injection,
                                    "tier",
                                    "starter",
                                    "name",
                                    "x",
                                    "price",
                                    "1.00",
                                    "currency",
                                    "USD",
                                    "billingCycle",
                                    "monthly",
                                    "features",
                                    List.of())),
                    api.post(
                            "/api/plans",
                            service,
                            Map.of(
                                    "productType",
                                    "pawnshop",
                                    "tier",
                                    injection,
                                    "name",
                                    "x",
                                    "price",
                                    "1.00",
                                    "currency",
                                    "USD",
                                    "billingCycle",
                                    "monthly",
                                    "features",
                                    List.of())),
                    api.get("/api/sync/accounts/" + inPath, service),
                    api.get("/api/sync/logs?mvpUserId=" + inPath, service),
                    api.get("/api/sync/logs?status=" + inPath, service),
                    api.get("/api/sync/logs?operation=" + inPath, service),
                    api.get("/api/sync/logs?limit=" + inPath, service),
                    api.get("/api/sync/logs?cursor=" + inPath, service),
                    api.post("/api/sync/retry", service, Map.of("syncId", injection)),
                    api.post("/api/sync/retry", service, Map.of("mvpUserId", injection)),
                    api.post(
                            "/sync-subscription",
                            aliceToken,
                            withField(syncBody(alice, "create"), "mvpUserId", injection)),
                    api.post(
                            "/sync-subscription",
                            aliceToken,
                            withField(syncBody(alice, "create"), "masterUserId", injection)),
                    api.post(
                            "/sync-subscription",
                            aliceToken,
                            withField(syncBody(alice, "create"), "operation", injection)),
                    api.post("/sync-subscription", aliceToken, withData(alice, "serviceName", injection)),
                    api.post("/sync-subscription", aliceToken, withData(alice, "planCode", injection)),
                    api.post("/sync-subscription", aliceToken, withData(alice, "status", injection)),
                    api.post("/sync-subscription", aliceToken, withData(alice, "startDate", injection)),
                    api.post("/sync-subscription", aliceToken, withData(alice, "endDate", injection)),
                    api.postWithHeader(
                            "/sync-subscription",
                            aliceToken,
                            Map.of("mvpUserId", injection),
                            "Idempotency-Key",
                            injection),
                    api.post("/api/account-links", aliceToken, Map.of("mvpUserId", injection)),
                    api.post("/api/account-links", aliceToken, Map.of("validityHours", injection)),
                    api.post(
                            "/api/account-links/validate",
                            service,
                            Map.of(
                                    "token",
                                    injection,
                                    "masterUserId",
                                    UUID.randomUUID().toString())),
                    api.post("/api/account-links/validate", service, Map.of("token", "abc", "masterUserId", injection)),
                    api.delete("/api/account-links/" + inPath, service),
                    api.put("/api/account-links/" + alice, service, Map.of("masterUserId", injection)),
                    api.get("/api/sync/divergences?mvpUserId=" + inPath, service),
                    api.get("/api/sync/divergences?limit=" + inPath, service),
                    api.post(
                            "/api/sync/accounts/" + inPath + "/resolve",
                            service,
                            Map.of("serviceName", "pawnshop", "keep", "mvp")),
                    api.post(
                            "/api/sync/accounts/" + alice + "/resolve",
                            service,
                            Map.of("serviceName", injection, "keep", "mvp")),
                    api.post(
                            "/api/sync/accounts/" + alice + "/resolve",
                            service,
                            Map.of("serviceName", "pawnshop", "keep", injection)));
            for (Api.Response answer : answers) {
                assertThat(answer.status()).as(injection + " → " + answer).isBetween(400, 499);
                assertThat(answer.contentType()).as(injection + " → " + answer).startsWith("application/problem+json");
                assertThat(answer.raw()).doesNotContain(bob.toString(), "SQLState", "PSQLException", "syntax error");
            }
        }
        assertThat(counts()).isEqualTo(before);
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new HashMap<>();
        for (String table : List.of(
                "tenants",
                "tenant_subscriptions",
                "products",
                "subscription_plans",
                "account_sync",
                "subscription_sync_state",
                "sync_outbox",
                "subscription_sync_log",
                "magic_link_tokens",
                "sync_divergences")) {
            counts.put(
                    table,
                    jdbc.sql("SELECT count(*) FROM subsync." + table)
                            .query(Long.class)
                            .single());
        }
        counts.put(
                "alice's plan is pro",
                jdbc.sql("SELECT count(*) FROM subsync.tenants WHERE id = ? AND plan = 'pro'")
                        .param(aliceTenant)
                        .query(Long.class)
                        .single());
        return counts;
    }

    private long logRowsOf(UUID user) {
        return jdbc.sql("SELECT count(*) FROM subsync.subscription_sync_log WHERE mvp_user_id = ?")
                .param(user)
                .query(Long.class)
                .single();
    }

    private static Map<String, Object> syncBody(UUID user, String operation) {
        Map<String, Object> data = new HashMap<>();
        data.put("serviceName", "pawnshop");
        data.put("planCode", "starter");
        data.put("status", operation.equals("cancel") ? "cancelled" : "active");
        data.put("startDate", "2026-01-01T00:00:00Z");
        Map<String, Object> body = new HashMap<>();
        body.put("mvpUserId", user.toString());
        body.put("operation", operation);
        body.put("subscriptionData", data);
        return body;
    }

    private static Map<String, Object> withField(Map<String, Object> body, String field, String value) {
        body.put(field, value);
        return body;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withData(UUID user, String field, String value) {
        Map<String, Object> body = syncBody(user, "create");
        ((Map<String, Object>) body.get("subscriptionData")).put(field, value);
        return body;
    }

    private Map<String, Object> serviceClaims() {
        return claims("attacker", "service_role", null);
    }

    private static Map<String, Object> claims(String subject, String role, UUID tenant) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", subject);
        if (role != null) {
            claims.put("role", role);
        }
        if (tenant != null) {
            claims.put("tenant_id", tenant.toString());
        }
        claims.put("iat", Instant.now().getEpochSecond());
        claims.put("exp", Instant.now().plusSeconds(3600).getEpochSecond());
        return claims;
    }

    private static Map<String, Object> withExpiry(Map<String, Object> claims, Instant exp) {
        if (exp == null) {
            claims.remove("exp");
        } else {
            claims.put("exp", exp.getEpochSecond());
        }
        return claims;
    }

    /** The claims issued at {@code iat} (none when null) and expiring {@code lifetime} after it (after now without iat). */
    private static Map<String, Object> lifetime(Map<String, Object> claims, Instant iat, Duration lifetime) {
        if (iat == null) {
            claims.remove("iat");
        } else {
            claims.put("iat", iat.getEpochSecond());
        }
        return withExpiry(claims, (iat == null ? Instant.now() : iat).plus(lifetime));
    }

    /** A token built by hand, so that its header can lie: {@code alg: none}, another algorithm, another key. */
    private static String jwt(String alg, Map<String, Object> claims, String secret) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header =
                b64.encodeToString(("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}").getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(Api.json(claims).getBytes(StandardCharsets.UTF_8));
        String signingInput = header + "." + payload;
        if (secret == null) {
            return signingInput + ".";
        }
        try {
            String algorithm = alg.equals("HS512") ? "HmacSHA512" : "HmacSHA256";
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return signingInput + "."
                    + b64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A real user token whose payload is swapped for one claiming service_role, keeping the user's signature. */
    private String tampered(String token) {
        String[] parts = token.split("\\.");
        String payload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(Api.json(serviceClaims()).getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + payload + "." + parts[2];
    }
}
