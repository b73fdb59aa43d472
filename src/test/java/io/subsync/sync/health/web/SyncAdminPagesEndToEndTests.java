package io.subsync.sync.health.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.support.Browser;
import io.subsync.support.MasterChanges;
import io.subsync.support.MasterIntegrationTest;
import io.subsync.support.Syncs;
import io.subsync.support.Tokens;
import io.subsync.sync.drift.ReconcileWithMaster;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
        UUID user = UUID.randomUUID();
        UUID master = UUID.randomUUID();
        api.post("/sync-subscription", Tokens.serviceRole(), sync(user, master, "create", "BASIC", 1));
        awaitDrained(Duration.ofSeconds(15));
        MasterChanges.cancel(master, "svc_bazi", "basic", "2026-12-01T00:00:00Z");
        reconcile.reconcile(Optional.of(user), false, "tests");

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
