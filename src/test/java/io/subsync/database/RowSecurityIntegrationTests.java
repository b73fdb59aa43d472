package io.subsync.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.subsync.support.IntegrationTest;
import io.subsync.support.Tenants;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

/**
 * Row-level security holds at the database: a query that forgets its filter, run for a user, returns only that
 * user's and that tenant's rows; writing another user's row is refused; the service's own work sees everything.
 */
class RowSecurityIntegrationTests extends IntegrationTest {
    @Autowired
    DataSource dataSource;

    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private UUID aliceTenant;
    private UUID bobTenant;

    @BeforeEach
    void twoUsersWithRows() {
        Tenants tenants = new Tenants(api);
        aliceTenant = tenants.open("pro", Map.of("pawnshop", true));
        bobTenant = tenants.open("starter", Map.of("bnpl", true));
        for (UUID user : List.of(alice, bob)) {
            jdbc.sql(
                            "INSERT INTO subsync.account_sync (mvp_user_id, sync_status, created_at, updated_at) VALUES (?, 'pending', now(), now())")
                    .param(user)
                    .update();
            for (int i = 0; i < 3; i++) {
                jdbc.sql("""
                                INSERT INTO subsync.subscription_sync_log (mvp_user_id, operation, source, status, actor, created_at)
                                VALUES (?, 'create', 'mvp', 'pending', 'test', now())""").param(user).update();
            }
        }
    }

    @Test
    void anUnfilteredSelectAsAUserReturnsOnlyThatUsersRows() {
        List<UUID> logOwners = asAlice(() -> jdbc.sql("SELECT mvp_user_id FROM subsync.subscription_sync_log")
                .query(UUID.class)
                .list());
        List<UUID> accounts = asAlice(() -> jdbc.sql("SELECT mvp_user_id FROM subsync.account_sync")
                .query(UUID.class)
                .list());

        assertThat(logOwners).hasSize(3).containsOnly(alice);
        assertThat(accounts).containsExactly(alice);
        assertThat(jdbc.sql(
                                "SELECT count(DISTINCT mvp_user_id) FROM subsync.subscription_sync_log WHERE mvp_user_id IN (?, ?)")
                        .params(alice, bob)
                        .query(Long.class)
                        .single())
                .as("the service sees both users")
                .isEqualTo(2);
    }

    @Test
    void anUnfilteredSelectAsATenantsUserReturnsOnlyThatTenantsRows() {
        List<UUID> tenantIds = asAlice(() ->
                jdbc.sql("SELECT id FROM subsync.tenants").query(UUID.class).list());
        List<UUID> subscriptionTenants =
                asAlice(() -> jdbc.sql("SELECT DISTINCT tenant_id FROM subsync.tenant_subscriptions")
                        .query(UUID.class)
                        .list());
        List<UUID> historyTenants =
                asAlice(() -> jdbc.sql("SELECT DISTINCT tenant_id FROM subsync.subscription_history")
                        .query(UUID.class)
                        .list());

        assertThat(tenantIds).containsExactly(aliceTenant);
        assertThat(subscriptionTenants).containsExactly(aliceTenant);
        assertThat(historyTenants).containsExactly(aliceTenant);
        assertThat(jdbc.sql("SELECT count(*) FROM subsync.tenants WHERE id IN (?, ?)")
                        .params(aliceTenant, bobTenant)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void aUserCannotWriteAnotherUsersRows() {
        assertThatThrownBy(() -> asAlice(() -> jdbc.sql("""
                        INSERT INTO subsync.subscription_sync_log (mvp_user_id, operation, source, status, actor, created_at)
                        VALUES (?, 'create', 'mvp', 'success', 'forged', now())""").param(bob).update()))
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("row-level security");
        int changed =
                asAlice(() -> jdbc.sql("UPDATE subsync.account_sync SET sync_status = 'synced' WHERE mvp_user_id = ?")
                        .param(bob)
                        .update());

        assertThat(changed).isZero();
        assertThat(jdbc.sql("SELECT sync_status FROM subsync.account_sync WHERE mvp_user_id = ?")
                        .param(bob)
                        .query(String.class)
                        .single())
                .isEqualTo("pending");
        assertThat(jdbc.sql("SELECT count(*) FROM subsync.subscription_sync_log WHERE actor = 'forged'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aUserCannotReadWhatOnlyTheServiceReads() {
        assertThatThrownBy(() -> asAlice(() -> jdbc.sql("SELECT count(*) FROM subsync.sync_health_dashboard")
                        .query(Long.class)
                        .single()))
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> asAlice(() ->
                        jdbc.sql("DELETE FROM subsync.subscription_sync_log").update()))
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("permission denied");
    }

    @Test
    void theUsersRoleNeverOutlivesTheUsersWork() {
        String during = asAlice(
                () -> jdbc.sql("SELECT current_user").query(String.class).single());
        String after = jdbc.sql("SELECT current_user").query(String.class).single();
        String claimsAfter = jdbc.sql("SELECT current_setting('request.jwt.claims', true)")
                .query(String.class)
                .single();
        String nested = asAlice(() -> RowSecurity.asService(
                () -> jdbc.sql("SELECT current_user").query(String.class).single()));

        assertThat(during).isEqualTo(RowSecurity.USER_ROLE);
        assertThat(after).isNotEqualTo(RowSecurity.USER_ROLE);
        assertThat(claimsAfter).isNullOrEmpty();
        assertThat(nested).isEqualTo(after);
        // Every connection of the pool, taken again, is back to the service's role.
        for (int i = 0; i < 30; i++) {
            asAlice(() -> jdbc.sql("SELECT 1").query(Integer.class).single());
            assertThat(jdbc.sql("SELECT current_user").query(String.class).single())
                    .isEqualTo(after);
        }
    }

    @Test
    void everyTransactionOfAUsersConnectionStartsWithTheUsersRoleAndNothingStaysOnTheSession() throws Exception {
        List<String> seen = new ArrayList<>();
        String service = jdbc.sql("SELECT current_user").query(String.class).single();
        asAlice(() -> {
            try (Connection connection = dataSource.getConnection()) {
                seen.add(whoAmI(connection));
                connection.setAutoCommit(false);
                seen.add(whoAmI(connection));
                connection.commit();
                seen.add(whoAmI(connection));
                connection.rollback();
                connection.setAutoCommit(true);
                seen.add(whoAmI(connection));
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SELECT 1/0");
                } catch (SQLException expected) {
                    seen.add("failed");
                }
                seen.add(whoAmI(connection));
                Connection physical = connection.unwrap(Connection.class);
                try (Statement statement = physical.createStatement();
                        ResultSet rs = statement.executeQuery(
                                "SELECT current_user, current_setting('request.jwt.claims', true)")) {
                    rs.next();
                    seen.add("between statements: " + rs.getString(1) + " " + rs.getString(2));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });

        String alices = RowSecurity.USER_ROLE + " " + alice;
        assertThat(seen)
                .containsExactly(
                        alices, alices, alices, alices, "failed", alices, "between statements: " + service + " ");
    }

    private static String whoAmI(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT current_user, subsync.auth_uid()")) {
            rs.next();
            return rs.getString(1) + " " + rs.getString(2);
        }
    }

    @Test
    void aUserWithoutATenantSeesNoTenant() {
        List<UUID> tenantIds = RowSecurity.asUser(
                RowSecurity.claims(alice, Optional.empty()),
                () -> jdbc.sql("SELECT id FROM subsync.tenants")
                        .query(UUID.class)
                        .list());

        assertThat(tenantIds).isEmpty();
    }

    private <T> T asAlice(java.util.function.Supplier<T> work) {
        return RowSecurity.asUser(RowSecurity.claims(alice, Optional.of(aliceTenant)), work);
    }
}
