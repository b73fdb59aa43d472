-- The outbox rows a worker claims under its lease (JdbcOutbox.claim): each due row that is next in line for its
-- (user, service), with what sending it needs. {filter} narrows it to one sync id when a request delivers its own.
WITH candidate AS (
    SELECT o.id FROM subsync.sync_outbox o
    WHERE ((o.status = 'pending' AND o.next_attempt_at <= :now)
           OR (o.status = 'delivering' AND o.lease_until <= :now))
      AND NOT EXISTS (SELECT 1 FROM subsync.sync_outbox e
                      WHERE e.mvp_user_id = o.mvp_user_id AND e.service_name = o.service_name
                        AND e.status IN ('waiting', 'pending', 'delivering') AND e.revision < o.revision)
      {filter}
    ORDER BY o.next_attempt_at
    LIMIT :limit
    FOR UPDATE SKIP LOCKED
), claimed AS (
    UPDATE subsync.sync_outbox o SET status = 'delivering', lease_owner = :worker, lease_until = :leaseUntil,
        attempts = o.attempts + 1,
        -- A change goes as itself only after Master confirmed the revision before it; after one that
        -- failed or was superseded it goes whole, or Master would miss what that one carried.
        operation = CASE WHEN o.revision > 1 AND NOT EXISTS (
                             SELECT 1 FROM subsync.subscription_sync_state s
                             WHERE s.mvp_user_id = o.mvp_user_id AND s.service_name = o.service_name
                               AND s.synced_revision = o.revision - 1)
                         THEN 'sync' ELSE o.operation END
    FROM candidate WHERE o.id = candidate.id
    RETURNING o.id, o.attempts, o.mvp_user_id, o.service_name, o.revision, o.operation, o.payload, o.created_at
)
SELECT c.*, a.master_user_id, m.mvp_service_name, m.mvp_plan_code, m.master_service_id, m.master_plan_tier,
       m.features
FROM claimed c
LEFT JOIN subsync.account_sync a ON a.mvp_user_id = c.mvp_user_id
LEFT JOIN subsync.service_plan_mapping m ON lower(m.mvp_service_name) = lower(c.service_name)
                                  AND lower(m.mvp_plan_code) = lower(c.payload ->> 'planCode')
