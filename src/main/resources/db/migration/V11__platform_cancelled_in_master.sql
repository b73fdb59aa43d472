-- A tenant's platform plan can be cancelled in Master. The reconciliation would otherwise give the tenant a new
-- platform subscription at the next read and send it to Master as a create, undoing Master's cancel; this column says
-- the platform is not wanted until Master reactivates it. Products need no such column: a product Master cancels is
-- switched off (tenant_products), which already keeps the reconciliation from recreating it.
ALTER TABLE subsync.tenants ADD COLUMN platform_cancelled_at timestamptz;
