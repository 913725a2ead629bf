package dev.ganplayground.web;

import dev.ganplayground.config.AppConfig;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fair limits on a server with one training slot, three runs and two sockets per user: started runs beyond the
 * slot queue in order and their viewers see their position; the next starts when the training one pauses or stops;
 * caps answer 429 with Retry-After (shared/RELIABILITY.md 7, C7 and D3).
 */
class FairLimitsTest {
    private static TestServer server;
    private static WebClient http;

    @BeforeAll
    static void up() {
        AppConfig app = new AppConfig("127.0.0.1", 0, 16, TestServer.freshRunsDir());
        server = new TestServer(app, TestServer.generous(app).withLimits(1, 3, 2));
        http = server.http();
    }

    @AfterAll
    static void down() {
        server.close();
    }

    @Test
    @DisplayName("With one training slot: B and C queue at positions 1 and 2 (a viewer sees it too); pausing A starts B"
            + " and moves C to 1; stopping B starts C")
    void queueInOrder() {
        try (WsTestClient c = new WsTestClient(server.vertx, server.port);
             WsTestClient viewer = new WsTestClient(server.vertx, server.port)) {
            c.awaitType("hello");
            viewer.awaitType("hello");
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ids.add(c.awaitReply(c.send("create_run", null, new JsonObject())).getString("runId"));
            }
            String a = ids.get(0);
            String b = ids.get(1);
            String cc = ids.get(2);
            c.send("start", a, null);
            c.awaitState(a, "running");
            c.send("start", b, null);
            assertThat(queued(c, b, 1).getString("reason")).contains("position 1");
            c.send("start", cc, null);
            queued(c, cc, 2);

            viewer.send("subscribe", cc, new JsonObject());
            JsonObject seen = viewer.awaitState(cc, "queued").getJsonObject("payload");
            assertThat(seen.getInteger("position")).isEqualTo(2);
            assertThat(http.getAbs(server.url("/api/runs/" + cc)).send().await().bodyAsJsonObject()
                    .getInteger("position")).isEqualTo(2);

            // Events of different runs may arrive in any order: each is awaited among everything seen so far.
            c.send("pause", a, null);
            c.awaitState(a, "paused");
            c.awaitAny(m -> WsTestClient.isState(m, b, "running"), "B running");
            queued(c, cc, 1);
            viewer.awaitAny(m -> isQueued(m, cc, 1), "viewer sees position 1");

            c.send("stop", b, null);
            c.awaitAny(m -> WsTestClient.isState(m, b, "stopped"), "B stopped");
            c.awaitAny(m -> WsTestClient.isState(m, cc, "running"), "C running");
            viewer.awaitAny(m -> WsTestClient.isState(m, cc, "running"), "viewer sees C running");

            // Starting A again queues it behind C; pausing a queued run takes it out of the queue.
            c.send("start", a, null);
            queued(c, a, 1);
            c.send("pause", a, null);
            c.awaitState(a, "paused");
            c.send("stop", cc, null);
            c.awaitState(cc, "stopped");
            c.send("stop", a, null);
            c.awaitState(a, "stopped");
        }
    }

    @Test
    @DisplayName("A user's fourth run is refused: 429 with Retry-After over REST, too_many_runs with retryAfter over"
            + " the WebSocket; after deleting one the next is created")
    void runsPerUserCap() {
        String token = TestServer.newToken();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            HttpResponse<Buffer> r = create(token);
            assertThat(r.statusCode()).isEqualTo(201);
            ids.add(r.bodyAsJsonObject().getString("runId"));
        }
        HttpResponse<Buffer> refused = create(token);
        RestApiTest.assertProblem(refused, 429, "too_many_runs", null);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("30");
        assertThat(create(TestServer.newToken()).statusCode()).as("another user is not affected").isEqualTo(201);

        try (WsTestClient ws = new WsTestClient(server.vertx, server.port, token, null)) {
            ws.awaitType("hello");
            JsonObject error = ws.awaitReply(ws.send("create_run", null, new JsonObject())).getJsonObject("payload");
            assertThat(error.getString("code")).isEqualTo("too_many_runs");
            assertThat(error.getInteger("retryAfter")).isEqualTo(30);
        }
        assertThat(http.deleteAbs(server.url("/api/runs/" + ids.get(0))).putHeader("Authorization", "Bearer " + token)
                .send().await().statusCode()).isEqualTo(204);
        assertThat(create(token).statusCode()).isEqualTo(201);
    }

    @Test
    @DisplayName("A user's third socket is refused with 429 at the handshake; the open ones keep working; once one"
            + " closes a new one is accepted")
    void socketsPerUserCap() throws Exception {
        String token = TestServer.newToken();
        WsTestClient first = new WsTestClient(server.vertx, server.port, token, null);
        try (WsTestClient second = new WsTestClient(server.vertx, server.port, token, null)) {
            first.awaitType("hello");
            second.awaitType("hello");
            assertThat(WsTestClient.handshake(server.vertx, server.port, token, null)).isEqualTo(429);
            assertThat(WsTestClient.handshake(server.vertx, server.port, TestServer.newToken(), null)).isEqualTo(101);
            assertThat(WsTestClient.handshake(server.vertx, server.port, null, null)).isEqualTo(101);
            second.awaitReply(second.send("list_runs", null, new JsonObject()));
            first.close();
            // The server counts the socket free once its close handler ran: ask until then (bounded).
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WsTestClient.WAIT_S);
            int status;
            do {
                status = WsTestClient.handshake(server.vertx, server.port, token, null);
            } while (status != 101 && System.nanoTime() < deadline);
            assertThat(status).isEqualTo(101);
        }
    }

    private static HttpResponse<Buffer> create(String token) {
        return http.postAbs(server.url("/api/runs")).putHeader("Authorization", "Bearer " + token)
                .sendJsonObject(new JsonObject().put("preset", "ring8")).await();
    }

    private static JsonObject queued(WsTestClient c, String runId, int position) {
        return c.awaitAny(m -> isQueued(m, runId, position), runId + " queued at " + position)
                .getJsonObject("payload");
    }

    private static boolean isQueued(JsonObject m, String runId, int position) {
        return "state".equals(m.getString("type")) && runId.equals(m.getString("runId"))
                && "queued".equals(m.getJsonObject("payload").getString("state"))
                && m.getJsonObject("payload").getInteger("position") == position;
    }
}
