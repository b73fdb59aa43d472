package io.subsync.problems;

import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.support.Api;
import io.subsync.support.IntegrationTest;
import io.subsync.support.Pages;
import io.subsync.support.Tenants;
import io.subsync.support.Tokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A browser never gets the API's JSON for a page that does not exist; API clients keep their problem details. */
class BrowserErrorPagesIntegrationTests extends IntegrationTest {
    private static final String BROWSER =
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    @Test
    void aSignedInBrowserGetsTheErrorPageForAPageThatDoesNotExist() {
        Pages pages = new Pages(port);
        UUID tenant = new Tenants(api).open("pro", Map.of());

        Pages.Page user = pages.signedIn("/no/such/page", Tokens.userOf(tenant), "Accept", BROWSER);
        Pages.Page operator = pages.signedIn("/admin/nope", Tokens.serviceRole(), "Accept", BROWSER);

        for (Pages.Page page : List.of(user, operator)) {
            assertThat(page.status()).as(page.toString()).isEqualTo(404);
            assertThat(page.header("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(page.body()).contains("<html", "404").doesNotContain("\"status\":");
        }
    }

    @Test
    void aSignedOutBrowserIsSentToSignInInsteadOfAJson401() {
        Pages.Page page = new Pages(port).get("/no/such/page", List.of(), "Accept", BROWSER);

        assertThat(page.status()).as(page.toString()).isIn(302, 303);
        assertThat(page.location()).contains("/login");
    }

    @Test
    void apiClientsKeepProblemDetailsEvenFromABrowser() {
        Api.Response noToken = api.raw("GET", "/no/such/page", null, null);
        Api.Response unknownApi = api.get("/api/nope", Tokens.serviceRole());
        Pages.Page apiFromBrowser = new Pages(port)
                .get("/api/nope", List.of(), "Accept", BROWSER, "Authorization", "Bearer " + Tokens.serviceRole());

        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.contentType()).startsWith("application/problem+json");
        assertThat(unknownApi.status()).isEqualTo(404);
        assertThat(unknownApi.contentType()).startsWith("application/problem+json");
        assertThat(apiFromBrowser.status()).isEqualTo(404);
        assertThat(apiFromBrowser.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void onlyAnAcceptThatRanksHtmlFirstIsABrowser() {
        assertThat(Browsers.prefersHtml(BROWSER)).isTrue();
        assertThat(Browsers.prefersHtml("text/html")).isTrue();
        assertThat(Browsers.prefersHtml("*/*")).isFalse();
        assertThat(Browsers.prefersHtml(null)).isFalse();
        assertThat(Browsers.prefersHtml("application/json, text/html;q=0.5")).isFalse();
        assertThat(Browsers.prefersHtml("application/problem+json")).isFalse();
        assertThat(Browsers.prefersHtml("text/*")).isFalse();
        assertThat(Browsers.prefersHtml("not a media type")).isFalse();
    }
}
