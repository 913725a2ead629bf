package dev.ganplayground.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A ProGAN run end to end over a real socket: it starts at 4x4, grows to 8x8 through a fade-in with finite losses,
 * and its frames carry the growth status and tiles of the current resolution; the timeline's GIF copes with the
 * frames' different sizes.
 */
class ProganRunTest extends ServerTestBase {
    /** shapes-progan made tiny: base 4, batch 8, phases of 64 images (8 steps), up to 8x8, a frame every step. */
    static final JsonObject TINY = new JsonObject()
            .put("model", new JsonObject().put("baseChannels", 4).put("latentDim", 8)
                    .put("progan", new JsonObject().put("maxResolution", 8).put("fadeInImages", 64)
                            .put("stabilizeImages", 64)))
            .put("train", new JsonObject().put("batchSize", 8))
            .put("view", new JsonObject().put("imageEvery", 1).put("evalEvery", 10).put("gridSize", 4)
                    .put("walkSteps", 3).put("maxFramesPerSecond", 60));

    @Test
    @DisplayName("A ProGAN run grows from 4x4 to 8x8 with finite losses and streams frames of the new size")
    void growsAndStreams() throws Exception {
        WebClient http = WebClient.create(server.vertx);
        try (WsTestClient c = new WsTestClient(server.vertx, server.port)) {
            c.awaitType("hello");
            String runId = c.awaitReply(c.send("create_run", null, new JsonObject().put("preset", "shapes-progan")
                    .put("overrides", TINY))).getString("runId");
            c.send("start", runId, null);
            JsonObject first = c.awaitFrame();
            assertThat(first.getJsonObject("grid").getJsonArray("tile")).containsExactly(1, 4, 4);
            assertThat(first.getJsonObject("growth").getInteger("resolution")).isEqualTo(4);
            assertThat(first.getJsonObject("growth").getInteger("maxResolution")).isEqualTo(8);
            // 4 x 4 tiles of 4 px with 2 px gaps.
            assertThat(ImageRunTest.png(first.getJsonArray("sections").getJsonObject(0).getBinary("data"))
                    .getWidth()).isEqualTo(4 * 4 + 3 * 2);

            JsonObject fading;
            do {
                fading = c.awaitFrame();
            } while (!"fade-in".equals(fading.getJsonObject("growth").getString("phase")));
            assertThat(fading.getJsonObject("grid").getJsonArray("tile")).containsExactly(1, 8, 8);
            assertThat(fading.getJsonObject("growth").getDouble("alpha")).isBetween(0.0, 1.0);

            JsonObject stable;
            do {
                stable = c.awaitFrame();
            } while (!"stabilise".equals(stable.getJsonObject("growth").getString("phase"))
                    || stable.getJsonObject("growth").getInteger("resolution") != 8);
            BufferedImage g = ImageRunTest.png(stable.getJsonArray("sections").getJsonObject(0).getBinary("data"));
            assertThat(g.getWidth()).isEqualTo(4 * 8 + 3 * 2);
            assertThat(stable.getJsonObject("growth").getDouble("alpha")).isEqualTo(1.0);
            c.send("pause", runId, null);

            JsonObject train = c.await(m -> "metrics".equals(m.getString("type"))
                    && "train".equals(m.getJsonObject("payload").getString("group")), "train metrics")
                    .getJsonObject("payload").getJsonObject("columns");
            for (String k : new String[]{"loss/d", "loss/g"}) {
                for (Object v : train.getJsonArray(k)) {
                    assertThat(v).as(k).isNotNull();
                    assertThat(Double.isFinite(((Number) v).doubleValue())).as(k).isTrue();
                }
            }
            assertThat(train.getJsonArray("progan/resolution")).isNotEmpty();

            HttpResponse<Buffer> gif = http.getAbs(server.url("/api/runs/" + runId + "/timeline.gif")).send().await();
            assertThat(gif.statusCode()).isEqualTo(200);
            JsonArray frames = http.getAbs(server.url("/api/runs/" + runId + "/timeline")).send().await()
                    .bodyAsJsonObject().getJsonArray("frames");
            assertThat(frames.size()).isGreaterThanOrEqualTo(3);
            c.send("stop", runId, null);
        } finally {
            http.close();
        }
    }
}
