package io.subsync.database;

import java.sql.Connection;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Row-level security for user-scoped work (docs/security.md). While a user's request runs, every connection it takes
 * from the pool is switched to the restricted role {@value #USER_ROLE} with the user's claims in
 * {@code request.jwt.claims}, so PostgreSQL's policies show it only that user's and that tenant's rows. Everything else
 * (service_role requests, workers, webhooks, commands) runs as the service's own role, which owns the tables.
 *
 * <p>The claims and the role are set transaction-locally ({@code set_config(…, true)}), in the transaction that runs
 * the user's statements, and nothing is ever set on a session: when the transaction ends, PostgreSQL forgets them. So a
 * server connection never carries a user's role into other work, in the pool or behind a transaction pooler
 * (pgbouncer, Supabase's port 6543) that hands it to another client's next transaction (docs/deployment.md).
 */
public final class RowSecurity {
    public static final String USER_ROLE = "subsync_authenticated";
    private static final ThreadLocal<String> CLAIMS = new ThreadLocal<>();

    private RowSecurity() {}

    /** The claims a user-scoped request runs under: its user id and, when the token names one, its tenant. */
    public static String claims(UUID userId, Optional<UUID> tenantId) {
        Objects.requireNonNull(userId, "userId");
        return "{\"sub\":\"" + userId + "\",\"role\":\"authenticated\""
                + tenantId.map(tenant -> ",\"tenant_id\":\"" + tenant + "\"").orElse("") + "}";
    }

    /** Runs {@code work} with the database showing only the rows these claims may see. */
    public static <T> T asUser(String claims, Supplier<T> work) {
        try (Scope scope = enterUser(claims)) {
            return work.get();
        }
    }

    /**
     * Runs {@code work} with the service's own rights, also inside a user's request: for system work done on a user's
     * behalf, such as syncing a tenant's subscriptions for the tenant's owner. A transaction already open keeps the
     * connection (and the scope) it started with.
     */
    public static <T> T asService(Supplier<T> work) {
        try (Scope scope = enter(null)) {
            return work.get();
        }
    }

    public static void asService(Runnable work) {
        try (Scope scope = enter(null)) {
            work.run();
        }
    }

    /** Until closed, the current thread works for a user: for code that cannot pass a {@link Supplier}. */
    public static Scope enterUser(String claims) {
        return enter(Objects.requireNonNull(claims, "claims"));
    }

    /** A scope entered on the current thread; closing it restores the one before. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    private static Scope enter(String claims) {
        String outer = CLAIMS.get();
        set(claims);
        return () -> set(outer);
    }

    private static void set(String claims) {
        if (claims == null) {
            CLAIMS.remove();
        } else {
            CLAIMS.set(claims);
        }
    }

    /**
     * A connection just taken from the pool, for the current thread's scope: the connection itself for the service's
     * own work, or one whose every transaction starts with this user's claims and role ({@link UserConnection}).
     */
    static Connection forCurrentScope(Connection connection) {
        String claims = CLAIMS.get();
        return claims == null ? connection : UserConnection.wrap(connection, claims);
    }
}
