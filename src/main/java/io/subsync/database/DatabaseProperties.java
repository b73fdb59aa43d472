package io.subsync.database;

import io.subsync.settings.RefusedSetting;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the data lives. {@code url} unset: an embedded PostgreSQL 17 whose files live under {@code dataDir} and
 * survive restarts. Set ({@code SUBSYNC_DB_URL}, JDBC or {@code postgres://} form): that database.
 *
 * <p>{@code poolMode} ({@code SUBSYNC_DB_POOL_MODE}) says what {@code url} reaches: {@code session} (PostgreSQL itself,
 * or a pooler in session mode) or {@code transaction} (a pooler in transaction mode, such as pgbouncer or Supabase's
 * port 6543). In transaction mode the driver prepares no server-side statements and the migrations run over {@code
 * migrationUrl} ({@code SUBSYNC_DB_MIGRATION_URL}: a direct or session-mode connection), since a migration needs its
 * session's settings from one statement to the next (docs/deployment.md).
 *
 * <p>{@code connectionTimeout} ({@code SUBSYNC_DB_CONNECTION_TIMEOUT}): the longest a request or worker waits for a
 * pool connection before it fails (503 while the database is unreachable, docs/operations.md); Hikari's default,
 * 30 s, kept callers hanging.
 */
@ConfigurationProperties("subsync.db")
public record DatabaseProperties(
        String url,
        String user,
        String password,
        Path dataDir,
        int poolSize,
        Duration connectionTimeout,
        PoolMode poolMode,
        String migrationUrl) {
    public DatabaseProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        poolSize = poolSize <= 0 ? 10 : poolSize;
        connectionTimeout = connectionTimeout == null ? Duration.ofSeconds(5) : connectionTimeout;
        if (connectionTimeout.compareTo(Duration.ofMillis(250)) < 0) {
            // Hikari's floor; 0 would mean "wait forever", the hang this setting exists to bound.
            throw new RefusedSetting(
                    "SUBSYNC_DB_CONNECTION_TIMEOUT",
                    "must be at least 250ms, was " + connectionTimeout.toMillis() + "ms");
        }
        poolMode = poolMode == null ? PoolMode.SESSION : poolMode;
        migrationUrl = migrationUrl == null || migrationUrl.isBlank() ? null : migrationUrl.trim();
        if (poolMode == PoolMode.TRANSACTION && (url == null || url.isBlank())) {
            throw new RefusedSetting(
                    "SUBSYNC_DB_POOL_MODE", "transaction needs SUBSYNC_DB_URL: the embedded PostgreSQL has no pooler");
        }
        if (poolMode == PoolMode.TRANSACTION && migrationUrl == null) {
            throw new RefusedSetting(
                    "SUBSYNC_DB_POOL_MODE",
                    "transaction needs SUBSYNC_DB_MIGRATION_URL, a direct or session-mode connection for the"
                            + " migrations (docs/deployment.md)");
        }
    }

    /** What kind of connection {@code url} gives: one server session per connection, or one per transaction. */
    public enum PoolMode {
        SESSION,
        TRANSACTION
    }

    public boolean embedded() {
        return url == null || url.isBlank();
    }
}
