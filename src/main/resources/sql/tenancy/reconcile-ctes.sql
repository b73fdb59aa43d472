-- The one reconciliation: every enabled product of a tenant, and its platform (unless Master cancelled it), gets exactly
-- one active subscription.
-- {tenant_scope} is "t.id = :tenantId" for one tenant or "TRUE" for all; the unique partial index
-- tenant_subscriptions_one_active_per_product and ON CONFLICT DO NOTHING keep it at one under any concurrency.
WITH wanted AS (
    SELECT t.id AS tenant_id, t.plan AS tenant_tier, tp.product_code AS product_type
    FROM subsync.tenants t
    JOIN subsync.tenant_products tp ON tp.tenant_id = t.id AND tp.enabled
    WHERE {tenant_scope}
    UNION ALL
    SELECT t.id, t.plan, 'platform'
    FROM subsync.tenants t
    WHERE {tenant_scope} AND t.platform_cancelled_at IS NULL
),
chosen AS (
    SELECT w.tenant_id, w.tenant_tier, w.product_type,
           p.id AS plan_id, p.tier AS plan_tier, p.price, p.currency, p.billing_cycle,
           CASE WHEN p.tier = w.tenant_tier
                THEN CASE WHEN w.product_type = 'platform' THEN :platformReason ELSE :productReason END
                ELSE 'tier_fallback' END AS created_reason
    FROM wanted w
    LEFT JOIN LATERAL (
        SELECT sp.id, sp.tier, sp.price, sp.currency, sp.billing_cycle
        FROM subsync.subscription_plans sp
        WHERE sp.product_type = w.product_type AND sp.active AND sp.tier IN (w.tenant_tier, 'starter')
        ORDER BY sp.tier = w.tenant_tier DESC
        LIMIT 1
    ) p ON TRUE
    WHERE NOT EXISTS (SELECT 1 FROM subsync.tenant_subscriptions s
                      WHERE s.tenant_id = w.tenant_id AND s.product_type = w.product_type AND s.status = 'active')
),
created AS (
    INSERT INTO subsync.tenant_subscriptions (tenant_id, product_type, plan_id, status, price, currency, billing_cycle,
                                      started_at, auto_created, created_reason, changed_at, changed_by, change_reason)
    SELECT c.tenant_id, c.product_type, c.plan_id, 'active', c.price, c.currency, c.billing_cycle,
           :now, TRUE, c.created_reason, :now, :actor,
           CASE WHEN c.created_reason = 'tier_fallback'
                THEN (CASE WHEN c.product_type = 'platform' THEN :platformReason ELSE :productReason END)
                     || ', tier_fallback: no ' || c.tenant_tier || ' plan, starter used'
                ELSE c.created_reason END
    FROM chosen c
    WHERE c.plan_id IS NOT NULL
    ON CONFLICT DO NOTHING
    RETURNING id, tenant_id, product_type, plan_id, status, price, currency, billing_cycle, started_at,
              auto_created, created_reason
)
