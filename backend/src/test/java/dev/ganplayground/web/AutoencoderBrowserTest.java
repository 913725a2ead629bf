package dev.ganplayground.web;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static dev.ganplayground.web.Browsers.attr;
import static dev.ganplayground.web.Browsers.attrText;
import static dev.ganplayground.web.Browsers.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Autoencoder presets in headless Chromium: the reconstructions and the latent map update as the run trains, a click
 * on the map moves the interpolation, and the charts of the ae/ metrics fill; the 3D cloud view draws. Saves
 * screenshots under target/.
 */
class AutoencoderBrowserTest extends BrowserTestBase {
    @Test
    @DisplayName("shapes-vae in the page: reconstructions and the latent map update, a map click picks the"
            + " interpolation's end, the held-out error is charted")
    void vaeInThePage() {
        driver.get(server.url("/"));
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(120));
        wait.until(d -> !text(d, "state").isEmpty());
        new Select(driver.findElement(By.cssSelector("[data-testid=preset]"))).selectByValue("shapes-vae");
        wait.until(d -> attr(d, "ae-latent-0", "data-frame") >= 1);
        assertThat(driver.findElement(By.cssSelector("[data-testid=explanation]")).getText()).contains("VAE");
        String firstRecon = attrText(driver, "ae-recon-0", "src");
        assertThat(firstRecon).startsWith("blob:");
        assertThat(attr(driver, "ae-latent-0", "data-points")).isGreaterThan(100);
        assertThat(attrText(driver, "ae-lattice-0", "src")).startsWith("blob:");
        assertThat(attrText(driver, "ae-samples-0", "src")).startsWith("blob:");
        long firstFrame = attr(driver, "ae-latent-0", "data-frame");

        driver.findElement(By.cssSelector("[data-testid=play]")).click();
        wait.until(d -> "running".equals(text(d, "state")));
        wait.until(d -> attr(d, "ae-latent-0", "data-frame") >= firstFrame + 3);
        assertThat(attrText(driver, "ae-recon-0", "src")).isNotEqualTo(firstRecon);
        wait.until(d -> attr(d, "ae-chart-heldout_mse", "data-points") >= 1);

        // A click on held-out input 7's point makes it the interpolation's first end (for every viewer).
        ((JavascriptExecutor) driver).executeScript("""
                const canvas = document.querySelector('[data-testid=ae-latent-0]');
                const runId = window.__gan.store.get().panels[0].runId;
                const latent = window.__gan.data.get(runId).ae.header.arms[0].latent;
                const [x0, x1, y0, y1] = latent.bounds;
                const box = canvas.getBoundingClientRect();
                const x = (latent.points[14] - x0) / (x1 - x0) * box.width + box.left;
                const y = (1 - (latent.points[15] - y0) / (y1 - y0)) * box.height + box.top;
                canvas.dispatchEvent(new MouseEvent('click', {clientX: x, clientY: y, bubbles: true}));""");
        wait.until(d -> text(d, "ae-interp-caption-0").matches("interpolation from held-out input \\d+ to 1 .*"));
        assertThat(attrText(driver, "ae-interp-0", "src")).startsWith("blob:");

        driver.findElement(By.cssSelector("[data-testid=pause]")).click();
        wait.until(d -> "paused".equals(text(d, "state")));
        Browsers.screenshot(driver, "autoencoder-run.png");
        Browsers.assertNoConsoleErrors(driver);
    }

    @Test
    @DisplayName("plane3d-linear in the page: the rotatable 3D view and the codes are drawn")
    void cloudInThePage() {
        driver.get(server.url("/"));
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(120));
        wait.until(d -> !text(d, "state").isEmpty());
        new Select(driver.findElement(By.cssSelector("[data-testid=preset]"))).selectByValue("plane3d-linear");
        wait.until(d -> attr(d, "ae-cloud-3d", "data-frame") >= 1);
        driver.findElement(By.cssSelector("[data-testid=play]")).click();
        wait.until(d -> attr(d, "ae-cloud-3d", "data-frame") >= 3);
        assertThat(attr(driver, "ae-latent-0", "data-points")).isGreaterThan(100);
        assertThat(driver.findElement(By.cssSelector("[data-testid=ae-cloud-3d]")).isDisplayed()).isTrue();
        driver.findElement(By.cssSelector("[data-testid=pause]")).click();
        Browsers.screenshot(driver, "autoencoder-plane3d.png");
        Browsers.assertNoConsoleErrors(driver);
    }
}
