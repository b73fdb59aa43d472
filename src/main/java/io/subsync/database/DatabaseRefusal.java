package io.subsync.database;

import java.sql.SQLException;
import java.util.Optional;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * A refusal raised by SQL ({@code RAISE … USING ERRCODE}): its SQLSTATE and its message as written in SQL, without
 * the driver's decoration ("ERROR:", the PL/pgSQL context). Lets adapters turn a function's named refusals into the
 * feature's exceptions.
 */
public record DatabaseRefusal(String sqlState, String message) {

    /** The first SQL refusal among the causes of {@code failure}, if any. */
    public static Optional<DatabaseRefusal> of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                ServerErrorMessage server = sql instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
                String message = server != null && server.getMessage() != null ? server.getMessage() : sql.getMessage();
                return Optional.of(new DatabaseRefusal(sql.getSQLState(), message));
            }
        }
        return Optional.empty();
    }
}
