package io.subsync.database;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A pooled connection lent to a user's work: every transaction on it starts with the user's claims and the restricted
 * role, set transaction-locally ({@code set_config(…, true)}), so they end with the transaction and never stay on the
 * server connection.
 *
 * <ul>
 *   <li>In an explicit transaction (auto-commit off, as Spring's transactions run), the first statement is preceded by
 *       the settings, in the same transaction.
 *   <li>In auto-commit mode, each statement runs in a transaction of its own that starts with the settings and is
 *       committed as soon as the statement returns, so a failed commit fails the statement, not a later close.
 * </ul>
 *
 * A savepoint is taken only after the settings, so rolling back to it keeps them.
 */
final class UserConnection implements InvocationHandler {
    private static final String SETTINGS =
            "SELECT set_config('request.jwt.claims', ?, true), set_config('role', ?, true)";

    private final Connection connection;
    private final String claims;
    private boolean autoCommit;
    private boolean scoped;

    private UserConnection(Connection connection, String claims) throws SQLException {
        this.connection = connection;
        this.claims = claims;
        this.autoCommit = connection.getAutoCommit();
    }

    static Connection wrap(Connection connection, String claims) {
        try {
            return (Connection) Proxy.newProxyInstance(
                    Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class},
                    new UserConnection(connection, claims));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the pooled connection's auto-commit mode", e);
        }
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "getAutoCommit":
                return autoCommit;
            case "setAutoCommit":
                setAutoCommit((Boolean) args[0]);
                return null;
            case "commit":
            case "rollback":
                if (args == null) {
                    endTransaction(method.getName());
                    return null;
                }
                break;
            case "setSavepoint":
                enterScope();
                break;
            case "close":
                scoped = false;
                break;
            case "createStatement":
            case "prepareStatement":
            case "prepareCall":
                Statement statement = (Statement) call(connection, method, args);
                return statement(proxy, statement, method.getReturnType());
            default:
                break;
        }
        return call(connection, method, args);
    }

    private void setAutoCommit(boolean wanted) throws SQLException {
        if (wanted == autoCommit) {
            return;
        }
        if (wanted && scoped) {
            connection.commit();
            scoped = false;
        }
        autoCommit = wanted;
    }

    private void endTransaction(String how) throws SQLException {
        if (autoCommit) {
            throw new SQLException("Cannot " + how + " when autoCommit is enabled.");
        }
        if ("commit".equals(how)) {
            connection.commit();
        } else {
            connection.rollback();
        }
        scoped = false;
    }

    /** Opens a transaction with the user's settings, unless one is open already. */
    private void enterScope() throws SQLException {
        if (scoped) {
            return;
        }
        if (connection.getAutoCommit()) {
            connection.setAutoCommit(false);
        }
        try (PreparedStatement settings = connection.prepareStatement(SETTINGS)) {
            settings.setString(1, claims);
            settings.setString(2, RowSecurity.USER_ROLE);
            settings.execute();
        }
        scoped = true;
    }

    /** Around a statement's {@code execute…}: the settings before it and, in auto-commit mode, the commit after it. */
    private Object execute(Statement statement, Method method, Object[] args) throws Throwable {
        enterScope();
        if (!autoCommit) {
            return call(statement, method, args);
        }
        Object result;
        try {
            result = call(statement, method, args);
        } catch (Throwable failure) {
            scoped = false;
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                failure.addSuppressed(rollback);
            }
            throw failure;
        }
        scoped = false;
        connection.commit();
        return result;
    }

    private Object statement(Object connectionProxy, Statement statement, Class<?> type) {
        Class<?> api = CallableStatement.class.isAssignableFrom(type)
                ? CallableStatement.class
                : PreparedStatement.class.isAssignableFrom(type) ? PreparedStatement.class : Statement.class;
        return Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {api}, (proxy, method, args) -> {
            if (method.getName().startsWith("execute")) {
                return execute(statement, method, args);
            }
            if (method.getName().equals("getConnection")) {
                return connectionProxy;
            }
            return call(statement, method, args);
        });
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
