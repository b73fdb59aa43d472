package io.subsync.sync.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.support.Api;
import io.subsync.support.MasterChanges;
import io.subsync.support.MasterIntegrationTest;
import io.subsync.support.Tokens;
import java.time.Duration;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;

/** A user whose subscription Master confirmed and then cancelled on its own. */
abstract class DriftedIntegrationTest extends MasterIntegrationTest {
    @Autowired
    ReconcileWithMaster reconcile;

    UUID master;

    /** A user whose confirmed subscription Master then cancelled on its own. */
    UUID drifted() {
        UUID user = UUID.randomUUID();
        master = UUID.randomUUID();
        Api.Response response =
                api.post("/sync-subscription", Tokens.serviceRole(), sync(user, master, "create", "BASIC", 1));
        assertThat(response.status()).as(response.toString()).isIn(200, 202);
        awaitDrained(Duration.ofSeconds(15));
        MasterChanges.cancel(master, "svc_bazi", "basic", "2026-12-01T00:00:00Z");
        return user;
    }

    String accountStatus(UUID user) {
        return jdbc.sql("SELECT sync_status FROM subsync.account_sync WHERE mvp_user_id = :u")
                .param("u", user)
                .query(String.class)
                .single();
    }
}
