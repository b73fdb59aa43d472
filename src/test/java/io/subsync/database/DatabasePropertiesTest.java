package io.subsync.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.subsync.database.DatabaseProperties.PoolMode;
import io.subsync.settings.RefusedSetting;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DatabasePropertiesTest {
    private static final String POOLER = "jdbc:postgresql://pooler:6543/postgres";
    private static final String DIRECT = "jdbc:postgresql://db:5432/postgres";

    @Test
    void sessionModeIsTheDefaultAndNeedsNoMigrationUrl() {
        DatabaseProperties properties = properties(DIRECT, null, null);

        assertThat(properties.poolMode()).isEqualTo(PoolMode.SESSION);
        assertThat(properties.migrationUrl()).isNull();
    }

    @Test
    void transactionModeRunsTheMigrationsOverTheirOwnUrl() {
        DatabaseProperties properties = properties(POOLER, PoolMode.TRANSACTION, " " + DIRECT + " ");

        assertThat(properties.poolMode()).isEqualTo(PoolMode.TRANSACTION);
        assertThat(properties.migrationUrl()).isEqualTo(DIRECT);
    }

    @Test
    void transactionModeWithoutAMigrationUrlIsRefusedNamingIt() {
        assertThatThrownBy(() -> properties(POOLER, PoolMode.TRANSACTION, " "))
                .isInstanceOf(RefusedSetting.class)
                .hasMessageStartingWith("SUBSYNC_DB_POOL_MODE: transaction needs SUBSYNC_DB_MIGRATION_URL");
    }

    @Test
    void transactionModeOnTheEmbeddedDatabaseIsRefused() {
        assertThatThrownBy(() -> properties(null, PoolMode.TRANSACTION, DIRECT))
                .isInstanceOf(RefusedSetting.class)
                .hasMessageContaining("SUBSYNC_DB_URL");
    }

    @Test
    void aConnectionTimeoutBelowHikarisFloorIsRefusedNamingIt() {
        assertThatThrownBy(
                        () -> new DatabaseProperties(DIRECT, null, null, null, 0, Duration.ofMillis(100), null, null))
                .isInstanceOf(RefusedSetting.class)
                .hasMessage("SUBSYNC_DB_CONNECTION_TIMEOUT: must be at least 250ms, was 100ms");
    }

    private static DatabaseProperties properties(String url, PoolMode mode, String migrationUrl) {
        return new DatabaseProperties(url, null, null, null, 0, Duration.ofSeconds(5), mode, migrationUrl);
    }
}
