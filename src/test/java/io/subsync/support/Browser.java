package io.subsync.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real, headless Chromium driven by Debian's chromedriver: the packages {@code chromium} and
 * {@code chromium-driver} (installed by {@code .ci/install-browser}). Missing, they fail the tests with a message
 * that says so: a browser test that skips itself would hide a broken page.
 */
public final class Browser implements AutoCloseable {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /**
     * Debian's Chromium is usually newer than the DevTools bindings of Selenium, which then warns at every start; the
     * tests use WebDriver only, so the warning says nothing. Held here so the settings outlive garbage collection.
     */
    private static final List<Logger> QUIET = Stream.of(
                    "org.openqa.selenium.devtools.CdpVersionFinder", "org.openqa.selenium.chromium.ChromiumDriver")
            .map(Logger::getLogger)
            .toList();

    private final ChromeDriver driver;
    private final Path profile;
    private final String base;

    private Browser(ChromeDriver driver, Path profile, String base) {
        this.driver = driver;
        this.profile = profile;
        this.base = base;
    }

    /** Starts Chromium with a fresh profile; fails with a clear message when the packages are not installed. */
    public static Browser start(int port) {
        for (Path required : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(required)) {
                throw new AssertionError(required + " is missing: the browser tests need Debian's chromium and "
                        + "chromium-driver packages. Install them with .ci/install-browser "
                        + "(apt-get install -y chromium chromium-driver).");
            }
        }
        QUIET.forEach(logger -> logger.setLevel(Level.SEVERE));
        Path profile;
        try {
            profile = Files.createTempDirectory("subsync-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--no-first-run",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile,
                "--window-size=1024,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new Browser(new ChromeDriver(service, options), profile, "http://127.0.0.1:" + port);
    }

    /**
     * The browser a test class shares between its tests: started on first use, then signed out and at the given
     * window size before each test. Pair with {@link #closed(Browser)} in {@code @AfterAll}.
     */
    public static Browser ready(Browser shared, int port, int width, int height) {
        Browser browser = shared == null ? start(port) : shared;
        browser.signOutQuietly();
        browser.viewportWidth(width, height);
        return browser;
    }

    /** Closes a shared browser, if started; returns null for the field that held it. */
    public static Browser closed(Browser shared) {
        if (shared != null) {
            shared.close();
        }
        return null;
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(base + path);
    }

    /** The path (and query) of the page shown. */
    public String path() {
        return driver.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
    }

    public WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** Sizes the window so the page's viewport is {@code width} CSS pixels wide, and reloads the page. */
    public void viewportWidth(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        Long inner = (Long) driver.executeScript("return window.innerWidth");
        if (inner != null && inner != width) {
            driver.manage().window().setSize(new Dimension(width + (int) (width - inner), height));
        }
        driver.navigate().refresh();
    }

    /** Forgets the session: every cookie of the site. */
    public void signOutQuietly() {
        open("/login");
        driver.manage().deleteAllCookies();
    }

    /** Saves a screenshot under {@code target/screenshots/} for looking at after the run. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // A temporary profile left behind is harmless.
            }
        }
    }
}
