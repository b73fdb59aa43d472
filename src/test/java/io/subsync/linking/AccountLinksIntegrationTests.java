package io.subsync.linking;

import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.access.Role;
import io.subsync.access.TokenMinter;
import io.subsync.mastersim.domain.MasterSubscription;
import io.subsync.support.Api;
import io.subsync.support.MasterIntegrationTest;
import io.subsync.support.Syncs;
import io.subsync.support.Tokens;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * Magic links over HTTP, on a real PostgreSQL, delivering to the Master simulator: create, validate (with Master's
 * key or service_role), the refusals and their answers, the limits, unlink and relink, and the audit trail.
 */
@ExtendWith(OutputCaptureExtension.class)
class AccountLinksIntegrationTests extends MasterIntegrationTest {
    private static final TokenMinter MINTER = new TokenMinter(Tokens.SECRET);
    private final UUID user = UUID.randomUUID();
    private final UUID master = UUID.randomUUID();
    /** A service_role caller of its own, so the per-client limits of one test do not touch another's. */
    private final String service = newServiceClient();

    @Test
    void validatingLinksTheAccountsAndPushesEverySubscriptionToMaster(CapturedOutput output) {
        waitingSubscription(user, "bazi-consultation", "BASIC");
        waitingSubscription(user, "pawnshop", "starter");

        Api.Response created = api.post("/api/account-links", Tokens.user(user, null), Map.of());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String token = created.json().get("token").asString();
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(created.json().get("linkUrl").asString())
                .isEqualTo("http://127.0.0.1:" + port + "/link?token=" + token);
        assertThat(Instant.parse(created.json().get("expiresAt").asString()))
                .isBetween(
                        Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));

        Api.Response validated = validateWithMasterKey(token, master, "ada@master.example");

        assertThat(validated.status()).as(validated.toString()).isEqualTo(200);
        JsonNode link = validated.json();
        assertThat(link.get("mvpUserId").asString()).isEqualTo(user.toString());
        assertThat(link.get("masterUserId").asString()).isEqualTo(master.toString());
        assertThat(link.get("masterEmail").asString()).isEqualTo("ada@master.example");
        assertThat(link.get("syncStatus").asString()).isEqualTo("pending");
        assertThat(link.get("queuedSyncs").asInt()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM subsync.sync_outbox WHERE mvp_user_id = :u AND operation = 'sync'")
                        .param("u", user)
                        .query(Long.class)
                        .single())
                .isEqualTo(2L);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM subsync.subscription_sync_log
                        WHERE mvp_user_id = :u AND operation = 'link' AND status = 'success' AND master_user_id = :m
                          AND actor = 'master' AND mvp_data ->> 'via' = 'magic_link'""")
                        .param("u", user)
                        .param("m", master)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);

        awaitDrained(Duration.ofSeconds(30));
        List<MasterSubscription> atMaster = MASTER.subscriptionsOf(master.toString());
        assertThat(atMaster)
                .extracting(MasterSubscription::serviceName)
                .containsExactlyInAnyOrder("bazi-consultation", "pawnshop");
        assertThat(account(user).get("syncStatus").asString()).isEqualTo("synced");
        assertThat(jdbc.sql(
                                "SELECT used_by_master_user_id FROM subsync.magic_link_tokens WHERE mvp_user_id = :u AND used_at IS NOT NULL")
                        .param("u", user)
                        .query(UUID.class)
                        .single())
                .isEqualTo(master);
        assertThat(output.getAll()).doesNotContain(token);
    }

    @Test
    void linkingATenantOwnerPushesTheTenantsSubscriptionsThatWaitedForTheLink() {
        Api.Response opened = api.post(
                "/api/tenants",
                Tokens.serviceRole(),
                Map.of(
                        "name",
                        "Owned",
                        "plan",
                        "pro",
                        "ownerUserId",
                        user.toString(),
                        "products",
                        Map.of("pawnshop", true)));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT count(*) FROM subsync.subscription_sync_state WHERE mvp_user_id = :u")
                        .param("u", user)
                        .query(Long.class)
                        .single())
                .as("nothing recorded while the owner has no link")
                .isZero();

        Api.Response validated = validateWithMasterKey(createFor(user), master, null);

        assertThat(validated.json().get("queuedSyncs").asInt())
                .as(validated.toString())
                .isEqualTo(2);
        assertThat(validated.json().get("syncStatus").asString()).isEqualTo("pending");
        awaitDrained(Duration.ofSeconds(30));
        assertThat(MASTER.subscriptionsOf(master.toString()))
                .extracting(MasterSubscription::serviceName)
                .containsExactlyInAnyOrder("platform", "pawnshop");
        assertThat(account(user).get("syncStatus").asString()).isEqualTo("synced");
    }

    @Test
    void theLinkIsSyncedOnlyOnceMasterHasConfirmedEveryOperationOfTheUser() {
        Syncs syncs = new Syncs(api, jdbc);
        String broken = syncs.brokenService();
        waitingSubscription(user, "bazi-consultation", "BASIC");
        waitingSubscription(user, broken, "X");

        assertThat(validateWithMasterKey(createFor(user), master, null)
                        .json()
                        .get("queuedSyncs")
                        .asInt())
                .isEqualTo(2);
        awaitDrained(Duration.ofSeconds(30));

        // Master took one and refused the other: whichever came first, the account is not synced.
        assertThat(MASTER.subscriptionsOf(master.toString()))
                .extracting(MasterSubscription::serviceName)
                .containsExactly("bazi-consultation");
        assertThat(account(user).get("syncStatus").asString()).isEqualTo("failed");

        syncs.mend(broken);
        assertThat(api.post("/api/sync/retry", Tokens.serviceRole(), Map.of("mvpUserId", user.toString()))
                        .status())
                .isEqualTo(200);
        awaitDrained(Duration.ofSeconds(30));
        assertThat(account(user).get("syncStatus").asString()).isEqualTo("synced");
    }

    @Test
    void onlyTheTokensHashIsStoredAndTheTokenAppearsNowhere() {
        String token = createFor(user);

        assertThat(jdbc.sql(
                                "SELECT count(*) FROM subsync.magic_link_tokens WHERE token_hash = sha256(convert_to(:t, 'UTF8'))")
                        .param("t", token)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        assertThat(jdbc.sql("SELECT count(*) FROM subsync.magic_link_tokens t WHERE strpos(t::text, :t) > 0")
                        .param("t", token)
                        .query(Long.class)
                        .single())
                .isZero();
        validateWithMasterKey(token, master, null);
        assertThat(jdbc.sql("SELECT count(*) FROM subsync.subscription_sync_log l WHERE strpos(l::text, :t) > 0")
                        .param("t", token)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM subsync.account_sync a WHERE strpos(a::text, :t) > 0")
                        .param("t", token)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aUserWithNothingToSendIsSyncedAtOnce() {
        Api.Response validated = validateWithMasterKey(createFor(user), master, null);

        assertThat(validated.json().get("queuedSyncs").asInt()).isZero();
        assertThat(validated.json().get("syncStatus").asString()).isEqualTo("synced");
    }

    @Test
    void aUsedTokenIsRefusedWith409() {
        String token = createFor(user);
        assertThat(validateWithMasterKey(token, master, null).status()).isEqualTo(200);

        Api.Response again = validateAsService(token, master);

        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("token_used");
        assertThat(again.json().get("detail").asString())
                .contains("already used")
                .doesNotContain(token);
    }

    @Test
    void anExpiredTokenIsRefusedWith410AndLinksNothing() {
        String token = createFor(user);
        jdbc.sql("""
                        UPDATE subsync.magic_link_tokens SET created_at = now() - interval '25 hours', expires_at = now() - interval '1 hour'
                        WHERE token_hash = sha256(convert_to(:t, 'UTF8'))""").param("t", token).update();

        Api.Response refused = validateAsService(token, master);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(410);
        assertThat(refused.json().get("code").asString()).isEqualTo("token_expired");
        assertThat(jdbc.sql("SELECT count(*) FROM subsync.account_sync WHERE master_user_id = :m")
                        .param("m", master)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void anUnknownTokenIsRefusedWith404() {
        Api.Response refused = validateAsService("not-a-token-" + UUID.randomUUID(), master);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(404);
        assertThat(refused.json().get("code").asString()).isEqualTo("unknown_token");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("token");
    }

    @Test
    void aMasterAccountLinkedToAnotherUserIsRefusedWith409AndTheTokenStaysUnused() {
        UUID other = UUID.randomUUID();
        validateWithMasterKey(createFor(other), master, null);
        String token = createFor(user);

        Api.Response refused = validateAsService(token, master);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("master_account_linked_elsewhere");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("masterUserId");
        assertThat(jdbc.sql("SELECT state FROM subsync.magic_link_token_state(:t)")
                        .param("t", token)
                        .query(String.class)
                        .single())
                .isEqualTo("valid");
        assertThat(validateAsService(token, UUID.randomUUID()).status()).isEqualTo(200);
    }

    @Test
    void aUserLinkedToAnotherMasterAccountIsRefusedWith409() {
        validateWithMasterKey(createFor(user), master, null);

        Api.Response refused = validateAsService(createFor(user), UUID.randomUUID());

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("account_linked_elsewhere");
        assertThat(account(user).get("masterUserId").asString()).isEqualTo(master.toString());
    }

    @Test
    void validityMustBeBetweenOneAnd168Hours() {
        for (int hours : new int[] {0, 169, -1}) {
            Api.Response refused =
                    api.post("/api/account-links", Tokens.user(user, null), Map.of("validityHours", hours));

            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asString())
                    .isEqualTo("validityHours");
        }
        Api.Response oneHour = api.post("/api/account-links", Tokens.user(user, null), Map.of("validityHours", 1));
        assertThat(Instant.parse(oneHour.json().get("expiresAt").asString()))
                .isBetween(
                        Instant.now().plus(Duration.ofMinutes(55)),
                        Instant.now().plus(Duration.ofMinutes(65)));
    }

    @Test
    void aUserCreatesLinksOnlyForThemselfAndServiceRoleForAnyone() {
        Api.Response forOther = api.post(
                "/api/account-links",
                Tokens.user(user, null),
                Map.of("mvpUserId", UUID.randomUUID().toString()));
        assertThat(forOther.status()).as(forOther.toString()).isEqualTo(403);

        assertThat(api.post("/api/account-links", Tokens.user(user, null), Map.of("mvpUserId", user.toString()))
                        .status())
                .isEqualTo(201);
        Api.Response byService = api.post("/api/account-links", service, Map.of("mvpUserId", user.toString()));
        assertThat(byService.status()).as(byService.toString()).isEqualTo(201);
        assertThat(byService.json().get("mvpUserId").asString()).isEqualTo(user.toString());
        Api.Response nobody = api.post("/api/account-links", service, Map.of());
        assertThat(nobody.status()).isEqualTo(400);
        assertThat(nobody.json().get("errors").get(0).get("field").asString()).isEqualTo("mvpUserId");
        assertThat(api.post("/api/account-links", null, Map.of()).status()).isEqualTo(401);
    }

    @Test
    void onlyServiceRoleOrMastersKeyMayValidate() {
        String token = createFor(user);
        Map<String, Object> body = Map.of("token", token, "masterUserId", master.toString());

        assertThat(api.post("/api/account-links/validate", Tokens.user(user, null), body)
                        .status())
                .isEqualTo(403);
        Api.Response wrongKey = api.postWithHeader("/api/account-links/validate", null, body, "X-Master-Key", "guess");
        assertThat(wrongKey.status()).as(wrongKey.toString()).isEqualTo(401);
        assertThat(wrongKey.contentType()).startsWith("application/problem+json");
        assertThat(wrongKey.raw()).doesNotContain(MASTER_KEY);
        assertThat(api.post("/api/account-links/validate", null, body).status()).isEqualTo(401);
        // None of those used the token.
        assertThat(validateWithMasterKey(token, master, null).status()).isEqualTo(200);
    }

    @Test
    void badInputIs400NamingTheField() {
        Api.Response noMaster = validateAsService(createFor(user), null);
        assertThat(noMaster.status()).isEqualTo(400);
        assertThat(noMaster.json().get("errors").get(0).get("field").asString()).isEqualTo("masterUserId");

        Api.Response noToken =
                api.post("/api/account-links/validate", service, Map.of("masterUserId", master.toString()));
        assertThat(noToken.status()).isEqualTo(400);
        assertThat(noToken.json().get("errors").get(0).get("field").asString()).isEqualTo("token");

        Api.Response badEmail = api.post(
                "/api/account-links/validate",
                service,
                Map.of("token", "x", "masterUserId", master.toString(), "masterEmail", "not an email"));
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.json().get("errors").get(0).get("field").asString()).isEqualTo("masterEmail");

        Api.Response badUuid =
                api.post("/api/account-links/validate", service, Map.of("token", "x", "masterUserId", "nope"));
        assertThat(badUuid.status()).isEqualTo(400);
        assertThat(badUuid.json().get("errors").get(0).get("field").asString()).isEqualTo("masterUserId");
    }

    @Test
    void refusedValidationsFromOneClientAreLimitedTo10AMinute() {
        for (int i = 0; i < 10; i++) {
            assertThat(validateAsService(UUID.randomUUID().toString(), master).status())
                    .isEqualTo(404);
        }

        Api.Response limited = validateAsService(UUID.randomUUID().toString(), master);

        assertThat(limited.status()).as(limited.toString()).isEqualTo(429);
        assertThat(limited.json().get("code").asString()).isEqualTo("too_many_attempts");
        assertThat(Long.parseLong(limited.header("Retry-After").orElseThrow())).isBetween(1L, 60L);
        // Another client is not held back.
        assertThat(validateAs(newServiceClient(), UUID.randomUUID().toString(), master)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void refusalsOfOneTokenAreLimitedTo5AMinuteWhoeverSendsIt() {
        String stale = "stale-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            assertThat(validateAs(newServiceClient(), stale, master).status()).isEqualTo(404);
        }

        Api.Response limited = validateAs(newServiceClient(), stale, master);

        assertThat(limited.status()).as(limited.toString()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isPresent();
    }

    @Test
    void wrongTokensSharingARealTokensPrefixDoNotLockTheRealOne() {
        String token = createFor(user);
        for (int i = 0; i < 5; i++) {
            String lookalike = token.substring(0, 8) + UUID.randomUUID();
            assertThat(validateAs(newServiceClient(), lookalike, master).status())
                    .isEqualTo(404);
        }

        Api.Response validated = validateWithMasterKey(token, master, null);

        assertThat(validated.status()).as(validated.toString()).isEqualTo(200);
    }

    @Test
    void mastersRefusalsForSomeAccountsDoNotHoldBackAnotherAccountsLink() {
        // Master's users opening old links: each refusal is that Master account's, not Master's as a whole.
        for (int i = 0; i < 12; i++) {
            Api.Response refused = validateWithMasterKey("old-link-" + UUID.randomUUID(), UUID.randomUUID(), null);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(404);
        }

        Api.Response validated = validateWithMasterKey(createFor(user), master, null);

        assertThat(validated.status()).as(validated.toString()).isEqualTo(200);
    }

    @Test
    void aMasterAccountThatKeepsGuessingIsLimitedYetItsValidLinkIsStillUsed() {
        for (int i = 0; i < 10; i++) {
            assertThat(validateWithMasterKey("guess-" + UUID.randomUUID(), master, null)
                            .status())
                    .isEqualTo(404);
        }
        Api.Response limited = validateWithMasterKey("guess-" + UUID.randomUUID(), master, null);
        assertThat(limited.status()).as(limited.toString()).isEqualTo(429);
        assertThat(limited.json().get("code").asString()).isEqualTo("too_many_attempts");

        Api.Response validated = validateWithMasterKey(createFor(user), master, null);

        assertThat(validated.status()).as(validated.toString()).isEqualTo(200);
        assertThat(validated.json().get("masterUserId").asString()).isEqualTo(master.toString());
    }

    @Test
    void unlinkAndRelinkAreExplicitAtomicAndAudited() {
        validateWithMasterKey(createFor(user), master, "first@master.example");

        assertThat(api.delete("/api/account-links/" + user, Tokens.user(UUID.randomUUID(), null))
                        .status())
                .isEqualTo(403);
        Api.Response unlinked = api.delete("/api/account-links/" + user, Tokens.user(user, null));
        assertThat(unlinked.status()).as(unlinked.toString()).isEqualTo(200);
        assertThat(unlinked.json().get("linked").asBoolean()).isFalse();
        assertThat(unlinked.json().get("masterUserId").isNull()).isTrue();
        assertThat(api.delete("/api/account-links/" + user, Tokens.user(user, null))
                        .status())
                .isEqualTo(404);
        assertThat(logged(user, "unlink", master)).isEqualTo(1);

        // Relink by a new magic link, to another Master account.
        UUID second = UUID.randomUUID();
        assertThat(validateWithMasterKey(createFor(user), second, null).status())
                .isEqualTo(200);
        // ... and by service_role in one step, to a third.
        UUID third = UUID.randomUUID();
        Map<String, Object> body = Map.of("masterUserId", third.toString(), "masterEmail", "third@master.example");
        assertThat(api.put("/api/account-links/" + user, Tokens.user(user, null), body)
                        .status())
                .isEqualTo(403);
        Api.Response relinked = api.put("/api/account-links/" + user, service, body);

        assertThat(relinked.status()).as(relinked.toString()).isEqualTo(200);
        assertThat(relinked.json().get("masterUserId").asString()).isEqualTo(third.toString());
        assertThat(relinked.json().get("masterEmail").asString()).isEqualTo("third@master.example");
        assertThat(logged(user, "unlink", second)).isEqualTo(1);
        assertThat(logged(user, "link", third)).isEqualTo(1);
        // The first Master account is free again.
        assertThat(validateWithMasterKey(createFor(UUID.randomUUID()), master, null)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void relinkingToAMasterAccountLinkedElsewhereChangesNothing() {
        UUID other = UUID.randomUUID();
        UUID taken = UUID.randomUUID();
        validateWithMasterKey(createFor(other), taken, null);
        validateWithMasterKey(createFor(user), master, null);

        Api.Response refused = api.put("/api/account-links/" + user, service, Map.of("masterUserId", taken.toString()));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(account(user).get("masterUserId").asString()).isEqualTo(master.toString());
        assertThat(logged(user, "unlink", master)).isZero();
    }

    @Test
    void theLandingPageShowsTheStateOfALinkWithoutUsingIt() {
        String token = createFor(user);

        Api.Response valid = api.get("/link?token=" + token, null);
        assertThat(valid.status()).isEqualTo(200);
        assertThat(valid.contentType()).startsWith("text/html");
        assertThat(valid.raw())
                .contains("data-state=\"valid\"")
                .contains("How to finish")
                .doesNotContain(token);
        assertThat(valid.header("Referrer-Policy")).contains("no-referrer");
        assertThat(valid.header("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));

        assertThat(validateWithMasterKey(token, master, null).status()).isEqualTo(200);
        Api.Response used = api.get("/link?token=" + token, null);
        assertThat(used.status()).isEqualTo(410);
        assertThat(used.raw()).contains("data-state=\"used\"").contains("already been used");

        Api.Response unknown = api.get("/link?token=" + UUID.randomUUID(), null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.raw()).contains("data-state=\"unknown\"");
    }

    @Test
    void anAddressRefusedTooOftenIsLimitedYetAValidLinksPageIsStillShown() throws IOException {
        // An address of its own (all of 127.0.0.0/8 is loopback): the limit is per address, shared by this JVM's tests.
        String address = "127.0.%d.%d"
                .formatted(
                        ThreadLocalRandom.current().nextInt(1, 255),
                        ThreadLocalRandom.current().nextInt(2, 255));
        for (int i = 0; i < 10; i++) {
            assertThat(linkPageStatusFrom(address, UUID.randomUUID().toString()))
                    .isEqualTo(404);
        }
        assertThat(linkPageStatusFrom(address, UUID.randomUUID().toString())).isEqualTo(429);

        assertThat(linkPageStatusFrom(address, createFor(user))).isEqualTo(200);
    }

    private void waitingSubscription(UUID mvpUser, String serviceName, String plan) {
        Map<String, Object> data = new HashMap<>();
        data.put("serviceName", serviceName);
        data.put("planCode", plan);
        data.put("status", "active");
        data.put("startDate", "2026-11-01T00:00:00Z");
        Api.Response response = api.post(
                "/sync-subscription",
                service,
                Map.of("mvpUserId", mvpUser.toString(), "operation", "create", "subscriptionData", data));
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
    }

    private String createFor(UUID mvpUser) {
        Api.Response created = api.post("/api/account-links", service, Map.of("mvpUserId", mvpUser.toString()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("token").asString();
    }

    private Api.Response validateWithMasterKey(String token, UUID masterUser, String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("token", token);
        body.put("masterUserId", masterUser.toString());
        body.put("masterEmail", email);
        return api.postWithHeader("/api/account-links/validate", null, body, "X-Master-Key", MASTER_KEY);
    }

    private Api.Response validateAsService(String token, UUID masterUser) {
        return validateAs(service, token, masterUser);
    }

    private Api.Response validateAs(String client, String token, UUID masterUser) {
        Map<String, Object> body = new HashMap<>();
        body.put("token", token);
        body.put("masterUserId", masterUser == null ? null : masterUser.toString());
        return api.post("/api/account-links/validate", client, body);
    }

    /** A service_role token with a subject of its own: a client the limits count apart from every other. */
    private static String newServiceClient() {
        return MINTER.mint(
                "tests-" + UUID.randomUUID(), Role.SERVICE_ROLE, null, null, Instant.now(), Duration.ofHours(1));
    }

    /** The status of {@code GET /link?token=…} sent from the given loopback address. */
    private int linkPageStatusFrom(String address, String token) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(address, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream()
                    .write(("GET /link?token=" + token + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                    + "Connection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String statusLine = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    private JsonNode account(UUID mvpUser) {
        return api.get("/api/sync/accounts/" + mvpUser, Tokens.serviceRole()).json();
    }

    private long logged(UUID mvpUser, String operation, UUID masterUser) {
        return jdbc.sql("""
                        SELECT count(*) FROM subsync.subscription_sync_log
                        WHERE mvp_user_id = :u AND operation = :o AND master_user_id = :m AND status = 'success'""")
                .param("u", mvpUser)
                .param("o", operation)
                .param("m", masterUser)
                .query(Long.class)
                .single();
    }
}
