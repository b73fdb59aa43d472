package io.subsync.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.support.Api;
import io.subsync.support.FreePorts;
import io.subsync.support.IntegrationTest;
import io.subsync.support.Jar;
import io.subsync.support.TestDatabase;
import io.subsync.support.Tokens;
import io.subsync.support.Waits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The packaged jar, run as a user runs it. */
class CommandLineEndToEndTests extends IntegrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"serve", "demo", "init", "token", "reconcile", "retry", "monitor", "master-sim"})
    void everyCommandExplainsItself(String command) {
        Jar.Run run = Jar.run(Map.of(), command, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: subsync " + command);
    }

    @Test
    void serveRefusesToStartWithoutAJwtSecretAndNamesIt() {
        Jar.Run run = Jar.run(Map.of(), "serve");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains("SUBSYNC_JWT_SECRET is not set");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "serve     | SUBSYNC_JWT_SECRET            | 0123456789                 | SUBSYNC_JWT_SECRET: must be at least 32 bytes, was 10",
                "serve     | SUBSYNC_DB_URL                | mysql://x                  | SUBSYNC_DB_URL: must start with jdbc:postgresql:// or postgres://, was 'mysql://x'",
                "serve     | SUBSYNC_DB_URL                | jdbc:postgresql:// garbage | SUBSYNC_DB_URL: is not a PostgreSQL URL such as jdbc:postgresql://host:5432/db, was 'jdbc:postgresql:// garbage'",
                "serve     | SUBSYNC_DB_POOL_MODE          | transaction                | SUBSYNC_DB_POOL_MODE: transaction needs SUBSYNC_DB_MIGRATION_URL, a direct or session-mode connection for the migrations (docs/deployment.md)",
                "serve     | SUBSYNC_DB_CONNECTION_TIMEOUT | 100ms                      | SUBSYNC_DB_CONNECTION_TIMEOUT: must be at least 250ms, was 100ms",
                "serve     | SUBSYNC_SYNC_LEASE            | 5s                         | SUBSYNC_SYNC_LEASE: must be longer than the connect and read timeouts to Master together (12000 ms), was 5000 ms: a delivery still waiting for Master would be taken over and sent again",
                "retry     | SUBSYNC_DB_URL                | mysql://x                  | SUBSYNC_DB_URL: must start with jdbc:postgresql:// or postgres://, was 'mysql://x'",
                "monitor   | SUBSYNC_DB_CONNECTION_TIMEOUT | 100ms                      | SUBSYNC_DB_CONNECTION_TIMEOUT: must be at least 250ms, was 100ms",
                "reconcile | SUBSYNC_DB_POOL_MODE          | transaction                | SUBSYNC_DB_POOL_MODE: transaction needs SUBSYNC_DB_MIGRATION_URL, a direct or session-mode connection for the migrations (docs/deployment.md)",
                "token     | SUBSYNC_JWT_MAX_LIFETIME      | 0                          | SUBSYNC_JWT_MAX_LIFETIME: must be positive, was PT0S",
            })
    void refusesABadSettingInOneLineNamingItWithoutAStackTrace(
            String command, String setting, String value, String line) {
        Map<String, String> env = new HashMap<>(databaseEnv());
        env.put("SUBSYNC_JWT_SECRET", Tokens.SECRET);
        env.put(setting, value);

        Jar.Apart run = Jar.runApart(env, command);

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err().lines().toList()).as(run.out() + run.err()).containsExactly(line);
        assertThat(run.out()).doesNotContain(setting).doesNotContain("\tat ");
    }

    @Test
    void aFailureNobodyForesawIsOneLineAndItsStackTraceIsKeptInAFile() throws Exception {
        // Nothing listens on port 1: the migrations cannot reach the database, which no setting says is wrong.
        Map<String, String> env =
                Map.of("SUBSYNC_JWT_SECRET", Tokens.SECRET, "SUBSYNC_DB_URL", "jdbc:postgresql://127.0.0.1:1/subsync");

        Jar.Apart run = Jar.runApart(env, "retry");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        List<String> lines = run.err().lines().toList();
        assertThat(lines).as(run.out() + run.err()).hasSize(1);
        assertThat(lines.get(0)).startsWith("subsync retry: ").contains("the stack trace is in ");
        assertThat(run.out()).doesNotContain("\tat ");
        Path trace = Path.of(lines.get(0).replaceAll(".*the stack trace is in (\\S+)\\)$", "$1"));
        assertThat(Files.readString(trace)).contains("\tat ");
        Files.delete(trace);
    }

    @Test
    void tokenMintsATokenTheServiceAccepts() {
        UUID tenant = new io.subsync.support.Tenants(api).open("pro", Map.of("bnpl", true));

        Jar.Run run = Jar.run(Map.of("SUBSYNC_JWT_SECRET", Tokens.SECRET), "token", "--tenant", tenant.toString());

        assertThat(run.exitCode()).as(run.out()).isZero();
        Api.Response response =
                api.get("/api/tenants/current/subscriptions", run.out().trim());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("subscriptions")).hasSize(2);
    }

    @Test
    void tokenNamesTheBadArgumentOrTheFileAndLine(@TempDir Path dir) throws Exception {
        Map<String, String> env = Map.of("SUBSYNC_JWT_SECRET", Tokens.SECRET);
        assertThat(Jar.run(env, "token", "--tenant", "acme")).satisfies(run -> {
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.out()).contains("--tenant: not a UUID: 'acme'");
        });
        Path ids = dir.resolve("tenants.txt");
        Files.writeString(ids, UUID.randomUUID() + "\nnot-a-tenant\n");
        assertThat(Jar.run(env, "token", "--batch", ids.toString())).satisfies(run -> {
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.out()).contains(ids + ":2: not a tenant id (UUID): 'not-a-tenant'");
        });
        assertThat(Jar.run(Map.of("SUBSYNC_JWT_SECRET", "short"), "token").out())
                .contains("at least 32 bytes");
    }

    @Test
    void tokenMintsNothingTheServiceWouldRefuseForLivingTooLong() {
        Map<String, String> env = Map.of("SUBSYNC_JWT_SECRET", Tokens.SECRET);
        assertThat(Jar.run(env, "token", "--role", "service_role", "--ttl", "P8D"))
                .satisfies(run -> {
                    assertThat(run.exitCode()).as(run.out()).isEqualTo(2);
                    assertThat(run.out()).contains("--ttl must be at most 7d");
                });

        Jar.Run week = Jar.run(env, "token", "--role", "service_role", "--ttl", "P7D");

        assertThat(week.exitCode()).as(week.out()).isZero();
        assertThat(api.get("/api/sync/health", week.out().trim()).status()).isEqualTo(200);
    }

    @Test
    void reconcileCreatesEveryMissingSubscriptionAndPrintsWhatItCreated() {
        UUID tenant = new io.subsync.support.Tenants(api).open("enterprise", Map.of());
        jdbc.sql("""
                INSERT INTO subsync.tenant_products (tenant_id, product_code, enabled, changed_at)
                SELECT :t, code, TRUE, now() FROM subsync.products WHERE code IN ('bnpl', 'money_loan', 'pawnshop')""").param("t", tenant).update();

        Jar.Run run = Jar.run(databaseEnv(), "reconcile", "--verbose");

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).containsPattern("Created \\d+ subscription\\(s\\)");
        assertThat(run.out()).contains("pawnshop enterprise for tenant " + tenant + " (reconcile)");
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM subsync.tenant_subscriptions WHERE tenant_id = :t AND status = 'active'")
                        .param("t", tenant)
                        .query(Long.class)
                        .single())
                .isEqualTo(4L);
        Jar.Run again = Jar.run(databaseEnv(), "reconcile");
        assertThat(again.out()).contains("Created 0 subscription(s)");
    }

    @Test
    void retryQueuesFailedOperationsAndMonitorShowsTheHealthFigures() {
        UUID user = UUID.randomUUID();
        UUID syncId = failedOperation(user);

        Jar.Run bad = Jar.run(databaseEnv(), "retry", "--user", "someone");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.out()).contains("--user: not a UUID: 'someone'");
        Jar.Run retry = Jar.run(databaseEnv(), "retry", "--user", user.toString());
        assertThat(retry.exitCode()).as(retry.out()).isZero();
        assertThat(retry.out()).contains("Queued 1 failed operation(s)").contains(syncId.toString());
        assertThat(jdbc.sql("SELECT status FROM subsync.sync_outbox WHERE id = :id")
                        .param("id", syncId)
                        .query(String.class)
                        .single())
                .isEqualTo("pending");

        Jar.Run monitor = Jar.run(databaseEnv(), "monitor", "--json");
        assertThat(monitor.exitCode()).as(monitor.out()).isZero();
        var figures = tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(monitor.out().trim());
        assertThat(figures.get("masterConfigured").asBoolean()).isFalse();
        assertThat(figures.get("totalAccounts").asLong()).isPositive();
        assertThat(figures.get("backlog").asLong()).isPositive();
        assertThat(Jar.run(databaseEnv(), "monitor").out()).contains("outbox").contains("accounts");
    }

    @Test
    void retryRefusesWhatItDoesNotKnowAndQueuesNothing() {
        UUID syncId = failedOperation(UUID.randomUUID());

        for (List<String> args : List.of(
                List.of("retry", "--no-such-flag"),
                List.of("retry", "--sync-idd", syncId.toString()),
                List.of("retry", syncId.toString()),
                List.of("retry", "--subsync.sync.workers=1"))) {
            Jar.Run run = Jar.run(databaseEnv(), args.toArray(String[]::new));
            assertThat(run.exitCode()).as(run.out()).isEqualTo(2);
            assertThat(run.out().lines().skip(1).findFirst())
                    .as(run.out())
                    .hasValueSatisfying(line -> assertThat(line).startsWith("Usage: subsync retry"));
            assertThat(run.out()).doesNotContain("Queued");
        }
        // Before, each of these retried every failed operation.
        assertThat(jdbc.sql("SELECT status FROM subsync.sync_outbox WHERE id = :id")
                        .param("id", syncId)
                        .query(String.class)
                        .single())
                .isEqualTo("failed");
    }

    @Test
    void retryPassesSpringArgumentsToSpring() {
        UUID user = UUID.randomUUID();
        UUID syncId = failedOperation(user);

        Jar.Run run = Jar.run(databaseEnv(), "retry", "--spring.main.banner-mode=console", "--user", user.toString());

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out())
                .contains(":: Spring Boot ::")
                .contains("Queued 1 failed operation(s)")
                .contains(syncId.toString());
    }

    @Test
    void initLoadsMappingsIdempotentlyAndNamesFileAndLineOfAnError(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("catalogue.yml");
        Files.writeString(good, """
                products:
                  - { code: cliinit, name: CLI Init, badge: "🧪" }
                plans:
                  - { productType: cliinit, tier: starter, name: CLI Init - Starter, price: "9.99", currency: USD, billingCycle: monthly }
                mappings:
                  - { serviceName: cliinit, planCode: starter, masterServiceId: svc-cliinit, masterPlanTier: starter }
                """);
        Jar.Run first = Jar.run(databaseEnv(), "init", good.toString());
        assertThat(first.exitCode()).as(first.out()).isZero();
        assertThat(first.out()).contains("3 entries, 3 added or changed");
        Jar.Run again = Jar.run(databaseEnv(), "init", good.toString());
        assertThat(again.out()).contains("3 entries, 0 added or changed, 3 already as in the file");
        assertThat(again.out()).doesNotContain("serviceName: cliinit");

        Path bad = dir.resolve("bad.yml");
        Files.writeString(bad, """
                plans:
                  - { productType: cliinit, tier: pro, name: CLI Init - Pro, price: "9.99", currency: USD, billingCycle: monthly }
                  - { productType: cliinit, tier: gold, name: CLI Init - Gold, price: "9.99", currency: USD, billingCycle: monthly }
                """);
        Jar.Run refused = Jar.run(databaseEnv(), "init", bad.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.out())
                .contains(bad + ":3: plans.tier: must be one of trial, starter, pro, enterprise")
                .contains("Nothing was changed.");
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM subsync.subscription_plans WHERE product_type = 'cliinit' AND tier = 'pro'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void embeddedDatabaseKeepsItsDataAcrossARestart(@TempDir Path dataDir) throws Exception {
        Map<String, String> env = Map.of("SUBSYNC_JWT_SECRET", Tokens.SECRET, "SUBSYNC_DATA_DIR", dataDir.toString());
        int port = FreePorts.next();
        UUID tenant = UUID.randomUUID();
        try (RunningService service = RunningService.start(env, port)) {
            Api.Response created = service.api()
                    .post(
                            "/api/tenants",
                            Tokens.serviceRole(),
                            Map.of(
                                    "id",
                                    tenant.toString(),
                                    "name",
                                    "Durable",
                                    "plan",
                                    "pro",
                                    "products",
                                    Map.of("pawnshop", true)));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
        }
        try (RunningService service = RunningService.start(env, port)) {
            Api.Response read = service.api().get("/api/tenants/" + tenant + "/subscriptions", Tokens.serviceRole());
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            assertThat(read.json().get("subscriptions")).hasSize(2);

            // A command beside the running service uses the PostgreSQL it runs on the same data directory.
            Jar.Run monitor = Jar.run(Map.of("SUBSYNC_DATA_DIR", dataDir.toString()), "monitor", "--json");
            assertThat(monitor.exitCode()).as(monitor.out()).isZero();
            assertThat(monitor.out()).contains("\"totalAccounts\"").doesNotContain("Exception");

            // Without MASTER_WEBHOOK_SECRET nothing from Master can be verified, so nothing is taken.
            Api.Response webhook = service.api()
                    .raw("POST", "/webhooks/master", null, "{\"id\":\"evt_1\",\"type\":\"subscription.cancelled\"}");
            assertThat(webhook.status()).as(webhook.toString()).isEqualTo(503);
            assertThat(webhook.contentType()).startsWith("application/problem+json");
        }
        assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();
    }

    @Test
    void sigtermStopsTheDemosWorkersBeforeItsEmbeddedDatabase(@TempDir Path dataDir) throws Exception {
        Path output = dataDir.resolve("demo.out");
        Process demo = Jar.command(
                        Map.of("SUBSYNC_DATA_DIR", dataDir.toString()),
                        "demo",
                        "--port",
                        String.valueOf(FreePorts.next()),
                        "--master-port",
                        String.valueOf(FreePorts.next()))
                .redirectOutput(output.toFile())
                .start();
        try {
            Waits.upTo(java.time.Duration.ofSeconds(180), java.time.Duration.ofMillis(250))
                    .until(() -> Files.readString(output).contains("Stop with Ctrl+C"));
            Thread.sleep(1_000); // the workers poll the outbox meanwhile
            demo.destroy(); // SIGTERM
            assertThat(demo.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } finally {
            demo.destroyForcibly();
        }

        String out = Files.readString(output);
        assertThat(demo.exitValue()).as(out).isEqualTo(143);
        // Closed in Spring's order by the signal's handler, not by the JVM's hooks, of which the embedded PostgreSQL's
        // ran at the same time as Spring's and could stop the database under the workers.
        assertThat(out)
                .as(out)
                .containsPattern(
                        "\\[SIGTERM handler\\] com.zaxxer.hikari.HikariDataSource +: subsync - Shutdown completed");
        assertThat(out)
                .doesNotContain("terminating connection due to administrator command")
                .doesNotContain("\tat ");
    }

    /** A failed operation of the user, with its account, as the outbox leaves one after its last attempt. */
    private UUID failedOperation(UUID user) {
        UUID syncId = UUID.randomUUID();
        jdbc.sql(
                        "INSERT INTO subsync.account_sync (mvp_user_id, sync_status, created_at, updated_at) VALUES (:u, 'failed', now(), now())")
                .param("u", user)
                .update();
        jdbc.sql("""
                INSERT INTO subsync.sync_outbox (id, mvp_user_id, service_name, revision, operation, payload, status, attempts,
                    next_attempt_at, last_error, actor, created_at)
                VALUES (:id, :u, 'cli-service', 1, 'create', '{"operation": "create", "serviceName": "cli-service",
                    "planCode": "X", "status": "active", "startDate": null, "endDate": null, "metadata": null}',
                    'failed', 3, now(), 'Master answered HTTP 422', 'tests', now())""").param("id", syncId).param("u", user).update();
        return syncId;
    }

    private static Map<String, String> databaseEnv() {
        TestDatabase db = TestDatabase.get();
        Map<String, String> env = new HashMap<>();
        env.put("SUBSYNC_DB_URL", db.url());
        if (db.user() != null) {
            env.put("SUBSYNC_DB_USER", db.user());
        }
        return env;
    }

    /** {@code subsync serve} in a child process, stopped (SIGTERM, as Ctrl+C or a process manager would) on close. */
    record RunningService(Process process, int port) implements AutoCloseable {
        static RunningService start(Map<String, String> env, int port) throws Exception {
            Process process = Jar.command(env, "serve", "--port", String.valueOf(port))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            RunningService service = new RunningService(process, port);
            try {
                // An assertion error in until() ends the wait at once: a process that exited will not start.
                Waits.upTo(java.time.Duration.ofSeconds(180), java.time.Duration.ofMillis(250))
                        .until(() -> {
                            assertThat(process.isAlive())
                                    .as("subsync serve exited early")
                                    .isTrue();
                            try {
                                return service.api()
                                                .get("/actuator/health", null)
                                                .status()
                                        == 200;
                            } catch (RuntimeException notYet) {
                                return false; // not listening yet
                            }
                        });
                return service;
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                service.close();
                throw new IllegalStateException("subsync serve did not become healthy on port " + port, e);
            }
        }

        Api api() {
            return new Api(port);
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
