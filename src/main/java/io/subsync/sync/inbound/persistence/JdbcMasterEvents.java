package io.subsync.sync.inbound.persistence;

import static io.subsync.database.Columns.time;

import io.subsync.sync.inbound.domain.MasterEvents;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Webhook deduplication in {@code master_webhook_events}: the primary key decides, not a check-then-insert. */
@Repository
class JdbcMasterEvents implements MasterEvents {
    private final JdbcClient jdbc;

    JdbcMasterEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean firstReceipt(String eventId, String type, Instant at) {
        return jdbc.sql("""
                        INSERT INTO subsync.master_webhook_events (event_id, type, received_at) VALUES (:id, :type, :at)
                        ON CONFLICT (event_id) DO NOTHING""")
                        .param("id", eventId)
                        .param("type", type)
                        .param("at", time(at))
                        .update()
                > 0;
    }

    @Override
    public void settle(String eventId, String outcome) {
        jdbc.sql("UPDATE subsync.master_webhook_events SET outcome = :outcome WHERE event_id = :id")
                .param("outcome", outcome)
                .param("id", eventId)
                .update();
    }
}
