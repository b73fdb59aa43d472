-- A batch's confirmation, second statement: the subscription states of the confirmed rows, locked in key order.
SELECT 1 FROM subsync.subscription_sync_state
WHERE (mvp_user_id, service_name) IN (SELECT (r ->> 'mvp_user_id')::uuid, r ->> 'service_name'
                                     FROM jsonb_array_elements(CAST(:rows AS jsonb)) r)
ORDER BY mvp_user_id, service_name FOR UPDATE
