package io.subsync.database;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means that the database cannot be reached right now, rather than that the request or the SQL is
 * wrong: no pool connection within {@code SUBSYNC_DB_CONNECTION_TIMEOUT} (Spring's
 * {@code CannotGetJdbcConnectionException}, Hikari's {@link SQLTransientConnectionException}), no transaction begun
 * ({@link CannotCreateTransactionException}), a resource failure Spring names as such, or an SQLSTATE that says so:
 * class 08 (connection lost or refused), 57P01/57P02/57P03 (the server shutting down, crashed, not accepting
 * connections yet), 25006 (a read-only transaction: a standby where the primary was, during a failover), or Hikari's
 * closed stand-in for a connection that broke. Such a
 * failure passes when the database is back: requests answer it 503 with {@code Retry-After}, workers wait it out
 * (docs/operations.md).
 */
public final class DatabaseUnavailable {
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "25006");
    /** Causes looked at, at most: a guard against a cycle of causes. */
    private static final int MAX_DEPTH = 32;

    private static final String HIKARI_CLOSED = "com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection";

    private DatabaseUnavailable() {}

    /**
     * True when {@code failure} or one of its causes says the database is unreachable. A rollback that failed after the
     * work had failed (the connection was gone for both) counts by the work's failure, which Spring keeps beside the
     * rollback's ({@link TransactionSystemException#getApplicationException()}).
     */
    public static boolean explains(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < MAX_DEPTH; cause = cause.getCause(), depth++) {
            if (cause instanceof TransactionSystemException rollback
                    && rollback.getApplicationException() != null
                    && rollback.getApplicationException() != failure
                    && explains(rollback.getApplicationException())) {
                return true;
            }
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessResourceException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && (unavailable(sql.getSQLState()) || closedByThePool(sql))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Hikari's stand-in for a connection it has closed, which it does to one that broke (SQLSTATE 08, 57P01, …): what
     * a rollback after a commit that broke meets, and Spring then throws that instead of the commit's failure.
     */
    private static boolean closedByThePool(SQLException sql) {
        StackTraceElement[] trace = sql.getStackTrace();
        return sql.getSQLState() == null
                && trace.length > 0
                && trace[0].getClassName().startsWith(HIKARI_CLOSED);
    }

    /**
     * True when no connection could be had at all (as opposed to one lost half-way): another checkout now would wait
     * out the same timeout and fail as well.
     */
    public static boolean noConnection(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < MAX_DEPTH; cause = cause.getCause(), depth++) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof CannotCreateTransactionException) {
                return true;
            }
        }
        return false;
    }

    static boolean unavailable(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || STATES.contains(sqlState));
    }
}
