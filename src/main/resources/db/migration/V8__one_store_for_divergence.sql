-- One store for divergence: sync_divergences is the record of every open divergence of a (user, service), whoever
-- found it (a webhook under policy manual, or a reconciliation), with its fields, what Master confirmed and holds, when
-- and by whom. The state row keeps only its status (sync_status = 'diverged'); its diverged_fields go.

-- A divergence only the state row held (a webhook's) moves into sync_divergences. Its fields carry no values (the
-- webhook path never knew them); Master's state is the one the state row noted, seen when it was noted. A pair that has
-- a sync_divergences row already keeps it: it is the one the listing and a resolve have always read.
INSERT INTO sync_divergences (mvp_user_id, service_name, master_user_id, master_service_id, differences,
                              confirmed_data, master_data, detected_at, detected_by)
SELECT s.mvp_user_id,
       s.service_name,
       COALESCE(CAST(s.master_data ->> 'userId' AS uuid), a.master_user_id),
       s.master_data ->> 'serviceId',
       COALESCE((SELECT jsonb_agg(jsonb_build_object('field', f.field, 'confirmed', NULL, 'master', NULL)
                                  ORDER BY f.position)
                 FROM jsonb_array_elements_text(s.diverged_fields) WITH ORDINALITY AS f(field, position)),
                '[]'::jsonb),
       NULL,
       s.master_data,
       COALESCE(s.master_seen_at, s.desired_at),
       'inbound change'
FROM subscription_sync_state s
LEFT JOIN account_sync a ON a.mvp_user_id = s.mvp_user_id
WHERE (s.sync_status = 'diverged' OR s.diverged_fields IS NOT NULL)
  AND NOT EXISTS (SELECT 1 FROM sync_divergences d
                  WHERE d.mvp_user_id = s.mvp_user_id AND lower(d.service_name) = lower(s.service_name));

-- Whether a pair is diverged is read from sync_divergences now: no query looks for diverged state rows.
DROP INDEX subscription_sync_state_diverged;
ALTER TABLE subscription_sync_state DROP COLUMN diverged_fields;
