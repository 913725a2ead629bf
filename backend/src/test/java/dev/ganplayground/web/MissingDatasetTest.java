package dev.ganplayground.web;

import dev.ganplayground.config.AppConfig;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server whose Fashion-MNIST folder does not exist and whose MNIST folder holds a truncated file: the missing
 * one is refused up front with the hint (REST, hello, create, switch), the corrupt one fails its run with a clear
 * reason when loading finds the damage, nothing crashes, and the built-in shapes still train (their classifier
 * trains from scratch here, with progress reports).
 */
class MissingDatasetTest {
    private static TestServer server;
    private static WebClient http;

    @BeforeAll
    static void start() throws IOException {
        Path root = Path.of("target", "missing-datasets");
        deleteTree(root);
        Path mnist = Files.createDirectories(root.resolve("mnist"));
        // A header that promises 10 images of 28 x 28 followed by only 100 bytes: truncated.
        byte[] truncated = new byte[16 + 100];
        truncated[2] = 8;
        truncated[3] = 3;
        truncated[7] = 10;
        truncated[11] = 28;
        truncated[15] = 28;
        Files.write(mnist.resolve("train-images-idx3-ubyte"), truncated);
        Files.write(mnist.resolve("train-labels-idx1-ubyte"), new byte[]{0, 0, 8, 1, 0, 0, 0, 10, 1, 2, 3, 4, 5,
                6, 7, 8, 9, 0});
        Path runs = root.resolve("runs");
        server = new TestServer(new AppConfig("127.0.0.1", 0, 4, runs, mnist, root.resolve("no-fashion-here"),
                runs.resolve("cache")));
        http = WebClient.create(server.vertx);
    }

    @AfterAll
    static void stop() {
        http.close();
        server.close();
    }

    private static JsonObject dataset(JsonArray all, String id) {
        return all.stream().map(JsonObject.class::cast).filter(d -> d.getString("id").equals(id)).findFirst()
                .orElseThrow();
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Test
    @DisplayName("A missing dataset is unavailable with a hint, and creating a run on it is a 422 naming /data/kind")
    void restSaysWhy() {
        JsonArray all = http.getAbs(server.url("/api/datasets")).send().await().bodyAsJsonArray();
        JsonObject fashion = dataset(all, "fashion");
        assertThat(fashion.getBoolean("available")).isFalse();
        assertThat(fashion.getString("hint")).contains("dataset-fashion-mnist", "GAN_FASHION_DIR");
        assertThat(dataset(all, "shapes").getBoolean("available")).isTrue();

        HttpResponse<Buffer> r = http.postAbs(server.url("/api/runs")).putHeader("Authorization", TestServer.AUTH)
                .sendJsonObject(new JsonObject().put("preset", "fashion-dcgan")).await();
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.getHeader("Content-Type")).startsWith("application/problem+json");
        JsonObject problem = r.bodyAsJsonObject();
        assertThat(problem.getString("code")).isEqualTo("invalid_config");
        assertThat(problem.getJsonArray("errors").getJsonObject(0).getString("pointer")).isEqualTo("/data/kind");
        assertThat(problem.getString("detail")).contains("not available", "apt-get install");
    }

    @Test
    @DisplayName("A truncated IDX file fails its run with a reason naming the file; the server goes on")
    void corruptFileFailsTheRunClearly() {
        try (WsTestClient c = new WsTestClient(server.vertx, server.port)) {
            c.awaitType("hello");
            String runId = c.awaitReply(c.send("create_run", null, new JsonObject().put("preset", "mnist-dcgan")))
                    .getString("runId");
            JsonObject failed = c.awaitState(runId, "failed").getJsonObject("payload");
            assertThat(failed.getString("reason")).contains("mnist", "train-images-idx3-ubyte");
            assertThat(http.getAbs(server.url("/health")).send().await().statusCode()).isEqualTo(200);
        }
    }

    @Test
    @DisplayName("Over the socket: hello lists availability, a create on a missing dataset is an error, the socket lives")
    void socketSaysWhy() {
        try (WsTestClient c = new WsTestClient(server.vertx, server.port)) {
            JsonArray all = c.awaitType("hello").getJsonObject("payload").getJsonArray("datasets");
            assertThat(dataset(all, "fashion").getBoolean("available")).isFalse();
            JsonObject error = c.awaitReply(c.send("create_run", null, new JsonObject().put("preset", "fashion-dcgan")));
            assertThat(error.getString("type")).isEqualTo("error");
            assertThat(error.getJsonObject("payload").getString("field")).isEqualTo("/data/kind");
            assertThat(error.getJsonObject("payload").getString("message")).contains("apt-get install");

            // The socket is still open: a shapes run works, and switching it to the missing dataset is refused.
            String runId = c.awaitReply(c.send("create_run", null, new JsonObject().put("preset", "shapes-dcgan")
                    .put("overrides", ImageRunTest.SMALL))).getString("runId");
            JsonObject refused = c.awaitReply(c.send("update_config", runId, new JsonObject().put("rebuild", true)
                    .put("patch", new JsonObject().put("data", new JsonObject().put("kind", "fashion")))));
            assertThat(refused.getString("type")).isEqualTo("error");
            assertThat(refused.getJsonObject("payload").getString("field")).isEqualTo("/data/kind");
            // This server's cache starts empty: the classifier trains, and says so until it is done.
            JsonObject done = c.await(m -> "progress".equals(m.getString("type"))
                    && "classifier".equals(m.getJsonObject("payload").getString("task"))
                    && m.getJsonObject("payload").getBoolean("done"), "classifier done").getJsonObject("payload");
            assertThat(done.getDouble("fraction")).isEqualTo(1.0);
            assertThat(c.seen.stream().filter(m -> "progress".equals(m.getString("type")))
                    .map(m -> m.getJsonObject("payload").getDouble("fraction"))).hasSizeGreaterThan(2);
            c.send("step", runId, new JsonObject().put("phase", "both"));
            c.await(m -> "metrics".equals(m.getString("type")) && runId.equals(m.getString("runId")), "a step");
            c.send("stop", runId, null);
        }
    }
}
