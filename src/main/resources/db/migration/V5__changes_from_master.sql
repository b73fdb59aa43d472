-- Changes from Master: the version of Master's state applied per (user, service), Master's last known state,
-- the fields a divergence differs in, webhook deduplication, and the audit status of a divergence.

-- Master's view of (user, service): the highest Master version seen (from a webhook, a reconciliation read or a
-- delivery's answer), that state as Master sent it, and, while diverged, the fields that differ.
ALTER TABLE subscription_sync_state ADD COLUMN master_version bigint;
ALTER TABLE subscription_sync_state ADD COLUMN master_data jsonb;
ALTER TABLE subscription_sync_state ADD COLUMN master_seen_at timestamptz;
ALTER TABLE subscription_sync_state ADD COLUMN diverged_fields jsonb;
ALTER TABLE subscription_sync_state ADD CONSTRAINT subscription_sync_state_diverged_fields_array
    CHECK (diverged_fields IS NULL OR jsonb_typeof(diverged_fields) = 'array');
CREATE INDEX subscription_sync_state_diverged ON subscription_sync_state (mvp_user_id) WHERE sync_status = 'diverged';

-- Every webhook event received, once: its id is the deduplication key (inserted in the transaction that applies it).
CREATE TABLE master_webhook_events (
    event_id    text        NOT NULL,
    type        text        NOT NULL,
    received_at timestamptz NOT NULL,
    outcome     text        NOT NULL DEFAULT 'received',
    CONSTRAINT master_webhook_events_pk PRIMARY KEY (event_id)
);

-- A change from Master that conflicts with an undelivered MVP change is logged as diverged.
ALTER TABLE subscription_sync_log DROP CONSTRAINT subscription_sync_log_status_known;
ALTER TABLE subscription_sync_log ADD CONSTRAINT subscription_sync_log_status_known
    CHECK (status IN ('success', 'failed', 'pending', 'stale', 'superseded', 'ignored', 'diverged'));
