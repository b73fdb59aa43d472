package io.subsync.database;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A pooled connection lent to a user's work: every transaction on it starts with the user's claims and the restricted
 * role, set transaction-locally ({@code set_config(…, true)}), so they end with the transaction and never stay on the
 * server connection.
 *
 * <ul>
 *   <li>In an explicit transaction (auto-commit off, as Spring's transactions run), the first statement is preceded by
 *       the settings, in the same transaction.
 *   <li>In auto-commit mode, a prepared query is sent in one round trip together with the settings, as one implicit
 *       transaction ({@link UserStatement}); any other statement runs in a transaction of its own that starts with the
 *       settings and is committed as soon as the statement returns, so a failed commit fails the statement, not a
 *       later close.
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
                return statement(proxy, statement, method, args == null ? new Object[0] : args);
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

    private Object statement(Object connectionProxy, Statement statement, Method created, Object[] createdWith) {
        Class<?> type = created.getReturnType();
        Class<?> api = CallableStatement.class.isAssignableFrom(type)
                ? CallableStatement.class
                : PreparedStatement.class.isAssignableFrom(type) ? PreparedStatement.class : Statement.class;
        String query = api == PreparedStatement.class && createdWith.length == 1 ? (String) createdWith[0] : null;
        return Proxy.newProxyInstance(
                Statement.class.getClassLoader(),
                new Class<?>[] {api},
                new UserStatement(connectionProxy, statement, query));
    }

    /**
     * A statement of the user's connection. A prepared query run in auto-commit mode (the subscriptions read, every
     * read outside a transaction) goes in one round trip: the settings and the query as one composite statement, which
     * the driver sends with one Sync, so PostgreSQL runs both in one implicit transaction and commits it at the Sync.
     * The setters called on the statement are replayed on the composite, one parameter further on (the claims are its
     * first). Anything else goes through {@link #execute}.
     */
    private final class UserStatement implements InvocationHandler {
        private static final String SETTINGS_THEN =
                "SELECT set_config('request.jwt.claims', ?, true), set_config('role', '" + RowSecurity.USER_ROLE
                        + "', true);\n";
        private final Object connectionProxy;
        private final Statement statement;
        private final String query;
        private final List<Object[]> setters = new ArrayList<>();
        private final List<Method> setterMethods = new ArrayList<>();
        private final List<Statement> composites = new ArrayList<>();

        UserStatement(Object connectionProxy, Statement statement, String query) {
            this.connectionProxy = connectionProxy;
            this.statement = statement;
            this.query = query;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("executeQuery") && args == null && query != null && autoCommit && !scoped) {
                return inOneRoundTrip();
            }
            if (name.startsWith("execute")) {
                return execute(statement, method, args);
            }
            if (name.startsWith("set") && args != null) {
                setterMethods.add(method);
                setters.add(args.clone());
            } else if (name.equals("clearParameters")) {
                for (int i = setterMethods.size() - 1; i >= 0; i--) {
                    if (setterMethods.get(i).getDeclaringClass() == PreparedStatement.class) {
                        setterMethods.remove(i);
                        setters.remove(i);
                    }
                }
            } else if (name.equals("close")) {
                for (Statement composite : composites) {
                    composite.close();
                }
            } else if (name.equals("getConnection")) {
                return connectionProxy;
            }
            return call(statement, method, args);
        }

        private ResultSet inOneRoundTrip() throws Throwable {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            PreparedStatement composite = connection.prepareStatement(SETTINGS_THEN + query);
            composites.add(composite);
            composite.setString(1, claims);
            for (int i = 0; i < setters.size(); i++) {
                Method setter = setterMethods.get(i);
                Object[] args = setters.get(i).clone();
                if (setter.getDeclaringClass() == PreparedStatement.class) {
                    args[0] = (Integer) args[0] + 1;
                }
                call(composite, setter, args);
            }
            composite.execute();
            if (!composite.getMoreResults()) {
                throw new SQLException("No results were returned by the query.");
            }
            return composite.getResultSet();
        }
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
