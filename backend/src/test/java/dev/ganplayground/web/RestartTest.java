package dev.ganplayground.web;

import dev.ganplayground.persist.Checkpoint;
import dev.ganplayground.persist.CheckpointStore;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;

import static dev.ganplayground.web.WebSocketFlowTest.isTrainMetrics;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing lost: the server in a child JVM is killed with SIGKILL in the middle of training and comes back with its
 * runs (the training one training again from at least its last checkpoint, with its metric history; the paused one
 * paused); then SIGTERM checkpoints the training run at its current step before the JVM exits.
 */
class RestartTest {
    private static final long WAIT_S = 90;
    private static Vertx vertx;
    private final HttpClient http = HttpClient.newHttpClient();
    @TempDir
    Path dir;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void closeVertx() {
        vertx.close().await();
    }

    @Test
    @DisplayName("kill -9 loses at most one checkpoint interval; SIGTERM checkpoints before exit")
    void killAndTerminate() throws Exception {
        Path runs = dir.resolve("runs");
        Path log = dir.resolve("server.log");
        CheckpointStore store = new CheckpointStore(runs, 3);
        Map<String, String> everySecond = Map.of("GAN_CHECKPOINT_SECONDS", "1");
        String training;
        String paused;
        try (ChildServer a = new ChildServer(runs, everySecond, log)) {
            try (WsTestClient c = new WsTestClient(vertx, a.port, TestServer.TOKEN, null)) {
                c.awaitType("hello");
                training = create(c, "ring8");
                paused = create(c, "spiral");
                c.send("start", training, null);
                c.send("start", paused, null);
                c.await(m -> isTrainMetrics(m, paused), "metrics of the run to pause");
                c.send("pause", paused, null);
                c.awaitState(paused, "paused");
            }
            awaitCheckpoint(store, training, step -> step >= 100, a);
            awaitCheckpoint(store, paused, step -> step > 0, a);
            a.kill();
        }
        Checkpoint lastBeforeKill = store.loadLatest(training).orElseThrow().checkpoint();
        long pausedStep = store.loadLatest(paused).orElseThrow().checkpoint().step();

        long seenBeforeTerm;
        // A long interval: after the restart, only the shutdown can write the training run's next checkpoint.
        try (ChildServer b = new ChildServer(runs, Map.of("GAN_CHECKPOINT_SECONDS", "3600"), log)) {
            JsonObject t = getJson(b, "/api/runs/" + training);
            assertThat(t.getString("state")).isEqualTo("running");
            assertThat(t.getLong("step")).isGreaterThanOrEqualTo(lastBeforeKill.step());
            JsonObject p = getJson(b, "/api/runs/" + paused);
            assertThat(p.getString("state")).isEqualTo("paused");
            assertThat(p.getLong("step")).isEqualTo(pausedStep);
            assertThat(p.getString("role")).as("ownership survives the restart").isEqualTo("owner");
            List<Long> saved = Arrays.stream(lastBeforeKill.doubles().get("train/step")).mapToObj(d -> (long) d)
                    .toList();
            assertThat(saved).isNotEmpty();
            assertThat(jsonlSteps(b, training)).startsWith(saved.toArray(Long[]::new));
            seenBeforeTerm = awaitStep(b, training, lastBeforeKill.step() + 50);
            assertThat(b.terminate()).as(b.logText()).isIn(0, 143);
        }
        Checkpoint atExit = store.loadLatest(training).orElseThrow().checkpoint();
        assertThat(atExit.step()).as("checkpoint written on SIGTERM").isGreaterThanOrEqualTo(seenBeforeTerm);
        assertThat(atExit.header().get("state").asText()).isEqualTo("RUNNING");

        try (ChildServer c = new ChildServer(runs, everySecond, log)) {
            JsonObject t = getJson(c, "/api/runs/" + training);
            assertThat(t.getString("state")).isEqualTo("running");
            assertThat(t.getLong("step")).isGreaterThanOrEqualTo(atExit.step());
            assertThat(t.getString("reason")).contains("restored from the checkpoint at step " + atExit.step());
        }
    }

    private static String create(WsTestClient c, String preset) {
        return c.awaitReply(c.send("create_run", null, new JsonObject().put("preset", preset))).getString("runId");
    }

    private static void awaitCheckpoint(CheckpointStore store, String runId, LongPredicate ok, ChildServer s)
            throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
        while (System.nanoTime() < deadline) {
            Optional<CheckpointStore.Loaded> l = store.loadLatest(runId);
            if (l.isPresent() && ok.test(l.get().checkpoint().step())) {
                return;
            }
            ChildServer.sleep(200);
        }
        throw new AssertionError("no checkpoint of " + runId + " as expected\n" + s.logText());
    }

    private long awaitStep(ChildServer s, String runId, long atLeast) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
        while (System.nanoTime() < deadline) {
            long step = getJson(s, "/api/runs/" + runId).getLong("step");
            if (step >= atLeast) {
                return step;
            }
            ChildServer.sleep(200);
        }
        throw new AssertionError("run " + runId + " did not reach step " + atLeast + "\n" + s.logText());
    }

    private JsonObject getJson(ChildServer s, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(s.url(path)))
                .header("Authorization", TestServer.AUTH).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return new JsonObject(r.body());
    }

    private List<Long> jsonlSteps(ChildServer s, String runId) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(s.url("/api/runs/" + runId
                + "/metrics.jsonl"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body().lines().map(l -> new JsonObject(l).getLong("step")).toList();
    }
}
