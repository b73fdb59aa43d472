package io.subsync.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.subsync.support.IntegrationTest;
import io.subsync.support.Tenants;
import io.subsync.support.Tokens;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** When sync-on-read fails, the read still answers with what exists, and the failure is logged and counted. */
class SyncOnReadSafetyNetIntegrationTests extends IntegrationTest {
    @Autowired
    MeterRegistry meters;

    @AfterEach
    void dropFailingTrigger() {
        jdbc.sql("DROP TRIGGER IF EXISTS refuse_inserts_for_test ON subsync.tenant_subscriptions")
                .update();
        jdbc.sql("DROP FUNCTION IF EXISTS subsync.refuse_inserts_for_test()").update();
    }

    @Test
    void aFailingSyncOnReadNeverFailsTheRead() {
        Tenants tenants = new Tenants(api);
        UUID tenant = tenants.open("pro", Map.of());
        jdbc.sql(
                        "INSERT INTO subsync.tenant_products (tenant_id, product_code, enabled, changed_at) VALUES (:t, 'pawnshop', TRUE, now())")
                .param("t", tenant)
                .update();
        jdbc.sql("""
                CREATE FUNCTION subsync.refuse_inserts_for_test() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'storage refused the insert'; END $$""").update();
        jdbc.sql("""
                CREATE TRIGGER refuse_inserts_for_test BEFORE INSERT ON subsync.tenant_subscriptions
                FOR EACH ROW WHEN (NEW.tenant_id = '%s') EXECUTE FUNCTION subsync.refuse_inserts_for_test()""".formatted(tenant)).update();
        double failuresBefore = failures();

        assertThat(tenants.productTypes(tenant)).containsExactly("platform");
        assertThat(failures()).isEqualTo(failuresBefore + 1);

        dropFailingTrigger();
        assertThat(tenants.productTypes(tenant)).containsExactly("platform", "pawnshop");
        assertThat(api.get("/actuator/prometheus", null).raw())
                .contains("subsync_subscriptions_sync_on_read_failures_total");
    }

    @Test
    void openApiDocumentDescribesTheEndpoints() {
        var doc = api.get("/v3/api-docs", null);
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.json().get("paths").has("/api/tenants/current/subscriptions"))
                .isTrue();
        assertThat(api.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
        assertThat(api.get("/actuator/health", null).json().get("status").asString())
                .isEqualTo("UP");
        assertThat(api.get("/api/products", Tokens.serviceRole()).json()).hasSizeGreaterThanOrEqualTo(3);
    }

    private double failures() {
        var counter = meters.find("subsync.subscriptions.sync_on_read.failures").counter();
        return counter == null ? 0 : counter.count();
    }
}
