package dev.ganplayground.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A StyleGAN run over a real socket: frames at 32x32 with the style header and the mixing and noise PNG sections,
 * and live view changes (psi, layer group, source count) re-rendered at once while paused.
 */
class StyleRunTest extends ServerTestBase {
    /** shapes-stylegan, small and quick: base 4 channels, mapping 2 x 16, batch 8, a frame every 2 steps. */
    static final JsonObject SMALL = new JsonObject()
            .put("model", new JsonObject().put("baseChannels", 4).put("latentDim", 8)
                    .put("style", new JsonObject().put("mappingLayers", 2).put("mappingWidth", 16)))
            .put("train", new JsonObject().put("batchSize", 8))
            .put("view", new JsonObject().put("imageEvery", 2).put("evalEvery", 10).put("gridSize", 3)
                    .put("walkSteps", 4).put("maxFramesPerSecond", 60).put("mixSources", 2)
                    .put("noiseSamples", 3));
    private static final long FIRST_FRAME_S = 300;

    private static JsonObject section(JsonObject frame, String name) {
        return frame.getJsonArray("sections").stream().map(JsonObject.class::cast)
                .filter(s -> s.getString("name").equals(name)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("A StyleGAN run streams 32x32 frames with the style header, the mixing grid and the noise strip;"
            + " psi and the layer group change them live while paused")
    void styleRunStreams() throws Exception {
        try (WsTestClient c = new WsTestClient(server.vertx, server.port)) {
            c.awaitType("hello");
            String runId = c.awaitReply(c.send("create_run", null, new JsonObject().put("preset", "shapes-stylegan")
                    .put("overrides", SMALL))).getString("runId");
            // The first frame follows the dataset and its classifier (trained on first use: minutes on a busy machine).
            c.awaitFrame(FIRST_FRAME_S);
            c.send("step", runId, new JsonObject().put("phase", "both").put("count", 3));
            JsonObject f;
            do {
                f = c.awaitFrame();
            } while (f.getLong("step") < 3);
            assertThat(f.getInteger("payloadBytes")).isEqualTo(f.getInteger("expectedBytes"));
            assertThat(f.getJsonObject("grid").getJsonArray("tile").getList()).containsExactly(1, 32, 32);
            JsonObject style = f.getJsonObject("style");
            assertThat(style.getDouble("psi")).isEqualTo(0.7);
            assertThat(style.getJsonObject("mix").getString("layers")).isEqualTo("coarse");
            assertThat(style.getJsonObject("mix").getInteger("from")).isZero();
            assertThat(style.getJsonObject("mix").getInteger("to")).isEqualTo(4);
            assertThat(style.getJsonObject("noise").getInteger("count")).isEqualTo(3);
            // (2 + 1) x (2 + 1) tiles of 32 px with 2 px gaps; the noise strip: 3 draws + the std tile.
            BufferedImage mixing = ImageRunTest.png(section(f, "mixing").getBinary("data"));
            assertThat(mixing.getWidth()).isEqualTo(3 * 32 + 2 * 2);
            assertThat(mixing.getHeight()).isEqualTo(3 * 32 + 2 * 2);
            assertThat(mixing.getRaster().getSample(5, 5, 0)).as("cell (0, 0) is gap grey").isEqualTo(64);
            BufferedImage noise = ImageRunTest.png(section(f, "noise").getBinary("data"));
            assertThat(noise.getWidth()).isEqualTo(4 * 32 + 3 * 2);
            assertThat(noise.getHeight()).isEqualTo(32);
            byte[] before = section(f, "grid").getBinary("data");

            c.send("update_config", runId, new JsonObject().put("patch", new JsonObject()
                    .put("view", new JsonObject().put("truncationPsi", 0.0).put("mixLayers", "fine"))));
            JsonObject g;
            do {
                g = c.awaitFrame();
            } while (g.getJsonObject("style").getDouble("psi") != 0.0);
            assertThat(g.getLong("step")).as("a view change trains nothing").isEqualTo(f.getLong("step"));
            assertThat(g.getJsonObject("style").getJsonObject("mix").getInteger("from")).isEqualTo(6);
            assertThat(Arrays.equals(section(g, "grid").getBinary("data"), before)).isFalse();
            // psi 0: every grid tile is the W-average image.
            BufferedImage grid = ImageRunTest.png(section(g, "grid").getBinary("data"));
            for (int tile = 1; tile < 9; tile++) {
                int x0 = (tile % 3) * 34;
                int y0 = (tile / 3) * 34;
                for (int y = 0; y < 32; y += 3) {
                    for (int x = 0; x < 32; x += 3) {
                        assertThat(grid.getRaster().getSample(x0 + x, y0 + y, 0))
                                .isEqualTo(grid.getRaster().getSample(x, y, 0));
                    }
                }
            }
            c.send("stop", runId, null);
        }
    }
}
