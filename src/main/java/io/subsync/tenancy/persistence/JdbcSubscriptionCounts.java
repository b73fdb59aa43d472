package io.subsync.tenancy.persistence;

import io.subsync.tenancy.SubscriptionFigures;
import io.subsync.tenancy.domain.SubscriptionCounts;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Counts over {@code tenants} and the active rows of {@code tenant_subscriptions}, one pass each. */
@Repository
class JdbcSubscriptionCounts implements SubscriptionCounts {
    private final JdbcClient jdbc;

    JdbcSubscriptionCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public SubscriptionFigures current() {
        Map<String, Long> byReason = new LinkedHashMap<>();
        long[] totals = new long[3];
        jdbc.sql("""
                        SELECT (SELECT count(*) FROM subsync.tenants) AS tenants,
                               count(*) FILTER (WHERE auto_created) AS auto_created,
                               count(*) FILTER (WHERE NOT auto_created) AS manual
                        FROM subsync.tenant_subscriptions
                        WHERE status = 'active'""").query((ResultSet rs) -> {
            totals[0] = rs.getLong("tenants");
            totals[1] = rs.getLong("auto_created");
            totals[2] = rs.getLong("manual");
        });
        jdbc.sql("""
                        SELECT created_reason, count(*) AS n
                        FROM subsync.tenant_subscriptions
                        WHERE status = 'active'
                        GROUP BY created_reason
                        ORDER BY n DESC, created_reason""").query((ResultSet rs) -> {
            byReason.put(rs.getString("created_reason"), rs.getLong("n"));
        });
        return new SubscriptionFigures(totals[0], totals[1], totals[2], byReason);
    }
}
