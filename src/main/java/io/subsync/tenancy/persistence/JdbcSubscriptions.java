package io.subsync.tenancy.persistence;

import io.subsync.catalog.ProductCode;
import io.subsync.tenancy.OwnedSubscription;
import io.subsync.tenancy.ReconcileChunk;
import io.subsync.tenancy.ReconcileOutcome;
import io.subsync.tenancy.ReconcileTotals;
import io.subsync.tenancy.TenantId;
import io.subsync.tenancy.domain.ChangeFromMaster;
import io.subsync.tenancy.domain.CreatedReason;
import io.subsync.tenancy.domain.SubscriptionView;
import io.subsync.tenancy.domain.Subscriptions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Subscriptions in {@code tenant_subscriptions}; the history table is written by the table's trigger. */
@Repository
class JdbcSubscriptions implements Subscriptions {
    private static final TypeReference<List<String>> FEATURES = new TypeReference<>() {};
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final String reconcileOne = TenancySql.reconcile(TenancySql.ONE_TENANT);
    private final String reconcileAll = TenancySql.reconcile(TenancySql.ALL_TENANTS);
    private final String reconcileRange = TenancySql.reconcile(TenancySql.TENANT_RANGE);
    private final String reconcileRangeCounts = TenancySql.reconcileCounts(TenancySql.TENANT_RANGE);
    private final String reconcileAndList = TenancySql.reconcileAndList();
    private final String list = TenancySql.list();
    private final String listIfComplete = TenancySql.listIfComplete();

    JdbcSubscriptions(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public ReconcileOutcome reconcile(Optional<TenantId> tenant, Reasons reasons, String actor, Instant at) {
        JdbcClient.StatementSpec statement = jdbc.sql(tenant.isPresent() ? reconcileOne : reconcileAll);
        if (tenant.isPresent()) {
            statement = statement.param("tenantId", tenant.get().value());
        }
        List<ReconcileOutcome.Created> created = new ArrayList<>();
        List<ReconcileOutcome.Skipped> skipped = new ArrayList<>();
        statement
                .param("platformReason", reasons.platform().code())
                .param("productReason", reasons.product().code())
                .param("actor", actor)
                .param("now", time(at))
                .query((ResultSet rs) -> {
                    UUID tenantId = rs.getObject("tenant_id", UUID.class);
                    if ("created".equals(rs.getString("outcome"))) {
                        created.add(new ReconcileOutcome.Created(
                                rs.getObject("id", UUID.class),
                                tenantId,
                                rs.getString("product_type"),
                                rs.getString("tier"),
                                rs.getString("created_reason")));
                    } else {
                        skipped.add(new ReconcileOutcome.Skipped(
                                tenantId, rs.getString("product_type"), rs.getString("tenant_tier")));
                    }
                });
        return new ReconcileOutcome(created, skipped);
    }

    @Override
    public ReconcileChunk reconcileChunk(
            UUID after, UUID upto, Reasons reasons, String actor, Instant at, boolean listEach) {
        Map<ReconcileTotals.Kind, Long> createdBy = new HashMap<>();
        Set<UUID> owned = new HashSet<>();
        List<ReconcileOutcome.Created> created = new ArrayList<>();
        List<ReconcileOutcome.Skipped> skipped = new ArrayList<>();
        jdbc.sql(listEach ? reconcileRange : reconcileRangeCounts)
                .param("after", after)
                .param("upto", upto)
                .param("platformReason", reasons.platform().code())
                .param("productReason", reasons.product().code())
                .param("actor", actor)
                .param("now", time(at))
                .query((ResultSet rs) -> {
                    UUID tenantId = rs.getObject("tenant_id", UUID.class);
                    switch (rs.getString("outcome")) {
                        case "created" -> {
                            ReconcileTotals.Kind kind = new ReconcileTotals.Kind(
                                    rs.getString("product_type"), rs.getString("created_reason"));
                            if (listEach) {
                                created.add(new ReconcileOutcome.Created(
                                        rs.getObject("id", UUID.class),
                                        tenantId,
                                        kind.productType(),
                                        rs.getString("tier"),
                                        kind.createdReason()));
                                createdBy.merge(kind, 1L, Long::sum);
                                owned.add(tenantId);
                            } else {
                                createdBy.merge(kind, rs.getLong("created"), Long::sum);
                            }
                        }
                        case "owned" -> owned.add(tenantId);
                        default ->
                            skipped.add(new ReconcileOutcome.Skipped(
                                    tenantId, rs.getString("product_type"), rs.getString("tenant_tier")));
                    }
                });
        return new ReconcileChunk(createdBy, owned, skipped, created);
    }

    @Override
    public Listing reconcileAndList(TenantId tenant, String actor, Instant at) {
        List<SubscriptionView> views = new ArrayList<>();
        List<ReconcileOutcome.Created> created = new ArrayList<>();
        List<ReconcileOutcome.Skipped> skipped = new ArrayList<>();
        boolean[] raced = {false};
        String reason = CreatedReason.SYNC_ON_READ.code();
        jdbc.sql(reconcileAndList)
                .param("tenantId", tenant.value())
                .param("platformReason", reason)
                .param("productReason", reason)
                .param("actor", actor)
                .param("now", time(at))
                .query((ResultSet rs) -> {
                    switch (rs.getString("outcome")) {
                        case "listed" -> {
                            SubscriptionView view = view(rs);
                            views.add(view);
                            if (rs.getBoolean("just_created")) {
                                created.add(new ReconcileOutcome.Created(
                                        view.id(),
                                        tenant.value(),
                                        view.productType(),
                                        view.tier(),
                                        view.createdReason()));
                            }
                        }
                        case "skipped" ->
                            skipped.add(new ReconcileOutcome.Skipped(
                                    tenant.value(), rs.getString("product_type"), rs.getString("tier")));
                        default -> raced[0] = true;
                    }
                });
        return new Listing(views, new ReconcileOutcome(created, skipped), raced[0]);
    }

    @Override
    public List<CancelledInMaster> cancelledInMaster(TenantId tenant) {
        return jdbc.sql("""
                        SELECT * FROM (
                        SELECT DISTINCT ON (s.product_type) pr.name AS product_name, pl.name AS plan_name, s.ended_at
                        FROM subsync.tenant_subscriptions s
                        JOIN subsync.products pr ON pr.code = s.product_type
                        JOIN subsync.subscription_plans pl ON pl.id = s.plan_id
                        WHERE s.tenant_id = :tenantId AND s.status = 'cancelled' AND s.end_reason = :cancelledInMaster
                          AND NOT EXISTS (SELECT 1 FROM subsync.tenant_subscriptions a
                                          WHERE a.tenant_id = s.tenant_id AND a.product_type = s.product_type
                                            AND a.status = 'active')
                        ORDER BY s.product_type, s.ended_at DESC) latest
                        ORDER BY ended_at DESC""")
                .param("tenantId", tenant.value())
                .param("cancelledInMaster", ChangeFromMaster.CANCELLED_IN_MASTER)
                .query((rs, row) -> new CancelledInMaster(
                        rs.getString("product_name"),
                        rs.getString("plan_name"),
                        rs.getObject("ended_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    @Override
    public Optional<List<SubscriptionView>> listIfComplete(TenantId tenant) {
        List<SubscriptionView> views = new ArrayList<>();
        boolean[] incomplete = {false};
        jdbc.sql(listIfComplete).param("tenantId", tenant.value()).query((ResultSet rs) -> {
            if ("incomplete".equals(rs.getString("outcome"))) {
                incomplete[0] = true;
            } else {
                views.add(view(rs));
            }
        });
        return incomplete[0] ? Optional.empty() : Optional.of(views);
    }

    @Override
    public List<SubscriptionView> list(TenantId tenant) {
        return jdbc.sql(list)
                .param("tenantId", tenant.value())
                .query((rs, row) -> view(rs))
                .list();
    }

    @Override
    public int cancelDisabled(TenantId tenant, Collection<ProductCode> products, String actor, Instant at) {
        return cancel(tenant, products, "AND p.disable_policy = 'cancel'", "product_disabled", actor, at);
    }

    @Override
    public int cancelSwitchedOff(TenantId tenant, Collection<ProductCode> products, String actor, Instant at) {
        return cancel(tenant, products, "", "product_cancelled", actor, at);
    }

    /** {@code policy}: a constant condition on the product {@code p}, or nothing for every product named. */
    private int cancel(
            TenantId tenant, Collection<ProductCode> products, String policy, String reason, String actor, Instant at) {
        if (products.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        UPDATE subsync.tenant_subscriptions s
                        -- Never before it started: a subscription created by a concurrent read may carry a later
                        -- start than this change's time.
                        SET status = 'cancelled', ended_at = GREATEST(:now, s.started_at), end_reason = 'product_disabled',
                            changed_at = :now, changed_by = :actor, change_reason = :reason
                        FROM subsync.products p
                        WHERE p.code = s.product_type %s
                          AND s.tenant_id = :tenantId AND s.status = 'active' AND s.product_type IN (:products)""".formatted(policy))
                .param("tenantId", tenant.value())
                .param("products", codes(products))
                .param("reason", reason)
                .param("actor", actor)
                .param("now", time(at))
                .update();
    }

    @Override
    public int reactivate(TenantId tenant, Collection<ProductCode> products, String actor, Instant at) {
        if (products.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        UPDATE subsync.tenant_subscriptions s
                        SET status = 'active', ended_at = NULL, end_reason = NULL,
                            changed_at = :now, changed_by = :actor, change_reason = 'product_enabled'
                        WHERE s.id IN (
                            SELECT DISTINCT ON (c.product_type) c.id
                            FROM subsync.tenant_subscriptions c
                            WHERE c.tenant_id = :tenantId AND c.product_type IN (:products)
                              AND c.status = 'cancelled' AND c.end_reason = 'product_disabled'
                              AND NOT EXISTS (SELECT 1 FROM subsync.tenant_subscriptions a
                                              WHERE a.tenant_id = c.tenant_id AND a.product_type = c.product_type
                                                AND a.status = 'active')
                            ORDER BY c.product_type, c.ended_at DESC)""")
                .param("tenantId", tenant.value())
                .param("products", codes(products))
                .param("actor", actor)
                .param("now", time(at))
                .update();
    }

    @Override
    public int retier(TenantId tenant, String reason, String actor, Instant at) {
        return jdbc.sql("""
                        WITH target AS (
                            SELECT s.id, p.id AS plan_id, p.price, p.currency, p.billing_cycle,
                                   CASE WHEN p.tier = t.plan THEN :reason
                                        ELSE :reason || ', tier_fallback: no ' || t.plan || ' plan, starter used' END AS why
                            FROM subsync.tenant_subscriptions s
                            JOIN subsync.tenants t ON t.id = s.tenant_id
                            CROSS JOIN LATERAL (
                                SELECT sp.id, sp.tier, sp.price, sp.currency, sp.billing_cycle
                                FROM subsync.subscription_plans sp
                                WHERE sp.product_type = s.product_type AND sp.active AND sp.tier IN (t.plan, 'starter')
                                ORDER BY sp.tier = t.plan DESC
                                LIMIT 1) p
                            WHERE s.tenant_id = :tenantId AND s.status = 'active' AND s.plan_id <> p.id)
                        UPDATE subsync.tenant_subscriptions s
                        SET plan_id = target.plan_id, price = target.price, currency = target.currency,
                            billing_cycle = target.billing_cycle,
                            changed_at = :now, changed_by = :actor, change_reason = target.why
                        FROM target
                        WHERE s.id = target.id""")
                .param("tenantId", tenant.value())
                .param("reason", reason)
                .param("actor", actor)
                .param("now", time(at))
                .update();
    }

    @Override
    public List<OwnedSubscription> ownedBy(Set<UUID> tenantIds) {
        if (tenantIds.isEmpty()) {
            return List.of();
        }
        // One array parameter, however many tenants: a list would bind one parameter per tenant (at most 65,535).
        return owned(
                "s.tenant_id = ANY (CAST(:tenants AS uuid[]))",
                "tenants",
                tenantIds.stream().map(UUID::toString).toArray(String[]::new));
    }

    @Override
    public List<OwnedSubscription> ofOwner(UUID ownerUserId) {
        return owned("t.owner_user_id = :owner", "owner", ownerUserId);
    }

    /** The latest subscription per (tenant, product) of tenants that have an owner, for the tenants {@code where} picks. */
    private List<OwnedSubscription> owned(String where, String name, Object value) {
        return jdbc.sql("""
                        SELECT DISTINCT ON (s.tenant_id, s.product_type)
                               s.tenant_id, t.owner_user_id, s.product_type, p.tier, s.status, s.started_at, s.ended_at
                        FROM subsync.tenant_subscriptions s
                        JOIN subsync.tenants t ON t.id = s.tenant_id
                        JOIN subsync.subscription_plans p ON p.id = s.plan_id
                        WHERE %s AND t.owner_user_id IS NOT NULL
                        ORDER BY s.tenant_id, s.product_type, s.status = 'active' DESC, s.changed_at DESC""".formatted(where))
                .param(name, value)
                .query((rs, row) -> new OwnedSubscription(
                        rs.getObject("tenant_id", UUID.class),
                        rs.getObject("owner_user_id", UUID.class),
                        rs.getString("product_type"),
                        rs.getString("tier"),
                        rs.getString("status"),
                        rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("ended_at", OffsetDateTime.class) == null
                                ? null
                                : rs.getObject("ended_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    private SubscriptionView view(ResultSet rs) throws SQLException {
        return new SubscriptionView(
                rs.getObject("id", UUID.class),
                rs.getString("product_type"),
                rs.getString("product_name"),
                rs.getString("badge"),
                rs.getObject("plan_id", UUID.class),
                rs.getString("plan_name"),
                rs.getString("tier"),
                rs.getString("status"),
                rs.getBigDecimal("price"),
                rs.getString("currency"),
                rs.getString("billing_cycle"),
                json.readValue(rs.getString("features"), FEATURES),
                rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                rs.getBoolean("auto_created"),
                rs.getString("created_reason"));
    }

    private static List<String> codes(Collection<ProductCode> products) {
        return products.stream().map(ProductCode::value).toList();
    }

    static OffsetDateTime time(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
