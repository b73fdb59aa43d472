-- Magic links: one-time tokens that link an MVP account to a Master account (docs/sync.md, "Account links and magic
-- links"). The token is shown once; only its SHA-256 is stored. The functions are the one implementation of the
-- token rules: the API calls them, and so can SQL clients of the seed's contract.
--
-- Refusals are raised with SQLSTATEs of their own, so callers can tell them apart:
--   SL001 unknown token · SL002 expired · SL003 already used · SL004 the Master account is linked to another MVP user
--   SL005 the MVP user is linked to another Master account · SL006 validity out of bounds (1-168 hours)
-- Messages never contain the token.

-- gen_random_bytes() (a CSPRNG) comes from pgcrypto. Where pgcrypto is already installed in another schema (Supabase
-- keeps it in "extensions"), that schema is added to the functions' search_path below.
CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA subsync;

CREATE TABLE magic_link_tokens (
    id                     uuid        NOT NULL DEFAULT gen_random_uuid(),
    mvp_user_id            uuid        NOT NULL,
    token_hash             bytea       NOT NULL,
    expires_at             timestamptz NOT NULL,
    used_at                timestamptz,
    used_by_master_user_id uuid,
    created_at             timestamptz NOT NULL,
    CONSTRAINT magic_link_tokens_pk PRIMARY KEY (id),
    CONSTRAINT magic_link_tokens_hash_unique UNIQUE (token_hash),
    CONSTRAINT magic_link_tokens_hash_is_sha256 CHECK (octet_length(token_hash) = 32),
    CONSTRAINT magic_link_tokens_used_by_whom CHECK ((used_at IS NULL) = (used_by_master_user_id IS NULL)),
    CONSTRAINT magic_link_tokens_expiry_after_creation CHECK (expires_at > created_at)
);
CREATE INDEX magic_link_tokens_by_user ON magic_link_tokens (mvp_user_id, created_at DESC);
CREATE INDEX magic_link_tokens_expiry ON magic_link_tokens (expires_at) WHERE used_at IS NULL;

-- Links an MVP user to a Master account (creating the account row if missing), or leaves an identical link as it is.
-- Returns true when the link is new. The account row is locked until the transaction ends. Shared by magic links and
-- by POST /sync-subscription with a masterUserId, so both refuse conflicts the same way; the unique index
-- account_sync_one_link_per_master_account is the guarantee under concurrency.
CREATE FUNCTION link_master_account(p_mvp_user_id uuid, p_master_user_id uuid, p_master_email text,
                                    p_at timestamptz DEFAULT now())
    RETURNS boolean
    LANGUAGE plpgsql
    SET search_path = subsync, pg_temp
AS
$$
DECLARE
    v_current uuid;
BEGIN
    IF p_mvp_user_id IS NULL OR p_master_user_id IS NULL THEN
        RAISE EXCEPTION 'the MVP user id and the Master user id are required' USING ERRCODE = '22023';
    END IF;
    INSERT INTO account_sync (mvp_user_id, sync_status, created_at, updated_at)
    VALUES (p_mvp_user_id, 'pending', p_at, p_at)
    ON CONFLICT (mvp_user_id) DO NOTHING;
    SELECT master_user_id INTO v_current FROM account_sync WHERE mvp_user_id = p_mvp_user_id FOR UPDATE;
    IF v_current = p_master_user_id THEN
        IF p_master_email IS NOT NULL THEN
            UPDATE account_sync SET master_email = p_master_email, updated_at = p_at
            WHERE mvp_user_id = p_mvp_user_id AND master_email IS DISTINCT FROM p_master_email;
        END IF;
        RETURN false;
    END IF;
    IF v_current IS NOT NULL THEN
        RAISE EXCEPTION 'MVP user % is linked to another Master account; unlink it first', p_mvp_user_id
            USING ERRCODE = 'SL005';
    END IF;
    IF EXISTS (SELECT 1 FROM account_sync WHERE master_user_id = p_master_user_id) THEN
        RAISE EXCEPTION 'Master account % is already linked to another MVP user', p_master_user_id
            USING ERRCODE = 'SL004';
    END IF;
    BEGIN
        UPDATE account_sync
        SET master_user_id = p_master_user_id, master_email = p_master_email, sync_status = 'pending',
            last_error = NULL, updated_at = p_at
        WHERE mvp_user_id = p_mvp_user_id;
    EXCEPTION
        WHEN unique_violation THEN
            RAISE EXCEPTION 'Master account % is already linked to another MVP user', p_master_user_id
                USING ERRCODE = 'SL004';
    END;
    RETURN true;
END;
$$;

-- A new token for the user, valid for 1 to 168 hours: 32 bytes from pgcrypto's CSPRNG (256 bits), base64url
-- without padding (43 characters). Only its SHA-256 is kept.
CREATE FUNCTION generate_magic_link_token(p_mvp_user_id uuid, p_validity_hours int DEFAULT 24)
    RETURNS TABLE (token text, expires_at timestamptz)
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = subsync, pg_temp
AS
$$
DECLARE
    v_token text;
    v_expires timestamptz;
BEGIN
    IF p_mvp_user_id IS NULL THEN
        RAISE EXCEPTION 'the MVP user id is required' USING ERRCODE = '22023';
    END IF;
    IF p_validity_hours IS NULL OR p_validity_hours < 1 OR p_validity_hours > 168 THEN
        RAISE EXCEPTION 'validity must be between 1 and 168 hours, was %', coalesce(p_validity_hours::text, 'null')
            USING ERRCODE = 'SL006';
    END IF;
    v_token := rtrim(translate(encode(gen_random_bytes(32), 'base64'), '+/', '-_'), '=');
    v_expires := now() + make_interval(hours => p_validity_hours);
    INSERT INTO magic_link_tokens (mvp_user_id, token_hash, expires_at, created_at)
    VALUES (p_mvp_user_id, sha256(convert_to(v_token, 'UTF8')), v_expires, now());
    RETURN QUERY SELECT v_token, v_expires;
END;
$$;

-- Uses a token: refuses an unknown (SL001), expired (SL002) or used (SL003) one, then links its MVP user to the Master
-- account (SL004, SL005 on conflicts) and marks the token used, in the caller's transaction. The token row is found by
-- its hash and locked, so two concurrent uses of one token cannot both succeed. Returns the link; newly_linked is
-- false when the user was already linked to that same Master account (the token is used up all the same).
CREATE FUNCTION validate_magic_link_token(p_token text, p_master_user_id uuid, p_master_email text)
    RETURNS TABLE (link_id uuid, mvp_user_id uuid, master_user_id uuid, master_email text, newly_linked boolean)
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = subsync, pg_temp
AS
$$
DECLARE
    v_link magic_link_tokens%ROWTYPE;
    v_new boolean;
BEGIN
    IF p_master_user_id IS NULL THEN
        RAISE EXCEPTION 'the Master user id is required' USING ERRCODE = '22023';
    END IF;
    SELECT * INTO v_link FROM magic_link_tokens t
    WHERE t.token_hash = sha256(convert_to(coalesce(p_token, ''), 'UTF8'))
    FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'this magic link is unknown: check that the whole link was used' USING ERRCODE = 'SL001';
    END IF;
    IF v_link.used_at IS NOT NULL THEN
        RAISE EXCEPTION 'this magic link was already used at %; ask for a new one', v_link.used_at
            USING ERRCODE = 'SL003';
    END IF;
    IF v_link.expires_at <= now() THEN
        RAISE EXCEPTION 'this magic link expired at %; ask for a new one', v_link.expires_at USING ERRCODE = 'SL002';
    END IF;
    v_new := link_master_account(v_link.mvp_user_id, p_master_user_id, p_master_email, now());
    UPDATE magic_link_tokens SET used_at = now(), used_by_master_user_id = p_master_user_id WHERE id = v_link.id;
    RETURN QUERY SELECT v_link.id, v_link.mvp_user_id, p_master_user_id, a.master_email, v_new
                 FROM account_sync a WHERE a.mvp_user_id = v_link.mvp_user_id;
END;
$$;

-- What a token would do, without using it: 'valid', 'expired', 'used' or 'unknown' (for the /link page).
CREATE FUNCTION magic_link_token_state(p_token text)
    RETURNS TABLE (state text, expires_at timestamptz)
    LANGUAGE sql
    STABLE
    SECURITY DEFINER
    SET search_path = subsync, pg_temp
AS
$$
SELECT coalesce(found.state, 'unknown'), found.expires_at
FROM (SELECT 1) AS one
LEFT JOIN (SELECT CASE WHEN t.used_at IS NOT NULL THEN 'used'
                       WHEN t.expires_at <= now() THEN 'expired'
                       ELSE 'valid' END AS state,
                  t.expires_at
           FROM magic_link_tokens t
           WHERE t.token_hash = sha256(convert_to(coalesce(p_token, ''), 'UTF8'))) AS found ON true;
$$;

-- SECURITY DEFINER functions run with the owner's rights: nobody may call them until granted explicitly.
REVOKE ALL ON FUNCTION generate_magic_link_token(uuid, int) FROM PUBLIC;
REVOKE ALL ON FUNCTION validate_magic_link_token(text, uuid, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION magic_link_token_state(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION link_master_account(uuid, uuid, text, timestamptz) FROM PUBLIC;

-- pgcrypto installed elsewhere before this migration: let the token generator find it there.
DO
$$
DECLARE
    v_schema text;
BEGIN
    SELECT n.nspname INTO v_schema
    FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
    WHERE e.extname = 'pgcrypto';
    IF v_schema IS DISTINCT FROM 'subsync' THEN
        EXECUTE format('ALTER FUNCTION subsync.generate_magic_link_token(uuid, int) SET search_path = subsync, %I, pg_temp',
                       v_schema);
    END IF;
END;
$$;
