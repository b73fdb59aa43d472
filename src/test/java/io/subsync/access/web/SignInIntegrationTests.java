package io.subsync.access.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.support.Api;
import io.subsync.support.IntegrationTest;
import io.subsync.support.Pages;
import io.subsync.support.Tenants;
import io.subsync.support.Tokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signing in to the pages with a token, the session cookie, signing out, and the API left as it was. */
class SignInIntegrationTests extends IntegrationTest {
    private Pages pages;
    private UUID tenant;

    @BeforeEach
    void fixtures() {
        pages = new Pages(port);
        tenant = new Tenants(api).open("pro", Map.of("pawnshop", true));
    }

    @Test
    void aTenantTokenOpensAnHttpOnlyLaxSessionAndLandsOnTheSubscriptions() {
        String token = Tokens.userOf(tenant);

        Pages.Page page = pages.get("/login?token=" + token);

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).isEqualTo("/tenant/subscriptions");
        String cookie = page.setCookie(Pages.SESSION).orElseThrow();
        assertThat(cookie)
                .contains("HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=")
                .doesNotContain("Secure");
        assertThat(page.cookieValue(Pages.SESSION)).contains(token);
        assertThat(pages.signedIn("/tenant/subscriptions", token).status()).isEqualTo(200);
    }

    @Test
    void aServiceRoleTokenLandsOnTheAdminPage() {
        Pages.Page page = pages.get("/login?token=" + Tokens.serviceRole());

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).isEqualTo("/admin");
    }

    @Test
    void anExpiredTokenShowsTheSignInPageWithA401AndNoStackTrace() {
        Pages.Page page = pages.get("/login?token=" + Tokens.expiredUserOf(tenant));

        assertThat(page.status()).isEqualTo(401);
        assertThat(page.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("This token has expired").doesNotContain("Exception", "at io.subsync");
        assertThat(page.setCookie(Pages.SESSION)).isEmpty();
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefused() {
        Pages.Page page =
                pages.get("/login?token=" + Tokens.signedWith("another-secret-0123456789abcdefghijklmnop", tenant));

        assertThat(page.status()).isEqualTo(401);
        assertThat(page.body()).contains("This token was refused");
        assertThat(page.setCookie(Pages.SESSION)).isEmpty();
    }

    @Test
    void aUserTokenWithoutATenantLandsOnTheUsersOwnSyncPage() {
        String token = Tokens.user(UUID.randomUUID(), null);

        Pages.Page page = pages.get("/login?token=" + token);

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).isEqualTo("/account/sync");
        assertThat(page.setCookie(Pages.SESSION)).isPresent();
        assertThat(pages.signedIn("/account/sync", token).body()).contains("Not linked");
        assertThat(pages.signedIn("/", token).location()).isEqualTo("/account/sync");
        assertThat(pages.signedIn("/tenant/subscriptions", token).status())
                .as("the tenant page still needs a tenant")
                .isEqualTo(403);
    }

    @Test
    void theLinkPageShowsTheTopBarToASignedInVisitorAndIgnoresASessionThatEnded() {
        String link = "/link?token=" + "A".repeat(43);

        assertThat(pages.signedIn(link, Tokens.userOf(tenant)).body())
                .contains("href=\"/account/sync\"", "href=\"/tenant/subscriptions\"");
        Pages.Page ended = pages.signedIn(link, Tokens.expiredUserOf(tenant));
        assertThat(ended.status())
                .as("the link page itself, not the sign-in page")
                .isEqualTo(404);
        assertThat(ended.body()).contains("This link is not known").doesNotContain("href=\"/account/sync\"");
        assertThat(pages.get(link).body()).doesNotContain("href=\"/account/sync\"");
    }

    @Test
    void theSignInPageWithoutATokenSaysHowToGetOne() {
        Pages.Page page = pages.get("/login");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("./subsync token --tenant", "name=\"token\"", "name=\"_csrf\"");
    }

    @Test
    void aPastedTokenSignsIn() {
        Pages.Page form = pages.get("/login");
        String csrfCookie = "XSRF-TOKEN=" + form.cookieValue("XSRF-TOKEN").orElseThrow();

        Pages.Page page = pages.postForm(
                "/login", List.of(csrfCookie), Map.of("token", Tokens.userOf(tenant), "_csrf", form.csrfField()));

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).isEqualTo("/tenant/subscriptions");
        assertThat(page.setCookie(Pages.SESSION)).isPresent();
    }

    @Test
    void aPastedTokenWithoutTheFormsCsrfTokenIsRefused() {
        Pages.Page page = pages.postForm("/login", List.of(), Map.of("token", Tokens.userOf(tenant)));

        assertThat(page.status()).isEqualTo(403);
        assertThat(page.setCookie(Pages.SESSION)).isEmpty();
    }

    @Test
    void pagesSendVisitorsWhoAreNotSignedInToTheSignInPage() {
        for (String path : List.of("/tenant/subscriptions", "/account/sync", "/admin", "/")) {
            Pages.Page page = pages.get(path);
            assertThat(page.status()).as(path).isEqualTo(302);
            assertThat(page.location()).as(path).isEqualTo("/login");
        }
    }

    @Test
    void anExpiredSessionIsDroppedOnTheWayToTheSignInPage() {
        Pages.Page page = pages.signedIn("/tenant/subscriptions", Tokens.expiredUserOf(tenant));

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).isEqualTo("/login?expired");
        assertThat(page.setCookie(Pages.SESSION))
                .hasValueSatisfying(c -> assertThat(c).contains("Max-Age=0"));
        assertThat(pages.get("/login?expired").body()).contains("Your session has ended");
    }

    @Test
    void anHtmxRequestWithoutASessionIsToldWhereToGoInsteadOfRedirected() {
        Pages.Page page =
                pages.get("/tenant/subscriptions/" + UUID.randomUUID() + "/history", List.of(), "HX-Request", "true");

        assertThat(page.status()).isEqualTo(401);
        assertThat(page.header("HX-Redirect")).contains("/login");
    }

    @Test
    void signingOutDropsTheSessionCookie() {
        String token = Tokens.userOf(tenant);
        Pages.Page signedIn = pages.signedIn("/tenant/subscriptions", token);
        List<String> cookies = signedIn.sessionAndCsrfCookies(token);

        Pages.Page page = pages.postForm("/logout", cookies, Map.of("_csrf", signedIn.csrfField()));

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).isEqualTo("/login?signed-out");
        assertThat(page.setCookie(Pages.SESSION))
                .hasValueSatisfying(c -> assertThat(c).contains("Max-Age=0"));
    }

    @Test
    void aSignedInPostWithoutTheFormsCsrfTokenIsRefused() {
        String token = Tokens.userOf(tenant);
        Pages.Page signedIn = pages.signedIn("/tenant/subscriptions", token);
        List<String> cookies = signedIn.sessionAndCsrfCookies(token);

        Pages.Page page = pages.postForm("/logout", cookies, Map.of());

        assertThat(page.status())
                .as("the session cookie alone does not pass the CSRF check")
                .isEqualTo(403);
        assertThat(page.setCookie(Pages.SESSION)).isEmpty();
    }

    @Test
    void theApiIgnoresTheSessionCookieAndKeepsAnsweringProblemDetails() {
        String token = Tokens.userOf(tenant);

        Pages.Page cookieOnly = pages.get("/api/tenants/current/subscriptions", List.of(Pages.SESSION + "=" + token));
        assertThat(cookieOnly.status()).isEqualTo(401);
        assertThat(cookieOnly.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));

        Api.Response badBearer = api.get("/api/tenants/current/subscriptions", "not-a-jwt");
        assertThat(badBearer.status()).isEqualTo(401);
        assertThat(badBearer.contentType()).startsWith("application/problem+json");

        Api.Response forbidden = api.get("/api/tenants/" + tenant, token);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.contentType()).startsWith("application/problem+json");

        assertThat(api.get("/api/tenants/current/subscriptions", token).status())
                .isEqualTo(200);
    }
}
