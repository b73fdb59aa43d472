-- The least durable accept of a change, for pgbench (P2's second reference): one statement and one commit that
-- upserts the desired state and inserts the outbox row and the audit row, with none of the service's checks (no
-- account lock, no compare with the state already wanted, no superseding of an undelivered row). The same tables,
-- indexes and triggers as sync-transaction.sql, the same users and payloads.
\set n random(1, :users)
\set k random(1, 1000000000)
WITH state AS (
    INSERT INTO subscription_sync_state AS s (mvp_user_id, service_name, plan_code, operation, status, start_date,
        metadata, desired_revision, desired_at, last_sync_id, sync_status)
    VALUES (('00000000-0000-4000-8000-' || lpad(to_hex((:n)::int), 12, '0'))::uuid, 'bazi-consultation', 'PREMIUM',
        'update', 'active', '2026-11-01T00:00:00Z', CAST('{"thread": 0, "n": 1}' AS jsonb), 1, now(),
        md5((:k)::text || (:client_id)::text)::uuid, 'pending')
    ON CONFLICT (mvp_user_id, service_name) DO UPDATE SET plan_code = excluded.plan_code, operation = excluded.operation,
        status = excluded.status, start_date = excluded.start_date, end_date = NULL, metadata = excluded.metadata,
        desired_revision = s.desired_revision + 1, desired_at = excluded.desired_at, last_sync_id = excluded.last_sync_id,
        sync_status = 'pending', last_error = NULL
    RETURNING s.mvp_user_id, s.service_name, s.desired_revision, s.last_sync_id
), outbox AS (
    INSERT INTO sync_outbox (id, mvp_user_id, service_name, revision, operation, payload, status, next_attempt_at, actor,
        request_id, created_at)
    SELECT last_sync_id, mvp_user_id, service_name, desired_revision, 'sync',
        CAST('{"operation": "update", "serviceName": "bazi-consultation", "planCode": "PREMIUM", "status": "active", "startDate": "2026-11-01T00:00:00Z", "endDate": null, "metadata": {"thread": 0, "n": 1}}' AS jsonb),
        'pending', now(), 'service_role:bench', 'bench', now()
    FROM state
    ON CONFLICT DO NOTHING
)
INSERT INTO subscription_sync_log (sync_id, mvp_user_id, master_user_id, service_name, operation, source, status, mvp_data,
    error, actor, request_id, created_at)
SELECT last_sync_id, mvp_user_id, NULL, service_name, 'update', 'mvp', 'pending',
    CAST('{"mvpUserId": "x", "operation": "update", "serviceName": "bazi-consultation", "planCode": "PREMIUM", "status": "active"}' AS jsonb),
    NULL, 'service_role:bench', 'bench', now()
FROM state;
