package io.subsync.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the data lives. {@code url} unset: an embedded PostgreSQL 17 whose files live under {@code dataDir} and
 * survive restarts. Set ({@code SUBSYNC_DB_URL}, JDBC or {@code postgres://} form): that database.
 */
@ConfigurationProperties("subsync.db")
public record DatabaseProperties(String url, String user, String password, Path dataDir, int poolSize) {
    public DatabaseProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        poolSize = poolSize <= 0 ? 10 : poolSize;
    }

    public boolean embedded() {
        return url == null || url.isBlank();
    }
}
