package io.subsync.database;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The {@code db} health component, in {@code /actuator/health} and in readiness (docs/operations.md): what the last
 * background check found, reported at once whatever state PostgreSQL is in. It replaces Spring Boot's {@code db}
 * indicator (same bean name), which borrowed a pool connection inside the health request and so blocked it for the
 * pool's whole timeout while the database was unreachable.
 *
 * <p>Every {@value #INTERVAL_MS} ms a thread of its own asks {@code SELECT pg_is_in_recovery()} on a connection of its
 * own, outside the pool, so a busy pool never looks like a dead database; connecting is bounded to 1 s and the
 * answer to 2 s (the driver's {@code connectTimeout} and {@code socketTimeout}). A check that fails is tried once
 * more at once on a new connection (the old one may just have been dropped); DOWN when that fails too, when the
 * server is a standby (read-only, as during a failover), or when no check has completed for {@value #STALE_MS} ms
 * (a check that hangs). One WARN line when the database goes away, one INFO line when it is back.
 */
@Component("dbHealthIndicator")
@ConditionalOnWebApplication
class DatabaseHealth implements HealthIndicator, SmartLifecycle {
    static final long INTERVAL_MS = 1_000;
    static final long STALE_MS = 3_500;
    private static final Logger log = LoggerFactory.getLogger(DatabaseHealth.class);

    private final String url;
    private final Properties connectionProperties = new Properties();
    private final Clock clock;
    private ScheduledExecutorService checker;
    private Connection connection;

    /** The last completed check: its outcome and when it completed (nanoTime, for staleness). */
    private record Check(boolean up, String error, Instant at, long nanos, Duration took, Instant downSince) {}

    private volatile Check last;

    DatabaseHealth(HikariDataSource dataSource, Clock clock) {
        this.url = dataSource.getJdbcUrl();
        this.clock = clock;
        if (dataSource.getUsername() != null) {
            connectionProperties.setProperty("user", dataSource.getUsername());
        }
        if (dataSource.getPassword() != null) {
            connectionProperties.setProperty("password", dataSource.getPassword());
        }
        connectionProperties.setProperty("connectTimeout", "1");
        connectionProperties.setProperty("loginTimeout", "2");
        connectionProperties.setProperty("socketTimeout", "2");
        connectionProperties.setProperty("ApplicationName", "subsync health check");
    }

    @Override
    public Health health() {
        Check check = last;
        if (check == null) {
            return Health.unknown().withDetail("error", "not checked yet").build();
        }
        long age = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - check.nanos());
        if (age > STALE_MS) {
            return Health.down()
                    .withDetail("error", "no check has completed for " + age + " ms")
                    .withDetail("checkedAt", check.at().toString())
                    .build();
        }
        if (!check.up()) {
            return Health.down()
                    .withDetail("error", check.error())
                    .withDetail("since", check.downSince().toString())
                    .withDetail("checkedAt", check.at().toString())
                    .build();
        }
        return Health.up()
                .withDetail("database", "PostgreSQL")
                .withDetail("checkedAt", check.at().toString())
                .withDetail("responseTimeMs", check.took().toMillis())
                .build();
    }

    /** One check, tried again on a fresh connection when the kept one fails. */
    void check() {
        long started = System.nanoTime();
        String error;
        try {
            error = ask().orElse(null);
        } catch (SQLException | RuntimeException first) {
            closeConnection();
            try {
                error = ask().orElse(null);
            } catch (SQLException | RuntimeException second) {
                closeConnection();
                error = describe(second);
            }
        }
        record(error, Duration.ofNanos(System.nanoTime() - started));
    }

    /** Empty when the database answers as a primary; the reason it is unusable otherwise. */
    private Optional<String> ask() throws SQLException {
        if (connection == null) {
            connection = DriverManager.getConnection(url, connectionProperties);
        }
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT pg_is_in_recovery()")) {
            rs.next();
            return rs.getBoolean(1) ? Optional.of("the database is a standby (read-only)") : Optional.empty();
        }
    }

    private void record(String error, Duration took) {
        Check before = last;
        boolean up = error == null;
        Instant now = clock.instant();
        Instant downSince = up ? null : before != null && !before.up() ? before.downSince() : now;
        last = new Check(up, error, now, System.nanoTime(), took, downSince);
        if (!up && (before == null || before.up())) {
            log.warn("The database is unreachable ({}): readiness is DOWN until it answers again", error);
        } else if (up && before != null && !before.up()) {
            log.info(
                    "The database answers again after {} s: readiness is UP",
                    Duration.between(before.downSince(), now).toSeconds());
        }
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return failure == root ? message : failure.getMessage() + ": " + message;
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // it is being dropped because it failed
            }
            connection = null;
        }
    }

    @Override
    public void start() {
        checker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "db-health-check");
            thread.setDaemon(true);
            return thread;
        });
        // The first check before the web server takes traffic (an earlier phase than its), then one a second.
        checkSafely();
        checker.scheduleWithFixedDelay(this::checkSafely, INTERVAL_MS, INTERVAL_MS, TimeUnit.MILLISECONDS);
    }

    /** A scheduled task that throws is never run again: nothing may escape. */
    private void checkSafely() {
        try {
            check();
        } catch (Throwable e) {
            log.error("The database health check failed unexpectedly", e);
        }
    }

    @Override
    public void stop() {
        if (checker != null) {
            checker.shutdownNow();
            try {
                checker.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            checker = null;
            closeConnection();
        }
    }

    @Override
    public boolean isRunning() {
        return checker != null;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }
}
