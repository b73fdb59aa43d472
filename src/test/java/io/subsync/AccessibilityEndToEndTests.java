package io.subsync;

import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.support.Browser;
import io.subsync.support.MasterIntegrationTest;
import io.subsync.support.Syncs;
import io.subsync.support.Tenants;
import io.subsync.support.Tokens;
import io.subsync.sync.drift.ReconcileWithMaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every page of our own, judged by axe-core (npm {@code axe-core}, installed by {@code .ci/install-browser} from
 * {@code package.json}) in Chromium, at phone and desktop widths: any violation fails. Swagger UI is a third party's
 * page and is left out.
 */
class AccessibilityEndToEndTests extends MasterIntegrationTest {
    private static final Path AXE = Path.of("node_modules", "axe-core", "axe.min.js");
    private static Browser browser;

    @Autowired
    ReconcileWithMaster reconcile;

    @BeforeEach
    void browser() {
        browser = Browser.ready(browser, port, 1280, 1000);
    }

    @AfterAll
    static void closeBrowser() {
        browser = Browser.closed(browser);
    }

    @Test
    void everyPageHasNoAccessibilityViolation() throws IOException {
        assertThat(AXE)
                .as("axe-core is missing: run `npm ci` (or .ci/install-browser) in the project's folder")
                .exists();
        String axe = Files.readString(AXE);
        Syncs syncs = new Syncs(api, jdbc);
        UUID linkedUser = UUID.randomUUID();
        syncs.delivered(linkedUser, "BASIC", 1);
        UUID failedUser = UUID.randomUUID();
        syncs.request(failedUser, syncs.brokenService());
        awaitDrained(Duration.ofSeconds(10));
        // A diverged link, so the admin page is judged with all three sync tables.
        divergedLink(reconcile);
        UUID tenant = new Tenants(api).open("pro", Map.of("pawnshop", true, "money_loan", true));

        List<String> violations = new ArrayList<>();
        for (int width : List.of(390, 1280)) {
            browser.viewportWidth(width, 900);
            browser.signOutQuietly();
            violations.addAll(judge(axe, "/login", "sign-in", width));
            violations.addAll(judge(axe, "/link?token=" + "x".repeat(43), "link page", width));
            violations.addAll(judge(axe, "/no/such/page", "sign-in after an unknown page", width));
            browser.open("/login?token=" + Tokens.userOf(tenant));
            browser.waiting().until(d -> browser.path().equals("/tenant/subscriptions"));
            violations.addAll(judge(axe, null, "tenant page", width));
            browser.driver()
                    .findElements(By.cssSelector("button.manage"))
                    .get(0)
                    .click();
            violations.addAll(judge(axe, null, "tenant page, Manage panel open", width));
            browser.signOutQuietly();
            browser.open("/login?token=" + Tokens.tenantAdminOf(tenant));
            browser.waiting().until(d -> browser.path().equals("/tenant/subscriptions"));
            violations.addAll(judge(axe, null, "tenant admin page", width));
            WebElement platform = browser.driver().findElement(By.cssSelector(".card[data-product-type='platform']"));
            platform.findElement(By.cssSelector("button.manage")).click();
            browser.waiting()
                    .until(ExpectedConditions.presenceOfNestedElementLocatedBy(platform, By.cssSelector(".tiers")));
            violations.addAll(judge(axe, null, "tenant admin, Manage panel with controls", width));
            platform.findElement(By.cssSelector(".tiers input[value='enterprise']"))
                    .click();
            platform.findElement(By.cssSelector("button.review")).click();
            browser.waiting()
                    .until(ExpectedConditions.presenceOfNestedElementLocatedBy(platform, By.cssSelector(".confirm")));
            violations.addAll(judge(axe, null, "tenant admin, tier change confirmation", width));
            WebElement bnpl = browser.driver().findElement(By.cssSelector(".product-switch[data-product='bnpl']"));
            bnpl.findElement(By.cssSelector("button.switch")).click();
            browser.waiting()
                    .until(ExpectedConditions.presenceOfNestedElementLocatedBy(bnpl, By.cssSelector(".confirm")));
            violations.addAll(judge(axe, null, "tenant admin, product switch confirmation", width));
            violations.addAll(judge(axe, "/admin", "403 error page", width));
            violations.addAll(judge(axe, "/tenant/nope", "404 error page", width));
            violations.addAll(judge(axe, "/account/sync", "own sync page of a tenant user", width));
            violations.addAll(judge(axe, "/link?token=" + "x".repeat(43), "link page, signed in", width));
            browser.signOutQuietly();
            browser.open("/login?token=" + Tokens.user(linkedUser, null));
            browser.waiting().until(d -> browser.path().equals("/account/sync"));
            violations.addAll(judge(axe, null, "own sync page, linked", width));
            browser.signOutQuietly();
            browser.open("/login?token=" + Tokens.user(failedUser, null));
            browser.waiting().until(d -> browser.path().equals("/account/sync"));
            violations.addAll(judge(axe, null, "own sync page, failed delivery", width));
            browser.signOutQuietly();
            browser.open("/login?token=" + Tokens.user(UUID.randomUUID(), null));
            browser.waiting().until(d -> browser.path().equals("/account/sync"));
            browser.driver().findElement(By.id("create-link")).click();
            browser.waiting()
                    .until(d -> !d.findElements(By.id("magic-link-url")).isEmpty());
            violations.addAll(judge(axe, null, "own sync page, not linked, new link", width));
            browser.signOutQuietly();
            browser.open("/login?token=" + Tokens.serviceRole());
            browser.waiting().until(d -> browser.path().equals("/admin"));
            violations.addAll(judge(axe, null, "admin", width));
        }
        assertThat(violations).as("axe-core violations").isEmpty();
    }

    /** Opens {@code path} (or stays), waits for htmx's fragments, runs axe and lists what it found. */
    private List<String> judge(String axe, String path, String page, int width) {
        if (path != null) {
            browser.open(path);
        }
        browser.waiting().until(d ->
                !(Boolean) ((JavascriptExecutor) d).executeScript("return !!document.querySelector('.htmx-request')"));
        browser.screenshot("axe-" + page.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-" + width);
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        if (!(Boolean) js.executeScript("return typeof axe !== 'undefined'")) {
            js.executeScript(axe);
        }
        Object found = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                + "  done(r.violations.map(function (v) {"
                + "    return v.id + ' (' + v.impact + '): ' + v.help + ' at '"
                + "      + v.nodes.map(function (n) { return n.target.join(' ') + ' ' + (n.failureSummary || '')"
                + "          .replace(/\\s+/g, ' '); }).join(' | ');"
                + "  }));"
                + "}).catch(function (e) { done(['axe failed: ' + e]); });");
        List<String> violations = new ArrayList<>();
        for (Object violation : (List<?>) found) {
            violations.add(page + " at " + width + " px: " + violation);
        }
        return violations;
    }
}
