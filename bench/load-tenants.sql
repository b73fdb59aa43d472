-- Bench data: :tenants tenants whose ids derive from an integer n (md5('bench-tenant-' || n)::uuid, so pgbench can
-- pick one with random(1, :tenants)), each with money_loan, bnpl and pawnshop switched on. Plans are mixed:
-- 20 % trial (no product has a trial plan, so their products fall back to starter), 40 % starter, 30 % pro,
-- 10 % enterprise. Set-based: two INSERT ... SELECT statements, no loop. Subscriptions are left to `subsync reconcile`.
\set ON_ERROR_STOP on
BEGIN;
INSERT INTO subsync.tenants (id, name, plan, owner_user_id, created_at, updated_at)
SELECT md5('bench-tenant-' || n)::uuid,
       'Bench tenant ' || n,
       CASE WHEN n % 10 < 2 THEN 'trial'
            WHEN n % 10 < 6 THEN 'starter'
            WHEN n % 10 < 9 THEN 'pro'
            ELSE 'enterprise' END,
       md5('bench-owner-' || n)::uuid,
       now(), now()
FROM generate_series(1, :tenants) AS n;

INSERT INTO subsync.tenant_products (tenant_id, product_code, enabled, changed_at)
SELECT md5('bench-tenant-' || n)::uuid, p.code, TRUE, now()
FROM generate_series(1, :tenants) AS n
CROSS JOIN (VALUES ('money_loan'), ('bnpl'), ('pawnshop')) AS p(code);
COMMIT;
ANALYZE subsync.tenants;
ANALYZE subsync.tenant_products;
SELECT plan, count(*) AS tenants FROM subsync.tenants GROUP BY plan ORDER BY plan;
