-- One more row, 'incomplete', when the read must reconcile first: an enabled product, or the platform unless Master
-- cancelled it, has no active subscription, or there is no such tenant. Nearly always there is none, and the read is
-- this statement alone; else it runs the reconciliation (reconcile-ctes.sql, list-after-reconcile.sql).
UNION ALL
SELECT 'incomplete', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, FALSE, FALSE,
       NULL
WHERE NOT EXISTS (
    SELECT 1 FROM subsync.tenants t
    WHERE t.id = :tenantId
      AND (t.platform_cancelled_at IS NOT NULL
           OR EXISTS (SELECT 1 FROM subsync.tenant_subscriptions s
                      WHERE s.tenant_id = t.id AND s.product_type = 'platform' AND s.status = 'active'))
      AND NOT EXISTS (SELECT 1 FROM subsync.tenant_products tp
                      WHERE tp.tenant_id = t.id AND tp.enabled
                        AND NOT EXISTS (SELECT 1 FROM subsync.tenant_subscriptions s
                                        WHERE s.tenant_id = t.id AND s.product_type = tp.product_code
                                          AND s.status = 'active')))
