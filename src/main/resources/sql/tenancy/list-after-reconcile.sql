, visible AS (
    SELECT s.id, s.product_type, s.plan_id, s.status, s.price, s.currency, s.billing_cycle, s.started_at,
           s.auto_created, s.created_reason, FALSE AS just_created
    FROM subsync.tenant_subscriptions s
    WHERE s.tenant_id = :tenantId AND s.status = 'active'
      AND (s.product_type = 'platform'
           OR EXISTS (SELECT 1 FROM subsync.tenant_products tp
                      WHERE tp.tenant_id = s.tenant_id AND tp.product_code = s.product_type AND tp.enabled))
    UNION ALL
    SELECT c.id, c.product_type, c.plan_id, c.status, c.price, c.currency, c.billing_cycle, c.started_at,
           c.auto_created, c.created_reason, TRUE
    FROM created c
)
SELECT 'listed' AS outcome, v.id, v.product_type, pr.name AS product_name, pr.badge, v.plan_id, pl.name AS plan_name,
       pl.tier, v.status, v.price, v.currency, v.billing_cycle, pl.features::text AS features, v.started_at,
       v.auto_created, v.created_reason, v.just_created, pr.kind = 'platform' AS platform, pr.created_at AS product_created_at
FROM visible v
JOIN subsync.products pr ON pr.code = v.product_type
JOIN subsync.subscription_plans pl ON pl.id = v.plan_id
UNION ALL
SELECT CASE WHEN ch.plan_id IS NULL THEN 'skipped' ELSE 'raced' END, NULL, ch.product_type, NULL, NULL, NULL, NULL,
       ch.tenant_tier, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, FALSE, FALSE, NULL
FROM chosen ch
WHERE ch.plan_id IS NULL
   OR NOT EXISTS (SELECT 1 FROM created c WHERE c.product_type = ch.product_type)
ORDER BY platform DESC, product_created_at, product_type
