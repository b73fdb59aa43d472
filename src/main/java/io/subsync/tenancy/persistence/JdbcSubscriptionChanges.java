package io.subsync.tenancy.persistence;

import io.subsync.tenancy.TenantId;
import io.subsync.tenancy.domain.SubscriptionChange;
import io.subsync.tenancy.domain.SubscriptionChanges;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads {@code subscription_history}, which the trigger on {@code tenant_subscriptions} writes. */
@Repository
class JdbcSubscriptionChanges implements SubscriptionChanges {
    private final JdbcClient jdbc;

    JdbcSubscriptionChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<SubscriptionChange> of(TenantId tenant, UUID subscription, int limit) {
        // The tenant is checked on the subscription itself, so another tenant's id reads as no history at all.
        return jdbc.sql("""
                        SELECT h.change, fp.name AS from_plan, tp.name AS to_plan, h.from_status, h.to_status,
                               h.reason, h.actor, h.changed_at
                        FROM subsync.tenant_subscriptions s
                        JOIN subsync.subscription_history h ON h.subscription_id = s.id
                        LEFT JOIN subsync.subscription_plans fp ON fp.id = h.from_plan_id
                        LEFT JOIN subsync.subscription_plans tp ON tp.id = h.to_plan_id
                        WHERE s.id = :subscription AND s.tenant_id = :tenant
                        ORDER BY h.id DESC
                        LIMIT :limit""")
                .param("subscription", subscription)
                .param("tenant", tenant.value())
                .param("limit", limit)
                .query((rs, row) -> new SubscriptionChange(
                        rs.getString("change"),
                        rs.getString("from_plan"),
                        rs.getString("to_plan"),
                        rs.getString("from_status"),
                        rs.getString("to_status"),
                        rs.getString("reason"),
                        rs.getString("actor"),
                        rs.getObject("changed_at", OffsetDateTime.class).toInstant()))
                .list();
    }
}
