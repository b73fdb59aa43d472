-- A subscription's history was written by a row trigger: once per subscription, so creating the subscriptions of a
-- million tenants ran it four million times, each an INSERT of its own. The same rows are now written once per
-- statement, set-based, from the statement's transition tables: what was inserted, and each updated row before and
-- after. Same columns, same values, same rules (a status change is 'cancelled' or 'reactivated', else a plan change
-- is 'plan_changed', else nothing), so nothing that reads the history changes.
DROP TRIGGER tenant_subscriptions_history ON subsync.tenant_subscriptions;
DROP FUNCTION subsync.record_subscription_history();

CREATE FUNCTION subsync.record_subscriptions_created() RETURNS trigger
    LANGUAGE plpgsql SET search_path = subsync, pg_temp AS
$$
BEGIN
    INSERT INTO subsync.subscription_history (subscription_id, tenant_id, change, to_plan_id, to_status, reason, actor,
                                              changed_at)
    SELECT n.id, n.tenant_id, 'created', n.plan_id, n.status, n.change_reason, n.changed_by, n.changed_at
    FROM created_rows n;
    RETURN NULL;
END;
$$;

CREATE FUNCTION subsync.record_subscriptions_changed() RETURNS trigger
    LANGUAGE plpgsql SET search_path = subsync, pg_temp AS
$$
BEGIN
    INSERT INTO subsync.subscription_history (subscription_id, tenant_id, change, from_plan_id, to_plan_id, from_status,
                                              to_status, reason, actor, changed_at)
    SELECT n.id, n.tenant_id,
           CASE WHEN n.status IS DISTINCT FROM o.status
                THEN CASE WHEN n.status = 'active' THEN 'reactivated' ELSE 'cancelled' END
                ELSE 'plan_changed' END,
           o.plan_id, n.plan_id, o.status, n.status, n.change_reason, n.changed_by, n.changed_at
    FROM changed_rows n
    JOIN rows_before o ON o.id = n.id
    WHERE n.status IS DISTINCT FROM o.status OR n.plan_id IS DISTINCT FROM o.plan_id;
    RETURN NULL;
END;
$$;

CREATE TRIGGER tenant_subscriptions_created
    AFTER INSERT ON subsync.tenant_subscriptions
    REFERENCING NEW TABLE AS created_rows
    FOR EACH STATEMENT EXECUTE FUNCTION subsync.record_subscriptions_created();

CREATE TRIGGER tenant_subscriptions_changed
    AFTER UPDATE ON subsync.tenant_subscriptions
    REFERENCING OLD TABLE AS rows_before NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION subsync.record_subscriptions_changed();
