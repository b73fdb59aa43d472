package io.subsync.sync.drift.persistence;

import io.subsync.sync.drift.domain.ReconciliationLock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Repository;

/**
 * A PostgreSQL advisory lock held for the whole reconciliation by a transaction of its own ({@code
 * pg_try_advisory_xact_lock}), open on a connection of its own, so the reconciliation's own transactions stay short.
 * Ending that transaction releases the lock; if the process dies, the connection closes and PostgreSQL ends it. A
 * transaction, unlike a session lock, keeps to one server connection behind a transaction pooler.
 */
@Repository
class JdbcReconciliationLock implements ReconciliationLock {
    /** The advisory lock key of the reconciliation with Master ("subsync" + 1, as a number). */
    static final long KEY = 0x7375627379_6E6331L;

    private static final Logger log = LoggerFactory.getLogger(JdbcReconciliationLock.class);
    private final DataSource dataSource;

    JdbcReconciliationLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<Held> tryHold() {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            if (advisory(connection, "SELECT pg_try_advisory_xact_lock(?)")) {
                Connection held = connection;
                return Optional.of(() -> release(held));
            }
            connection.rollback();
            connection.close();
            return Optional.empty();
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new DataAccessResourceFailureException("could not take the reconciliation lock", e);
        }
    }

    private static void release(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            log.warn("Releasing the reconciliation lock failed; closing its connection releases it", e);
        } finally {
            closeQuietly(connection);
        }
    }

    private static boolean advisory(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, KEY);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Nothing more to do: the pool discards a broken connection.
            }
        }
    }
}
