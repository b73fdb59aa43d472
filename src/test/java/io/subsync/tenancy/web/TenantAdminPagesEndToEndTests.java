package io.subsync.tenancy.web;

import static io.subsync.support.TenantCards.card;
import static io.subsync.support.TenantCards.cards;
import static io.subsync.support.TenantCards.signIn;
import static io.subsync.support.TenantCards.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.subsync.support.Api;
import io.subsync.support.Browser;
import io.subsync.support.IntegrationTest;
import io.subsync.support.Tenants;
import io.subsync.support.Tokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A tenant's admin manages the tenant's plan on its page in a real browser: each change is confirmed after a preview of
 * its prices, and the cards and the history follow. Other users of the tenant see the page read-only.
 */
class TenantAdminPagesEndToEndTests extends IntegrationTest {
    private static Browser browser;
    private Tenants tenants;

    @BeforeEach
    void browser() {
        browser = Browser.ready(browser, port, 1280, 1000);
        tenants = new Tenants(api);
    }

    @AfterAll
    static void closeBrowser() {
        browser = Browser.closed(browser);
    }

    @Test
    void anAdminUpgradesTheTierAfterSeeingWhatEachSubscriptionWillCost() {
        UUID tenant = tenants.open("pro", Map.of("pawnshop", true));
        UUID admin = UUID.randomUUID();
        signIn(browser, Tokens.tenantAdmin(admin, tenant));

        WebElement platform = manage("platform");
        platform.findElement(By.cssSelector(".tiers input[value='enterprise']")).click();
        platform.findElement(By.cssSelector("button.review")).click();
        WebElement confirm = browser.waiting()
                .until(ExpectedConditions.presenceOfNestedElementLocatedBy(platform, By.cssSelector(".confirm")));

        assertThat(confirm.findElement(By.cssSelector(".question")).getText())
                .isEqualTo("Change your platform plan to Enterprise?");
        assertThat(confirm.findElements(By.cssSelector(".price-change")))
                .extracting(row -> text(row, ".price-product") + ": " + text(row, ".price-now") + " → "
                        + text(row, ".price-after"))
                .containsExactly(
                        "Platform: Pro · $99.00 per month → Enterprise · $299.00 per month",
                        "Pawnshop: Pawnshop - Pro · $119.00 per month → Pawnshop - Enterprise · $319.00 per month");
        assertThat(text(confirm, ".price-total")).isEqualTo("Per month: $218.00 → $618.00 (+$400.00)");
        shown(confirm);
        browser.screenshot("tenant-admin-confirm-tier-1280");
        confirm.findElement(By.cssSelector("button.confirm-button")).click();

        browser.waiting().until(d -> browser.path().startsWith("/tenant/subscriptions?done=tier"));
        assertThat(browser.driver().findElement(By.id("change-done")).getText())
                .isEqualTo("Your platform plan is now Enterprise.");
        assertThat(text(card(browser, "platform"), ".tier")).isEqualToIgnoringCase("enterprise");
        assertThat(text(card(browser, "platform"), ".price")).isEqualTo("$299.00 per month");
        assertThat(text(card(browser, "pawnshop"), ".plan")).isEqualTo("Pawnshop - Enterprise");
        assertThat(text(card(browser, "pawnshop"), ".price")).isEqualTo("$319.00 per month");

        WebElement history = manage("pawnshop");
        List<WebElement> entries = history.findElements(By.cssSelector(".history-entry"));
        assertThat(text(entries.get(0), ".change")).isEqualToIgnoringCase("plan changed");
        assertThat(text(entries.get(0), ".entry-plan")).isEqualTo("Pawnshop - Pro → Pawnshop - Enterprise");
        assertThat(text(entries.get(0), ".actor")).isEqualTo("user:" + admin);
    }

    @Test
    void anAdminSwitchesAProductOnAndCancelsAnother() {
        UUID tenant = tenants.open("pro", Map.of("pawnshop", true));
        UUID admin = UUID.randomUUID();
        signIn(browser, Tokens.tenantAdmin(admin, tenant));

        WebElement moneyLoan =
                browser.driver().findElement(By.cssSelector(".product-switch[data-product='money_loan']"));
        assertThat(text(moneyLoan, ".pill")).isEqualTo("off");
        moneyLoan.findElement(By.cssSelector("button.switch")).click();
        WebElement confirmOn = browser.waiting()
                .until(ExpectedConditions.presenceOfNestedElementLocatedBy(moneyLoan, By.cssSelector(".confirm")));
        assertThat(text(confirmOn, ".question")).isEqualTo("Switch Money Loan on?");
        assertThat(text(confirmOn, ".price-now")).isEqualTo("not subscribed");
        assertThat(text(confirmOn, ".price-after")).isEqualTo("Money Loan - Pro · $129.00 per month");
        shown(confirmOn);
        browser.screenshot("tenant-admin-confirm-switch-on-1280");
        confirmOn.findElement(By.cssSelector("button.confirm-button")).click();
        browser.waiting().until(d -> browser.path().startsWith("/tenant/subscriptions?done=on"));
        assertThat(cards(browser))
                .extracting(card -> card.getDomAttribute("data-product-type"))
                .containsExactly("platform", "money_loan", "pawnshop");
        assertThat(text(card(browser, "money_loan"), ".price")).isEqualTo("$129.00 per month");

        WebElement pawnshop = manage("pawnshop");
        pawnshop.findElement(By.cssSelector("button.cancel")).click();
        WebElement confirmCancel = browser.waiting()
                .until(ExpectedConditions.presenceOfNestedElementLocatedBy(pawnshop, By.cssSelector(".confirm")));
        assertThat(text(confirmCancel, ".question")).isEqualTo("Cancel Pawnshop?");
        assertThat(text(confirmCancel, ".price-now")).isEqualTo("Pawnshop - Pro · $119.00 per month");
        assertThat(text(confirmCancel, ".price-after")).isEqualTo("cancelled: this price stops");
        confirmCancel.findElement(By.cssSelector("button.confirm-button")).click();
        browser.waiting().until(d -> browser.path().startsWith("/tenant/subscriptions?done=cancel"));

        assertThat(cards(browser))
                .extracting(card -> card.getDomAttribute("data-product-type"))
                .containsExactly("platform", "money_loan");
        assertThat(text(
                        browser.driver().findElement(By.cssSelector(".product-switch[data-product='pawnshop']")),
                        ".pill"))
                .isEqualTo("off");
        // Pawnshop's disable policy is keep: switching off alone would leave it active; cancelling ends it.
        assertThat(jdbc.sql("SELECT status || '/' || end_reason || '/' || changed_by FROM subsync.tenant_subscriptions"
                                + " WHERE tenant_id = :tenant AND product_type = 'pawnshop'")
                        .param("tenant", tenant)
                        .query(String.class)
                        .single())
                .isEqualTo("cancelled/product_disabled/user:" + admin);
    }

    @Test
    void otherUsersOfTheTenantSeeThePageReadOnly() {
        UUID tenant = tenants.open("pro", Map.of("pawnshop", true));
        signIn(browser, Tokens.userOf(tenant));

        assertThat(browser.driver().findElements(By.id("products"))).isEmpty();
        assertThat(browser.driver().findElement(By.id("who-changes")).getText())
                .isEqualTo("Your tenant's admin changes the plan and the products.");
        for (String product : List.of("platform", "pawnshop")) {
            WebElement panel = manage(product);
            assertThat(panel.findElements(By.cssSelector("form, input, button.review, button.cancel")))
                    .isEmpty();
            assertThat(text(panel, ".who-may"))
                    .isEqualTo("Only your tenant's admin can change this plan or cancel it.");
        }
        assertThat(text(card(browser, "platform"), ".plan-details")).isEqualTo("Pro · $99.00 per month");
        browser.screenshot("tenant-member-manage-1280");
        browser.viewportWidth(390, 900);
        manage("platform");
        browser.screenshot("tenant-member-manage-390");
    }

    @Test
    void theApiRefusesTheUsersChangeAndAcceptsTheAdmins() {
        UUID tenant = tenants.open("pro", Map.of());

        Api.Response refused = api.patch("/api/tenants/current", Tokens.userOf(tenant), Map.of("plan", "enterprise"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("title").asString()).isEqualTo("Not a tenant admin");

        Api.Response accepted =
                api.patch("/api/tenants/current", Tokens.tenantAdminOf(tenant), Map.of("plan", "enterprise"));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.json().get("plan").asString()).isEqualTo("enterprise");
        signIn(browser, Tokens.userOf(tenant));
        assertThat(text(card(browser, "platform"), ".plan")).isEqualTo("Enterprise");
    }

    @Test
    void theAdminsPageAtPhoneWidth() {
        UUID tenant = tenants.open("pro", Map.of("pawnshop", true, "money_loan", true));
        signIn(browser, Tokens.tenantAdminOf(tenant));
        browser.viewportWidth(390, 900);
        WebElement platform = manage("platform");
        platform.findElement(By.cssSelector(".tiers input[value='starter']")).click();
        platform.findElement(By.cssSelector("button.review")).click();
        WebElement confirm = browser.waiting()
                .until(ExpectedConditions.presenceOfNestedElementLocatedBy(platform, By.cssSelector(".confirm")));
        assertThat(text(confirm, ".price-total")).isEqualTo("Per month: $347.00 → $123.00 (−$224.00)");
        assertThat(confirm.getRect().getWidth()).isLessThanOrEqualTo(390);
        shown(confirm);
        browser.screenshot("tenant-admin-confirm-tier-390");
        confirm.findElement(By.cssSelector(".confirm-actions .quiet")).click();
        browser.waiting()
                .until(d -> platform.findElements(By.cssSelector(".confirm")).isEmpty());
        browser.driver().executeScript("window.scrollTo(0, document.body.scrollHeight)");
        browser.screenshot("tenant-admin-products-390");
    }

    /** Opens the card's Manage panel and waits for it. */
    private WebElement manage(String productType) {
        WebElement card = card(browser, productType);
        card.findElement(By.cssSelector("button.manage")).click();
        browser.waiting()
                .until(ExpectedConditions.presenceOfNestedElementLocatedBy(card, By.cssSelector(".history-entry")));
        return card;
    }

    /** Scrolls the element to the middle of the window, for the screenshot. */
    private static void shown(WebElement element) {
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }
}
