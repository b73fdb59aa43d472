-- A batch's confirmation, third statement: the outbox rows this worker still holds become delivered, their states
-- and accounts move on, and every confirmation gets its success audit row (one Master confirmed after the lease was
-- lost says so). :ids, :attempts and :masterData are the batch (BatchConfirmation.confirm); answers the ids
-- still held.
WITH input AS (
    -- The batch as three arrays of one element per confirmation: the sync id, the attempt Master answered and
    -- Master's answer (JSON text or NULL); the rest is the outbox row's own (its user, service, revision, operation
    -- and the desired state it carried) and the account's Master user.
    SELECT o.id, c.attempt, o.mvp_user_id, a.master_user_id, o.service_name, o.revision, o.operation,
           o.payload AS mvp_data, CAST(c.master_data AS jsonb) AS master_data
    FROM unnest(CAST(:ids AS uuid[]), CAST(:attempts AS int[]), CAST(:masterData AS text[])) AS c(id, attempt, master_data)
    JOIN subsync.sync_outbox o ON o.id = c.id
    LEFT JOIN subsync.account_sync a ON a.mvp_user_id = o.mvp_user_id
), held AS (
    UPDATE subsync.sync_outbox o SET status = 'delivered', delivered_at = :at, lease_owner = NULL,
        lease_until = NULL, last_error = NULL
    FROM input
    WHERE o.id = input.id AND o.status = 'delivering' AND o.lease_owner = :worker
      AND o.attempts = input.attempt
    RETURNING o.id
), states AS (
    UPDATE subsync.subscription_sync_state s
    SET synced_revision = input.revision, synced_at = :at, synced_data = input.master_data,
        master_version = GREATEST(s.master_version, CASE WHEN jsonb_typeof(input.master_data -> 'version') = 'number'
            THEN (input.master_data ->> 'version')::numeric::bigint END),
        sync_status = CASE WHEN s.sync_status = 'diverged' THEN s.sync_status
                           WHEN s.desired_revision = input.revision THEN 'synced' ELSE s.sync_status END,
        last_error = CASE WHEN s.sync_status = 'diverged' THEN s.last_error
                          WHEN s.desired_revision = input.revision THEN NULL ELSE s.last_error END
    FROM input JOIN held ON held.id = input.id
    WHERE s.mvp_user_id = input.mvp_user_id AND s.service_name = input.service_name
      AND (s.synced_revision IS NULL OR s.synced_revision < input.revision)
    RETURNING s.mvp_user_id
), accounts AS (
    UPDATE subsync.account_sync a SET last_sync_at = :at, last_error = NULL, updated_at = :at,
        sync_status = CASE WHEN a.sync_status = 'diverged' THEN 'diverged'
                           WHEN EXISTS (SELECT 1 FROM subsync.sync_outbox o WHERE o.mvp_user_id = a.mvp_user_id
                                        AND o.status IN ('waiting', 'pending', 'delivering', 'failed')
                                        AND o.id NOT IN (SELECT id FROM held))
                           THEN a.sync_status ELSE 'synced' END
    WHERE a.mvp_user_id IN (SELECT input.mvp_user_id FROM input JOIN held ON held.id = input.id)
    RETURNING a.mvp_user_id
), logged AS (
    INSERT INTO subsync.subscription_sync_log (sync_id, mvp_user_id, master_user_id, service_name, operation,
        source, status, mvp_data, master_data, error, attempt, actor, created_at)
    SELECT input.id, input.mvp_user_id, input.master_user_id, input.service_name, input.operation,
           'mvp', 'success', input.mvp_data, input.master_data,
           CASE WHEN held.id IS NULL THEN 'confirmed by Master after this worker''s lease had '
                || 'expired; another worker had taken the operation over' END,
           input.attempt, :actor, :at
    FROM input LEFT JOIN held ON held.id = input.id
    RETURNING 1
)
SELECT id FROM held
