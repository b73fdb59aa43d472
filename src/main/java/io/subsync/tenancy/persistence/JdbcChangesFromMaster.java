package io.subsync.tenancy.persistence;

import static io.subsync.tenancy.persistence.JdbcSubscriptions.time;

import io.subsync.tenancy.TenantId;
import io.subsync.tenancy.domain.ChangeFromMaster;
import io.subsync.tenancy.domain.ChangesFromMaster;
import io.subsync.tenancy.domain.CreatedReason;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Master's changes to {@code tenant_subscriptions} (their history by the table's trigger) and the platform mark. */
@Repository
class JdbcChangesFromMaster implements ChangesFromMaster {
    private final JdbcClient jdbc;

    JdbcChangesFromMaster(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void lockTenantsOwnedBy(UUID ownerUserId) {
        // The same lock mode as a tenant's change (JdbcTenants.lock), so the two serialise.
        jdbc.sql("SELECT id FROM subsync.tenants WHERE owner_user_id = :owner ORDER BY id FOR NO KEY UPDATE")
                .param("owner", ownerUserId)
                .query(UUID.class)
                .list();
    }

    @Override
    public ChangeFromMaster.Facts facts(TenantId tenant, UUID ownerUserId, ChangeFromMaster change) {
        return jdbc.sql("""
                        SELECT t.plan, t.owner_user_id IS NOT DISTINCT FROM :owner AS owned,
                               pr.code IS NOT NULL AS known_product,
                               CASE WHEN :product = 'platform' THEN t.platform_cancelled_at IS NULL
                                    ELSE COALESCE(tp.enabled, FALSE) END AS switched_on,
                               (SELECT pl.tier FROM subsync.tenant_subscriptions s
                                JOIN subsync.subscription_plans pl ON pl.id = s.plan_id
                                WHERE s.tenant_id = t.id AND s.product_type = :product AND s.status = 'active') AS active_tier,
                               (SELECT s.end_reason FROM subsync.tenant_subscriptions s
                                WHERE s.tenant_id = t.id AND s.product_type = :product AND s.status = 'cancelled'
                                ORDER BY s.ended_at DESC, s.changed_at DESC LIMIT 1) AS last_end_reason,
                               EXISTS (SELECT 1 FROM subsync.subscription_plans sp
                                       WHERE sp.product_type = :product AND sp.tier = :tier AND sp.active) AS plan_for_tier
                        FROM subsync.tenants t
                        LEFT JOIN subsync.products pr ON pr.code = :product
                        LEFT JOIN subsync.tenant_products tp ON tp.tenant_id = t.id AND tp.product_code = :product
                        WHERE t.id = :tenant""")
                .param("tenant", tenant.value())
                .param("owner", ownerUserId)
                .param("product", change.productType())
                .param("tier", change.tier())
                .query((rs, row) -> new ChangeFromMaster.Facts(
                        true,
                        rs.getBoolean("owned"),
                        rs.getBoolean("known_product"),
                        rs.getBoolean("switched_on"),
                        Optional.ofNullable(rs.getString("active_tier")),
                        Optional.ofNullable(rs.getString("last_end_reason")),
                        rs.getString("plan"),
                        rs.getBoolean("plan_for_tier")))
                .optional()
                .orElse(new ChangeFromMaster.Facts(
                        false, false, false, false, Optional.empty(), Optional.empty(), change.tier(), false));
    }

    @Override
    public void cancel(TenantId tenant, String productType, String reason, String actor, Instant at) {
        jdbc.sql("""
                        UPDATE subsync.tenant_subscriptions s
                        SET status = 'cancelled', ended_at = GREATEST(:now, s.started_at), end_reason = :endReason,
                            changed_at = :now, changed_by = :actor, change_reason = :reason
                        WHERE s.tenant_id = :tenant AND s.product_type = :product AND s.status = 'active'""")
                .param("tenant", tenant.value())
                .param("product", productType)
                .param("endReason", ChangeFromMaster.CANCELLED_IN_MASTER)
                .param("reason", reason)
                .param("actor", actor)
                .param("now", time(at))
                .update();
        if (ChangeFromMaster.PLATFORM.equals(productType)) {
            markPlatform(tenant, at);
        }
    }

    @Override
    public void reactivate(TenantId tenant, String productType, String tier, String reason, String actor, Instant at) {
        if (ChangeFromMaster.PLATFORM.equals(productType)) {
            markPlatform(tenant, null);
        }
        int reactivated = jdbc.sql("""
                        UPDATE subsync.tenant_subscriptions s
                        SET status = 'active', ended_at = NULL, end_reason = NULL, plan_id = p.id, price = p.price,
                            currency = p.currency, billing_cycle = p.billing_cycle,
                            changed_at = :now, changed_by = :actor, change_reason = :reason
                        FROM subsync.subscription_plans p
                        WHERE p.product_type = :product AND p.tier = :tier AND p.active
                          AND s.id = (SELECT c.id FROM subsync.tenant_subscriptions c
                                      WHERE c.tenant_id = :tenant AND c.product_type = :product AND c.status = 'cancelled'
                                      ORDER BY c.ended_at DESC, c.changed_at DESC LIMIT 1)
                          AND NOT EXISTS (SELECT 1 FROM subsync.tenant_subscriptions a
                                          WHERE a.tenant_id = :tenant AND a.product_type = :product
                                            AND a.status = 'active')""")
                .paramSource(change(tenant, productType, tier, reason, actor, at))
                .update();
        if (reactivated > 0) {
            return;
        }
        int created = jdbc.sql("""
                        INSERT INTO subsync.tenant_subscriptions (tenant_id, product_type, plan_id, status, price, currency,
                            billing_cycle, started_at, auto_created, created_reason, changed_at, changed_by, change_reason)
                        SELECT :tenant, p.product_type, p.id, 'active', p.price, p.currency, p.billing_cycle, :now, FALSE,
                               :created, :now, :actor, :reason
                        FROM subsync.subscription_plans p
                        WHERE p.product_type = :product AND p.tier = :tier AND p.active
                        ON CONFLICT DO NOTHING""")
                .paramSource(change(tenant, productType, tier, reason, actor, at)
                        .addValue("created", CreatedReason.MASTER.code()))
                .update();
        if (created == 0) {
            // A read created it at the tenant's tier a moment ago: it takes Master's tier like any active one.
            move(tenant, productType, tier, reason, actor, at);
        }
    }

    @Override
    public void move(TenantId tenant, String productType, String tier, String reason, String actor, Instant at) {
        jdbc.sql("""
                        UPDATE subsync.tenant_subscriptions s
                        SET plan_id = p.id, price = p.price, currency = p.currency, billing_cycle = p.billing_cycle,
                            changed_at = :now, changed_by = :actor, change_reason = :reason
                        FROM subsync.subscription_plans p
                        WHERE p.product_type = :product AND p.tier = :tier AND p.active
                          AND s.tenant_id = :tenant AND s.product_type = :product AND s.status = 'active'
                          AND s.plan_id <> p.id""")
                .paramSource(change(tenant, productType, tier, reason, actor, at))
                .update();
    }

    /** The parameters every change of a tenant's subscription to a plan of Master's tier binds. */
    private static MapSqlParameterSource change(
            TenantId tenant, String productType, String tier, String reason, String actor, Instant at) {
        return new MapSqlParameterSource()
                .addValue("tenant", tenant.value())
                .addValue("product", productType)
                .addValue("tier", tier)
                .addValue("reason", reason)
                .addValue("actor", actor)
                .addValue("now", time(at));
    }

    private void markPlatform(TenantId tenant, Instant cancelledAt) {
        jdbc.sql("UPDATE subsync.tenants SET platform_cancelled_at = :at WHERE id = :tenant")
                .param("tenant", tenant.value())
                .param("at", cancelledAt == null ? null : time(cancelledAt), Types.TIMESTAMP_WITH_TIMEZONE)
                .update();
    }
}
