-- Drift between Master and the MVP: what a reconciliation found, kept until an operator (or a policy) resolves it.
-- Audit rows of a drift found have source 'master' and status 'diverged' (allowed since V5).

-- One open divergence per (user, service): the differences an operator sees and resolves. A subscription only Master
-- holds is kept under the MVP service name its Master service maps to (or the Master service id, when unmapped).
CREATE TABLE sync_divergences (
    mvp_user_id       uuid        NOT NULL,
    service_name      text        NOT NULL,
    master_user_id    uuid,
    master_service_id text,
    differences       jsonb       NOT NULL,
    confirmed_data    jsonb,
    master_data       jsonb,
    detected_at       timestamptz NOT NULL,
    detected_by       text        NOT NULL,
    CONSTRAINT sync_divergences_pk PRIMARY KEY (mvp_user_id, service_name),
    CONSTRAINT sync_divergences_differences_array CHECK (jsonb_typeof(differences) = 'array')
);
CREATE INDEX sync_divergences_by_time ON sync_divergences (detected_at DESC);
