-- Row-level security: user-scoped requests run under the restricted role subsync_authenticated with the verified
-- token's claims in request.jwt.claims (set per connection checkout by the service, as PostgREST and Supabase do).
-- The policies below let such a request see and change only its own user's rows and its own tenant's rows, even when
-- a query forgets its filter. The service's own login role owns the tables and so bypasses the policies: that is the
-- service_role path (workers, webhooks, operators). See docs/security.md.

DO
$$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'subsync_authenticated') THEN
        CREATE ROLE subsync_authenticated NOLOGIN NOINHERIT;
    END IF;
END;
$$;
-- The service's login role switches to it per request (SET ROLE needs membership, unless a superuser).
GRANT subsync_authenticated TO CURRENT_USER;

-- The two ids the policies use, read from the request's claims (as Supabase's auth.uid() does). Each is one
-- SQL expression, so PostgreSQL inlines it into the policy and evaluates it once per statement: a function it had to
-- call (a FROM clause, plpgsql) is planned again in every statement, which cost a user's read most of its time.
-- The service writes the claims itself (io.subsync.database.RowSecurity), with ids that are UUIDs.
CREATE FUNCTION auth_uid() RETURNS uuid
    LANGUAGE sql STABLE AS
$$
SELECT (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')::uuid
$$;

CREATE FUNCTION auth_tenant_id() RETURNS uuid
    LANGUAGE sql STABLE AS
$$
SELECT coalesce(nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'tenant_id',
                nullif(current_setting('request.jwt.claims', true), '')::jsonb -> 'app_metadata' ->> 'tenant_id')::uuid
$$;

GRANT USAGE ON SCHEMA subsync TO subsync_authenticated;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA subsync TO subsync_authenticated;

-- The catalogue and the plan mapping are public to every signed-in user; nothing else is.
GRANT SELECT ON products, subscription_plans, service_plan_mapping TO subsync_authenticated;

-- Tenant-owned rows: the caller's tenant only (tenant_id claim).
ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_products ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_subscriptions ENABLE ROW LEVEL SECURITY;
ALTER TABLE subscription_history ENABLE ROW LEVEL SECURITY;
-- Reading a tenant locks its row (FOR NO KEY UPDATE needs UPDATE on one column); the user changes none of it.
GRANT SELECT, UPDATE (updated_at) ON tenants TO subsync_authenticated;
GRANT SELECT ON tenant_products TO subsync_authenticated;
-- The safety net creates a tenant's missing subscriptions on read; the history trigger records them.
GRANT SELECT, INSERT ON tenant_subscriptions TO subsync_authenticated;
GRANT SELECT, INSERT ON subscription_history TO subsync_authenticated;

CREATE POLICY own_tenant ON tenants TO subsync_authenticated
    USING (id = (SELECT subsync.auth_tenant_id())) WITH CHECK (id = (SELECT subsync.auth_tenant_id()));
CREATE POLICY own_tenant ON tenant_products TO subsync_authenticated
    USING (tenant_id = (SELECT subsync.auth_tenant_id()));
CREATE POLICY own_tenant ON tenant_subscriptions TO subsync_authenticated
    USING (tenant_id = (SELECT subsync.auth_tenant_id())) WITH CHECK (tenant_id = (SELECT subsync.auth_tenant_id()));
CREATE POLICY own_tenant ON subscription_history TO subsync_authenticated
    USING (tenant_id = (SELECT subsync.auth_tenant_id())) WITH CHECK (tenant_id = (SELECT subsync.auth_tenant_id()));

-- User-owned rows: the caller's own MVP user only (sub claim).
ALTER TABLE account_sync ENABLE ROW LEVEL SECURITY;
ALTER TABLE subscription_sync_state ENABLE ROW LEVEL SECURITY;
ALTER TABLE sync_outbox ENABLE ROW LEVEL SECURITY;
ALTER TABLE subscription_sync_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE ON account_sync, subscription_sync_state, sync_outbox TO subsync_authenticated;
GRANT SELECT, INSERT ON subscription_sync_log TO subsync_authenticated;
GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_keys TO subsync_authenticated;

CREATE POLICY own_rows ON account_sync TO subsync_authenticated
    USING (mvp_user_id = (SELECT subsync.auth_uid())) WITH CHECK (mvp_user_id = (SELECT subsync.auth_uid()));
CREATE POLICY own_rows ON subscription_sync_state TO subsync_authenticated
    USING (mvp_user_id = (SELECT subsync.auth_uid())) WITH CHECK (mvp_user_id = (SELECT subsync.auth_uid()));
CREATE POLICY own_rows ON sync_outbox TO subsync_authenticated
    USING (mvp_user_id = (SELECT subsync.auth_uid())) WITH CHECK (mvp_user_id = (SELECT subsync.auth_uid()));
CREATE POLICY own_rows ON subscription_sync_log TO subsync_authenticated
    USING (mvp_user_id = (SELECT subsync.auth_uid())) WITH CHECK (mvp_user_id = (SELECT subsync.auth_uid()));
CREATE POLICY own_rows ON idempotency_keys TO subsync_authenticated
    USING (caller = 'user:' || (SELECT subsync.auth_uid())) WITH CHECK (caller = 'user:' || (SELECT subsync.auth_uid()));

-- Magic links (V4): the token table is reached only through its SECURITY DEFINER functions. A user may create a link
-- for themself and link their own account (POST /sync-subscription with a masterUserId); validating a token and
-- reading its state are for the service and Master only.
ALTER TABLE magic_link_tokens ENABLE ROW LEVEL SECURITY;
GRANT EXECUTE ON FUNCTION generate_magic_link_token(uuid, int) TO subsync_authenticated;
GRANT EXECUTE ON FUNCTION link_master_account(uuid, uuid, text, timestamptz) TO subsync_authenticated;

-- Drift found by reconciliation (V6): a user's own new change to a diverged subscription settles its divergence
-- (RecordSync), so a user may read and delete their own rows, and nothing else.
ALTER TABLE sync_divergences ENABLE ROW LEVEL SECURITY;
GRANT SELECT, DELETE ON sync_divergences TO subsync_authenticated;
CREATE POLICY own_rows ON sync_divergences TO subsync_authenticated
    USING (mvp_user_id = (SELECT subsync.auth_uid()));
