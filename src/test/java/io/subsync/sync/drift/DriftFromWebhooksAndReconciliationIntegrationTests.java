package io.subsync.sync.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.mastersim.domain.Faults;
import io.subsync.support.Api;
import io.subsync.support.MasterChanges;
import io.subsync.support.Tokens;
import io.subsync.sync.drift.domain.DriftAction;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A divergence a webhook brought (policy manual) and one a reconciliation found live in one store: both are listed once,
 * both keep their account diverged, and both are resolved through the same API.
 */
class DriftFromWebhooksAndReconciliationIntegrationTests extends DriftedIntegrationTest {
    @BeforeEach
    void sendWebhooksHere() {
        MASTER.webhooks("http://127.0.0.1:" + port + "/webhooks/master", WEBHOOK_SECRET);
    }

    @Test
    void aWebhooksDivergenceAndAReconciliationsAreEachListedOnceAndBothResolve() {
        UUID byReconciliation = drifted();
        UUID byReconciliationAtMaster = master;
        reconcile.reconcile(Optional.of(byReconciliation), false, "tests");

        UUID byWebhook = UUID.randomUUID();
        UUID byWebhookAtMaster = UUID.randomUUID();
        Api.Response created = api.post(
                "/sync-subscription", Tokens.serviceRole(), sync(byWebhook, byWebhookAtMaster, "create", "BASIC", 1));
        assertThat(created.status()).as(created.toString()).isIn(200, 202);
        awaitDrained(Duration.ofSeconds(15));
        MASTER.faults(Faults.NONE.withOutage(true));
        Api.Response held =
                api.post("/sync-subscription", Tokens.serviceRole(), sync(byWebhook, null, "update", "PREMIUM", 2));
        assertThat(held.status()).as(held.toString()).isEqualTo(202);
        MasterChanges.announced(
                Map.of("userId", byWebhookAtMaster.toString(), "serviceId", "svc_bazi", "type", "cancel"));
        MASTER.faults(Faults.NONE);
        // A reconciliation of the webhook's pair finds it waiting already and records nothing more.
        assertThat(reconcile.reconcile(Optional.of(byWebhook), false, "tests").drifted())
                .allSatisfy(line -> assertThat(line.action()).isEqualTo(DriftAction.ALREADY_DIVERGED));

        assertThat(accountStatus(byWebhook)).isEqualTo("diverged");
        assertThat(accountStatus(byReconciliation)).isEqualTo("diverged");
        List<JsonNode> listed = StreamSupport.stream(
                        api.get("/api/sync/divergences?limit=1000", Tokens.serviceRole())
                                .json()
                                .get("items")
                                .spliterator(),
                        false)
                .filter(item -> List.of(byWebhook.toString(), byReconciliation.toString())
                        .contains(item.get("mvpUserId").asString()))
                .toList();
        assertThat(listed)
                .extracting(item -> item.get("mvpUserId").asString())
                .containsExactlyInAnyOrder(byWebhook.toString(), byReconciliation.toString());
        JsonNode fromWebhook = listed.stream()
                .filter(item -> item.get("mvpUserId").asString().equals(byWebhook.toString()))
                .findFirst()
                .orElseThrow();
        assertThat(fromWebhook.get("serviceName").asString()).isEqualTo("bazi-consultation");
        assertThat(fromWebhook.get("fields").toString()).contains("\"planCode\"", "\"status\"");
        assertThat(fromWebhook.get("detectedBy").asString()).isEqualTo("inbound change");
        assertThat(fromWebhook.get("master").get("status").asString()).isEqualTo("cancelled");
        JsonNode fromReconciliation = listed.stream()
                .filter(item -> item.get("mvpUserId").asString().equals(byReconciliation.toString()))
                .findFirst()
                .orElseThrow();
        assertThat(fromReconciliation.get("fields").toString()).contains("\"status\"");
        assertThat(fromReconciliation.get("detectedBy").asString()).isEqualTo("tests");

        Api.Response keptMaster = resolve(byWebhook, "master");
        assertThat(keptMaster.status()).as(keptMaster.toString()).isEqualTo(200);
        Api.Response keptMvp = resolve(byReconciliation, "mvp");
        assertThat(keptMvp.status()).as(keptMvp.toString()).isEqualTo(200);
        awaitDrained(Duration.ofSeconds(15));

        assertThat(MASTER.subscriptionsOf(byWebhookAtMaster.toString()))
                .singleElement()
                .satisfies(s -> assertThat(s.status()).isEqualTo("cancelled"));
        assertThat(MASTER.subscriptionsOf(byReconciliationAtMaster.toString()))
                .singleElement()
                .satisfies(s -> assertThat(s.status()).isEqualTo("active"));
        for (UUID user : List.of(byWebhook, byReconciliation)) {
            assertThat(accountStatus(user)).isEqualTo("synced");
            assertThat(api.get("/api/sync/divergences?mvpUserId=" + user, Tokens.serviceRole())
                            .json()
                            .get("items"))
                    .isEmpty();
            assertThat(resolve(user, "master").status())
                    .as("nothing left to resolve")
                    .isEqualTo(409);
        }
    }

    private Api.Response resolve(UUID user, String keep) {
        return api.post(
                "/api/sync/accounts/" + user + "/resolve",
                Tokens.serviceRole(),
                Map.of("serviceName", "bazi-consultation", "keep", keep));
    }
}
