-- The tenant's visible active subscriptions (the platform's, and those of products switched on); TenancySql adds the
-- order, and for the read the check that nothing is missing (list-if-complete.sql).
SELECT 'listed' AS outcome, s.id, s.product_type, pr.name AS product_name, pr.badge, s.plan_id, pl.name AS plan_name,
       pl.tier, s.status, s.price, s.currency, s.billing_cycle, pl.features::text AS features, s.started_at,
       s.auto_created, s.created_reason, FALSE AS just_created, pr.kind = 'platform' AS platform, pr.created_at AS product_created_at
FROM subsync.tenant_subscriptions s
JOIN subsync.products pr ON pr.code = s.product_type
JOIN subsync.subscription_plans pl ON pl.id = s.plan_id
WHERE s.tenant_id = :tenantId AND s.status = 'active'
  AND (s.product_type = 'platform'
       OR EXISTS (SELECT 1 FROM subsync.tenant_products tp
                  WHERE tp.tenant_id = s.tenant_id AND tp.product_code = s.product_type AND tp.enabled))
