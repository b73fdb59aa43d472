-- What a bulk pass reports, without a row per subscription: how many it created per product and reason, the tenants
-- with an owner whose subscriptions it created (their syncs follow), and what it had to skip.
SELECT 'created' AS outcome, c.product_type, c.created_reason, count(*) AS created, NULL::uuid AS tenant_id,
       NULL AS tenant_tier
FROM created c
GROUP BY c.product_type, c.created_reason
UNION ALL
SELECT 'owned', NULL, NULL, NULL, t.id, NULL
FROM subsync.tenants t
WHERE t.owner_user_id IS NOT NULL AND t.id IN (SELECT c.tenant_id FROM created c)
UNION ALL
SELECT 'skipped', ch.product_type, NULL, NULL, ch.tenant_id, ch.tenant_tier
FROM chosen ch
WHERE ch.plan_id IS NULL
