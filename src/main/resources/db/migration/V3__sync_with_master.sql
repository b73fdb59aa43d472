-- Sync with the Master system: account links, plan mapping, desired and synced state, outbox, audit trail.

CREATE TABLE account_sync (
    mvp_user_id    uuid        NOT NULL,
    master_user_id uuid,
    master_email   text,
    sync_status    text        NOT NULL DEFAULT 'pending',
    last_sync_at   timestamptz,
    last_error     text,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    CONSTRAINT account_sync_pk PRIMARY KEY (mvp_user_id),
    CONSTRAINT account_sync_status_known CHECK (sync_status IN ('pending', 'synced', 'failed', 'diverged'))
);
-- A Master account is linked to at most one MVP user.
CREATE UNIQUE INDEX account_sync_one_link_per_master_account ON account_sync (master_user_id)
    WHERE master_user_id IS NOT NULL;
CREATE INDEX account_sync_by_status ON account_sync (sync_status);

CREATE TABLE service_plan_mapping (
    id                uuid        NOT NULL DEFAULT gen_random_uuid(),
    mvp_service_name  text        NOT NULL,
    mvp_plan_code     text        NOT NULL,
    master_service_id text        NOT NULL,
    master_plan_tier  text        NOT NULL,
    features          jsonb       NOT NULL DEFAULT '[]'::jsonb,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT service_plan_mapping_pk PRIMARY KEY (id),
    CONSTRAINT service_plan_mapping_features_array CHECK (jsonb_typeof(features) = 'array')
);
-- Service names and plan codes are matched case-insensitively.
CREATE UNIQUE INDEX service_plan_mapping_pair ON service_plan_mapping (lower(mvp_service_name), lower(mvp_plan_code));

-- Per (user, service): the state the MVP side wants Master to have, and what Master last confirmed.
CREATE TABLE subscription_sync_state (
    mvp_user_id      uuid        NOT NULL,
    service_name     text        NOT NULL,
    plan_code        text        NOT NULL,
    operation        text        NOT NULL,
    status           text        NOT NULL,
    start_date       timestamptz,
    end_date         timestamptz,
    metadata         jsonb,
    desired_revision bigint      NOT NULL,
    desired_at       timestamptz NOT NULL,
    last_sync_id     uuid        NOT NULL,
    synced_revision  bigint,
    synced_at        timestamptz,
    synced_data      jsonb,
    sync_status      text        NOT NULL,
    last_error       text,
    CONSTRAINT subscription_sync_state_pk PRIMARY KEY (mvp_user_id, service_name),
    CONSTRAINT subscription_sync_state_status_known CHECK (sync_status IN ('pending', 'synced', 'failed', 'diverged'))
);

-- The transactional outbox: one row per operation to deliver; its id is the sync id and the Idempotency-Key.
CREATE TABLE sync_outbox (
    id              uuid        NOT NULL,
    mvp_user_id     uuid        NOT NULL,
    service_name    text        NOT NULL,
    revision        bigint      NOT NULL,
    operation       text        NOT NULL,
    payload         jsonb       NOT NULL,
    status          text        NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    lease_owner     text,
    lease_until     timestamptz,
    last_error      text,
    superseded_by   uuid,
    actor           text        NOT NULL,
    request_id      text,
    created_at      timestamptz NOT NULL,
    delivered_at    timestamptz,
    CONSTRAINT sync_outbox_pk PRIMARY KEY (id),
    CONSTRAINT sync_outbox_operation_known CHECK (operation IN ('create', 'update', 'cancel', 'reactivate', 'sync')),
    CONSTRAINT sync_outbox_status_known
        CHECK (status IN ('waiting', 'pending', 'delivering', 'delivered', 'failed', 'superseded')),
    CONSTRAINT sync_outbox_revision_unique UNIQUE (mvp_user_id, service_name, revision)
);
-- The worker's claim reads only open rows.
CREATE INDEX sync_outbox_open ON sync_outbox (next_attempt_at)
    WHERE status IN ('pending', 'delivering');
CREATE INDEX sync_outbox_open_by_key ON sync_outbox (mvp_user_id, service_name, revision)
    WHERE status IN ('waiting', 'pending', 'delivering');
CREATE INDEX sync_outbox_failed ON sync_outbox (mvp_user_id) WHERE status = 'failed';
CREATE INDEX sync_outbox_delivered_at ON sync_outbox (delivered_at) WHERE status = 'delivered';

-- Audit trail: every request, every delivery attempt and every inbound change. Append-only.
CREATE TABLE subscription_sync_log (
    id             bigint GENERATED ALWAYS AS IDENTITY,
    sync_id        uuid,
    mvp_user_id    uuid,
    master_user_id uuid,
    service_name   text,
    operation      text        NOT NULL,
    source         text        NOT NULL,
    status         text        NOT NULL,
    mvp_data       jsonb,
    master_data    jsonb,
    error          text,
    attempt        integer,
    actor          text        NOT NULL,
    request_id     text,
    created_at     timestamptz NOT NULL,
    CONSTRAINT subscription_sync_log_pk PRIMARY KEY (id),
    CONSTRAINT subscription_sync_log_operation_known
        CHECK (operation IN ('create', 'update', 'cancel', 'reactivate', 'sync', 'link', 'unlink', 'resolve')),
    CONSTRAINT subscription_sync_log_source_known CHECK (source IN ('mvp', 'master')),
    CONSTRAINT subscription_sync_log_status_known CHECK (status IN ('success', 'failed', 'pending', 'stale', 'superseded', 'ignored'))
);
CREATE INDEX subscription_sync_log_by_time ON subscription_sync_log (created_at DESC, id DESC);
CREATE INDEX subscription_sync_log_by_user ON subscription_sync_log (mvp_user_id, created_at DESC, id DESC);
CREATE INDEX subscription_sync_log_by_sync ON subscription_sync_log (sync_id);
CREATE INDEX subscription_sync_log_failed ON subscription_sync_log (created_at DESC) WHERE status = 'failed';

CREATE FUNCTION refuse_sync_log_change() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'subscription_sync_log is append-only';
END;
$$;
CREATE TRIGGER subscription_sync_log_append_only
    BEFORE UPDATE OR DELETE ON subscription_sync_log
    FOR EACH ROW EXECUTE FUNCTION refuse_sync_log_change();

-- Idempotency-Key header: the first answer, replayed for the same key and body.
CREATE TABLE idempotency_keys (
    caller          text        NOT NULL,
    idempotency_key text        NOT NULL,
    request_hash    text        NOT NULL,
    state           text        NOT NULL,
    response_status integer,
    response_body   text,
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    CONSTRAINT idempotency_keys_pk PRIMARY KEY (caller, idempotency_key),
    CONSTRAINT idempotency_keys_state_known CHECK (state IN ('running', 'done'))
);
CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);

-- The health figures that the API, the CLI and the pages show.
CREATE VIEW sync_health_dashboard AS
SELECT count(*) FILTER (WHERE sync_status = 'pending')                           AS pending_accounts,
       count(*) FILTER (WHERE sync_status = 'synced')                            AS synced_accounts,
       count(*) FILTER (WHERE sync_status = 'failed')                            AS failed_accounts,
       count(*) FILTER (WHERE sync_status = 'diverged')                          AS diverged_accounts,
       count(*)                                                                  AS total_accounts,
       count(*) FILTER (WHERE last_sync_at > now() - interval '24 hours')        AS synced_last_24h,
       (SELECT count(*) FROM subscription_sync_log l
        WHERE l.status = 'failed' AND l.created_at > now() - interval '24 hours') AS errors_last_24h,
       (SELECT count(*) FROM account_sync a WHERE a.last_error IS NOT NULL)       AS accounts_with_errors,
       avg(extract(epoch FROM now() - last_sync_at)) FILTER (WHERE last_sync_at IS NOT NULL)
                                                                                 AS avg_seconds_since_last_sync
FROM account_sync;
