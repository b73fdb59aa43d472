package io.subsync.sync.drift;

import static io.subsync.support.MasterSubscriptionStateBuilder.masterState;
import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.access.Provenance;
import io.subsync.mastersim.domain.Faults;
import io.subsync.support.Api;
import io.subsync.support.MasterChanges;
import io.subsync.support.MasterIntegrationTest;
import io.subsync.support.Tokens;
import io.subsync.sync.drift.domain.DriftAction;
import io.subsync.sync.inbound.AcceptMasterState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Reconciliation with Master under the default policy (manual), and resolving what it finds. */
class DriftIntegrationTests extends MasterIntegrationTest {
    @Autowired
    ReconcileWithMaster reconcile;

    @Autowired
    AcceptMasterState acceptMasterState;

    @Autowired
    DataSource dataSource;

    /** A user with a subscription Master confirmed; returns the Master account. */
    private UUID synced(UUID user) {
        UUID master = UUID.randomUUID();
        Api.Response response =
                api.post("/sync-subscription", Tokens.serviceRole(), sync(user, master, "create", "BASIC", 1));
        assertThat(response.status()).as(response.toString()).isIn(200, 202);
        awaitDrained(Duration.ofSeconds(15));
        assertThat(status(user)).isEqualTo("synced");
        return master;
    }

    private String status(UUID user) {
        return jdbc.sql("SELECT sync_status FROM subsync.account_sync WHERE mvp_user_id = :u")
                .param("u", user)
                .query(String.class)
                .single();
    }

    private String stateStatus(UUID user) {
        return jdbc.sql(
                        "SELECT sync_status FROM subsync.subscription_sync_state WHERE mvp_user_id = :u AND service_name = 'bazi-consultation'")
                .param("u", user)
                .query(String.class)
                .single();
    }

    @Test
    void masterHoldingWhatItConfirmedMarksNothing() {
        UUID user = UUID.randomUUID();
        synced(user);

        ReconciliationReport report = reconcile.reconcile(Optional.of(user), false, "tests");

        assertThat(report.ran()).isTrue();
        assertThat(report.lines()).singleElement().satisfies(line -> {
            assertThat(line.comparison().drifted()).isFalse();
            assertThat(line.action()).isEqualTo(DriftAction.NONE);
        });
        assertThat(status(user)).isEqualTo("synced");
        assertThat(stateStatus(user)).isEqualTo("synced");
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM subsync.subscription_sync_log WHERE mvp_user_id = :u AND status = 'diverged'")
                        .param("u", user)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aSubscriptionMasterCancelledIsMarkedDivergedWithStatusAmongTheDifferingFields() {
        UUID user = UUID.randomUUID();
        UUID master = synced(user);
        MasterChanges.cancel(master, "svc_bazi", "basic", "2026-12-01T00:00:00Z");

        ReconciliationReport report = reconcile.reconcile(Optional.of(user), false, "tests");

        assertThat(report.drifted()).singleElement().satisfies(line -> {
            assertThat(line.action()).isEqualTo(DriftAction.MARK_DIVERGED);
            assertThat(line.comparison().fields()).contains("status", "endDate");
        });
        assertThat(status(user)).isEqualTo("diverged");
        assertThat(stateStatus(user)).isEqualTo("diverged");
        Map<String, Object> logged = jdbc.sql("""
                SELECT operation, source, error, master_data::text AS master_data FROM subsync.subscription_sync_log
                WHERE mvp_user_id = :u AND status = 'diverged'""").param("u", user).query().singleRow();
        assertThat(logged.get("operation")).isEqualTo("sync");
        assertThat(logged.get("source")).isEqualTo("master");
        assertThat((String) logged.get("error")).contains("status: active → cancelled");
        assertThat(api.get("/api/sync/health", Tokens.serviceRole())
                        .json()
                        .get("divergedAccounts")
                        .asLong())
                .isPositive();

        JsonNode listed = divergenceOf(user);
        assertThat(listed.get("serviceName").asString()).isEqualTo("bazi-consultation");
        assertThat(listed.get("fields").toString()).contains("\"status\"");
        assertThat(listed.get("master").get("status").asString()).isEqualTo("cancelled");

        // Reconciling again finds the same drift already waiting for an operator: nothing new is logged.
        assertThat(reconcile.reconcile(Optional.of(user), false, "tests").drifted())
                .singleElement()
                .satisfies(line -> assertThat(line.action()).isEqualTo(DriftAction.ALREADY_DIVERGED));
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM subsync.subscription_sync_log WHERE mvp_user_id = :u AND status = 'diverged'")
                        .param("u", user)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    private JsonNode divergenceOf(UUID user) {
        Api.Response response = api.get("/api/sync/divergences?mvpUserId=" + user, Tokens.serviceRole());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode items = response.json().get("items");
        assertThat(items).as(response.toString()).hasSize(1);
        return items.get(0);
    }

    @Test
    void aDryRunReportsTheDriftAndChangesNothing() {
        UUID user = UUID.randomUUID();
        UUID master = synced(user);
        MasterChanges.cancel(master, "svc_bazi", "basic", "2026-12-01T00:00:00Z");
        MasterChanges.create(master, "svc_pawnshop", "pro");
        String before = snapshot(user);

        ReconciliationReport report = reconcile.reconcile(Optional.of(user), true, "tests");

        assertThat(report.dryRun()).isTrue();
        assertThat(report.drifted())
                .hasSize(2)
                .allSatisfy(line -> assertThat(line.action()).isEqualTo(DriftAction.MARK_DIVERGED));
        assertThat(report.drifted())
                .extracting(line -> line.comparison().serviceName())
                .containsExactlyInAnyOrder("bazi-consultation", "pawnshop");
        assertThat(snapshot(user)).isEqualTo(before);
    }

    /** Everything a reconciliation could change about the user, as text. */
    private String snapshot(UUID user) {
        return jdbc.sql("""
                SELECT (SELECT row_to_json(a)::text FROM subsync.account_sync a WHERE a.mvp_user_id = :u)
                    || (SELECT json_agg(s ORDER BY service_name)::text FROM subsync.subscription_sync_state s WHERE s.mvp_user_id = :u)
                    || (SELECT json_agg(o ORDER BY revision)::text FROM subsync.sync_outbox o WHERE o.mvp_user_id = :u)
                    || (SELECT count(*) FROM subsync.subscription_sync_log l WHERE l.mvp_user_id = :u)::text
                    || (SELECT count(*) FROM subsync.sync_divergences d WHERE d.mvp_user_id = :u)::text""").param("u", user).query(String.class).single();
    }

    @Test
    void aSubscriptionOnlyMasterHoldsKeepsTheAccountDivergedWhileAnotherServiceSettles() {
        UUID user = UUID.randomUUID();
        UUID master = synced(user);
        MasterChanges.create(master, "svc_pawnshop", "starter");
        reconcile.reconcile(Optional.of(user), false, "tests");
        assertThat(status(user)).isEqualTo("diverged");
        assertThat(stateStatus(user)).as("bazi itself is in step").isEqualTo("synced");

        // Master's newer state of bazi arrives and is applied: that settles bazi, not pawnshop.
        acceptMasterState.accept(
                masterState()
                        .masterUserId(master)
                        .planTier("premium")
                        .startDate(Instant.parse("2026-01-01T00:00:00Z"))
                        .version(100)
                        .build(),
                null,
                Provenance.of("tests"));

        assertThat(stateStatus(user)).isEqualTo("synced");
        assertThat(status(user))
                .as("pawnshop is still diverged, listed for an operator")
                .isEqualTo("diverged");
        assertThat(divergenceOf(user).get("serviceName").asString()).isEqualTo("pawnshop");

        api.post(
                "/api/sync/accounts/" + user + "/resolve",
                Tokens.serviceRole(),
                Map.of("serviceName", "pawnshop", "keep", "master"));
        assertThat(status(user)).isNotEqualTo("diverged");
    }

    @Test
    void anOperatorResolvesKeepingMastersStateThroughTheApi() {
        UUID user = UUID.randomUUID();
        UUID master = synced(user);
        MasterChanges.cancel(master, "svc_bazi", "basic", "2026-12-01T00:00:00Z");
        reconcile.reconcile(Optional.of(user), false, "tests");

        Api.Response resolved = api.post(
                "/api/sync/accounts/" + user + "/resolve",
                Tokens.serviceRole(),
                Map.of("serviceName", "bazi-consultation", "keep", "MASTER"));

        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
        assertThat(resolved.json().get("kept").asString()).isEqualTo("master");
        Map<String, Object> state = jdbc.sql("""
                SELECT status, sync_status FROM subsync.subscription_sync_state
                WHERE mvp_user_id = :u AND service_name = 'bazi-consultation'""").param("u", user).query().singleRow();
        assertThat(state.get("status")).isEqualTo("cancelled");
        assertThat(state.get("sync_status")).isNotEqualTo("diverged");
        assertThat(status(user)).isNotEqualTo("diverged");
        assertThat(api.get("/api/sync/divergences?mvpUserId=" + user, Tokens.serviceRole())
                        .json()
                        .get("items"))
                .isEmpty();
        assertThat(reconcile.reconcile(Optional.of(user), false, "tests").drifted())
                .as("in step now")
                .isEmpty();
        assertThat(api.post(
                                "/api/sync/accounts/" + user + "/resolve",
                                Tokens.serviceRole(),
                                Map.of("serviceName", "bazi-consultation", "keep", "master"))
                        .status())
                .as("nothing left to resolve")
                .isEqualTo(409);
    }

    @Test
    void anOperatorResolvesKeepingTheMvpsStateWhichIsSentToMasterAgain() {
        UUID user = UUID.randomUUID();
        UUID master = synced(user);
        MasterChanges.cancel(master, "svc_bazi", "basic", "2026-12-01T00:00:00Z");
        reconcile.reconcile(Optional.of(user), false, "tests");

        Api.Response resolved = api.post(
                "/api/sync/accounts/" + user + "/resolve",
                Tokens.serviceRole(),
                Map.of("serviceName", "bazi-consultation", "keep", "mvp"));

        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
        assertThat(resolved.json().get("syncId").isNull()).isFalse();
        awaitDrained(Duration.ofSeconds(15));
        assertThat(MASTER.subscriptionsOf(master.toString()))
                .singleElement()
                .satisfies(s -> assertThat(s.status()).isEqualTo("active"));
        assertThat(status(user)).isEqualTo("synced");
        assertThat(reconcile.reconcile(Optional.of(user), false, "tests").drifted())
                .isEmpty();
    }

    @Test
    void resolvingNamesTheFieldAtFaultAndTellsUnknownFromNotDiverged() {
        UUID user = UUID.randomUUID();
        synced(user);
        String path = "/api/sync/accounts/" + user + "/resolve";

        Api.Response badKeep =
                api.post(path, Tokens.serviceRole(), Map.of("serviceName", "bazi-consultation", "keep", "both"));
        assertThat(badKeep.status()).isEqualTo(422);
        assertThat(badKeep.contentType()).contains("application/problem+json");
        assertThat(badKeep.raw()).contains("keep");
        Api.Response noService = api.post(path, Tokens.serviceRole(), Map.of("keep", "mvp"));
        assertThat(noService.status()).isEqualTo(422);
        assertThat(noService.raw()).contains("serviceName");
        assertThat(api.post(path, Tokens.serviceRole(), "{\"serviceName\": 7,").status())
                .isEqualTo(400);
        assertThat(api.post(path, Tokens.serviceRole(), Map.of("serviceName", "nothing-here", "keep", "mvp"))
                        .status())
                .isEqualTo(404);
        assertThat(api.post(path, Tokens.serviceRole(), Map.of("serviceName", "bazi-consultation", "keep", "mvp"))
                        .status())
                .as("not diverged")
                .isEqualTo(409);
        assertThat(api.post(
                                "/api/sync/accounts/not-a-uuid/resolve",
                                Tokens.serviceRole(),
                                Map.of("serviceName", "bazi-consultation", "keep", "mvp"))
                        .status())
                .isEqualTo(400);
        assertThat(api.post(path, Tokens.user(user, null), Map.of("serviceName", "bazi-consultation", "keep", "mvp"))
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/sync/divergences", Tokens.user(user, null)).status())
                .isEqualTo(403);
        assertThat(api.get("/api/sync/divergences?limit=0", Tokens.serviceRole())
                        .raw())
                .contains("limit");
    }

    @Test
    void aRunFindingTheLockHeldDoesNothing() throws Exception {
        UUID user = UUID.randomUUID();
        UUID master = synced(user);
        MasterChanges.cancel(master, "svc_bazi", "basic", "2026-12-01T00:00:00Z");
        try (Connection other = dataSource.getConnection();
                PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_lock(?)")) {
            lock.setLong(1, 0x7375627379_6E6331L);
            lock.execute();
            ReconciliationReport report = reconcile.reconcile(Optional.of(user), false, "tests");
            assertThat(report.ran()).isFalse();
            assertThat(status(user)).isEqualTo("synced");
            try (PreparedStatement unlock = other.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                unlock.setLong(1, 0x7375627379_6E6331L);
                unlock.execute();
            }
        }
        assertThat(reconcile.reconcile(Optional.of(user), false, "tests").ran()).isTrue();
        assertThat(status(user)).isEqualTo("diverged");
    }

    @Test
    void twoConcurrentRunsDoNotBothRun() {
        UUID user = UUID.randomUUID();
        synced(user);
        MASTER.faults(Faults.NONE.withLatencyMs(1500));
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<ReconciliationReport> first = CompletableFuture.supplyAsync(
                    () -> reconcile.reconcile(Optional.of(user), false, "tests:first"), two);
            CompletableFuture<ReconciliationReport> second = CompletableFuture.supplyAsync(
                    () -> reconcile.reconcile(Optional.of(user), false, "tests:second"), two);
            List<Boolean> ran = List.of(first.join().ran(), second.join().ran());
            assertThat(ran).containsExactlyInAnyOrder(true, false);
        } finally {
            MASTER.faults(Faults.NONE);
            two.shutdownNow();
        }
    }
}
