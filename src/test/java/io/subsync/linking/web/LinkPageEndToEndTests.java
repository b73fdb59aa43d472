package io.subsync.linking.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.support.Api;
import io.subsync.support.Browser;
import io.subsync.support.MasterIntegrationTest;
import io.subsync.support.Tokens;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The landing page of a magic link in a real browser, without signing in: a fresh link explains how to finish and
 * stays usable; once Master has used it, the same page says so; a wrong link says it is not known.
 */
class LinkPageEndToEndTests extends MasterIntegrationTest {
    private static Browser browser;

    @BeforeEach
    void browser() {
        browser = Browser.ready(browser, port, 1024, 900);
    }

    @AfterAll
    static void closeBrowser() {
        browser = Browser.closed(browser);
    }

    @Test
    void aUserOpensTheirLinkThenMasterUsesItAndThePageSaysSo() {
        UUID user = UUID.randomUUID();
        Api.Response created = api.post("/api/account-links", Tokens.user(user, null), Map.of());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String linkUrl = created.json().get("linkUrl").asString();

        browser.open(linkUrl.substring(linkUrl.indexOf("/link")));
        WebElement page = browser.driver().findElement(By.cssSelector("main.link-page"));
        assertThat(page.getDomAttribute("data-state")).isEqualTo("valid");
        assertThat(page.findElement(By.cssSelector(".notice")).getText()).contains("It has not been used");
        assertThat(page.findElements(By.cssSelector("ol li"))).hasSize(3).allMatch(WebElement::isDisplayed);

        Api.Response validated = api.postWithHeader(
                "/api/account-links/validate",
                null,
                Map.of(
                        "token",
                        created.json().get("token").asString(),
                        "masterUserId",
                        UUID.randomUUID().toString()),
                "X-Master-Key",
                MASTER_KEY);
        assertThat(validated.status())
                .as("opening the page did not use the link: " + validated)
                .isEqualTo(200);

        browser.driver().navigate().refresh();
        WebElement used = browser.driver().findElement(By.cssSelector("main.link-page"));
        assertThat(used.getDomAttribute("data-state")).isEqualTo("used");
        assertThat(used.findElement(By.cssSelector("[role=alert]")).getText()).contains("already been used");
    }

    @Test
    void aWrongLinkIsNotKnown() {
        browser.open("/link?token=" + "A".repeat(43));

        WebElement page = browser.driver().findElement(By.cssSelector("main.link-page"));
        assertThat(page.getDomAttribute("data-state")).isNotEqualTo("valid");
        assertThat(page.findElement(By.cssSelector("[role=alert]")).getText()).contains("not known");
        assertThat(browser.path()).startsWith("/link");
    }
}
