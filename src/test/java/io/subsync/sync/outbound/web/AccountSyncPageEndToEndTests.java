package io.subsync.sync.outbound.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.support.Api;
import io.subsync.support.Browser;
import io.subsync.support.MasterIntegrationTest;
import io.subsync.support.Syncs;
import io.subsync.support.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/**
 * The website user's own sync page in Chromium: two users with sync records each sign in (with tokens that name no
 * tenant, as the MVP website's do) and land on it; each sees only their own link, services and audit entries, the
 * same entries {@code GET /api/sync/logs} answers them; the unlinked one makes a magic link on the page that Master
 * then validates; the activity pages on with the API's cursor.
 */
class AccountSyncPageEndToEndTests extends MasterIntegrationTest {
    private static Browser browser;
    private Syncs syncs;

    @BeforeEach
    void browser() {
        browser = Browser.ready(browser, port, 1280, 1000);
        syncs = new Syncs(api, jdbc);
    }

    @AfterAll
    static void closeBrowser() {
        browser = Browser.closed(browser);
    }

    @Test
    void eachUserSeesOnlyTheirOwnRecordsAndTheUnlinkedOneLinksFromThePage() {
        UUID linked = UUID.randomUUID();
        syncs.delivered(linked, "BASIC", 1);
        syncs.delivered(linked, "PREMIUM", 2);
        UUID unlinked = UUID.randomUUID();
        waitingForLink(unlinked);
        awaitDrained(Duration.ofSeconds(10));

        signIn(linked);
        WebElement panel = browser.driver().findElement(By.id("link-panel"));
        assertThat(panel.getDomAttribute("data-linked")).isEqualTo("true");
        String masterOfLinked = api.get("/api/sync/accounts/" + linked, Tokens.user(linked, null))
                .json()
                .get("masterUserId")
                .asString();
        assertThat(browser.driver().findElement(By.id("master-user-id")).getText())
                .isEqualTo(masterOfLinked);
        assertThat(browser.driver().findElement(By.id("linked-since")).getText())
                .endsWith("UTC");
        assertThat(panel.findElements(By.id("create-link"))).isEmpty();
        assertThat(serviceRows())
                .extracting(row -> row.getText().replace('\n', ' '))
                .singleElement()
                .satisfies(text -> assertThat(text).contains("bazi-consultation", "PREMIUM", "active", "synced"));
        List<String> linkedRows = logIds();
        assertThat(linkedRows).isEqualTo(apiLogIds(linked)).isNotEmpty();
        assertThat(summaries()).contains("bazi-consultation: BASIC → PREMIUM");
        browser.screenshot("account-sync-linked-1280");
        browser.viewportWidth(390, 2000);
        assertThat(browser.driver()
                        .executeScript(
                                "return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                .as("at 390 px the tables stack into rows: nothing is wider than the phone")
                .isEqualTo(0L);
        assertThat(serviceRows().get(0).getRect().getHeight())
                .as("a service's cells sit one under another")
                .isGreaterThan(serviceRows()
                                .get(0)
                                .findElement(By.tagName("td"))
                                .getRect()
                                .getHeight()
                        * 3);
        browser.screenshot("account-sync-linked-390");
        browser.viewportWidth(1280, 1000);

        signIn(unlinked);
        assertThat(browser.driver().findElement(By.id("link-panel")).getDomAttribute("data-linked"))
                .isEqualTo("false");
        assertThat(browser.driver().findElement(By.id("link-state")).getText()).contains("Not linked");
        assertThat(serviceRows())
                .singleElement()
                .satisfies(row ->
                        assertThat(row.getDomAttribute("data-sync-status")).isEqualTo("pending"));
        List<String> unlinkedRows = logIds();
        assertThat(unlinkedRows).isEqualTo(apiLogIds(unlinked)).isNotEmpty().doesNotContainAnyElementsOf(linkedRows);
        assertThat(browser.driver().getPageSource()).doesNotContain(linked.toString(), masterOfLinked);

        browser.driver().findElement(By.id("create-link")).click();
        WebElement field =
                browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("magic-link-url")));
        String url = field.getDomProperty("value");
        assertThat(url).contains("/link?token=");
        assertThat(browser.path()).as("htmx swapped the panel, the page stayed").startsWith("/account/sync");
        browser.screenshot("account-sync-new-link-1280");
        UUID master = UUID.randomUUID();
        Api.Response validated = api.postWithHeader(
                "/api/account-links/validate",
                null,
                Map.of(
                        "token",
                        url.substring(url.indexOf("token=") + "token=".length()),
                        "masterUserId",
                        master.toString(),
                        "masterEmail",
                        "me@master.example"),
                "X-Master-Key",
                MASTER_KEY);
        assertThat(validated.status()).as(validated.toString()).isEqualTo(200);

        browser.open("/account/sync");
        assertThat(browser.driver().findElement(By.id("link-panel")).getDomAttribute("data-linked"))
                .isEqualTo("true");
        assertThat(browser.driver().findElement(By.id("master-user-id")).getText())
                .isEqualTo(master.toString());
        assertThat(browser.driver().findElement(By.id("master-email")).getText())
                .isEqualTo("me@master.example");
        assertThat(summaries()).contains("Linked to Master account me@master.example");
    }

    @Test
    void theOlderLinkShowsTheNextPageAndNoRowTwice() {
        UUID user = UUID.randomUUID();
        for (int revision = 1; revision <= 12; revision++) {
            syncs.delivered(user, revision % 2 == 1 ? "BASIC" : "PREMIUM", revision);
        }
        awaitDrained(Duration.ofSeconds(10));
        List<String> all = apiLogIds(user, 500);
        assertThat(all).as("more entries than a page").hasSizeGreaterThan(AccountSyncPage.PAGE_SIZE);

        signIn(user);
        List<String> seen = new ArrayList<>(logIds());
        assertThat(seen).hasSize(AccountSyncPage.PAGE_SIZE);
        assertThat(browser.driver().findElements(By.id("activity-newest"))).isEmpty();
        while (!browser.driver().findElements(By.id("activity-older")).isEmpty()) {
            browser.driver().findElement(By.id("activity-older")).click();
            browser.waiting().until(d -> browser.path().contains("cursor="));
            List<String> page = logIds();
            assertThat(page).isNotEmpty().doesNotContainAnyElementsOf(seen);
            assertThat(browser.driver().findElements(By.id("activity-newest"))).isNotEmpty();
            seen.addAll(page);
        }
        assertThat(seen)
                .as("every entry once, newest first, as the API pages them")
                .isEqualTo(all);
        Set<String> unique = new HashSet<>(seen);
        assertThat(unique).hasSameSizeAs(seen);
    }

    /** A subscription recorded for a user who has not linked a Master account: it waits for the link. */
    private void waitingForLink(UUID user) {
        Map<String, Object> data = new HashMap<>();
        data.put("serviceName", "bazi-consultation");
        data.put("planCode", "BASIC");
        data.put("status", "active");
        data.put("startDate", "2026-11-01T00:00:00Z");
        Api.Response response = api.post(
                "/sync-subscription",
                Tokens.user(user, null),
                Map.of("mvpUserId", user.toString(), "operation", "create", "subscriptionData", data));
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
    }

    private void signIn(UUID user) {
        browser.signOutQuietly();
        browser.open("/login?token=" + Tokens.user(user, null));
        browser.waiting().until(d -> browser.path().equals("/account/sync"));
    }

    private static List<WebElement> serviceRows() {
        return browser.driver().findElements(By.cssSelector("#services tr.service"));
    }

    private static List<String> logIds() {
        return browser.driver().findElements(By.cssSelector("#activity-log tr.entry")).stream()
                .map(row -> row.getDomAttribute("data-log-id"))
                .toList();
    }

    private static List<String> summaries() {
        return browser.driver().findElements(By.cssSelector("#activity-log .summary")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** The ids of the user's first page of {@code GET /api/sync/logs}, asked with the user's own token. */
    private List<String> apiLogIds(UUID user) {
        return apiLogIds(user, AccountSyncPage.PAGE_SIZE);
    }

    private List<String> apiLogIds(UUID user, int limit) {
        Api.Response logs = api.get("/api/sync/logs?limit=" + limit, Tokens.user(user, null));
        assertThat(logs.status()).as(logs.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode item : logs.json().get("items")) {
            ids.add(item.get("id").asString());
        }
        return ids;
    }
}
