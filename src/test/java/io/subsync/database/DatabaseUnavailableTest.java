package io.subsync.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures mean the database is unreachable (503, workers wait), and which are the request's or the SQL's. */
class DatabaseUnavailableTest {
    private static final SQLTransientConnectionException POOL_TIMEOUT = new SQLTransientConnectionException(
            "subsync - Connection is not available, request timed out after 5000ms",
            "08001",
            new PSQLException("Connection to 127.0.0.1:5432 refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT));

    @Test
    void noConnectionFromThePoolIsAnOutage() {
        assertThat(DatabaseUnavailable.explains(new CannotGetJdbcConnectionException("no connection", POOL_TIMEOUT)))
                .isTrue();
        assertThat(DatabaseUnavailable.explains(new CannotCreateTransactionException("no transaction", POOL_TIMEOUT)))
                .isTrue();
        assertThat(DatabaseUnavailable.explains(new IllegalStateException("wrapped", POOL_TIMEOUT)))
                .isTrue();
    }

    @Test
    void springsResourceFailuresAreOutages() {
        assertThat(DatabaseUnavailable.explains(new DataAccessResourceFailureException("gone")))
                .isTrue();
        assertThat(DatabaseUnavailable.explains(new TransientDataAccessResourceException("gone for now")))
                .isTrue();
    }

    @Test
    void connectionShutdownCrashStartupAndStandbyStatesAreOutagesAmongTheCauses() {
        for (String state : new String[] {"08000", "08003", "08006", "08P01", "57P01", "57P02", "57P03", "25006"}) {
            SQLException sql = new SQLException("from the server", state);
            assertThat(DatabaseUnavailable.explains(new UncategorizedSQLException("task", "SELECT 1", sql)))
                    .as(state)
                    .isTrue();
        }
        assertThat(DatabaseUnavailable.explains(
                        new RuntimeException(new PSQLException("I/O error", PSQLState.CONNECTION_FAILURE))))
                .isTrue();
    }

    @Test
    void aRollbackThatFailedCountsByTheFailureItFollowed() {
        TransactionSystemException rollback =
                new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        assertThat(DatabaseUnavailable.explains(rollback)).isFalse();

        rollback.initApplicationException(
                new DataAccessResourceFailureException("terminating connection", new SQLException("FATAL", "57P01")));
        assertThat(DatabaseUnavailable.explains(rollback)).isTrue();
    }

    @Test
    void aRollbackThatMetTheConnectionThePoolClosedAfterItBrokeIsAnOutage() {
        SQLException closed = new SQLException("Connection is closed");
        closed.setStackTrace(new StackTraceElement[] {
            new StackTraceElement(
                    "com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection",
                    "lambda$getClosedConnection$0",
                    "ProxyConnection.java",
                    559)
        });
        assertThat(DatabaseUnavailable.explains(new TransactionSystemException("JDBC rollback failed", closed)))
                .isTrue();
        assertThat(DatabaseUnavailable.explains(new TransactionSystemException(
                        "JDBC rollback failed", new SQLException("Connection is closed"))))
                .as("the same message from elsewhere")
                .isFalse();
    }

    @Test
    void theRequestsAndTheSqlsOwnFailuresAreNot() {
        assertThat(DatabaseUnavailable.explains(null)).isFalse();
        assertThat(DatabaseUnavailable.explains(new IllegalArgumentException("bad")))
                .isFalse();
        assertThat(DatabaseUnavailable.explains(new DuplicateKeyException("23505")))
                .isFalse();
        assertThat(DatabaseUnavailable.explains(new DataIntegrityViolationException(
                        "check", new SQLException("violates check constraint", "23514"))))
                .isFalse();
        assertThat(DatabaseUnavailable.explains(
                        new UncategorizedSQLException("task", "SELECT f()", new SQLException("refused", "SL004"))))
                .isFalse();
        assertThat(DatabaseUnavailable.explains(new SQLException("serialization", "40001")))
                .isFalse();
        assertThat(DatabaseUnavailable.explains(new SQLException("read only", "25001")))
                .isFalse();
    }

    @Test
    void noConnectionIsWhenThePoolGaveNoneNotWhenOneWasLost() {
        assertThat(DatabaseUnavailable.noConnection(new CannotGetJdbcConnectionException("none", POOL_TIMEOUT)))
                .isTrue();
        assertThat(DatabaseUnavailable.noConnection(new CannotCreateTransactionException("none", POOL_TIMEOUT)))
                .isTrue();
        assertThat(DatabaseUnavailable.noConnection(
                        new DataAccessResourceFailureException("lost", new SQLException("I/O error", "08006"))))
                .isFalse();
    }

    @Test
    void aCycleOfCausesEnds() {
        Exception first = new Exception("first");
        Exception second = new Exception("second", first);
        first.initCause(second);
        assertThat(DatabaseUnavailable.explains(first)).isFalse();
    }
}
