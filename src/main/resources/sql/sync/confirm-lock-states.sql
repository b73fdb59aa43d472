-- A batch's confirmation, second statement: the subscription states of the confirmed rows, locked in key order.
SELECT 1 FROM subsync.subscription_sync_state
WHERE (mvp_user_id, service_name) IN (SELECT mvp_user_id, service_name FROM subsync.sync_outbox
                                     WHERE id = ANY (CAST(:ids AS uuid[])))
ORDER BY mvp_user_id, service_name FOR UPDATE
