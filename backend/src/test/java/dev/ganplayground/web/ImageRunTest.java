package dev.ganplayground.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An image run end to end over a real socket and REST: progress while the built-in shapes and their classifier
 * load, PNG frames of the right size, the class histogram, the timeline and its images, the GIF and the CSV.
 */
class ImageRunTest extends ServerTestBase {
    /** The shapes preset, small and quick: base 8, batch 16, a frame every 2 steps, evaluation every 10. */
    static final JsonObject SMALL = new JsonObject()
            .put("model", new JsonObject().put("baseChannels", 8).put("latentDim", 16))
            .put("train", new JsonObject().put("batchSize", 16))
            .put("view", new JsonObject().put("imageEvery", 2).put("evalEvery", 10).put("gridSize", 6)
                    .put("walkSteps", 5).put("maxFramesPerSecond", 60));
    private static WebClient http;

    @BeforeAll
    static void client() {
        http = WebClient.create(server.vertx);
    }

    @AfterAll
    static void closeClient() {
        http.close();
    }

    private HttpResponse<Buffer> get(String path) {
        return http.getAbs(server.url(path)).send().await();
    }

    static BufferedImage png(byte[] bytes) throws IOException {
        assertThat(bytes).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    @Test
    @DisplayName("An image run streams PNG grids and walks, classes and progress; timeline, GIF and CSV download")
    void imageRunStreamsAndExports() throws Exception {
        try (WsTestClient c = new WsTestClient(server.vertx, server.port)) {
            JsonArray datasets = c.awaitType("hello").getJsonObject("payload").getJsonArray("datasets");
            JsonObject shapes = datasets.stream().map(JsonObject.class::cast)
                    .filter(d -> d.getString("id").equals("shapes")).findFirst().orElseThrow();
            assertThat(shapes.getBoolean("available")).isTrue();
            assertThat(shapes.getString("family")).isEqualTo("images");

            String id = c.send("create_run", null, new JsonObject().put("preset", "shapes-dcgan").put("overrides", SMALL));
            String runId = c.awaitReply(id).getString("runId");
            c.send("start", runId, null);
            c.await(m -> "state".equals(m.getString("type"))
                    && "running".equals(m.getJsonObject("payload").getString("state")), "running");

            // 6 x 6 tiles of 28 px with 2 px gaps: 6 * 28 + 5 * 2 = 178 px square; the walk is 5 tiles in a row.
            JsonObject first = c.awaitFrame();
            assertThat(first.getString("type")).isEqualTo("images");
            assertThat(first.getInteger("payloadBytes")).isEqualTo(first.getInteger("expectedBytes"));
            JsonObject grid = first.getJsonArray("sections").getJsonObject(0);
            JsonObject walk = first.getJsonArray("sections").getJsonObject(1);
            assertThat(grid.getString("mime")).isEqualTo("image/png");
            BufferedImage g = png(grid.getBinary("data"));
            assertThat(g.getWidth()).isEqualTo(178);
            assertThat(g.getHeight()).isEqualTo(178);
            BufferedImage w = png(walk.getBinary("data"));
            assertThat(w.getWidth()).isEqualTo(5 * 28 + 4 * 2);
            assertThat(w.getHeight()).isEqualTo(28);
            assertThat(first.getJsonObject("walk").getInteger("to")).isEqualTo(35); // 63 clamped to the last tile

            JsonObject classes = c.await(m -> "classes".equals(m.getString("type")), "classes").getJsonObject("payload");
            assertThat(classes.getJsonArray("labels")).hasSize(8);
            assertThat(classes.getJsonArray("counts").stream().mapToInt(o -> (Integer) o).sum())
                    .isEqualTo(classes.getInteger("samples"));
            assertThat(classes.getDouble("classifierAccuracy")).isGreaterThan(0.95);

            // A later frame shows a later step; the timeline lists both, oldest first, and serves their PNGs.
            JsonObject later;
            do {
                later = c.awaitFrame();
            } while (later.getLong("step") < first.getLong("step") + 6);
            c.send("pause", runId, null);
            JsonObject timeline = get("/api/runs/" + runId + "/timeline").bodyAsJsonObject();
            JsonArray frames = timeline.getJsonArray("frames");
            assertThat(frames.size()).isGreaterThanOrEqualTo(3);
            // Nothing is thinned yet (capacity 300): the first frame this socket saw is among them.
            assertThat(frames.stream().map(f -> ((JsonObject) f).getLong("frame"))).contains(first.getLong("frame"));
            assertThat(frames.getJsonObject(0).getLong("step")).isZero();
            long earlier = frames.getJsonObject(1).getLong("frame");
            HttpResponse<Buffer> old = get("/api/runs/" + runId + "/timeline/" + earlier + "/grid.png");
            assertThat(old.statusCode()).isEqualTo(200);
            assertThat(old.getHeader("Content-Type")).isEqualTo("image/png");
            assertThat(png(old.body().getBytes()).getWidth()).isEqualTo(178);
            assertThat(png(get("/api/runs/" + runId + "/timeline/" + earlier + "/walk.png").body().getBytes())
                    .getHeight()).isEqualTo(28);
            assertThat(get("/api/runs/" + runId + "/timeline/999999/grid.png").statusCode()).isEqualTo(404);
            assertThat(png(get("/api/runs/" + runId + "/grid.png").body().getBytes()).getWidth()).isEqualTo(178);

            HttpResponse<Buffer> gif = get("/api/runs/" + runId + "/timeline.gif");
            assertThat(gif.statusCode()).isEqualTo(200);
            assertThat(gif.getHeader("Content-Type")).isEqualTo("image/gif");
            assertThat(gifFrames(gif.body().getBytes())).isGreaterThanOrEqualTo(frames.size());

            HttpResponse<Buffer> csv = get("/api/runs/" + runId + "/metrics.csv?group=eval");
            assertThat(csv.getHeader("Content-Type")).startsWith("text/csv");
            String[] lines = csv.bodyAsString().split("\r\n");
            assertThat(lines[0]).startsWith("step,").contains("images/fcd", "images/classes_covered");
            assertThat(lines.length).isGreaterThanOrEqualTo(2);
            assertThat(get("/api/runs/" + runId + "/metrics.csv?group=nope").statusCode()).isEqualTo(400);
            c.send("stop", runId, null);
        }
    }

    @Test
    @DisplayName("Clicking a tile moves the walk: a paused run sends a new frame at once with the new endpoints")
    void walkEndpointsAreLive() throws Exception {
        try (WsTestClient c = new WsTestClient(server.vertx, server.port)) {
            c.awaitType("hello");
            String runId = c.awaitReply(c.send("create_run", null, new JsonObject().put("preset", "shapes-dcgan")
                    .put("overrides", SMALL))).getString("runId");
            c.awaitFrame();
            c.send("update_config", runId, new JsonObject().put("patch", new JsonObject()
                    .put("view", new JsonObject().put("walkFrom", 3).put("walkTo", 7))));
            JsonObject f;
            do {
                f = c.awaitFrame();
            } while (f.getJsonObject("walk").getInteger("from") != 3);
            assertThat(f.getJsonObject("walk").getInteger("to")).isEqualTo(7);
            c.send("stop", runId, null);
        }
    }

    @Test
    @DisplayName("A 2D run has no timeline; bad frame numbers and run ids are 404s, not errors")
    void notFound() {
        String runId = http.postAbs(server.url("/api/runs")).putHeader("Authorization", TestServer.AUTH).sendJsonObject(new JsonObject().put("preset", "ring8"))
                .await().bodyAsJsonObject().getString("runId");
        assertThat(get("/api/runs/" + runId + "/timeline").statusCode()).isEqualTo(404);
        assertThat(get("/api/runs/" + runId + "/timeline/..%2F..%2Fconfig.json/grid.png").statusCode()).isEqualTo(404);
        assertThat(get("/api/runs/" + runId + "/timeline/1/other.png").statusCode()).isEqualTo(404);
        assertThat(get("/api/runs/r000000000000/timeline.gif").statusCode()).isEqualTo(404);
        assertThat(get("/api/runs/..%2F/grid.png").statusCode()).isEqualTo(404);
        assertThat(get("/api/runs/" + runId + "/metrics.csv").statusCode()).isEqualTo(200);
        http.deleteAbs(server.url("/api/runs/" + runId)).putHeader("Authorization", TestServer.AUTH).send().await();
    }

    @Test
    @DisplayName("GET /api/datasets lists the 2D distributions and the image datasets with their availability")
    void datasets() {
        JsonArray all = get("/api/datasets").bodyAsJsonArray();
        assertThat(all.stream().map(o -> ((JsonObject) o).getString("id")))
                .contains("ring8", "grid25", "spiral", "moons", "drawn", "mnist", "fashion", "shapes");
        for (Object o : all) {
            JsonObject d = (JsonObject) o;
            if (!d.getBoolean("available")) {
                assertThat(d.getString("hint")).as(d.getString("id")).isNotBlank();
            }
        }
    }

    private static int gifFrames(byte[] bytes) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("gif");
            ImageReader r = readers.next();
            r.setInput(in);
            return r.getNumImages(true);
        }
    }
}
