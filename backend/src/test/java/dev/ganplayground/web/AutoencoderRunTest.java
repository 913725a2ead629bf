package dev.ganplayground.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Autoencoder runs over a real socket: bad settings are refused naming the field and leave the socket open; a run
 * streams "autoencoder" frames with reconstructions, the latent map and the interpolation picked live.
 */
class AutoencoderRunTest extends ServerTestBase {
    /** shapes-vae, small and quick: a frame every 2 steps, an evaluation every 10. */
    static final JsonObject SMALL = new JsonObject()
            .put("model", new JsonObject().put("autoencoder", new JsonObject().put("hidden", new JsonArray().add(32))))
            .put("train", new JsonObject().put("batchSize", 16))
            .put("view", new JsonObject().put("imageEvery", 2).put("evalEvery", 10).put("gridSize", 4)
                    .put("walkSteps", 5).put("maxFramesPerSecond", 60).put("itersPerTick", 2));

    @Test
    @DisplayName("Bad autoencoder settings over the socket: invalid_config naming the field, the socket stays open")
    void badSettingsKeepTheSocket() {
        try (WsTestClient c = new WsTestClient(server.vertx, server.port)) {
            c.awaitType("hello");
            assertError(c, c.send("create_run", null, new JsonObject().put("preset", "shapes-vae").put("overrides",
                    new JsonObject().put("model", new JsonObject().put("autoencoder",
                            new JsonObject().put("depth", 3))))), "/model/autoencoder/depth");
            assertError(c, c.send("create_run", null, new JsonObject().put("preset", "shapes-vae").put("overrides",
                    new JsonObject().put("train", new JsonObject().put("autoencoder",
                            new JsonObject().put("sparsityTarget", 2))))), "/train/autoencoder/sparsityTarget");
            assertError(c, c.send("validate_config", null, new JsonObject().put("preset", "plane3d-linear")
                    .put("overrides", new JsonObject().put("model", new JsonObject().put("autoencoder",
                            new JsonObject().put("kind", "conv"))))), "/model/autoencoder/kind");
            JsonObject ok = c.awaitReply(c.send("validate_config", null, new JsonObject().put("preset", "mnist-vae")));
            assertThat(ok.getString("type")).isEqualTo("config_valid");
            assertThat(c.awaitReply(c.send("list_runs", null, null)).getString("type")).isEqualTo("runs");
        }
    }

    @Test
    @DisplayName("An autoencoder run streams reconstructions, the latent map and a live interpolation")
    void streamsReconstructionsAndLatentMap() throws Exception {
        try (WsTestClient c = new WsTestClient(server.vertx, server.port)) {
            c.awaitType("hello");
            String runId = c.awaitReply(c.send("create_run", null, new JsonObject().put("preset", "shapes-vae")
                    .put("overrides", SMALL))).getString("runId");
            c.send("start", runId, null);
            JsonObject f = c.awaitFrame(60);
            assertThat(f.getString("type")).isEqualTo("autoencoder");
            assertThat(f.getInteger("payloadBytes")).isEqualTo(f.getInteger("expectedBytes"));
            assertThat(f.getString("kind")).isEqualTo("vae");
            JsonArray sections = f.getJsonArray("sections");
            assertThat(sections.stream().map(s -> ((JsonObject) s).getString("name")))
                    .contains("inputs", "recon", "interp", "lattice", "samples");
            JsonObject recon = sections.stream().map(JsonObject.class::cast)
                    .filter(s -> s.getString("name").equals("recon")).findFirst().orElseThrow();
            BufferedImage r = ImageRunTest.png(recon.getBinary("data"));
            assertThat(r.getWidth()).isEqualTo(10 * 28 + 9 * 2);
            assertThat(r.getHeight()).isEqualTo(28);
            JsonObject arm = f.getJsonArray("arms").getJsonObject(0);
            int labels = f.getJsonArray("labels").size();
            assertThat(labels).isGreaterThan(100);
            assertThat(arm.getJsonObject("latent").getJsonArray("points")).hasSize(2 * labels);
            assertThat(arm.getJsonObject("latent").getJsonArray("bounds")).hasSize(4);

            JsonObject eval = c.await(m -> "metrics".equals(m.getString("type"))
                    && "eval".equals(m.getJsonObject("payload").getString("group")), "eval metrics");
            assertThat(eval.getJsonObject("payload").getJsonObject("columns").fieldNames())
                    .contains("ae/heldout_mse", "ae/probe_acc");

            c.send("pause", runId, null);
            c.send("update_config", runId, new JsonObject().put("patch", new JsonObject()
                    .put("view", new JsonObject().put("interpFrom", 5).put("interpTo", 42))));
            JsonObject moved;
            do {
                moved = c.awaitFrame();
            } while (moved.getJsonObject("interp").getInteger("from") != 5);
            assertThat(moved.getJsonObject("interp").getInteger("to")).isEqualTo(42);
            c.send("stop", runId, null);
        }
    }

    private static void assertError(WsTestClient c, String id, String field) {
        JsonObject e = c.awaitReply(id);
        assertThat(e.getString("type")).isEqualTo("error");
        JsonObject p = e.getJsonObject("payload");
        assertThat(p.getString("code")).as(p.encode()).isEqualTo("invalid_config");
        assertThat(p.getString("field")).isEqualTo(field);
        assertThat(p.getString("message")).contains(field);
    }
}
