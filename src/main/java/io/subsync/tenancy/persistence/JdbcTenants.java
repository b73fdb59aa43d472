package io.subsync.tenancy.persistence;

import io.subsync.catalog.ProductCode;
import io.subsync.catalog.Tier;
import io.subsync.tenancy.TenantId;
import io.subsync.tenancy.Tenants;
import io.subsync.tenancy.domain.Tenant;
import io.subsync.tenancy.domain.TenantAlreadyExists;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tenants in {@code tenants}, their switches in {@code tenant_products}. */
@Repository
class JdbcTenants implements Tenants {
    private final JdbcClient jdbc;

    JdbcTenants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Tenant> find(TenantId id) {
        return read(id, "");
    }

    @Override
    public Optional<Tenant> lock(TenantId id) {
        // NO KEY UPDATE: serialises changes of the tenant without blocking the key-share locks that inserting its
        // subscriptions takes (the foreign key), so concurrent sync-on-read inserts cannot deadlock with a change.
        return read(id, " FOR NO KEY UPDATE");
    }

    private Optional<Tenant> read(TenantId id, String lock) {
        record Row(String name, String plan, UUID owner, OffsetDateTime createdAt, OffsetDateTime updatedAt) {}
        Optional<Row> row = jdbc.sql(
                        "SELECT name, plan, owner_user_id, created_at, updated_at FROM subsync.tenants WHERE id = :id"
                                + lock)
                .param("id", id.value())
                .query((rs, n) -> new Row(
                        rs.getString("name"),
                        rs.getString("plan"),
                        rs.getObject("owner_user_id", UUID.class),
                        rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("updated_at", OffsetDateTime.class)))
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Map<ProductCode, Boolean> products = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT p.code, COALESCE(tp.enabled, FALSE) AS enabled
                        FROM subsync.products p
                        LEFT JOIN subsync.tenant_products tp ON tp.product_code = p.code AND tp.tenant_id = :id
                        WHERE p.kind = 'product'
                        ORDER BY p.created_at, p.code""").param("id", id.value()).query((ResultSet rs) -> {
            products.put(new ProductCode(rs.getString("code")), rs.getBoolean("enabled"));
        });
        Row r = row.get();
        return Optional.of(new Tenant(
                id,
                r.name(),
                Tier.valueOf(r.plan().toUpperCase(Locale.ROOT)),
                Optional.ofNullable(r.owner()),
                products,
                r.createdAt().toInstant(),
                r.updatedAt().toInstant()));
    }

    @Override
    public Map<UUID, UUID> ownersOf(Set<UUID> tenantIds) {
        Map<UUID, UUID> owners = new LinkedHashMap<>();
        if (tenantIds.isEmpty()) {
            return owners;
        }
        jdbc.sql("""
                        SELECT id, owner_user_id FROM subsync.tenants
                        WHERE id = ANY (CAST(:tenants AS uuid[])) AND owner_user_id IS NOT NULL""")
                .param("tenants", tenantIds.stream().map(UUID::toString).toArray(String[]::new))
                .query((ResultSet rs) -> {
                    owners.put(rs.getObject("id", UUID.class), rs.getObject("owner_user_id", UUID.class));
                });
        return owners;
    }

    @Override
    public long count() {
        return jdbc.sql("SELECT count(*) FROM subsync.tenants")
                .query(Long.class)
                .single();
    }

    @Override
    public Optional<Chunk> nextChunk(UUID after, int size) {
        return jdbc.sql("""
                        SELECT id AS last, n AS size
                        FROM (SELECT id, row_number() OVER (ORDER BY id) AS n
                              FROM (SELECT id FROM subsync.tenants WHERE id > :after ORDER BY id LIMIT :size) s) c
                        ORDER BY n DESC LIMIT 1""")
                .param("after", after)
                .param("size", size)
                .query((rs, row) ->
                        rs.getInt("size") == 0 ? null : new Chunk(rs.getObject("last", UUID.class), rs.getInt("size")))
                .optional();
    }

    @Override
    public void add(Tenant tenant) {
        int inserted = jdbc.sql("""
                        INSERT INTO subsync.tenants (id, name, plan, owner_user_id, created_at, updated_at)
                        VALUES (:id, :name, :plan, :owner, :at, :at)
                        ON CONFLICT (id) DO NOTHING""")
                .param("id", tenant.id().value())
                .param("name", tenant.name())
                .param("plan", tenant.plan().code())
                .param("owner", tenant.ownerUserId().orElse(null), Types.OTHER)
                .param("at", JdbcSubscriptions.time(tenant.createdAt()))
                .update();
        if (inserted == 0) {
            throw new TenantAlreadyExists(tenant.id());
        }
        writeSwitches(tenant, tenant.products().keySet());
    }

    @Override
    public void save(Tenant tenant, Set<ProductCode> switched) {
        jdbc.sql(
                        "UPDATE subsync.tenants SET name = :name, plan = :plan, owner_user_id = :owner, updated_at = :at WHERE id = :id")
                .param("id", tenant.id().value())
                .param("name", tenant.name())
                .param("plan", tenant.plan().code())
                .param("owner", tenant.ownerUserId().orElse(null), Types.OTHER)
                .param("at", JdbcSubscriptions.time(tenant.updatedAt()))
                .update();
        writeSwitches(tenant, switched);
    }

    private void writeSwitches(Tenant tenant, Set<ProductCode> codes) {
        for (ProductCode code : codes) {
            jdbc.sql("""
                            INSERT INTO subsync.tenant_products (tenant_id, product_code, enabled, changed_at)
                            VALUES (:tenant, :product, :enabled, :at)
                            ON CONFLICT (tenant_id, product_code)
                            DO UPDATE SET enabled = EXCLUDED.enabled, changed_at = EXCLUDED.changed_at
                            WHERE tenant_products.enabled IS DISTINCT FROM EXCLUDED.enabled""")
                    .param("tenant", tenant.id().value())
                    .param("product", code.value())
                    .param("enabled", tenant.products().get(code))
                    .param("at", JdbcSubscriptions.time(tenant.updatedAt()))
                    .update();
        }
    }
}
