package dev.ganplayground.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.WebDriver;

/** One headless Chromium and one real server for all browser tests of a class (skipped without Chromium). */
abstract class BrowserTestBase {
    static TestServer server;
    static WebDriver driver;

    @BeforeAll
    static void startBrowserAndServer() {
        driver = Browsers.chromium();
        server = new TestServer();
    }

    @AfterAll
    static void stopBrowserAndServer() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }
}
