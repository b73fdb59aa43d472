package io.subsync.tenancy.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.support.IntegrationTest;
import io.subsync.support.Pages;
import io.subsync.support.Tenants;
import io.subsync.support.Tokens;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tenant's subscriptions page, the history fragment and the admin page, over plain HTTP. */
class TenantPagesIntegrationTests extends IntegrationTest {
    private Pages pages;
    private Tenants tenants;

    @BeforeEach
    void fixtures() {
        pages = new Pages(port);
        tenants = new Tenants(api);
    }

    @Test
    void theSubscriptionsPageHasOneCardPerActiveSubscription() {
        UUID tenant = tenants.open("pro", Map.of("pawnshop", true, "money_loan", true));

        Pages.Page page = pages.signedIn("/tenant/subscriptions", Tokens.userOf(tenant));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains(
                        "data-product-type=\"platform\"",
                        "data-product-type=\"money_loan\"",
                        "data-product-type=\"pawnshop\"",
                        "Pawnshop - Pro",
                        "$119.00",
                        "per month",
                        "auto-created (product_enabled)");
    }

    @Test
    void theHistoryFragmentListsTheSubscriptionsChanges() {
        UUID tenant = tenants.open("starter", Map.of("pawnshop", true));
        tenants.change(tenant, Map.of("plan", "pro"));
        UUID pawnshop = subscriptionOf(tenant, "pawnshop");

        Pages.Page fragment = pages.signedIn(
                "/tenant/subscriptions/" + pawnshop + "/history", Tokens.userOf(tenant), "HX-Request", "true");

        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.body())
                .doesNotContain("<html")
                .contains(
                        "class=\"history\"",
                        "plan changed",
                        "Pawnshop - Starter → Pawnshop - Pro",
                        "plan_changed",
                        "created",
                        "product_enabled",
                        "service_role:tests");
        assertThat(fragment.body().indexOf("plan changed"))
                .as("newest first")
                .isLessThan(fragment.body().indexOf(">created<"));
    }

    @Test
    void anotherTenantsSubscriptionHistoryIsNotFound() {
        UUID mine = tenants.open("pro", Map.of());
        UUID theirs = tenants.open("pro", Map.of("pawnshop", true));

        Pages.Page page = pages.signedIn(
                "/tenant/subscriptions/" + subscriptionOf(theirs, "pawnshop") + "/history", Tokens.userOf(mine));

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("no such subscription").doesNotContain("Pawnshop");
    }

    @Test
    void theAdminPageIsForServiceRoleOnly() {
        UUID tenant = tenants.open("pro", Map.of());

        Pages.Page asTenant = pages.signedIn("/admin", Tokens.userOf(tenant));
        assertThat(asTenant.status()).isEqualTo(403);
        assertThat(asTenant.body()).contains("not for your token's role");

        Pages.Page admin = pages.signedIn("/admin", Tokens.serviceRole());
        assertThat(admin.status()).isEqualTo(200);
        long count = jdbc.sql("SELECT count(*) FROM subsync.tenants")
                .query(Long.class)
                .single();
        assertThat(admin.body())
                .contains(
                        "Sync with Master",
                        "hx-get=\"/admin/sync/health\"",
                        "data-chart=\"doughnut\"",
                        "<span class=\"stat-value\">" + count + "</span>",
                        "Pawnshop - Enterprise");
    }

    @Test
    void theSubscriptionsPageIsForTenantUsers() {
        assertThat(pages.signedIn("/tenant/subscriptions", Tokens.serviceRole()).status())
                .isEqualTo(403);
    }

    private UUID subscriptionOf(UUID tenant, String productType) {
        return jdbc.sql(
                        "SELECT id FROM subsync.tenant_subscriptions WHERE tenant_id = :t AND product_type = :p AND status = 'active'")
                .param("t", tenant)
                .param("p", productType)
                .query(UUID.class)
                .single();
    }
}
