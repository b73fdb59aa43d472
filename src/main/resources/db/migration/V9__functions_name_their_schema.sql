-- The service sets nothing on a session, not even the search path, so that its connections work the same through a
-- transaction pooler (docs/deployment.md). Its statements name the schema; the two trigger functions, which named
-- their tables without it, now carry the search path themselves, like the magic-link functions already do.
ALTER FUNCTION subsync.record_subscription_history() SET search_path = subsync, pg_temp;
ALTER FUNCTION subsync.refuse_sync_log_change() SET search_path = subsync, pg_temp;
