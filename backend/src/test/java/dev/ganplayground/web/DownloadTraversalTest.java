package dev.ganplayground.web;

import dev.ganplayground.config.AppConfig;
import dev.ganplayground.config.PersistConfig;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Downloads can never leave the runs folder (shared/RELIABILITY.md B5): hostile ids and paths, sent byte for byte
 * (no client-side normalisation), all get a 404 problem that shows neither the canary files next to and inside the
 * runs folder nor any path.
 */
class DownloadTraversalTest {
    private static final String CANARY = "CANARY-7f3a";
    private static TestServer server;
    private static Path runsDir;
    private static String runId;

    @BeforeAll
    static void start() throws Exception {
        runsDir = TestServer.freshRunsDir();
        Files.writeString(runsDir.resolveSibling("secret.txt"), CANARY);
        Path sibling = Files.createDirectories(Path.of(runsDir + "2").resolve("r0123456789ab").resolve("checkpoints"));
        Files.writeString(sibling.resolve("LATEST"), CANARY);
        server = new TestServer(new AppConfig("127.0.0.1", 0, 4, runsDir, null, AppConfig.DEBIAN_FASHION_DIR,
                Path.of("target", "test-runs", "cache")), new PersistConfig(30, 3, 0));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url(
                        "/api/runs"))).header("Content-Type", "application/json")
                .header("Authorization", TestServer.AUTH)
                .POST(HttpRequest.BodyPublishers.ofString("{\"preset\":\"ring8\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        runId = new JsonObject(r.body()).getString("runId");
        // Something for a path to reach if it could: the run's own checkpoint folder.
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!Files.exists(runsDir.resolve(runId).resolve("checkpoints").resolve("LATEST"))
                && System.nanoTime() < deadline) {
            ChildServer.sleep(100);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {
            "/api/runs/../../secret.txt/checkpoint",
            "/api/runs/..%2f..%2fsecret.txt/checkpoint",
            "/api/runs/%2e%2e%2f%2e%2e%2fsecret.txt/checkpoint",
            "/api/runs/%2E%2E/checkpoint",
            "/api/runs/%252e%252e%252fsecret.txt/checkpoint",
            "/api/runs/..%5c..%5csecret.txt/checkpoint",
            "/api/runs/%5c..%5csecret.txt/metrics.jsonl",
            "/api/runs/%2fetc%2fpasswd/checkpoint",
            "/api/runs//etc/passwd/checkpoint",
            "/api/runs/C:%5cWindows/checkpoint",
            "/api/runs/r0123456789ab%00/checkpoint",
            "/api/runs/r0123456789ab%2500/checkpoint",
            "/api/runs/r0123456789ab/checkpoint",
            "/api/runs/RUN%00x/checkpoint",
            "/api/runs/RUN/../../secret.txt",
            "/api/runs/RUN%2f..%2f..%2fsecret.txt/checkpoint",
            "/api/runs/RUN%2fcheckpoints%2fLATEST/checkpoint",
            "/api/runs/RUN/checkpoints/LATEST",
            "/api/runs/RUNx/checkpoint",
            "/api/runs/LONG/checkpoint",
            "/api/runs/LONG/metrics.jsonl"})
    @DisplayName("hostile ids and paths: 404 problem+json, nothing leaked")
    void hostilePaths(String template) throws IOException {
        String path = template.replace("RUN", runId).replace("LONG", "r" + "0".repeat(3000));
        String response = rawGet(path);
        String head = response.substring(0, response.indexOf("\r\n\r\n")).toLowerCase();
        assertThat(head).startsWith("http/1.1 404");
        assertThat(head).contains("content-type: application/problem+json");
        assertThat(response).doesNotContain(CANARY).doesNotContain(runsDir.toAbsolutePath().toString())
                .doesNotContain("root:").doesNotContain("ckpt-").doesNotContain("Exception");
    }

    /** One request exactly as given, on a fresh connection; the whole response as text. */
    private static String rawGet(String path) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port)) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
