-- Catalogue: products are data, not code. The platform itself is the one row of kind 'platform'.
CREATE TABLE products (
    code           text        NOT NULL,
    name           text        NOT NULL,
    badge          text        NOT NULL,
    kind           text        NOT NULL DEFAULT 'product',
    disable_policy text        NOT NULL DEFAULT 'keep',
    created_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT products_pk PRIMARY KEY (code),
    CONSTRAINT products_code_format CHECK (code ~ '^[a-z][a-z0-9_]{1,39}$'),
    CONSTRAINT products_name_length CHECK (length(name) BETWEEN 1 AND 100),
    CONSTRAINT products_badge_length CHECK (length(badge) BETWEEN 1 AND 16),
    CONSTRAINT products_kind_known CHECK (kind IN ('platform', 'product')),
    CONSTRAINT products_disable_policy_known CHECK (disable_policy IN ('keep', 'cancel'))
);
CREATE UNIQUE INDEX products_one_platform ON products (kind) WHERE kind = 'platform';

CREATE TABLE subscription_plans (
    id            uuid          NOT NULL DEFAULT gen_random_uuid(),
    product_type  text          NOT NULL,
    tier          text          NOT NULL,
    name          text          NOT NULL,
    price         numeric(12,2) NOT NULL,
    currency      text          NOT NULL,
    billing_cycle text          NOT NULL,
    features      jsonb         NOT NULL DEFAULT '[]'::jsonb,
    active        boolean       NOT NULL DEFAULT true,
    created_at    timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT subscription_plans_pk PRIMARY KEY (id),
    CONSTRAINT subscription_plans_product_fk FOREIGN KEY (product_type) REFERENCES products (code),
    CONSTRAINT subscription_plans_tier_known CHECK (tier IN ('trial', 'starter', 'pro', 'enterprise')),
    CONSTRAINT subscription_plans_price_not_negative CHECK (price >= 0),
    CONSTRAINT subscription_plans_currency_format CHECK (currency ~ '^[A-Z]{3}$'),
    CONSTRAINT subscription_plans_billing_cycle_known CHECK (billing_cycle IN ('monthly', 'quarterly', 'yearly')),
    CONSTRAINT subscription_plans_features_array CHECK (jsonb_typeof(features) = 'array')
);
-- Tier matching reads this index: one usable plan per (product, tier).
CREATE UNIQUE INDEX subscription_plans_one_active_per_tier ON subscription_plans (product_type, tier) WHERE active;

-- Tenants and the products they switch on and off (one row per product ever switched).
CREATE TABLE tenants (
    id            uuid        NOT NULL,
    name          text        NOT NULL,
    plan          text        NOT NULL,
    owner_user_id uuid,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    CONSTRAINT tenants_pk PRIMARY KEY (id),
    CONSTRAINT tenants_name_length CHECK (length(name) BETWEEN 1 AND 200),
    CONSTRAINT tenants_plan_known CHECK (plan IN ('trial', 'starter', 'pro', 'enterprise'))
);
CREATE INDEX tenants_owner ON tenants (owner_user_id) WHERE owner_user_id IS NOT NULL;

CREATE TABLE tenant_products (
    tenant_id    uuid        NOT NULL,
    product_code text        NOT NULL,
    enabled      boolean     NOT NULL,
    changed_at   timestamptz NOT NULL,
    CONSTRAINT tenant_products_pk PRIMARY KEY (tenant_id, product_code),
    CONSTRAINT tenant_products_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE CASCADE,
    CONSTRAINT tenant_products_product_fk FOREIGN KEY (product_code) REFERENCES products (code)
);

-- Every subscription of a tenant: the platform one (product_type 'platform') and one per product.
CREATE TABLE tenant_subscriptions (
    id             uuid          NOT NULL DEFAULT gen_random_uuid(),
    tenant_id      uuid          NOT NULL,
    product_type   text          NOT NULL,
    plan_id        uuid          NOT NULL,
    status         text          NOT NULL,
    price          numeric(12,2) NOT NULL,
    currency       text          NOT NULL,
    billing_cycle  text          NOT NULL,
    started_at     timestamptz   NOT NULL,
    ended_at       timestamptz,
    end_reason     text,
    auto_created   boolean       NOT NULL,
    created_reason text          NOT NULL,
    changed_at     timestamptz   NOT NULL,
    changed_by     text          NOT NULL,
    change_reason  text          NOT NULL,
    CONSTRAINT tenant_subscriptions_pk PRIMARY KEY (id),
    CONSTRAINT tenant_subscriptions_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE CASCADE,
    CONSTRAINT tenant_subscriptions_product_fk FOREIGN KEY (product_type) REFERENCES products (code),
    CONSTRAINT tenant_subscriptions_plan_fk FOREIGN KEY (plan_id) REFERENCES subscription_plans (id),
    CONSTRAINT tenant_subscriptions_status_known CHECK (status IN ('active', 'cancelled')),
    CONSTRAINT tenant_subscriptions_ended_iff_cancelled CHECK ((status = 'cancelled') = (ended_at IS NOT NULL))
);
-- The rule "at most one active subscription per (tenant, product)", held by the database under any concurrency.
CREATE UNIQUE INDEX tenant_subscriptions_one_active_per_product
    ON tenant_subscriptions (tenant_id, product_type) WHERE status = 'active';
CREATE INDEX tenant_subscriptions_by_tenant ON tenant_subscriptions (tenant_id, product_type, ended_at);

-- History of every change to a subscription: what, when, why, by whom. Written by a trigger so no path can skip it.
CREATE TABLE subscription_history (
    id              bigint GENERATED ALWAYS AS IDENTITY,
    subscription_id uuid        NOT NULL,
    tenant_id       uuid        NOT NULL,
    change          text        NOT NULL,
    from_plan_id    uuid,
    to_plan_id      uuid,
    from_status     text,
    to_status       text,
    reason          text        NOT NULL,
    actor           text        NOT NULL,
    changed_at      timestamptz NOT NULL,
    CONSTRAINT subscription_history_pk PRIMARY KEY (id),
    CONSTRAINT subscription_history_subscription_fk FOREIGN KEY (subscription_id)
        REFERENCES tenant_subscriptions (id) ON DELETE CASCADE,
    CONSTRAINT subscription_history_change_known
        CHECK (change IN ('created', 'plan_changed', 'cancelled', 'reactivated'))
);
CREATE INDEX subscription_history_by_subscription ON subscription_history (subscription_id, id);
CREATE INDEX subscription_history_by_tenant ON subscription_history (tenant_id, id);

CREATE FUNCTION record_subscription_history() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO subscription_history (subscription_id, tenant_id, change, to_plan_id, to_status, reason, actor, changed_at)
        VALUES (NEW.id, NEW.tenant_id, 'created', NEW.plan_id, NEW.status, NEW.change_reason, NEW.changed_by, NEW.changed_at);
        RETURN NEW;
    END IF;
    IF NEW.status IS DISTINCT FROM OLD.status THEN
        INSERT INTO subscription_history (subscription_id, tenant_id, change, from_plan_id, to_plan_id, from_status, to_status,
                                          reason, actor, changed_at)
        VALUES (NEW.id, NEW.tenant_id, CASE WHEN NEW.status = 'active' THEN 'reactivated' ELSE 'cancelled' END,
                OLD.plan_id, NEW.plan_id, OLD.status, NEW.status, NEW.change_reason, NEW.changed_by, NEW.changed_at);
    ELSIF NEW.plan_id IS DISTINCT FROM OLD.plan_id THEN
        INSERT INTO subscription_history (subscription_id, tenant_id, change, from_plan_id, to_plan_id, from_status, to_status,
                                          reason, actor, changed_at)
        VALUES (NEW.id, NEW.tenant_id, 'plan_changed', OLD.plan_id, NEW.plan_id, OLD.status, NEW.status,
                NEW.change_reason, NEW.changed_by, NEW.changed_at);
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER tenant_subscriptions_history
    AFTER INSERT OR UPDATE ON tenant_subscriptions
    FOR EACH ROW EXECUTE FUNCTION record_subscription_history();
