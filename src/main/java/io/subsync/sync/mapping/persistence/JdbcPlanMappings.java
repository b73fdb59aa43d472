package io.subsync.sync.mapping.persistence;

import io.subsync.database.Columns;
import io.subsync.sync.PlanMapping;
import io.subsync.sync.mapping.PlanMappings;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The service plan mapping in {@code service_plan_mapping}. */
@Repository
class JdbcPlanMappings implements PlanMappings {
    private final JdbcClient jdbc;

    JdbcPlanMappings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<PlanMapping> find(String serviceName, String planCode) {
        return jdbc.sql("""
                        SELECT * FROM subsync.service_plan_mapping
                        WHERE lower(mvp_service_name) = lower(:service) AND lower(mvp_plan_code) = lower(:plan)""")
                .param("service", serviceName)
                .param("plan", planCode)
                .query(JdbcPlanMappings::mapping)
                .optional();
    }

    @Override
    public List<PlanMapping> all() {
        return jdbc.sql(
                        "SELECT * FROM subsync.service_plan_mapping ORDER BY lower(mvp_service_name), lower(mvp_plan_code)")
                .query(JdbcPlanMappings::mapping)
                .list();
    }

    @Override
    public boolean save(PlanMapping mapping) {
        return jdbc.sql("""
                        INSERT INTO subsync.service_plan_mapping (mvp_service_name, mvp_plan_code, master_service_id, master_plan_tier, features)
                        VALUES (:service, :plan, :masterService, :tier, CAST(:features AS jsonb))
                        ON CONFLICT (lower(mvp_service_name), lower(mvp_plan_code)) DO UPDATE
                        SET master_service_id = EXCLUDED.master_service_id, master_plan_tier = EXCLUDED.master_plan_tier,
                            features = EXCLUDED.features, updated_at = now()
                        WHERE (service_plan_mapping.master_service_id, service_plan_mapping.master_plan_tier,
                               service_plan_mapping.features)
                              IS DISTINCT FROM (EXCLUDED.master_service_id, EXCLUDED.master_plan_tier, EXCLUDED.features)""")
                        .param("service", mapping.serviceName())
                        .param("plan", mapping.planCode())
                        .param("masterService", mapping.masterServiceId())
                        .param("tier", mapping.masterPlanTier())
                        .param("features", Columns.write(mapping.features()))
                        .update()
                > 0;
    }

    private static PlanMapping mapping(ResultSet rs, int row) throws SQLException {
        return new PlanMapping(
                rs.getString("mvp_service_name"),
                rs.getString("mvp_plan_code"),
                rs.getString("master_service_id"),
                rs.getString("master_plan_tier"),
                Columns.list(rs.getString("features")));
    }
}
