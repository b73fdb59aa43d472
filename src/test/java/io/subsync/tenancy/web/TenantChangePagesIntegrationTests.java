package io.subsync.tenancy.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.support.IntegrationTest;
import io.subsync.support.Pages;
import io.subsync.support.Tenants;
import io.subsync.support.Tokens;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A tenant admin's changes over plain HTTP: who may, the CSRF token, and crafted input answered with a page. */
class TenantChangePagesIntegrationTests extends IntegrationTest {
    private Pages pages;
    private UUID tenant;

    @BeforeEach
    void tenant() {
        pages = new Pages(port);
        tenant = new Tenants(api).open("pro", Map.of("pawnshop", true));
    }

    private Pages.Page post(String token, Map<String, String> fields, boolean withCsrf) {
        Pages.Page page = pages.signedIn("/tenant/subscriptions", token);
        List<String> cookies = List.of(
                Pages.SESSION + "=" + token,
                "XSRF-TOKEN=" + page.cookieValue("XSRF-TOKEN").orElseThrow());
        Map<String, String> form = new HashMap<>(fields);
        if (withCsrf) {
            form.put("_csrf", page.csrfField());
        }
        return pages.postForm("/tenant/changes", cookies, form);
    }

    @Test
    void aConfirmedChangeRedirectsToThePageThatSaysWhatWasDone() {
        Pages.Page done = post(Tokens.tenantAdminOf(tenant), Map.of("change", "tier", "tier", "enterprise"), true);

        assertThat(done.status()).as(done.toString()).isEqualTo(302);
        assertThat(done.location()).isEqualTo("/tenant/subscriptions?done=tier");
        assertThat(pages.signedIn(done.location(), Tokens.userOf(tenant)).body())
                .contains("Your platform plan is now Enterprise.");
    }

    @Test
    void anotherUserOfTheTenantIsRefusedAndNothingChanges() {
        String user = Tokens.userOf(tenant);

        assertThat(pages.signedIn("/tenant/changes/preview?change=tier&tier=enterprise", user)
                        .status())
                .isEqualTo(403);
        assertThat(post(user, Map.of("change", "tier", "tier", "enterprise"), true)
                        .status())
                .isEqualTo(403);
        assertThat(new Tenants(api).subscriptions(tenant).get(0).get("tier").asString())
                .isEqualTo("pro");
    }

    @Test
    void aChangeWithoutTheFormsCsrfTokenIsRefused() {
        Pages.Page refused =
                post(Tokens.tenantAdminOf(tenant), Map.of("change", "cancel", "product", "pawnshop"), false);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(new Tenants(api).productTypes(tenant)).containsExactly("platform", "pawnshop");
    }

    @Test
    void craftedChangesAreAnsweredWithAPageNeverA500() {
        String admin = Tokens.tenantAdminOf(tenant);

        for (Map<String, String> fields : List.of(
                Map.of("change", "explode"),
                Map.of("change", "tier"),
                Map.of("change", "tier", "tier", "platinum"),
                Map.of("change", "on", "product", "no_such_product"),
                Map.of("change", "cancel", "product", "platform"),
                Map.of("change", "cancel", "product", "Not A Code!"))) {
            Pages.Page page = post(admin, fields, true);
            assertThat(page.status()).as(fields + ": " + page).isEqualTo(422);
            assertThat(page.body()).as(fields.toString()).contains("This change cannot be made");
        }
    }
}
