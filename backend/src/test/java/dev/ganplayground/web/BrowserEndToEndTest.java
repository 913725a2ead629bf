package dev.ganplayground.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page in Debian's headless Chromium against a real server: it connects, a ring run appears, Play makes the
 * loss chart and the plane fill with data from the server; the A/B view; an image run's grid, walk and timeline;
 * a StyleGAN run's mixing grid and psi slider.
 * Saves screenshots under target/.
 */
class BrowserEndToEndTest extends BrowserTestBase {
    @Test
    @DisplayName("Play in the browser streams losses and points from the server into the charts and the plane")
    void playStreamsToThePage() throws Exception {
        driver.get(server.url("/"));
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.until(d -> "created".equals(text(d, "state")) || "paused".equals(text(d, "state")));
        wait.until(d -> attr(d, "plane", "data-fake-count") > 0);

        driver.findElement(By.cssSelector("[data-testid=play]")).click();
        wait.until(d -> "running".equals(text(d, "state")));
        wait.until(d -> attr(d, "loss-chart", "data-points") >= 3);
        wait.until(d -> attr(d, "plane", "data-frame-step") > 0);
        wait.until(d -> Long.parseLong(text(d, "step").replaceAll("[^0-9]", "")) > 0);

        driver.findElement(By.cssSelector("[data-testid=pause]")).click();
        wait.until(d -> "paused".equals(text(d, "state")));
        long paused = Long.parseLong(text(driver, "step").replaceAll("[^0-9]", ""));
        driver.findElement(By.cssSelector("[data-testid=step-d]")).click();
        wait.until(d -> Long.parseLong(text(d, "step").replaceAll("[^0-9]", "")) == paused + 1);

        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path out = Path.of(System.getProperty("screenshotDir", "target"), "playground.png");
        Files.copy(shot.toPath(), out, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(out)).isGreaterThan(10_000);

        assertNoConsoleErrors();
    }

    @Test
    @DisplayName("The A/B page shows both runs of a pair, and the collapse alarm banner when the event arrives")
    void pairViewAndAlarmBanner() throws Exception {
        // Alarm thresholds that fire at the first evaluation (0 of 8 modes), to script the collapse event.
        JsonObject overrides = new JsonObject()
                .put("alarm", new JsonObject().put("collapseFraction", 0.99).put("minHq", 0.0).put("checks", 1))
                .put("view", new JsonObject().put("evalEvery", 20));
        WebClient http = WebClient.create(server.vertx);
        JsonObject pair;
        try {
            pair = http.postAbs(server.url("/api/pairs")).putHeader("Authorization", TestServer.AUTH).sendJsonObject(new JsonObject().put("preset", "ring8")
                    .put("overrides", overrides).put("variant", new JsonObject().put("remedies",
                            new JsonObject().put("realLabel", 0.9)))).await().bodyAsJsonObject();
        } finally {
            http.close();
        }
        String a = pair.getJsonObject("a").getString("runId");
        String b = pair.getJsonObject("b").getString("runId");
        Browsers.useToken(driver, server, TestServer.TOKEN); // the pair's owner: its page may play it
        driver.get(server.url("/#pair=" + pair.getString("pairId") + "&a=" + a + "&b=" + b));
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.until(d -> !d.findElements(By.cssSelector("[data-testid=pair-view]")).isEmpty());
        for (String side : new String[]{"side-a", "side-b"}) {
            wait.until(d -> attr(d, side + "] [data-testid=plane", "data-fake-count") > 0);
            wait.until(d -> "collapse".equals(attrText(d, side + "] [data-testid=alarm", "data-kind")));
        }
        assertThat(driver.findElement(By.cssSelector("[data-testid=side-a] [data-testid=alarm]")).getText())
                .contains("Mode collapse at step 0");

        assertThat(driver.findElement(By.cssSelector("[data-testid=pair-present]")).getAttribute("href"))
                .endsWith("/#present=" + a + "," + b);
        driver.findElement(By.cssSelector("[data-testid=pair-play]")).click();
        wait.until(d -> attr(d, "pair-modes-chart", "data-points") >= 3);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), Path.of(System.getProperty("screenshotDir", "target"), "pair-view.png"),
                StandardCopyOption.REPLACE_EXISTING);
        assertNoConsoleErrors();
    }

    @Test
    @DisplayName("An image run in the browser: the sample grid changes as it trains, a tile click moves the walk, the"
            + " timeline scrubs back, the GIF downloads")
    void imageRunInThePage() throws Exception {
        driver.get(server.url("/"));
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(120));
        wait.until(d -> !text(d, "state").isEmpty());
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.cssSelector("[data-testid=preset]")))
                .selectByValue("shapes-dcgan");
        wait.until(d -> attr(d, "image-grid", "data-frame") >= 1);
        long firstStep = attr(driver, "image-grid", "data-step");
        driver.findElement(By.cssSelector("[data-testid=play]")).click();
        wait.until(d -> "running".equals(text(d, "state")));
        // The grid is redrawn from the server's PNG frames as training goes on.
        wait.until(d -> attr(d, "image-grid", "data-step") >= firstStep + 20);
        long frame = attr(driver, "image-grid", "data-frame");
        assertThat(frame).isGreaterThanOrEqualTo(3);

        driver.findElement(By.cssSelector("[data-testid=grid-tile][data-index='9']")).click();
        wait.until(d -> d.findElement(By.cssSelector("[data-testid=grid-tile][data-index='9']"))
                .getAttribute("class").contains("walk-from"));

        driver.findElement(By.cssSelector("[data-testid=pause]")).click();
        wait.until(d -> "paused".equals(text(d, "state")));
        WebElement scrubber = driver.findElement(By.cssSelector("[data-testid=timeline-scrubber]"));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "arguments[0].value = 0; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", scrubber);
        wait.until(d -> text(d, "grid-step").contains("timeline frame"));
        wait.until(d -> attr(d, "image-grid", "data-step") == firstStep);

        String gif = driver.findElement(By.cssSelector("[data-testid=export-gif]")).getAttribute("href");
        WebClient http = WebClient.create(server.vertx);
        try {
            var r = http.getAbs(gif).send().await();
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.getHeader("Content-Type")).isEqualTo("image/gif");
        } finally {
            http.close();
        }
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), Path.of(System.getProperty("screenshotDir", "target"), "image-run.png"),
                StandardCopyOption.REPLACE_EXISTING);
        assertNoConsoleErrors();
    }

    @Test
    @DisplayName("A StyleGAN run in the browser: the mixing grid and noise strip show, and moving the psi slider"
            + " re-renders the mixing grid while paused")
    void styleMixerInThePage() throws Exception {
        driver.get(server.url("/"));
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(180));
        wait.until(d -> !text(d, "state").isEmpty());
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.cssSelector("[data-testid=preset]")))
                .selectByValue("shapes-stylegan");
        wait.until(d -> attr(d, "mixing-grid", "data-frame") >= 1);
        assertThat(driver.findElement(By.cssSelector("[data-testid=noise-strip]")).getAttribute("src"))
                .startsWith("blob:");
        assertThat(attrText(driver, "mixing-grid", "data-psi")).isEqualTo("0.7");
        String before = pixels();
        WebElement slider = driver.findElement(By.cssSelector("[data-testid=psi-slider]"));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].value = 0.2;"
                + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", slider);
        wait.until(d -> "0.2".equals(attrText(d, "mixing-grid", "data-psi")));
        assertThat(text(driver, "psi-value")).isEqualTo("0.20");
        assertThat(pixels()).as("the mixing grid's pixels change with psi").isNotEqualTo(before);
        driver.findElement(By.cssSelector("[data-testid=mix-layers][value=fine]")).click();
        wait.until(d -> "fine".equals(attrText(d, "mixing-grid", "data-layers")));
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), Path.of(System.getProperty("screenshotDir", "target"), "style-run.png"),
                StandardCopyOption.REPLACE_EXISTING);
        assertNoConsoleErrors();
        // Leave the page as the other tests expect it: scrolled to the top (a hash change keeps the scroll position).
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0);");
        // The server allows a few active runs: free this one for the other tests (and the CPU), as its owner (the
        // page's token).
        String owner = (String) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return localStorage.getItem('gan.token')");
        WebClient http = WebClient.create(server.vertx);
        try {
            for (Object o : http.getAbs(server.url("/api/runs")).send().await().bodyAsJsonArray()) {
                JsonObject run = (JsonObject) o;
                if ("shapes-stylegan".equals(run.getString("preset"))) {
                    assertThat(http.deleteAbs(server.url("/api/runs/" + run.getString("runId")))
                            .putHeader("Authorization", "Bearer " + owner).send().await().statusCode())
                            .isEqualTo(204);
                }
            }
        } finally {
            http.close();
        }
    }

    /** A checksum of the mixing grid's decoded pixels (drawn to a canvas in the page). */
    private static String pixels() {
        return String.valueOf(((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "const img = document.querySelector('[data-testid=mixing-grid]');"
                        + " const c = document.createElement('canvas'); c.width = img.naturalWidth;"
                        + " c.height = img.naturalHeight; const g = c.getContext('2d'); g.drawImage(img, 0, 0);"
                        + " const d = g.getImageData(0, 0, c.width, c.height).data; let h = 0;"
                        + " for (let i = 0; i < d.length; i += 4) h = (h * 31 + d[i]) % 1000000007; return h;"));
    }

    private static void assertNoConsoleErrors() {
        Browsers.assertNoConsoleErrors(driver);
    }

    private static String attrText(WebDriver d, String testId, String name) {
        return Browsers.attrText(d, testId, name);
    }

    private static String text(WebDriver d, String testId) {
        return Browsers.text(d, testId);
    }

    private static long attr(WebDriver d, String testId, String name) {
        return Browsers.attr(d, testId, name);
    }
}
