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

/** The tenant's pages in a real browser: signing in, the cards and their layout, the history panel, signing out. */
class TenantPagesEndToEndTests extends IntegrationTest {
    private static Browser browser;
    private Tenants tenants;

    @BeforeEach
    void browser() {
        browser = Browser.ready(browser, port, 1024, 900);
        tenants = new Tenants(api);
    }

    @AfterAll
    static void closeBrowser() {
        browser = Browser.closed(browser);
    }

    @Test
    void proTenantWithPawnshopAndMoneyLoanSeesThreeCardsWithTheirBadges() {
        UUID tenant = tenants.open("pro", Map.of("pawnshop", true, "money_loan", true));

        signIn(browser, Tokens.userOf(tenant));

        List<WebElement> cards = cards(browser);
        assertThat(cards)
                .extracting(card -> card.getDomAttribute("data-product-type"))
                .containsExactly("platform", "money_loan", "pawnshop");
        assertThat(cards).extracting(card -> text(card, ".badge")).containsExactly("🌐", "💰", "💎");
        assertThat(cards)
                .extracting(card -> text(card, ".product"))
                .containsExactly("Platform", "Money Loan", "Pawnshop");
        assertThat(cards)
                .extracting(card -> text(card, ".plan"))
                .containsExactly("Pro", "Money Loan - Pro", "Pawnshop - Pro");
        WebElement pawnshop = cards.get(2);
        assertThat(text(pawnshop, ".price")).isEqualTo("$119.00 per month");
        assertThat(pawnshop.findElements(By.cssSelector(".features li")))
                .extracting(WebElement::getText)
                .containsExactly("Up to 3,000 pawn tickets", "Auctions", "Appraisal history");
        assertThat(text(pawnshop, ".origin")).isEqualTo("auto-created (product_enabled)");
        assertThat(pawnshop.findElement(By.cssSelector("button.manage")).isDisplayed())
                .isTrue();
        browser.screenshot("tenant-subscriptions-1024");
    }

    @Test
    void phonesGetOneColumnAndTabletsGetCardsSideBySide() {
        UUID tenant = tenants.open("pro", Map.of("pawnshop", true, "money_loan", true));
        signIn(browser, Tokens.userOf(tenant));

        browser.viewportWidth(390, 844);
        List<WebElement> phone = cards(browser);
        assertThat(phone)
                .extracting(card -> card.getRect().getX())
                .as("one column")
                .containsOnly(phone.get(0).getRect().getX());
        assertThat(phone.get(1).getRect().getY())
                .isGreaterThan(phone.get(0).getRect().getY());
        assertThat(phone.get(2).getRect().getY())
                .isGreaterThan(phone.get(1).getRect().getY());
        browser.screenshot("tenant-subscriptions-390");

        browser.viewportWidth(1024, 900);
        List<WebElement> tablet = cards(browser);
        assertThat(tablet.get(1).getRect().getY())
                .as("side by side")
                .isEqualTo(tablet.get(0).getRect().getY());
        assertThat(tablet.get(1).getRect().getX())
                .isGreaterThan(tablet.get(0).getRect().getX());
    }

    @Test
    void manageShowsTheSubscriptionsHistoryUnderItsCard() {
        UUID tenant = tenants.open("starter", Map.of("pawnshop", true));
        tenants.change(tenant, Map.of("plan", "pro"));
        signIn(browser, Tokens.userOf(tenant));
        WebElement pawnshop = card(browser, "pawnshop");

        pawnshop.findElement(By.cssSelector("button.manage")).click();

        browser.waiting()
                .until(ExpectedConditions.presenceOfNestedElementLocatedBy(pawnshop, By.cssSelector(".history-entry")));
        List<WebElement> entries = pawnshop.findElements(By.cssSelector(".history-entry"));
        assertThat(entries).hasSize(2);
        assertThat(text(entries.get(0), ".change")).isEqualToIgnoringCase("plan changed");
        assertThat(text(entries.get(0), ".entry-plan")).isEqualTo("Pawnshop - Starter → Pawnshop - Pro");
        assertThat(text(entries.get(1), ".change")).isEqualToIgnoringCase("created");
        assertThat(text(entries.get(1), ".reason")).isEqualTo("product_enabled");
        browser.screenshot("tenant-history");

        pawnshop.findElement(By.cssSelector(".history .close")).click();
        browser.waiting()
                .until(d ->
                        pawnshop.findElements(By.cssSelector(".history-entry")).isEmpty());
    }

    @Test
    void aBadTokenShowsTheErrorOnTheSignInPage() {
        browser.open("/login?token=not-a-token");
        assertThat(browser.driver().findElement(By.cssSelector(".error")).getText())
                .contains("This token was refused");

        UUID tenant = tenants.open("pro", Map.of());
        browser.open("/login?token=" + Tokens.expiredUserOf(tenant));
        assertThat(browser.driver().findElement(By.cssSelector(".error")).getText())
                .contains("This token has expired");
        assertThat(browser.driver().getPageSource()).doesNotContain("Exception");
        assertThat(browser.driver().manage().getCookieNamed("subsync_session")).isNull();
    }

    @Test
    void visitorsWhoAreNotSignedInAreSentToTheSignInPage() {
        browser.open("/tenant/subscriptions");

        assertThat(browser.path()).isEqualTo("/login");
        assertThat(browser.driver().findElement(By.tagName("body")).getText()).contains("./subsync token --tenant");
    }

    @Test
    void aProductAddedThroughTheApiShowsItsOwnBadge() {
        String code = "inventory_" + UUID.randomUUID().toString().substring(0, 8);
        String admin = Tokens.serviceRole();
        assertThat(api.post(
                                "/api/products",
                                admin,
                                Map.of("code", code, "name", "Inventory", "badge", "📦", "disablePolicy", "keep"))
                        .status())
                .isEqualTo(201);
        Api.Response plan = api.post(
                "/api/plans",
                admin,
                Map.of(
                        "productType",
                        code,
                        "tier",
                        "starter",
                        "name",
                        "Inventory - Starter",
                        "price",
                        "49.99",
                        "currency",
                        "USD",
                        "billingCycle",
                        "monthly",
                        "features",
                        List.of("Up to 1,000 items", "Stock alerts")));
        assertThat(plan.status()).as(plan.toString()).isEqualTo(201);
        UUID tenant = tenants.open("starter", Map.of());
        tenants.change(tenant, Map.of("products", Map.of(code, true)));

        signIn(browser, Tokens.userOf(tenant));

        assertThat(cards(browser))
                .extracting(card -> card.getDomAttribute("data-product-type"))
                .containsExactly("platform", code);
        WebElement inventory = card(browser, code);
        assertThat(text(inventory, ".badge")).isEqualTo("📦");
        assertThat(text(inventory, ".product")).isEqualTo("Inventory");
        assertThat(text(inventory, ".price")).isEqualTo("$49.99 per month");
    }

    @Test
    void signingOutEndsTheSession() {
        UUID tenant = tenants.open("pro", Map.of());
        signIn(browser, Tokens.userOf(tenant));

        browser.driver().findElement(By.cssSelector(".signout button")).click();

        browser.waiting().until(d -> browser.path().startsWith("/login"));
        assertThat(browser.driver().findElement(By.cssSelector(".notice")).getText())
                .contains("signed out");
        browser.open("/tenant/subscriptions");
        assertThat(browser.path()).isEqualTo("/login");
    }

    @Test
    void aTokenPastedIntoTheFormSignsIn() {
        UUID tenant = tenants.open("pro", Map.of("bnpl", true));
        browser.open("/login");

        browser.driver().findElement(By.id("token")).sendKeys(Tokens.userOf(tenant));
        browser.driver().findElement(By.cssSelector(".signin-form button")).click();

        browser.waiting().until(d -> browser.path().equals("/tenant/subscriptions"));
        assertThat(cards(browser)).extracting(card -> text(card, ".badge")).containsExactly("🌐", "🛒");
    }

    @Test
    void theAdminPageDrawsItsChartsForServiceRoleAndRefusesTenantUsers() {
        UUID tenant = tenants.open("pro", Map.of());
        signIn(browser, Tokens.userOf(tenant));
        browser.open("/admin");
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).contains("403");

        browser.signOutQuietly();
        browser.open("/login?token=" + Tokens.serviceRole());
        browser.waiting().until(d -> browser.path().equals("/admin"));
        assertThat(browser.waiting()
                        .until(ExpectedConditions.visibilityOfElementLocated(By.id("master-state")))
                        .getText())
                .as("this test's instance has no MASTER_API_URL")
                .contains("Master is not configured");
        browser.waiting()
                .until(
                        d -> Boolean.TRUE.equals(
                                browser.driver()
                                        .executeScript(
                                                "return typeof Chart !== 'undefined' && !!Chart.getChart(document.getElementById('chart-origin'))")));
        browser.screenshot("admin");
    }
}
