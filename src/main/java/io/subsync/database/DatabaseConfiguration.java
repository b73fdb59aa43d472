package io.subsync.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.subsync.settings.RefusedSetting;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.postgresql.Driver;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one DataSource: the configured PostgreSQL, or the embedded one. All objects live in schema {@code subsync}, and
 * every statement names it ({@code subsync.sync_outbox}): the service sets nothing on a session, not even the search
 * path, so its connections work the same through a transaction pooler.
 */
@Configuration
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseProperties properties) {
        Optional<EmbeddedDatabase> embedded = properties.embedded()
                ? Optional.of(EmbeddedDatabase.start(properties.dataDir(), false))
                : Optional.empty();
        HikariConfig config = new HikariConfig();
        if (embedded.isPresent()) {
            config.setJdbcUrl(embedded.get().jdbcUrl());
            config.setUsername(embedded.get().user());
        } else {
            JdbcTarget target = JdbcTarget.parse("SUBSYNC_DB_URL", properties.url());
            config.setJdbcUrl(target.url());
            config.setUsername(first(properties.user(), target.user()));
            config.setPassword(first(properties.password(), target.password()));
        }
        config.setMaximumPoolSize(properties.poolSize());
        config.setConnectionTimeout(properties.connectionTimeout().toMillis());
        config.setPoolName("subsync");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        if (properties.poolMode() == DatabaseProperties.PoolMode.TRANSACTION) {
            // A pooler in transaction mode hands each transaction to any server connection, where a statement
            // prepared in an earlier one does not exist. A prepareThreshold in the URL still wins.
            config.addDataSourceProperty("prepareThreshold", "0");
        }
        return new HikariDataSource(config) {
            @Override
            public Connection getConnection() throws SQLException {
                return RowSecurity.forCurrentScope(super.getConnection());
            }

            @Override
            public void close() {
                super.close();
                embedded.ifPresent(EmbeddedDatabase::close);
            }
        };
    }

    /**
     * Migrations over {@code SUBSYNC_DB_MIGRATION_URL} when one is given (needed behind a transaction pooler), with the
     * same user and password unless that URL names its own.
     */
    @Bean
    FlywayConfigurationCustomizer migrationConnection(DatabaseProperties properties) {
        return configuration -> {
            if (properties.migrationUrl() != null) {
                JdbcTarget target = JdbcTarget.parse("SUBSYNC_DB_MIGRATION_URL", properties.migrationUrl());
                configuration.dataSource(
                        target.url(),
                        first(target.user(), properties.user()),
                        first(target.password(), properties.password()));
            }
        };
    }

    private static String first(String preferred, String fallback) {
        return preferred != null && !preferred.isBlank() ? preferred : fallback;
    }

    /**
     * A JDBC URL from either {@code jdbc:postgresql://…} or a {@code postgres://user:password@host:port/db} URI, checked
     * the way the driver reads it; {@code setting} names the variable it came from in a refusal.
     */
    record JdbcTarget(String url, String user, String password) {
        static JdbcTarget parse(String setting, String raw) {
            String value = raw.trim();
            JdbcTarget target;
            if (value.startsWith("jdbc:")) {
                target = new JdbcTarget(value, null, null);
            } else if (value.startsWith("postgres://") || value.startsWith("postgresql://")) {
                target = fromUri(setting, value);
            } else {
                throw refused(setting, "must start with jdbc:postgresql:// or postgres://", value);
            }
            if (!target.url().startsWith("jdbc:postgresql:") || Driver.parseURL(target.url(), null) == null) {
                throw refused(setting, "is not a PostgreSQL URL such as jdbc:postgresql://host:5432/db", value);
            }
            return target;
        }

        private static JdbcTarget fromUri(String setting, String value) {
            URI uri;
            try {
                uri = new URI(value);
            } catch (URISyntaxException e) {
                throw refused(setting, "is not a URL such as postgres://user:password@host:5432/db", value);
            }
            if (uri.getHost() == null) {
                throw refused(setting, "names no host", value);
            }
            String user = null;
            String password = null;
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getUserInfo().split(":", 2);
                user = parts[0];
                password = parts.length > 1 ? parts[1] : null;
            }
            String port = uri.getPort() > 0 ? ":" + uri.getPort() : "";
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return new JdbcTarget(
                    "jdbc:postgresql://" + uri.getHost() + port + uri.getRawPath() + query, user, password);
        }

        /** The value is shown without its password. */
        private static RefusedSetting refused(String setting, String reason, String value) {
            return new RefusedSetting(
                    setting,
                    reason + ", was '"
                            + value.replaceAll("//[^@/]*@", "//***@").replaceAll("(?i)(password=)[^&]*", "$1***")
                            + "'");
        }
    }
}
