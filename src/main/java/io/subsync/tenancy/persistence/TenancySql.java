package io.subsync.tenancy.persistence;

import io.subsync.database.SqlResource;

/**
 * The reconciliation's SQL, kept in {@code sql/tenancy/*.sql} so the benchmark runs exactly the statements the
 * service runs. {@code {tenant_scope}} chooses one tenant or all.
 */
final class TenancySql {
    public static final String ONE_TENANT = "t.id = :tenantId";
    public static final String ALL_TENANTS = "TRUE";
    private static final String ORDER = "ORDER BY platform DESC, product_created_at, product_type\n";
    /** The tenants of one chunk of a bulk pass, in id order: after {@code :after}, up to and with {@code :upto}. */
    public static final String TENANT_RANGE = "t.id > :after AND t.id <= :upto";

    private TenancySql() {}

    /** The reconcile statement for a scope: creates what is missing, returns what it created and skipped. */
    public static String reconcile(String scope) {
        return ctes(scope) + load("reconcile.sql");
    }

    /** The reconcile statement for a scope, answering counts instead of a row per subscription created. */
    public static String reconcileCounts(String scope) {
        return ctes(scope) + load("reconcile-counts.sql");
    }

    /** The read: reconciles one tenant and lists its visible active subscriptions in one round trip. */
    public static String reconcileAndList() {
        return ctes(ONE_TENANT) + load("list-after-reconcile.sql");
    }

    /** The read without reconciliation, used when the reconciliation part fails. */
    public static String list() {
        return load("list.sql") + ORDER;
    }

    /** The read when nothing is missing: the list, and a row {@code incomplete} when it must reconcile first. */
    public static String listIfComplete() {
        return load("list.sql") + load("list-if-complete.sql") + ORDER;
    }

    private static String ctes(String scope) {
        return load("reconcile-ctes.sql").replace("{tenant_scope}", scope);
    }

    static String load(String name) {
        return SqlResource.load("sql/tenancy/" + name);
    }
}
