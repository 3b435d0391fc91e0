package futures.workshop.browser;

import futures.workshop.NeededTool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SessionNotCreatedException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driven through Selenium WebDriver, for tests of pages whose script keeps
 * changing them (the live class board). Chromium and chromedriver come from {@code tools/need}
 * through {@link NeededTool}: without them the test is skipped, or fails under CI. Where
 * {@link Chromium#measure} loads a page once and reads what its script left, this one stays open
 * while the test waits, clicks and looks.
 *
 * <pre>{@code
 * try (Browser browser = Browser.open()) {
 *     browser.driver().get(board.url());
 *     browser.waitFor(Duration.ofSeconds(10), textToBe(By.id("done"), "3 of 3"));
 *     browser.screenshot(dir.resolve("board.png"));
 * }
 * }</pre>
 */
public final class Browser implements AutoCloseable {
    /**
     * The window {@link #open()} asks for. The page gets the whole width, but not the whole height:
     * headless Chromium keeps room for a toolbar it does not draw (innerHeight 657 of 800 with Chromium 156).
     */
    public static final int WIDTH = 1280;
    public static final int HEIGHT = 800;

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriverService service, ChromeDriver driver, Path profile) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
    }

    /** A new browser with a {@value #WIDTH}x{@value #HEIGHT} window and an empty profile. */
    public static Browser open() {
        return open(WIDTH, HEIGHT);
    }

    /** A new browser with a window of {@code width} x {@code height} pixels and an empty profile. */
    public static Browser open(int width, int height) {
        Path chromium = NeededTool.find("chromium", "the browser tests");
        Path chromedriver = NeededTool.find("chromedriver", "the browser tests");
        Path profile;
        try {
            profile = Files.createTempDirectory("workshop-browser-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Both programs named: Selenium then never runs Selenium Manager, which would look for
        // (and download) a driver and a browser of its own.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", // /dev/shm is small in containers
                "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
        boolean opened = false;
        try {
            service.start();
            Browser browser = new Browser(service, new ChromeDriver(service, options), profile);
            opened = true;
            return browser;
        } catch (IOException e) {
            throw new UncheckedIOException(chromedriver + " did not start", e);
        } catch (SessionNotCreatedException e) {
            throw new IllegalStateException(chromedriver + " could not start " + chromium
                    + " (one cause: their major versions differ; compare their --version): " + e.getMessage(), e);
        } finally {
            if (!opened) {
                service.stop();
                delete(profile);
            }
        }
    }

    /** The driver, for what the conveniences here do not cover: {@code driver().get(url)}, findElement. */
    public WebDriver driver() {
        return driver;
    }

    /**
     * Waits until {@code condition} holds, as {@link WebDriverWait} does, and returns its value; after
     * {@code timeout} throws Selenium's TimeoutException, saying what the page showed.
     */
    public <T> T waitFor(Duration timeout, ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, timeout)
                .withMessage(() -> "waiting for " + condition
                        + "; the page at " + driver.getCurrentUrl() + " showed: " + shown())
                .until(condition);
    }

    /** Runs {@code script} in the page, as {@link JavascriptExecutor#executeScript} does: its {@code return} value. */
    public Object script(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /**
     * Makes the page's viewport exactly {@code width} x {@code height} CSS pixels at one device
     * pixel each (Chromium's device emulation): a screenshot then has that size, which the
     * window size alone does not give (see {@link #HEIGHT}).
     */
    public void viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    /** Writes what the page shows now in the window (its viewport) as a PNG. */
    public void screenshot(Path png) throws IOException {
        Path parent = png.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.write(png, driver.getScreenshotAs(OutputType.BYTES));
    }

    /** Quits the browser and chromedriver, and deletes the profile. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            delete(profile);
        }
    }

    /** The page's text, cut short: enough to see why a wait failed. */
    private String shown() {
        try {
            String text = String.valueOf(driver.executeScript("return document.body ? document.body.innerText : ''"));
            return text.length() > 500 ? text.substring(0, 500) + "..." : text;
        } catch (RuntimeException e) {
            return "(its text could not be read: " + e.getMessage() + ")";
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a profile left in the temporary folder is no reason to fail a test
        }
    }
}
