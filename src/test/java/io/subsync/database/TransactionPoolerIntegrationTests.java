package io.subsync.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.support.Api;
import io.subsync.support.Pgbouncer;
import io.subsync.support.TestDatabase;
import io.subsync.support.Tokens;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The service behind a real pgbouncer in transaction mode, where every transaction may run on another server
 * connection than the one before. The service connects as a role that neither owns the tables nor bypasses row
 * security, so that a trace policy sees every statement on the traced tables, the service's own included: it records
 * who ran it (role and claims) and its text. Several users of several tenants then read their subscriptions, their sync
 * log and their account, create links and send changes, all at once, over 4 server connections for 20 pooled ones.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TransactionPoolerIntegrationTests {
    private static final String DATABASE = "subsync_pooled";
    private static final String APP_ROLE = "subsync_pooled_app";
    private static final List<String> TRACED = List.of("tenant_subscriptions", "subscription_sync_log", "account_sync");
    private static final int ROUNDS = 25;

    private static String direct;
    private static Pgbouncer bouncer;

    @LocalServerPort
    int port;

    @BeforeAll
    static void pooledDatabase() throws SQLException {
        TestDatabase db = TestDatabase.get();
        String url = db.separate(DATABASE);
        direct = db.user() == null ? url : url + (url.contains("?") ? "&" : "?") + "user=" + db.user();
        Flyway.configure()
                .dataSource(direct, null, null)
                .schemas("subsync")
                .defaultSchema("subsync")
                .createSchemas(true)
                .load()
                .migrate();
        traceEveryStatement();
        URI target = URI.create(direct.substring("jdbc:".length()));
        bouncer = Pgbouncer.start(
                "transaction", 4, DATABASE, target.getHost(), target.getPort(), DATABASE, List.of(APP_ROLE));
    }

    @DynamicPropertySource
    static void throughThePooler(DynamicPropertyRegistry registry) {
        registry.add("subsync.db.url", () -> "jdbc:postgresql://127.0.0.1:" + bouncer.port() + "/" + DATABASE);
        registry.add("subsync.db.user", () -> APP_ROLE);
        registry.add("subsync.db.pool-mode", () -> "transaction");
        registry.add("subsync.db.migration-url", () -> direct);
        registry.add("subsync.db.pool-size", () -> "20");
        registry.add("subsync.auth.jwt-secret", () -> Tokens.SECRET);
        registry.add("subsync.sync.drift-check-interval", () -> "off");
    }

    @AfterAll
    static void stopPooler() {
        if (bouncer != null) {
            bouncer.close();
        }
    }

    @Test
    void usersOfSeveralTenantsSeeOnlyTheirOwnRowsUnderTheirOwnRoleThroughATransactionPooler() throws Exception {
        Api api = new Api(port);
        List<User> users = new ArrayList<>();
        for (String plan : List.of("starter", "pro", "enterprise")) {
            Map<String, Boolean> products = Map.of("pawnshop", true, "bnpl", !plan.equals("starter"));
            Api.Response tenant = api.post(
                    "/api/tenants",
                    Tokens.serviceRole(),
                    Map.of("name", "Pooled " + plan, "plan", plan, "products", products));
            assertThat(tenant.status()).as(tenant.toString()).isEqualTo(201);
            UUID tenantId = UUID.fromString(tenant.json().get("id").asString());
            Set<String> expected = products.entrySet().stream()
                    .filter(Map.Entry::getValue)
                    .map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
            expected.add("platform");
            for (int i = 0; i < 2; i++) {
                User user = new User(UUID.randomUUID(), tenantId, expected);
                Api.Response created = api.post("/sync-subscription", user.token(), user.change("create", "starter"));
                assertThat(created.status()).as(created.toString()).isIn(200, 202);
                users.add(user);
            }
        }
        execute("TRUNCATE subsync.pooler_trace");

        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(users.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> runs = new ArrayList<>();
        for (User user : users) {
            runs.add(pool.submit(() -> {
                start.await();
                for (int round = 0; round < ROUNDS; round++) {
                    user.readsAndWrites(api, round, wrong);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> run : runs) {
            run.get();
        }
        pool.shutdown();

        assertThat(wrong)
                .as("answers that failed or held another user's or tenant's rows")
                .isEmpty();
        List<Map<String, Object>> trace = query("SELECT role, sub, tenant, query FROM subsync.pooler_trace");
        assertThat(trace).as("statements traced").hasSizeGreaterThan(users.size() * ROUNDS);
        List<Map<String, Object>> asUsers = trace.stream()
                .filter(row -> RowSecurity.USER_ROLE.equals(row.get("role")))
                .toList();
        assertThat(asUsers.stream().map(row -> row.get("sub")).collect(Collectors.toSet()))
                .as("every user's statements ran under the restricted role with the user's claims")
                .containsExactlyInAnyOrderElementsOf(
                        users.stream().map(u -> u.id().toString()).toList());
        List<Map<String, Object>> asService = trace.stream()
                .filter(row -> !RowSecurity.USER_ROLE.equals(row.get("role")))
                .toList();
        assertThat(asService.stream().filter(row -> row.get("sub") != null))
                .as("statements with a user's claims but the service's role")
                .isEmpty();
        Set<Object> userStatements =
                asUsers.stream().map(row -> row.get("query")).collect(Collectors.toSet());
        assertThat(asService.stream()
                        .map(row -> row.get("query"))
                        .filter(userStatements::contains)
                        .distinct())
                .as("a user's statement that also ran, in the same traffic, without the restricted role")
                .isEmpty();
        assertThat(bouncer.log()).as("pgbouncer ran in transaction mode").doesNotContain("FATAL");
    }

    /** A user of a tenant, with the products the tenant has switched on (and the platform). */
    private record User(UUID id, UUID tenant, Set<String> products) {
        String token() {
            return Tokens.user(id, tenant);
        }

        Map<String, Object> change(String operation, String plan) {
            Map<String, Object> data = new HashMap<>();
            data.put("serviceName", "pawnshop");
            data.put("planCode", plan);
            data.put("status", "active");
            data.put("startDate", "2026-11-01T00:00:00Z");
            Map<String, Object> body =
                    new HashMap<>(Map.of("mvpUserId", id.toString(), "operation", operation, "subscriptionData", data));
            if (operation.equals("create")) {
                body.put("masterUserId", UUID.randomUUID().toString());
            }
            return body;
        }

        void readsAndWrites(Api api, int round, ConcurrentLinkedQueue<String> wrong) {
            Api.Response subscriptions = api.get("/api/tenants/current/subscriptions", token());
            if (subscriptions.status() != 200) {
                wrong.add("subscriptions " + subscriptions);
            } else {
                JsonNode body = subscriptions.json();
                Set<String> seen = body.get("subscriptions")
                        .valueStream()
                        .map(s -> s.get("productType").asString())
                        .collect(Collectors.toSet());
                if (!body.get("tenantId").asString().equals(tenant.toString()) || !seen.equals(products)) {
                    wrong.add("subscriptions of " + tenant + " expected " + products + ": " + subscriptions);
                }
            }
            Api.Response logs = api.get("/api/sync/logs?mvpUserId=" + id, token());
            if (logs.status() != 200
                    || logs.json().get("items").isEmpty()
                    || logs.json()
                            .get("items")
                            .valueStream()
                            .anyMatch(e -> !e.get("mvpUserId").asString().equals(id.toString()))) {
                wrong.add("sync log of " + id + ": " + logs);
            }
            Api.Response account = api.get("/api/sync/accounts/" + id, token());
            if (account.status() != 200
                    || !account.json().get("mvpUserId").asString().equals(id.toString())) {
                wrong.add("account of " + id + ": " + account);
            }
            Api.Response link = api.post("/api/account-links", token(), Map.of());
            if (link.status() != 201) {
                wrong.add("link for " + id + ": " + link);
            }
            Api.Response change =
                    api.post("/sync-subscription", token(), change("update", round % 2 == 0 ? "pro" : "starter"));
            if (change.status() != 200 && change.status() != 202) {
                wrong.add("change by " + id + ": " + change);
            }
        }
    }

    /**
     * The service's role for this test: it logs in through pgbouncer, may act as the restricted role, has the rights
     * the tables' owner has and a policy letting it see every row; and on the traced tables a restrictive policy that
     * lets everything through and records, per row read, who read it and with which statement.
     */
    private static void traceEveryStatement() {
        List<String> sql = new ArrayList<>(List.of(
                "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + APP_ROLE
                        + "') THEN CREATE ROLE " + APP_ROLE + " LOGIN; END IF; END $$",
                "GRANT " + RowSecurity.USER_ROLE + " TO " + APP_ROLE,
                "GRANT USAGE ON SCHEMA subsync TO " + APP_ROLE,
                "GRANT ALL ON ALL TABLES IN SCHEMA subsync TO " + APP_ROLE,
                "GRANT ALL ON ALL SEQUENCES IN SCHEMA subsync TO " + APP_ROLE,
                "GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA subsync TO " + APP_ROLE,
                "CREATE UNLOGGED TABLE subsync.pooler_trace (role text, sub text, tenant text, query text)",
                "GRANT INSERT ON subsync.pooler_trace TO PUBLIC",
                """
                CREATE FUNCTION subsync.pooler_trace() RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
                DECLARE claims jsonb := nullif(current_setting('request.jwt.claims', true), '')::jsonb;
                BEGIN
                    INSERT INTO subsync.pooler_trace VALUES
                        (current_user, claims ->> 'sub', claims ->> 'tenant_id', current_query());
                    RETURN true;
                END $$""",
                "GRANT EXECUTE ON FUNCTION subsync.pooler_trace() TO PUBLIC",
                """
                INSERT INTO subsync.service_plan_mapping (mvp_service_name, mvp_plan_code, master_service_id, master_plan_tier)
                SELECT product_type, tier, 'svc_' || product_type, tier FROM subsync.subscription_plans"""));
        for (String table :
                query("""
                        SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = 'subsync' AND c.relrowsecurity""").stream().map(row -> (String) row.get("name")).toList()) {
            sql.add("CREATE POLICY pooled_app ON subsync." + table + " TO " + APP_ROLE
                    + " USING (true) WITH CHECK (true)");
        }
        for (String table : TRACED) {
            sql.add("CREATE POLICY pooler_trace ON subsync." + table
                    + " AS RESTRICTIVE FOR SELECT USING (subsync.pooler_trace())");
        }
        sql.forEach(TransactionPoolerIntegrationTests::execute);
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(direct);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static List<Map<String, Object>> query(String sql) {
        try (Connection connection = DriverManager.getConnection(direct);
                Statement statement = connection.createStatement();
                var rs = statement.executeQuery(sql)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= columns; i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
