package io.subsync.catalog.persistence;

import io.subsync.catalog.BillingCycle;
import io.subsync.catalog.Plan;
import io.subsync.catalog.ProductCode;
import io.subsync.catalog.Tier;
import io.subsync.catalog.domain.CatalogConflict;
import io.subsync.catalog.domain.Plans;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Plans in table {@code subscription_plans}. */
@Repository
class JdbcPlans implements Plans {
    private static final TypeReference<List<String>> FEATURES = new TypeReference<>() {};
    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcPlans(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public List<Plan> all() {
        return jdbc.sql("""
                        SELECT p.id, p.product_type, p.tier, p.name, p.price, p.currency, p.billing_cycle, p.features, p.created_at
                        FROM subsync.subscription_plans p JOIN subsync.products pr ON pr.code = p.product_type
                        WHERE p.active
                        ORDER BY pr.kind = 'product', pr.created_at, p.product_type,
                                 array_position(ARRAY['trial','starter','pro','enterprise'], p.tier)""").query(this::map).list();
    }

    @Override
    public void add(Plan plan) {
        int inserted = jdbc.sql("""
                        INSERT INTO subsync.subscription_plans (id, product_type, tier, name, price, currency, billing_cycle, features, created_at)
                        VALUES (:id, :product, :tier, :name, :price, :currency, :cycle, CAST(:features AS jsonb), :at)
                        ON CONFLICT (product_type, tier) WHERE active DO NOTHING""")
                .param("id", plan.id())
                .param("product", plan.productType().value())
                .param("tier", plan.tier().code())
                .param("name", plan.name())
                .param("price", plan.price())
                .param("currency", plan.currency())
                .param("cycle", plan.billingCycle().code())
                .param("features", json.writeValueAsString(plan.features()))
                .param("at", Timestamp.from(plan.createdAt()))
                .update();
        if (inserted == 0) {
            throw new CatalogConflict(
                    "tier",
                    "product '" + plan.productType() + "' already has an active "
                            + plan.tier().code() + " plan");
        }
    }

    private Plan map(ResultSet rs, int row) throws SQLException {
        return new Plan(
                rs.getObject("id", UUID.class),
                new ProductCode(rs.getString("product_type")),
                Tier.valueOf(rs.getString("tier").toUpperCase(Locale.ROOT)),
                rs.getString("name"),
                rs.getBigDecimal("price"),
                rs.getString("currency"),
                BillingCycle.valueOf(rs.getString("billing_cycle").toUpperCase(Locale.ROOT)),
                json.readValue(rs.getString("features"), FEATURES),
                rs.getTimestamp("created_at").toInstant());
    }
}
