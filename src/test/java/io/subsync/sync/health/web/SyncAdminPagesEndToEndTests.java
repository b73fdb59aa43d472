package io.subsync.sync.health.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.support.Browser;
import io.subsync.support.MasterIntegrationTest;
import io.subsync.support.Syncs;
import io.subsync.support.Tokens;
import io.subsync.sync.drift.ReconcileWithMaster;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin page's sync sections in a real browser: health tiles and charts, retrying a failure, the audit log,
 * resolving a diverged link.
 */
class SyncAdminPagesEndToEndTests extends MasterIntegrationTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Browser browser;

    @Autowired
    ReconcileWithMaster reconcile;

    private Syncs syncs;

    @BeforeEach
    void browser() {
        browser = Browser.ready(browser, port, 1280, 2600);
        syncs = new Syncs(api, jdbc);
    }

    @AfterAll
    static void closeBrowser() {
        browser = Browser.closed(browser);
    }

    @Test
    void anOperatorSeesTheHealthRetriesAFailureAndFiltersTheLog() {
        syncs.delivered(UUID.randomUUID(), "BASIC", 1);
        String service = syncs.brokenService();
        UUID user = UUID.randomUUID();
        UUID failed = syncs.request(user, service);
        awaitDrained(Duration.ofSeconds(10));
        assertThat(syncs.status(failed)).isEqualTo("failed");

        browser.open("/login?token=" + Tokens.serviceRole());
        browser.waiting().until(d -> browser.path().equals("/admin"));

        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("figure-deliveredLastHour")));
        JsonNode health = api.get("/api/sync/health", Tokens.serviceRole()).json();
        for (String figure : List.of("failedOperations", "deliveredLastHour", "totalAccounts", "failedAccounts")) {
            assertThat(Long.parseLong(tile(figure)))
                    .as(figure)
                    .isEqualTo(health.get(figure).asLong());
        }
        assertThat(text("#figure-failedOperations .stat-label")).isEqualTo("failed operations");
        assertThat(text("#master-state")).contains("Master is configured");
        for (String chart : List.of("chart-sync-status", "chart-latency")) {
            browser.waiting()
                    .until(d -> Boolean.TRUE.equals(browser.driver()
                            .executeScript("return !!Chart.getChart(document.getElementById(arguments[0]))", chart)));
            WebElement canvas = browser.driver().findElement(By.id(chart));
            assertThat(JSON.readTree(canvas.getDomAttribute("data-labels")).size())
                    .as(chart)
                    .isPositive();
            long sum = 0;
            for (JsonNode value : JSON.readTree(canvas.getDomAttribute("data-values"))) {
                sum += value.asLong();
            }
            assertThat(sum).as(chart + " has data").isPositive();
            assertThat(canvas.getSize().getHeight()).as(chart + " is drawn").isGreaterThan(100);
        }
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#log tr.entry")));
        browser.screenshot("admin-sync");

        syncs.mend(service);
        markOld("sync-health", "sync-log");
        WebElement row = failureRow(failed);
        row.findElement(By.cssSelector("button.retry")).click();

        browser.waiting()
                .until(d -> d.findElements(By.cssSelector("#sync-failures tr[data-sync-id='" + failed + "']"))
                        .isEmpty());
        assertThat(text("#sync-failures .notice")).contains("queued for delivery again");
        browser.waiting()
                .until(d -> d.findElements(By.cssSelector("#sync-health[data-old], #sync-log[data-old]"))
                                .isEmpty()
                        && !d.findElements(By.id("sync-health")).isEmpty()
                        && !d.findElements(By.id("sync-log")).isEmpty());
        awaitDrained(Duration.ofSeconds(10));
        assertThat(syncs.status(failed)).isEqualTo("delivered");

        WebElement log = browser.driver().findElement(By.id("sync-log"));
        new Select(log.findElement(By.name("status"))).selectByValue("failed");
        log.findElement(By.name("mvpUserId")).sendKeys(user.toString());
        log.findElement(By.cssSelector("#log-filters button[type=submit]")).click();
        browser.waiting().until(ExpectedConditions.stalenessOf(log));
        List<WebElement> rows = browser.waiting().until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("#log tr.entry"));
            return found.isEmpty() ? null : found;
        });
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.getDomAttribute("data-status")).isEqualTo("failed");
            assertThat(r.getDomAttribute("data-mvp-user-id")).isEqualTo(user.toString());
        });
        assertThat(new Select(browser.driver().findElement(By.cssSelector("#log-filters select[name=status]")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("failed");
        browser.screenshot("admin-sync-log-filtered");

        WebElement filtered = browser.driver().findElement(By.id("sync-log"));
        WebElement userBox = filtered.findElement(By.name("mvpUserId"));
        userBox.clear();
        userBox.sendKeys("not-a-uuid");
        filtered.findElement(By.cssSelector("#log-filters button[type=submit]")).click();
        browser.waiting().until(ExpectedConditions.stalenessOf(filtered));
        assertThat(browser.waiting()
                        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#sync-log .error")))
                        .getText())
                .contains("is not a UUID");
        assertThat(browser.driver().findElements(By.cssSelector("#log tr.entry")))
                .isEmpty();
    }

    @Test
    void anOperatorResolvesADivergedLinkKeepingMastersState() {
        UUID user = divergedLink(reconcile);

        browser.open("/login?token=" + Tokens.serviceRole());
        browser.waiting().until(d -> browser.path().equals("/admin"));
        By row = By.cssSelector("#sync-divergences tr[data-mvp-user-id='" + user + "']");
        WebElement diverged = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(row));
        assertThat(diverged.getDomAttribute("data-service")).isEqualTo("bazi-consultation");
        assertThat(diverged.findElement(By.cssSelector(".differences")).getText())
                .contains("status: active → cancelled");
        browser.screenshot("admin-sync-divergences");

        diverged.findElement(By.cssSelector("button.keep-master")).click();

        browser.waiting().until(d -> d.findElements(row).isEmpty());
        assertThat(text("#sync-divergences .notice")).contains("Resolved bazi-consultation");
        assertThat(jdbc.sql("SELECT status FROM subsync.subscription_sync_state WHERE mvp_user_id = :u")
                        .param("u", user)
                        .query(String.class)
                        .single())
                .isEqualTo("cancelled");
        assertThat(jdbc.sql("SELECT sync_status FROM subsync.account_sync WHERE mvp_user_id = :u")
                        .param("u", user)
                        .query(String.class)
                        .single())
                .isNotEqualTo("diverged");
    }

    @Test
    void atPhoneWidthTheRowsStackWithTheirButtonsInViewAndNameUsersByEmail() {
        UUID named = UUID.randomUUID();
        UUID unnamed = UUID.randomUUID();
        String service = syncs.brokenService();
        UUID namedFailure = syncs.request(named, service);
        UUID unnamedFailure = syncs.request(unnamed, service);
        UUID diverged = divergedLink(reconcile);
        // The e-mail of a Master account, as a magic link records it (validate_magic_link_token's p_master_email).
        for (UUID user : List.of(named, diverged)) {
            jdbc.sql("UPDATE subsync.account_sync SET master_email = :email WHERE mvp_user_id = :user")
                    .param("email", email(user))
                    .param("user", user)
                    .update();
        }

        for (int width : List.of(390, 1280)) {
            browser.viewportWidth(width, 900);
            browser.open("/login?token=" + Tokens.serviceRole());
            browser.waiting().until(d -> browser.path().equals("/admin"));
            awaitRows(namedFailure, diverged);
            // The whole page in one screenshot, to look at (the window as high as the page).
            Long height = (Long) browser.driver().executeScript("return document.documentElement.scrollHeight");
            System.out.println("/admin at " + width + " px is " + height + " px high");
            browser.viewportWidth(width, (int) Math.min(height + 100, 8000));
            awaitRows(namedFailure, diverged);
            browser.screenshot("admin-sync-" + width + "-whole");

            WebElement namedRow = failureRow(namedFailure);
            WebElement unnamedRow = failureRow(unnamedFailure);
            WebElement divergedRow = browser.waiting()
                    .until(ExpectedConditions.presenceOfElementLocated(
                            By.cssSelector("#sync-divergences tr[data-mvp-user-id='" + diverged + "']")));
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#log tr.entry")));

            assertThat(userName(namedRow).getText()).isEqualTo(email(named));
            assertThat(userName(namedRow).getDomAttribute("title")).isEqualTo(named.toString());
            assertThat(userName(unnamedRow).getText())
                    .as("no e-mail known: the short id")
                    .isEqualTo(unnamed.toString().substring(0, 8) + "…"
                            + unnamed.toString().substring(32));
            assertThat(userName(unnamedRow).getDomAttribute("title")).isEqualTo(unnamed.toString());
            assertThat(userName(divergedRow).getText()).isEqualTo(email(diverged));
            assertThat(browser
                            .driver()
                            .findElements(By.cssSelector("#log tr.entry[data-mvp-user-id='" + named + "'] .user-name"))
                            .stream()
                            .map(WebElement::getText))
                    .isNotEmpty()
                    .containsOnly(email(named));

            Long scrollWidth = (Long) browser.driver().executeScript("return document.documentElement.scrollWidth");
            assertThat(scrollWidth).as("the page's width at " + width + " px").isLessThanOrEqualTo(width);
            for (WebElement button : browser.driver()
                    .findElements(
                            By.cssSelector("#sync-failures button.retry, #sync-divergences button[class*=keep-]"))) {
                assertThat(right(button))
                        .as(button.getText() + " at " + width + " px")
                        .isLessThanOrEqualTo(width);
            }
            if (width == 390) {
                for (WebElement row : browser.driver()
                        .findElements(By.cssSelector("#failures tbody tr, #divergences tbody tr, #log tr.entry"))) {
                    assertThat(row.getSize().getHeight())
                            .as("a stacked row at 390 px: " + row.getText())
                            .isLessThan(150);
                }
            }
        }
    }

    private void awaitRows(UUID failure, UUID diverged) {
        failureRow(failure);
        browser.waiting()
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#sync-divergences tr[data-mvp-user-id='" + diverged + "']")));
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#log tr.entry")));
    }

    private static String email(UUID user) {
        return "owner-" + user.toString().substring(0, 6) + "@example.com";
    }

    private static WebElement userName(WebElement row) {
        return row.findElement(By.cssSelector(".user-name"));
    }

    private long right(WebElement element) {
        return Math.round(
                ((Number) browser.driver().executeScript("return arguments[0].getBoundingClientRect().right", element))
                        .doubleValue());
    }

    private WebElement failureRow(UUID syncId) {
        return browser.waiting()
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#sync-failures tr[data-sync-id='" + syncId + "']")));
    }

    /** Marks elements so a test can tell when htmx has replaced them. */
    private void markOld(String... ids) {
        for (String id : ids) {
            browser.driver().executeScript("document.getElementById(arguments[0]).dataset.old = '1'", id);
        }
    }

    private String tile(String figure) {
        return browser.driver().findElement(By.id("figure-" + figure)).getDomAttribute("data-value");
    }

    private String text(String selector) {
        return browser.driver().findElement(By.cssSelector(selector)).getText();
    }
}
