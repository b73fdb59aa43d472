SELECT 'created' AS outcome, c.id, c.tenant_id, c.product_type, ch.plan_tier AS tier, c.created_reason, ch.tenant_tier
FROM created c
JOIN chosen ch ON ch.tenant_id = c.tenant_id AND ch.product_type = c.product_type
UNION ALL
SELECT 'skipped', NULL, ch.tenant_id, ch.product_type, NULL, NULL, ch.tenant_tier
FROM chosen ch
WHERE ch.plan_id IS NULL
