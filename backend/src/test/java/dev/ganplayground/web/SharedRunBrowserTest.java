package dev.ganplayground.web;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static dev.ganplayground.web.Browsers.attr;
import static dev.ganplayground.web.Browsers.attrText;
import static dev.ganplayground.web.Browsers.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run shared between people, in headless Chromium: the owner is a WebSocket client of the test (its own token),
 * the browser is someone else (the token the page got from the server). The browser watches through a share link
 * read-only and its control is refused; the presenter page of a run that trained before it opened shows the whole
 * history and the alarm banner. Saves screenshots under target/.
 */
class SharedRunBrowserTest extends BrowserTestBase {
    @Test
    @DisplayName("A second browser opening the watch link sees the run live but read-only; its start is refused"
            + " (forbidden) and the run stays as it was")
    void otherBrowserWatchesReadOnly() {
        try (WsTestClient owner = new WsTestClient(server.vertx, server.port)) {
            owner.awaitType("hello");
            String runId = owner.awaitReply(owner.send("create_run", null, new JsonObject())).getString("runId");

            driver.get(server.url("/#run=" + runId));
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            wait.until(d -> "created".equals(text(d, "state")));
            wait.until(d -> d.findElement(By.cssSelector("[data-testid=read-only]")).isDisplayed());
            assertThat(driver.findElement(By.cssSelector("gan-control-panel")).getAttribute("inert")).isNotNull();
            assertThat(driver.findElement(By.cssSelector("[data-testid=share-run]")).getAttribute("href"))
                    .endsWith("/#run=" + runId);

            Object refused = ((JavascriptExecutor) driver).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "window.__gan.client.request({type: 'start', runId: arguments[0]})"
                            + ".then(() => done('accepted'), (e) => done(e.code));", runId);
            assertThat(refused).isEqualTo("forbidden");
            assertThat(text(driver, "state")).isEqualTo("created");

            owner.send("start", runId, null);
            wait.until(d -> "running".equals(text(d, "state")));
            wait.until(d -> attr(d, "loss-chart", "data-points") >= 3);
            owner.send("stop", runId, null);
            wait.until(d -> "stopped".equals(text(d, "state")));
            screenshot("watch-read-only.png");
            Browsers.assertNoConsoleErrors(driver);
        }
    }

    @Test
    @DisplayName("The presenter page of a run that trained before it opened shows the full history, the alarm"
            + " banner and no controls")
    void presenterShowsTheWholeHistory() {
        // Alarm thresholds that fire at the first evaluation, so the banner has something to show.
        JsonObject overrides = new JsonObject()
                .put("alarm", new JsonObject().put("collapseFraction", 0.99).put("minHq", 0.0).put("checks", 1))
                .put("view", new JsonObject().put("evalEvery", 20));
        try (WsTestClient owner = new WsTestClient(server.vertx, server.port)) {
            owner.awaitType("hello");
            String runId = owner.awaitReply(owner.send("create_run", null, new JsonObject().put("preset", "ring8")
                    .put("overrides", overrides))).getString("runId");
            for (int i = 1; i <= 12; i++) {
                owner.send("step", runId, new JsonObject().put("phase", "both").put("count", 5));
                int expected = 5 * i;
                owner.await(m -> "metrics".equals(m.getString("type")) && runId.equals(m.getString("runId"))
                        && "train".equals(m.getJsonObject("payload").getString("group"))
                        && m.getJsonObject("payload").getJsonObject("columns").getJsonArray("step")
                        .contains(expected), "train row at step " + expected);
            }

            driver.get(server.url("/#present=" + runId));
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            wait.until(d -> "true".equals(String.valueOf(((JavascriptExecutor) d).executeScript(
                    "return document.body.classList.contains('presenter')"))));
            // Twelve rows trained before the page existed: all of them are in the chart.
            wait.until(d -> attr(d, "loss-chart", "data-points") >= 12);
            wait.until(d -> "collapse".equals(attrText(d, "alarm", "data-kind")));
            assertThat(text(driver, "step")).isEqualTo("60");
            assertThat(driver.findElement(By.cssSelector("[data-testid=play]")).isDisplayed()).isFalse();
            assertThat(driver.findElement(By.cssSelector("[data-testid=read-only]")).isDisplayed()).isTrue();
            assertThat(driver.findElement(By.cssSelector("[data-testid=add-run]")).isDisplayed()).isFalse();
            screenshot("presenter.png");
            Browsers.assertNoConsoleErrors(driver);
            owner.send("stop", runId, null);
        }
    }

    @Test
    @DisplayName("The presenter page of an A/B pair shows both runs side by side, each with its state and charts")
    void presenterOfAPair() {
        JsonObject pair = server.http().postAbs(server.url("/api/pairs")).putHeader("Authorization", TestServer.AUTH)
                .sendJsonObject(new JsonObject().put("pair", "collapse-vs-cure")).await().bodyAsJsonObject();
        String a = pair.getJsonObject("a").getString("runId");
        String b = pair.getJsonObject("b").getString("runId");
        driver.get(server.url("/#present=" + a + "," + b));
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.until(d -> d.findElements(By.cssSelector("gan-run-panel")).size() == 2);
        wait.until(d -> d.findElements(By.cssSelector("gan-run-panel [data-testid=state]")).stream()
                .allMatch(e -> "created".equals(e.getText().trim())));
        assertThat(driver.findElements(By.cssSelector("gan-run-panel .run-id")).stream().map(e -> e.getText().trim()))
                .containsExactly(a, b);
        assertThat(driver.findElements(By.cssSelector("gan-run-panel [data-testid=loss-chart]"))).hasSize(2);
        screenshot("presenter-pair.png");
        Browsers.assertNoConsoleErrors(driver);
    }

    private static void screenshot(String name) {
        Browsers.screenshot(driver, name);
    }
}
