package io.subsync.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Fixtures: service plan mappings written straight to the table. */
public final class Mappings {
    private Mappings() {}

    public static void map(JdbcClient jdbc, String service, String plan, String masterService, String masterTier) {
        jdbc.sql("""
                INSERT INTO subsync.service_plan_mapping (mvp_service_name, mvp_plan_code, master_service_id, master_plan_tier)
                VALUES (:s, :p, :ms, :mt) ON CONFLICT DO NOTHING""")
                .param("s", service)
                .param("p", plan)
                .param("ms", masterService)
                .param("mt", masterTier)
                .update();
    }

    /** Maps every catalogue plan: service = product code (or platform), plan = tier. */
    public static void mapCatalogue(JdbcClient jdbc) {
        jdbc.sql("""
                INSERT INTO subsync.service_plan_mapping (mvp_service_name, mvp_plan_code, master_service_id, master_plan_tier)
                SELECT product_type, tier, 'svc_' || product_type, tier FROM subsync.subscription_plans
                ON CONFLICT DO NOTHING""").update();
    }
}
