package dev.ganplayground.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The protocol walk-through, over a real socket against a real server on port 0. */
class WebSocketFlowTest extends ServerTestBase {
    @Test
    @DisplayName("hello, create, start, metrics with rising steps, frames, live lr change, pause, step D, stop")
    void fullControlFlow() throws Exception {
        try (WsTestClient c = new WsTestClient(server.vertx, server.port)) {
            JsonObject hello = c.awaitType("hello");
            assertThat(hello.getLong("seq")).isEqualTo(1);
            assertThat(hello.getJsonObject("payload").getString("protocolVersion")).isEqualTo("gan.v1");
            assertThat(hello.getJsonObject("payload").getJsonArray("presets")).hasSizeGreaterThanOrEqualTo(5);

            String create = c.send("create_run", null, new JsonObject().put("preset", "ring8")
                    .put("overrides", new JsonObject().put("view", new JsonObject().put("itersPerTick", 5))));
            String runId = c.awaitReply(create).getString("runId");
            assertThat(runId).matches("r[0-9a-f]{12}");
            c.awaitState(runId, "created");
            JsonObject first = c.awaitFrame();
            assertThat(first.getString("runId")).isEqualTo(runId);
            assertThat(first.getBoolean("headerAligned")).isTrue();
            assertThat(first.getInteger("payloadBytes")).isEqualTo(first.getInteger("expectedBytes"));

            c.send("start", runId, null);
            c.awaitState(runId, "running");
            long s1 = lastStep(c.await(m -> isTrainMetrics(m, runId), "metrics"));
            long s2 = lastStep(c.await(m -> isTrainMetrics(m, runId) && lastStep(m) > s1, "later metrics"));
            assertThat(s2).isGreaterThan(s1);
            JsonObject columns = c.seen.get(c.seen.size() - 1).getJsonObject("payload").getJsonObject("columns");
            assertThat(columns.fieldNames()).contains("loss/d", "loss/g", "score/real", "score/fake");
            assertThat(columns.getJsonArray("loss/d").getDouble(0)).isFinite();
            c.await(m -> "metrics".equals(m.getString("type"))
                    && "eval".equals(m.getJsonObject("payload").getString("group")), "eval metrics");
            assertThat(c.awaitFrame().getLong("step")).isGreaterThanOrEqualTo(0);

            String change = c.send("update_config", runId, new JsonObject().put("patch", new JsonObject()
                    .put("train", new JsonObject().put("optimizerD", new JsonObject().put("lr", 0.0003)))));
            JsonObject config = c.await(m -> "config".equals(m.getString("type")) && m.getJsonObject("payload")
                    .getJsonObject("config").getJsonObject("train").getJsonObject("optimizerD")
                    .getDouble("lr") == 0.0003, "config with the new lr");
            assertThat(config.getJsonObject("payload").getBoolean("rebuilt")).isFalse();
            assertThat(c.awaitAny(m -> change.equals(m.getString("id")), "reply to the change").getString("type"))
                    .isEqualTo("ack");
            // Applied by the run itself (its config is what it trains with), and training went on.
            long after = lastStep(c.await(m -> isTrainMetrics(m, runId), "metrics after the change"));
            assertThat(after).isGreaterThan(s2);

            c.send("pause", runId, null);
            long pausedAt = c.awaitState(runId, "paused").getJsonObject("payload").getLong("step");

            // The first metrics after "paused" are those of the D step: nothing trained in between.
            c.send("step", runId, new JsonObject().put("phase", "d"));
            JsonObject stepped = c.await(m -> isTrainMetrics(m, runId), "metrics of the D step");
            assertThat(lastStep(stepped)).isEqualTo(pausedAt + 1);
            JsonObject cols = stepped.getJsonObject("payload").getJsonObject("columns");
            assertThat(cols.getJsonArray("loss/d").getValue(0)).isNotNull();
            assertThat(cols.getJsonArray("loss/g").getValue(0)).as("no G update in a D step").isNull();
            assertThat(c.awaitState(runId, "paused").getJsonObject("payload").getLong("step")).isEqualTo(pausedAt + 1);

            c.send("stop", runId, null);
            c.awaitState(runId, "stopped");
            int stoppedAt = c.seen.size();
            String again = c.send("start", runId, null);
            assertThat(c.awaitReply(again).getJsonObject("payload").getString("code")).isEqualTo("illegal_state");
            assertThat(c.seen.subList(stoppedAt, c.seen.size() - 1)).as("nothing for the run after stopped")
                    .noneMatch(m -> runId.equals(m.getString("runId")) && !"ack".equals(m.getString("type")));
            assertThat(c.seen.stream().filter(m -> "state".equals(m.getString("type"))
                    && "stopped".equals(m.getJsonObject("payload").getString("state")))).hasSize(1);
        }
    }

    @Test
    @DisplayName("A second socket subscribing late gets state, config, the metric history and the latest frame")
    void lateSubscriberGetsHistory() throws Exception {
        try (WsTestClient owner = new WsTestClient(server.vertx, server.port);
             WsTestClient viewer = new WsTestClient(server.vertx, server.port)) {
            owner.awaitType("hello");
            viewer.awaitType("hello");
            String runId = owner.awaitReply(owner.send("create_run", null, new JsonObject())).getString("runId");
            owner.send("step", runId, new JsonObject().put("phase", "both").put("count", 3));
            owner.await(m -> isTrainMetrics(m, runId) && lastStep(m) == 3, "step 3");
            owner.awaitState(runId, "paused");

            viewer.send("subscribe", runId, new JsonObject());
            JsonObject state = viewer.awaitState(runId, "paused");
            assertThat(state.getJsonObject("payload").getLong("step")).isEqualTo(3);
            assertThat(viewer.awaitType("config").getJsonObject("payload").getJsonObject("config")
                    .getJsonObject("data").getString("kind")).isEqualTo("ring8");
            JsonObject history = viewer.await(m -> isTrainMetrics(m, runId), "history");
            assertThat(history.getJsonObject("payload").getJsonObject("columns").getJsonArray("step"))
                    .isEqualTo(new JsonArray().add(3));
            assertThat(viewer.awaitFrame().getLong("step")).isEqualTo(3);
            owner.send("stop", runId, null);
            viewer.awaitState(runId, "stopped");
        }
    }

    @Test
    @DisplayName("Two runs stream on one socket, each message tagged with its run")
    void twoRunsOnOneSocket() {
        try (WsTestClient c = new WsTestClient(server.vertx, server.port)) {
            c.awaitType("hello");
            String a = c.awaitReply(c.send("create_run", null, new JsonObject().put("preset", "ring8"))).getString("runId");
            String b = c.awaitReply(c.send("create_run", null, new JsonObject().put("preset", "moons"))).getString("runId");
            c.send("start", a, null);
            c.send("start", b, null);
            c.await(m -> isTrainMetrics(m, a), "metrics of a");
            c.await(m -> isTrainMetrics(m, b), "metrics of b");
            c.send("stop", a, null);
            c.send("stop", b, null);
            c.awaitState(a, "stopped");
        }
    }

    @Test
    @DisplayName("A loss that blows up pauses the run with the reason instead of training on NaN")
    void nonFiniteLossPauses() {
        JsonObject sgd = new JsonObject().put("kind", "sgd").put("lr", 10.0);
        try (WsTestClient c = new WsTestClient(server.vertx, server.port)) {
            c.awaitType("hello");
            String runId = c.awaitReply(c.send("create_run", null, new JsonObject().put("overrides", new JsonObject()
                    .put("train", new JsonObject().put("optimizerD", sgd).put("optimizerG", sgd))))).getString("runId");
            c.send("start", runId, null);
            JsonObject paused = c.awaitState(runId, "paused").getJsonObject("payload");
            assertThat(paused.getString("reason")).contains("became").contains("Lower a learning rate");
            String again = c.send("update_config", runId, new JsonObject().put("patch", new JsonObject()
                    .put("train", new JsonObject().put("optimizerD", new JsonObject().put("kind", "adam")
                            .put("lr", 0.001)).put("optimizerG", new JsonObject().put("kind", "adam")
                            .put("lr", 0.001)))));
            assertThat(c.awaitAny(m -> again.equals(m.getString("id")), "ack").getString("type")).isEqualTo("ack");
            c.send("stop", runId, null);
            c.awaitState(runId, "stopped");
        }
    }

    static boolean isTrainMetrics(JsonObject m, String runId) {
        return "metrics".equals(m.getString("type")) && runId.equals(m.getString("runId"))
                && "train".equals(m.getJsonObject("payload").getString("group"));
    }

    static long lastStep(JsonObject metrics) {
        JsonArray steps = metrics.getJsonObject("payload").getJsonObject("columns").getJsonArray("step");
        return steps.getLong(steps.size() - 1);
    }
}
