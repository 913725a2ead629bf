package dev.ganplayground.web;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/** Debian's headless Chromium for the browser tests, and the page queries they share (by data-testid). */
final class Browsers {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Browsers() {
    }

    /** A headless Chromium with its console log kept; skips the test class when Chromium is not installed. */
    static WebDriver chromium() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--window-size=1400,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /**
     * Makes the browser present {@code token} from its next page load on (as if the server had issued it there):
     * for tests whose runs are created outside the page but controlled in it.
     */
    static void useToken(WebDriver driver, TestServer server, String token) {
        driver.get(server.url("/favicon.svg")); // same origin, no app: nothing connects with the old token
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "localStorage.setItem('gan.token', arguments[0])", token);
    }

    /** Saves a screenshot as {@code name} under the screenshotDir system property (default target/). */
    static void screenshot(WebDriver driver, String name) {
        java.io.File shot = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(
                org.openqa.selenium.OutputType.FILE);
        try {
            java.nio.file.Files.copy(shot.toPath(), java.nio.file.Path.of(System.getProperty("screenshotDir", "target"),
                    name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void assertNoConsoleErrors(WebDriver driver) {
        List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(e -> !e.getMessage().contains("/favicon.ico")) // Chromium's own guess on a non-HTML page
                .toList();
        assertThat(severe).as("browser console errors").isEmpty();
    }

    static String attrText(WebDriver d, String testId, String name) {
        List<WebElement> e = d.findElements(By.cssSelector("[data-testid=" + testId + "]"));
        return e.isEmpty() ? null : e.get(0).getAttribute(name);
    }

    static String text(WebDriver d, String testId) {
        List<WebElement> e = d.findElements(By.cssSelector("[data-testid=" + testId + "]"));
        return e.isEmpty() ? "" : e.get(0).getText().trim();
    }

    static long attr(WebDriver d, String testId, String name) {
        List<WebElement> e = d.findElements(By.cssSelector("[data-testid=" + testId + "]"));
        String v = e.isEmpty() ? null : e.get(0).getAttribute(name);
        return v == null || v.isBlank() ? -1 : Long.parseLong(v.trim());
    }
}
