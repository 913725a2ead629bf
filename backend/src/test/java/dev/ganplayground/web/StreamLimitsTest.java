package dev.ganplayground.web;

import dev.ganplayground.config.ServerLimits;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static dev.ganplayground.web.WebSocketFlowTest.isTrainMetrics;
import static dev.ganplayground.web.WebSocketFlowTest.lastStep;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbound limits of docs/protocol.md 3.7 against a real server and a raw client that misbehaves on purpose:
 * oversized frames and fragmented messages (1009), floods (1008), silence (1001), and on the outbound side a viewer
 * that stops reading (4000) while the others go on. Each case checks that a well-behaved socket is unaffected.
 */
class StreamLimitsTest {
    /** Small queues so that a stalled viewer overflows quickly; the default rate. */
    private static final ServerLimits LIMITS = ServerLimits.DEFAULTS.withRate(20, 40).withQueues(16 * 1024, 2 * 1024);
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(4, LIMITS);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** What a misbehaving raw client does. */
    private interface Misbehaviour {
        void on(RawWsClient client) throws IOException;
    }

    /** The misbehaving socket is closed with {@code code}; a well-behaved one opened alongside is still served. */
    private static void assertClosedOthersServed(int code, Misbehaviour misbehaviour) throws Exception {
        try (RawWsClient bad = new RawWsClient(server.port, 0);
             WsTestClient good = new WsTestClient(server.vertx, server.port)) {
            good.awaitType("hello");
            misbehaviour.on(bad);
            assertThat(bad.awaitClose()).isEqualTo(code);
            assertThat(good.awaitReply(good.send("list_runs", null, null)).getString("type")).isEqualTo("runs");
        }
    }

    @Test
    @DisplayName("A single frame over the frame limit closes that socket with 1009; others go on")
    void oversizedFrame() throws Exception {
        assertClosedOthersServed(1009, bad -> bad.sendHeaderOnly(RawWsClient.TEXT, LIMITS.maxFrameBytes() + 1));
    }

    @Test
    @DisplayName("A message in small fragments that together pass the message limit closes the socket with 1009")
    void oversizedFragmentedMessage() throws Exception {
        byte[] part = "x".repeat(32 * 1024).getBytes(StandardCharsets.UTF_8); // each under the frame limit
        int parts = LIMITS.maxMessageBytes() / part.length + 2;
        assertClosedOthersServed(1009, bad -> {
            sendQuietly(bad, false, RawWsClient.TEXT, part);
            for (int i = 1; i < parts; i++) {
                sendQuietly(bad, i == parts - 1, RawWsClient.CONTINUATION, part);
            }
        });
    }

    @Test
    @DisplayName("A socket sending faster than its rate is closed with 1008; another socket is served meanwhile")
    void floodClosed() throws Exception {
        assertClosedOthersServed(1008, flood -> {
            for (int i = 0; i < 10 * LIMITS.messageBurst(); i++) {
                try {
                    flood.sendText("{\"type\":\"list_runs\",\"id\":\"f" + i + "\"}");
                } catch (IOException closed) {
                    break;
                }
            }
        });
    }

    @Test
    @DisplayName("A socket that never answers pings is closed with 1001; one that answers stays open")
    void silentPeerClosed() throws Exception {
        try (TestServer lively = new TestServer(1, ServerLimits.DEFAULTS.withLiveness(100, 800));
             WsTestClient answering = new WsTestClient(lively.vertx, lively.port)) { // Vert.x answers pings
            answering.awaitType("hello");
            try (RawWsClient silent = new RawWsClient(lively.port, 0)) {
                assertThat(silent.awaitClose()).isEqualTo(1001);
            }
            // The answering socket is older than the silent one was when it was closed: still served.
            assertThat(answering.ws.isClosed()).isFalse();
            assertThat(answering.awaitReply(answering.send("list_runs", null, null)).getString("type"))
                    .isEqualTo("runs");
        }
    }

    @Test
    @DisplayName("A viewer that stops reading is disconnected with 4000; other viewers get every metric row")
    void stalledViewerCutOthersUnaffected() throws Exception {
        try (WsTestClient good = new WsTestClient(server.vertx, server.port);
             RawWsClient stalled = new RawWsClient(server.port, 4096)) {
            good.awaitType("hello");
            String runId = good.awaitReply(good.send("create_run", null, new JsonObject().put("overrides",
                    new JsonObject("{\"view\":{\"frameSamples\":4096,\"heatmapSize\":128}}"))))
                    .getString("runId");
            stalled.sendText("{\"type\":\"subscribe\",\"runId\":\"" + runId + "\"}");
            good.send("start", runId, null);
            // Never reads again. Meanwhile the good viewer sees hundreds of steps, each row exactly once.
            List<Long> steps = new ArrayList<>();
            while (steps.isEmpty() || steps.get(steps.size() - 1) < 500) {
                JsonObject m = good.await(x -> isTrainMetrics(x, runId), "metrics");
                JsonArray s = m.getJsonObject("payload").getJsonObject("columns").getJsonArray("step");
                for (int i = 0; i < s.size(); i++) {
                    steps.add(s.getLong(i));
                }
            }
            for (int i = 1; i < steps.size(); i++) {
                assertThat(steps.get(i)).as("row after %d", steps.get(i - 1)).isGreaterThan(steps.get(i - 1));
            }
            // Reading the stalled socket to see its close also drains it, so first make sure the server has offered
            // it more than every buffer on the way holds (the kernel's send buffer grows to tcp_wmem's 4 MiB at
            // most): each frame the good viewer gets was offered to the stalled one too. By bytes, not by steps or
            // time, which depend on the machine (on a fast one, 500 steps came before the first buffer filled).
            long frameBytes = 0;
            while (frameBytes < 8L << 20) {
                frameBytes += good.awaitFrame().getInteger("payloadBytes");
            }
            assertThat(stalled.awaitClose()).isEqualTo(Outbox.SLOW_CONSUMER);
            good.send("stop", runId, null);
            good.awaitState(runId, "stopped");
        }
    }

    @Test
    @DisplayName("A reconnecting viewer resumes from the step it asks for: exactly the rows a steady viewer saw")
    void resumeFromStep() throws Exception {
        try (WsTestClient steady = new WsTestClient(server.vertx, server.port)) {
            steady.awaitType("hello");
            String runId = steady.awaitReply(steady.send("create_run", null, new JsonObject())).getString("runId");
            steady.send("start", runId, null);
            List<Long> seen = new ArrayList<>();
            while (seen.size() < 20) {
                addSteps(seen, steady.await(m -> isTrainMetrics(m, runId), "metrics"));
            }
            long from = seen.get(seen.size() - 1) + 1;
            List<Long> resumed = new ArrayList<>();
            try (WsTestClient back = new WsTestClient(server.vertx, server.port)) {
                back.awaitType("hello");
                back.send("subscribe", runId, new JsonObject().put("fromStep", from));
                while (resumed.isEmpty() || resumed.get(resumed.size() - 1) < from + 100) {
                    addSteps(resumed, back.await(m -> isTrainMetrics(m, runId), "metrics"));
                }
            }
            while (seen.get(seen.size() - 1) < resumed.get(resumed.size() - 1)) {
                addSteps(seen, steady.await(m -> isTrainMetrics(m, runId), "metrics"));
            }
            List<Long> expected = seen.stream().filter(s -> s >= from && s <= resumed.get(resumed.size() - 1))
                    .toList();
            assertThat(resumed).isEqualTo(expected);
            steady.send("stop", runId, null);
            steady.awaitState(runId, "stopped");
        }
    }

    @Test
    @DisplayName("Sockets dropping without a close during a broadcast never disturb the other viewers")
    void droppedSocketsNeverBreakBroadcast() throws Exception {
        try (WsTestClient owner = new WsTestClient(server.vertx, server.port)) {
            owner.awaitType("hello");
            String runId = owner.awaitReply(owner.send("create_run", null, new JsonObject())).getString("runId");
            List<RawWsClient> droppers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                RawWsClient r = new RawWsClient(server.port, 0);
                r.sendText("{\"type\":\"subscribe\",\"runId\":\"" + runId + "\"}");
                droppers.add(r);
            }
            owner.send("start", runId, null);
            long before = lastStep(owner.await(m -> isTrainMetrics(m, runId), "metrics"));
            for (RawWsClient r : droppers) {
                r.readFrame(); // streaming has reached it
                r.close(); // no close frame: the TCP connection just ends
            }
            long after = before;
            while (after < before + 200) {
                after = lastStep(owner.await(m -> isTrainMetrics(m, runId), "metrics"));
            }
            assertThat(owner.awaitReply(owner.send("list_runs", null, null)).getString("type")).isEqualTo("runs");
            owner.send("stop", runId, null);
            owner.awaitState(runId, "stopped");
        }
    }

    private static void addSteps(List<Long> into, JsonObject metrics) {
        JsonArray s = metrics.getJsonObject("payload").getJsonObject("columns").getJsonArray("step");
        for (int i = 0; i < s.size(); i++) {
            into.add(s.getLong(i));
        }
    }

    /** The server may close the connection while we are still writing: that is the expected outcome. */
    private static void sendQuietly(RawWsClient c, boolean fin, int opcode, byte[] payload) {
        try {
            c.sendFrame(fin, opcode, payload);
        } catch (IOException closedByServer) {
            // expected once the limit is hit
        }
    }

}
