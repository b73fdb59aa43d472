-- The statements of one POST /sync-subscription (operation update of an existing subscription, Master not
-- configured), in the order RecordSync and its adapters run them, for pgbench. Keep in step with
-- RecordSync.record, JdbcPlanMappings.find, JdbcAccountLinks.lockOrCreate, JdbcSyncOperations.lock/wantsAlready/append
-- and JdbcSyncLog.append.
\set n random(1, :users)
\set k random(1, 1000000000)
SELECT * FROM service_plan_mapping WHERE lower(mvp_service_name) = lower('bazi-consultation') AND lower(mvp_plan_code) = lower('PREMIUM');
BEGIN;
INSERT INTO account_sync (mvp_user_id, sync_status, created_at, updated_at)
VALUES (('00000000-0000-4000-8000-' || lpad(to_hex((:n)::int), 12, '0'))::uuid, 'pending', now(), now()) ON CONFLICT (mvp_user_id) DO NOTHING;
SELECT * FROM account_sync WHERE mvp_user_id = ('00000000-0000-4000-8000-' || lpad(to_hex((:n)::int), 12, '0'))::uuid FOR UPDATE;
SELECT desired_revision AS rev FROM subscription_sync_state
WHERE mvp_user_id = ('00000000-0000-4000-8000-' || lpad(to_hex((:n)::int), 12, '0'))::uuid AND service_name = 'bazi-consultation' FOR UPDATE \gset
SELECT count(*) FROM subscription_sync_state
WHERE mvp_user_id = ('00000000-0000-4000-8000-' || lpad(to_hex((:n)::int), 12, '0'))::uuid AND service_name = 'bazi-consultation'
  AND operation = 'update' AND plan_code = 'PREMIUM' AND status = 'active'
  AND start_date IS NOT DISTINCT FROM '2026-11-01T00:00:00Z'::timestamptz AND end_date IS NOT DISTINCT FROM NULL::timestamptz
  AND COALESCE(metadata, '{}'::jsonb) = COALESCE(CAST('{"n": 1}' AS jsonb), '{}'::jsonb);
UPDATE subscription_sync_state SET plan_code = 'PREMIUM', operation = 'update', status = 'active',
    start_date = '2026-11-01T00:00:00Z', end_date = NULL, metadata = CAST('{"thread": 0, "n": 1}' AS jsonb),
    desired_revision = (:rev)::bigint + 1, desired_at = now(), last_sync_id = md5((:k)::text || (:client_id)::text)::uuid, sync_status = 'pending',
    last_error = NULL
WHERE mvp_user_id = ('00000000-0000-4000-8000-' || lpad(to_hex((:n)::int), 12, '0'))::uuid AND service_name = 'bazi-consultation'
  AND desired_revision = :rev;
WITH superseded AS (
    UPDATE sync_outbox SET status = 'superseded', superseded_by = md5((:k)::text || (:client_id)::text)::uuid, lease_owner = NULL
    WHERE mvp_user_id = ('00000000-0000-4000-8000-' || lpad(to_hex((:n)::int), 12, '0'))::uuid AND service_name = 'bazi-consultation'
      AND status IN ('waiting', 'pending')
    RETURNING id, mvp_user_id, service_name, operation
)
INSERT INTO subscription_sync_log (sync_id, mvp_user_id, service_name, operation, source, status, error, actor, request_id,
    created_at)
SELECT id, mvp_user_id, service_name, operation, 'mvp', 'superseded',
       'superseded by ' || md5((:k)::text || (:client_id)::text)::uuid || ' before delivery', 'service_role:bench', 'bench', now()
FROM superseded;
INSERT INTO sync_outbox (id, mvp_user_id, service_name, revision, operation, payload, status, next_attempt_at, actor,
    request_id, created_at)
VALUES (md5((:k)::text || (:client_id)::text)::uuid, ('00000000-0000-4000-8000-' || lpad(to_hex((:n)::int), 12, '0'))::uuid,
    'bazi-consultation', (:rev)::bigint + 1, 'sync',
    CAST('{"operation": "update", "serviceName": "bazi-consultation", "planCode": "PREMIUM", "status": "active", "startDate": "2026-11-01T00:00:00Z", "endDate": null, "metadata": {"thread": 0, "n": 1}}' AS jsonb),
    'pending', now(), 'service_role:bench', 'bench', now()) ON CONFLICT DO NOTHING;
INSERT INTO subscription_sync_log (sync_id, mvp_user_id, master_user_id, service_name, operation, source, status, mvp_data,
    error, actor, request_id, created_at)
VALUES (md5((:k)::text || (:client_id)::text)::uuid, ('00000000-0000-4000-8000-' || lpad(to_hex((:n)::int), 12, '0'))::uuid, NULL,
    'bazi-consultation', 'update', 'mvp', 'pending',
    CAST('{"mvpUserId": "x", "operation": "update", "serviceName": "bazi-consultation", "planCode": "PREMIUM", "status": "active"}' AS jsonb),
    NULL, 'service_role:bench', 'bench', now());
COMMIT;
