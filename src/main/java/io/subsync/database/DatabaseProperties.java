package io.subsync.database;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the data lives. {@code url} unset: an embedded PostgreSQL 17 whose files live under {@code dataDir} and
 * survive restarts. Set ({@code SUBSYNC_DB_URL}, JDBC or {@code postgres://} form): that database.
 * {@code connectionTimeout} ({@code SUBSYNC_DB_CONNECTION_TIMEOUT}): the longest a request or worker waits for a
 * pool connection before it fails (503 while the database is unreachable, docs/operations.md); Hikari's default,
 * 30 s, kept callers hanging.
 */
@ConfigurationProperties("subsync.db")
public record DatabaseProperties(
        String url, String user, String password, Path dataDir, int poolSize, Duration connectionTimeout) {
    public DatabaseProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        poolSize = poolSize <= 0 ? 10 : poolSize;
        connectionTimeout = connectionTimeout == null ? Duration.ofSeconds(5) : connectionTimeout;
        if (connectionTimeout.compareTo(Duration.ofMillis(250)) < 0) {
            // Hikari's floor; 0 would mean "wait forever", the hang this setting exists to bound.
            throw new IllegalStateException(
                    "SUBSYNC_DB_CONNECTION_TIMEOUT must be at least 250ms, was " + connectionTimeout);
        }
    }

    public boolean embedded() {
        return url == null || url.isBlank();
    }
}
