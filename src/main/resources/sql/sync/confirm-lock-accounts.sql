-- A batch's confirmation (BatchConfirmation), first of three statements: the accounts of the confirmed rows, locked
-- in key order (the lock order of docs/sync.md: accounts, then states, then outbox rows). :ids is the batch's sync ids.
SELECT 1 FROM subsync.account_sync
WHERE mvp_user_id IN (SELECT mvp_user_id FROM subsync.sync_outbox WHERE id = ANY (CAST(:ids AS uuid[])))
ORDER BY mvp_user_id FOR UPDATE
