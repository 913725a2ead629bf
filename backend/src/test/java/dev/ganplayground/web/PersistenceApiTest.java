package dev.ganplayground.web;

import dev.ganplayground.config.AppConfig;
import dev.ganplayground.config.PersistConfig;
import dev.ganplayground.persist.Checkpoint;
import dev.ganplayground.persist.CheckpointFile;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.ganplayground.web.WebSocketFlowTest.isTrainMetrics;
import static dev.ganplayground.web.WebSocketFlowTest.lastStep;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Persistence seen from the API, on a server that unloads idle runs after one second: a diverged run pauses with
 * the reason, keeps (and checkpoints) finite parameters and trains again after a lower learning rate; an unwatched
 * paused run is unloaded and comes back transparently; checkpoints and metrics download by run id.
 */
class PersistenceApiTest {
    private static final long WAIT_S = 60;
    private static TestServer server;
    private static Path runsDir;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        runsDir = TestServer.freshRunsDir();
        server = new TestServer(new AppConfig("127.0.0.1", 0, 8, runsDir, null, AppConfig.DEBIAN_FASHION_DIR,
                Path.of("target", "test-runs", "cache")), new PersistConfig(30, 3, 1));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Path runsDir() {
        return runsDir;
    }

    @Test
    @DisplayName("divergence pauses with 'diverged at step k (metric)', keeps finite params, trains at a lower lr")
    void divergencePausesAndResumes() throws Exception {
        JsonObject sgd = new JsonObject().put("kind", "sgd").put("lr", 10.0);
        try (WsTestClient c = new WsTestClient(server.vertx, server.port, TestServer.TOKEN, null)) {
            c.awaitType("hello");
            String runId = c.awaitReply(c.send("create_run", null, new JsonObject().put("overrides", new JsonObject()
                    .put("train", new JsonObject().put("optimizerD", sgd).put("optimizerG", sgd)))))
                    .getString("runId");
            c.send("start", runId, null);
            JsonObject paused = c.awaitState(runId, "paused").getJsonObject("payload");
            String reason = paused.getString("reason");
            Matcher d = Pattern.compile("diverged at step (\\d+) \\((loss|grad|params)/[a-z_]+\\): it became .*"
                    + "Rolled back to the last checkpoint, step (\\d+)\\. Lower a learning rate and press Play\\.")
                    .matcher(reason);
            assertThat(d.matches()).as(reason).isTrue();
            long back = Long.parseLong(d.group(3));
            assertThat(back).isLessThanOrEqualTo(Long.parseLong(d.group(1)));
            assertThat(paused.getLong("step")).isEqualTo(back);
            Checkpoint saved = awaitCheckpoint(runId, ck -> ck.step() == back);
            assertThat(saved.nonFinite()).as("non-finite array in the checkpoint").isNull();
            assertThat(saved.header().get("state").asText()).isIn("PAUSED", "CREATED");

            JsonObject adam = new JsonObject().put("kind", "adam").put("lr", 0.0005);
            String patched = c.send("update_config", runId, new JsonObject().put("patch", new JsonObject()
                    .put("train", new JsonObject().put("optimizerD", adam).put("optimizerG", adam))));
            assertThat(c.awaitAny(m -> patched.equals(m.getString("id")), "ack").getString("type")).isEqualTo("ack");
            c.send("start", runId, null);
            c.awaitState(runId, "running");
            JsonObject metrics = c.await(m -> isTrainMetrics(m, runId) && lastStep(m) > back + 20, "training again");
            assertThat(lastStep(metrics)).isGreaterThan(back + 20);
            c.send("stop", runId, null);
            c.awaitState(runId, "stopped");
        }
    }

    @Test
    @DisplayName("an unwatched paused run is unloaded, and a subscription brings it back where it was")
    void idleRunUnloadedAndRestored() throws Exception {
        String runId;
        long pausedAt;
        try (WsTestClient c = new WsTestClient(server.vertx, server.port, TestServer.TOKEN, null)) {
            c.awaitType("hello");
            runId = c.awaitReply(c.send("create_run", null, new JsonObject().put("preset", "ring8")))
                    .getString("runId");
            c.send("start", runId, null);
            c.await(m -> isTrainMetrics(m, runId) && lastStep(m) >= 50, "some training");
            c.send("pause", runId, null);
            pausedAt = c.awaitState(runId, "paused").getJsonObject("payload").getLong("step");
            assertThat(summary(runId).getBoolean("loaded")).as("watched: stays loaded").isTrue();
        }
        awaitSummary(runId, s -> !s.getBoolean("loaded"));
        try (WsTestClient c = new WsTestClient(server.vertx, server.port, TestServer.TOKEN, null)) {
            c.awaitType("hello");
            c.send("subscribe", runId, null);
            JsonObject state = c.awaitState(runId, "paused").getJsonObject("payload");
            assertThat(state.getLong("step")).isEqualTo(pausedAt);
            JsonObject history = c.await(m -> isTrainMetrics(m, runId), "history");
            assertThat(lastStep(history)).isEqualTo(pausedAt);
            awaitSummary(runId, s -> s.getBoolean("loaded"));
            c.send("start", runId, null);
            JsonObject more = c.await(m -> isTrainMetrics(m, runId) && lastStep(m) > pausedAt, "training on");
            assertThat(lastStep(more)).isGreaterThan(pausedAt);
            c.send("stop", runId, null);
            c.awaitState(runId, "stopped");
        }
    }

    @Test
    @DisplayName("an image run unloaded to disk comes back with its class histogram and a frame of its saved step")
    void imageRunComesBack() throws Exception {
        JsonObject small = new JsonObject()
                .put("model", new JsonObject().put("baseChannels", 8).put("latentDim", 16))
                .put("train", new JsonObject().put("batchSize", 16))
                .put("view", new JsonObject().put("imageEvery", 2).put("evalEvery", 10).put("gridSize", 6)
                        .put("walkSteps", 5));
        String runId;
        try (WsTestClient c = new WsTestClient(server.vertx, server.port, TestServer.TOKEN, null)) {
            c.awaitType("hello");
            runId = c.awaitReply(c.send("create_run", null, new JsonObject().put("preset", "shapes-dcgan")
                    .put("overrides", small))).getString("runId");
            c.send("step", runId, new JsonObject().put("phase", "both").put("count", 12));
            c.await(m -> "state".equals(m.getString("type")) && m.getJsonObject("payload").getLong("step") == 12,
                    "paused after 12 steps");
        }
        awaitSummary(runId, s -> !s.getBoolean("loaded"));
        Checkpoint saved = awaitCheckpoint(runId, ck -> ck.step() == 12);
        assertThat(saved.header().has("classes")).isTrue();
        try (WsTestClient c = new WsTestClient(server.vertx, server.port, TestServer.TOKEN, null)) {
            c.awaitType("hello");
            c.send("subscribe", runId, null);
            assertThat(c.awaitState(runId, "paused").getJsonObject("payload").getLong("step")).isEqualTo(12);
            JsonObject classes = c.await(m -> "classes".equals(m.getString("type")), "class histogram");
            assertThat(classes.getJsonObject("payload").getLong("step")).isEqualTo(12); // evaluated after the 12 steps
            assertThat(c.awaitFrame().getLong("step")).isEqualTo(12);
            c.send("stop", runId, null);
            c.awaitState(runId, "stopped");
        }
    }

    @Test
    @DisplayName("the checkpoint and the metrics as JSON Lines download by run id")
    void downloads() throws Exception {
        String runId = createRun();
        Checkpoint c = awaitCheckpoint(runId, ck -> true);
        assertThat(c.header().get("runId").asText()).isEqualTo(runId);
        HttpResponse<byte[]> r = get("/api/runs/" + runId + "/checkpoint");
        assertThat(r.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> v.contains("attachment"));
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        HttpResponse<byte[]> jsonl = get("/api/runs/" + runId + "/metrics.jsonl");
        assertThat(jsonl.statusCode()).isEqualTo(200);
        assertThat(get("/api/runs/" + runId + "/metrics.jsonl?group=eval").statusCode()).isEqualTo(200);
        assertThat(get("/api/runs/" + runId + "/metrics.jsonl?group=../x").statusCode()).isEqualTo(400);
        assertThat(get("/api/runs/r000000000000/checkpoint").statusCode()).isEqualTo(404);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(server.url("/api/runs/" + runId)))
                        .header("Authorization", TestServer.AUTH).DELETE().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(204);
        awaitGone(runId);
    }

    /** A run made over REST (created, not started: it checkpoints once its engine exists). */
    static String createRun() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url(
                        "/api/runs"))).header("Content-Type", "application/json")
                .header("Authorization", TestServer.AUTH)
                .POST(HttpRequest.BodyPublishers.ofString("{\"preset\":\"ring8\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(201);
        return new JsonObject(r.body()).getString("runId");
    }

    static String url(String path) {
        return server.url(path);
    }

    static int port() {
        return server.port;
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url(path))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private Checkpoint awaitCheckpoint(String runId, Predicate<Checkpoint> ok) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
        Checkpoint last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<byte[]> r = get("/api/runs/" + runId + "/checkpoint");
            if (r.statusCode() == 200) {
                last = CheckpointFile.decode(r.body());
                if (ok.test(last)) {
                    return last;
                }
            }
            ChildServer.sleep(100);
        }
        throw new AssertionError("no checkpoint of " + runId + " as expected; last step "
                + (last == null ? "none" : last.step()));
    }

    private JsonObject summary(String runId) throws Exception {
        HttpResponse<byte[]> r = get("/api/runs");
        for (Object o : new JsonArray(new String(r.body()))) {
            if (runId.equals(((JsonObject) o).getString("runId"))) {
                return (JsonObject) o;
            }
        }
        return null;
    }

    private void awaitSummary(String runId, Predicate<JsonObject> ok) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
        while (System.nanoTime() < deadline) {
            JsonObject s = summary(runId);
            if (s != null && ok.test(s)) {
                return;
            }
            ChildServer.sleep(100);
        }
        throw new AssertionError("run " + runId + " never as expected: " + summary(runId));
    }

    private void awaitGone(String runId) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
        while (System.nanoTime() < deadline && runsDir.resolve(runId).toFile().exists()) {
            ChildServer.sleep(100);
        }
        assertThat(runsDir.resolve(runId)).as("a deleted run's folder").doesNotExist();
    }
}
