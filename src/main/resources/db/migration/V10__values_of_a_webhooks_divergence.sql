-- A divergence a webhook brought (detected_by 'inbound change') was recorded with its fields but no values, and V8 moved
-- the older ones over the same way. Both sides can be recovered while it is open: the MVP's side is the desired state of
-- the state row (a new MVP change would have cleared the divergence, so it is the one held), Master's is the state kept
-- with the divergence (master_data), its plan as the MVP plan its tier maps to. What Master last confirmed is the state
-- row's synced_data. Dates are written as the service writes them (Instant.toString: whole seconds unless there
-- is a fraction). A row whose values are known already, or without a state row, is left as it is.
UPDATE subsync.sync_divergences d
SET differences = (
        SELECT jsonb_agg(jsonb_build_object(
                   'field', f.e ->> 'field',
                   'confirmed', CASE f.e ->> 'field'
                       WHEN 'planCode' THEN s.plan_code
                       WHEN 'status' THEN s.status
                       WHEN 'startDate' THEN to_char(s.start_date AT TIME ZONE 'UTC', CASE WHEN date_trunc('second', s.start_date) = s.start_date
                                THEN 'YYYY-MM-DD"T"HH24:MI:SS"Z"' ELSE 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"' END)
                       WHEN 'endDate' THEN to_char(s.end_date AT TIME ZONE 'UTC', CASE WHEN date_trunc('second', s.end_date) = s.end_date
                                THEN 'YYYY-MM-DD"T"HH24:MI:SS"Z"' ELSE 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"' END) END,
                   'master', CASE f.e ->> 'field'
                       WHEN 'planCode' THEN (SELECT m.mvp_plan_code FROM subsync.service_plan_mapping m
                                             WHERE lower(m.mvp_service_name) = lower(d.service_name)
                                               AND lower(m.master_service_id) = lower(d.master_data ->> 'serviceId')
                                               AND lower(m.master_plan_tier) = lower(d.master_data ->> 'planTier')
                                             ORDER BY m.mvp_plan_code LIMIT 1)
                       WHEN 'status' THEN d.master_data ->> 'status'
                       WHEN 'startDate' THEN d.master_data ->> 'startDate'
                       WHEN 'endDate' THEN d.master_data ->> 'endDate' END)
               ORDER BY f.position)
        FROM jsonb_array_elements(d.differences) WITH ORDINALITY AS f(e, position)),
    confirmed_data = COALESCE(d.confirmed_data, (
        SELECT jsonb_build_object('serviceId', c ->> 'serviceId', 'planTier', c ->> 'planTier', 'status', c ->> 'status',
                                  'startDate', c -> 'startDate', 'endDate', c -> 'endDate',
                                  'version', COALESCE(c -> 'version', s.synced_data -> 'version'))
        FROM (SELECT COALESCE(s.synced_data -> 'subscription', s.synced_data) AS c) confirmed
        WHERE c ? 'serviceId'))
FROM subsync.subscription_sync_state s
WHERE s.mvp_user_id = d.mvp_user_id
  AND lower(s.service_name) = lower(d.service_name)
  AND d.detected_by = 'inbound change'
  AND jsonb_array_length(d.differences) > 0
  AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(d.differences) e
                  WHERE e ->> 'confirmed' IS NOT NULL OR e ->> 'master' IS NOT NULL);
