package io.subsync.sync.outbound.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.support.IntegrationTest;
import io.subsync.support.Pages;
import io.subsync.support.Tokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The user's sync page over plain HTTP: its form's CSRF check, the answer without htmx, bad cursors, tool sessions. */
class AccountSyncPageIntegrationTests extends IntegrationTest {
    private Pages pages;

    @BeforeEach
    void pages() {
        pages = new Pages(port);
    }

    @Test
    void linkingWithoutTheFormsCsrfTokenIsRefusedAndMakesNoLink() {
        UUID user = UUID.randomUUID();
        String token = Tokens.user(user, null);

        Pages.Page refused = pages.postForm("/account/sync/link", List.of(Pages.SESSION + "=" + token), Map.of());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(linksOf(user)).isZero();
    }

    @Test
    void withoutHtmxThePostAnswersTheWholePageWithTheLinkOnceAndUncached() {
        UUID user = UUID.randomUUID();
        String token = Tokens.user(user, null);
        Pages.Page page = pages.signedIn("/account/sync", token);
        List<String> cookies = page.sessionAndCsrfCookies(token);

        Pages.Page answer = pages.postForm("/account/sync/link", cookies, Map.of("_csrf", page.csrfField()));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Cache-Control"))
                .hasValueSatisfying(c -> assertThat(c).contains("no-store"));
        assertThat(answer.body()).contains("<h1>Your sync with Master</h1>", "id=\"magic-link-url\"", "/link?token=");
        assertThat(linksOf(user)).isEqualTo(1);
        assertThat(pages.signedIn("/account/sync", token).body())
                .as("the token is shown in the answer to the post only")
                .doesNotContain("/link?token=");
    }

    @Test
    void aCursorThePageNeverHandedOutIsA400Page() {
        Pages.Page page = pages.signedIn("/account/sync?cursor=not-a-cursor", Tokens.user(UUID.randomUUID(), null));

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("paging position");
    }

    @Test
    void aServiceRoleSessionWithoutAUserIdIsToldItHasNoRecordsOfItsOwn() {
        Pages.Page page = pages.signedIn("/account/sync", Tokens.serviceRole());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"no-own-account\"").doesNotContain("id=\"create-link\"");
    }

    private long linksOf(UUID user) {
        return jdbc.sql("SELECT count(*) FROM subsync.magic_link_tokens WHERE mvp_user_id = :user")
                .param("user", user)
                .query(Long.class)
                .single();
    }
}
