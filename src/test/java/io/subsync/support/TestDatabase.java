package io.subsync.support;

import io.subsync.database.EmbeddedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL the integration tests run against: the one named by {@code SUBSYNC_TEST_DB_URL}, or an embedded
 * PostgreSQL 17 started once per test run. The schema is dropped once at start, so every run begins from the
 * real migrations.
 */
public final class TestDatabase {
    private static TestDatabase instance;
    private final String url;
    private final String user;

    private TestDatabase(String url, String user) {
        this.url = url;
        this.user = user;
    }

    public static synchronized TestDatabase get() {
        if (instance == null) {
            String external = System.getenv("SUBSYNC_TEST_DB_URL");
            if (external != null && !external.isBlank()) {
                instance = new TestDatabase(external, null);
            } else {
                try {
                    Path dir = Files.createTempDirectory("subsync-test-db");
                    EmbeddedDatabase db = EmbeddedDatabase.start(dir, true);
                    Runtime.getRuntime().addShutdownHook(new Thread(db::close));
                    instance = new TestDatabase(db.jdbcUrl(), db.user());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            instance.execute("DROP SCHEMA IF EXISTS subsync CASCADE");
        }
        return instance;
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    /** Is this the embedded PostgreSQL (as opposed to the one named by SUBSYNC_TEST_DB_URL)? */
    public boolean embedded() {
        return user != null;
    }

    /**
     * A database of its own on the same server, new and empty (its migrations run when a context starts on it): for a
     * test whose rows no other test context's delivery workers may claim.
     */
    public String separate(String database) {
        execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        execute("CREATE DATABASE " + database);
        return url.replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + database);
    }

    public Connection connect() throws SQLException {
        Connection connection =
                user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, "");
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO subsync, public");
        }
        return connection;
    }

    public void execute(String sql) {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
