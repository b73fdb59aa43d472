package io.subsync.support;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The tenant's page in the browser: signing in to it, and its subscription cards. */
public final class TenantCards {
    private TenantCards() {}

    public static void signIn(Browser browser, String token) {
        browser.open("/login?token=" + token);
        browser.waiting().until(d -> browser.path().equals("/tenant/subscriptions"));
    }

    public static List<WebElement> cards(Browser browser) {
        return browser.driver().findElements(By.cssSelector(".cards > .card"));
    }

    public static WebElement card(Browser browser, String productType) {
        return browser.driver().findElement(By.cssSelector(".card[data-product-type='" + productType + "']"));
    }

    public static String text(WebElement element, String selector) {
        return element.findElement(By.cssSelector(selector)).getText();
    }
}
