-- A batch's confirmation (BatchConfirmation), first of three statements: the accounts of the confirmed rows, locked
-- in key order (the lock order of docs/sync.md: accounts, then states, then outbox rows).
SELECT 1 FROM subsync.account_sync
WHERE mvp_user_id IN (SELECT (r ->> 'mvp_user_id')::uuid FROM jsonb_array_elements(CAST(:rows AS jsonb)) r)
ORDER BY mvp_user_id FOR UPDATE
