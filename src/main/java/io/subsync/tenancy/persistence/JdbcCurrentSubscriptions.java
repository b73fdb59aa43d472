package io.subsync.tenancy.persistence;

import io.subsync.catalog.BillingCycle;
import io.subsync.catalog.ProductCode;
import io.subsync.tenancy.TenantId;
import io.subsync.tenancy.domain.CurrentSubscription;
import io.subsync.tenancy.domain.CurrentSubscriptions;
import io.subsync.tenancy.domain.Price;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A tenant's active subscriptions and its reactivatable ones, from {@code tenant_subscriptions}; the second part is
 * the row {@code JdbcSubscriptions.reactivate} would pick.
 */
@Repository
class JdbcCurrentSubscriptions implements CurrentSubscriptions {
    private final JdbcClient jdbc;

    JdbcCurrentSubscriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<CurrentSubscription> of(TenantId tenant) {
        return jdbc.sql("""
                        SELECT current.* FROM (
                        SELECT s.id, s.product_type, s.plan_id, pl.name AS plan_name, s.price, s.currency,
                               s.billing_cycle, TRUE AS active
                        FROM subsync.tenant_subscriptions s
                        JOIN subsync.subscription_plans pl ON pl.id = s.plan_id
                        WHERE s.tenant_id = :tenantId AND s.status = 'active'
                        UNION ALL
                        SELECT * FROM (
                            SELECT DISTINCT ON (c.product_type) c.id, c.product_type, c.plan_id, pl.name, c.price,
                                   c.currency, c.billing_cycle, FALSE
                            FROM subsync.tenant_subscriptions c
                            JOIN subsync.subscription_plans pl ON pl.id = c.plan_id
                            WHERE c.tenant_id = :tenantId AND c.status = 'cancelled'
                              AND c.end_reason = 'product_disabled'
                              AND NOT EXISTS (SELECT 1 FROM subsync.tenant_subscriptions a
                                              WHERE a.tenant_id = c.tenant_id AND a.product_type = c.product_type
                                                AND a.status = 'active')
                            ORDER BY c.product_type, c.ended_at DESC) reactivatable
                        ) current
                        JOIN subsync.products pr ON pr.code = current.product_type
                        -- As the tenant's cards are ordered: the platform first, then products as the catalogue got them.
                        ORDER BY pr.kind = 'platform' DESC, pr.created_at, current.product_type""")
                .param("tenantId", tenant.value())
                .query((rs, row) -> new CurrentSubscription(
                        rs.getObject("id", UUID.class),
                        new ProductCode(rs.getString("product_type")),
                        rs.getObject("plan_id", UUID.class),
                        rs.getString("plan_name"),
                        new Price(
                                rs.getBigDecimal("price"),
                                rs.getString("currency"),
                                BillingCycle.fromCode("billing_cycle", rs.getString("billing_cycle"))),
                        rs.getBoolean("active")))
                .list();
    }
}
