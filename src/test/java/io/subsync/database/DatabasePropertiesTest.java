package io.subsync.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.subsync.database.DatabaseProperties.PoolMode;
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
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SUBSYNC_DB_MIGRATION_URL");
    }

    @Test
    void transactionModeOnTheEmbeddedDatabaseIsRefused() {
        assertThatThrownBy(() -> properties(null, PoolMode.TRANSACTION, DIRECT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SUBSYNC_DB_URL");
    }

    private static DatabaseProperties properties(String url, PoolMode mode, String migrationUrl) {
        return new DatabaseProperties(url, null, null, null, 0, Duration.ofSeconds(5), mode, migrationUrl);
    }
}
