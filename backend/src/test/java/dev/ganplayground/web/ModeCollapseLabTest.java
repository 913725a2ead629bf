package dev.ganplayground.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static dev.ganplayground.web.WebSocketFlowTest.isTrainMetrics;
import static org.assertj.core.api.Assertions.assertThat;

/** A/B pairs, the per-mode histogram and the collapse alarm over a real socket. */
class ModeCollapseLabTest extends ServerTestBase {
    @Test
    @DisplayName("A pair is two runs with their own ids, the same seed, differing only in the variant; both stream")
    void pairStreamsBothRuns() {
        try (WsTestClient c = new WsTestClient(server.vertx, server.port)) {
            assertThat(c.awaitType("hello").getJsonObject("payload").getJsonArray("pairs")).isNotNull();
            String id = c.send("create_pair", null, new JsonObject().put("preset", "ring8")
                    .put("variant", new JsonObject().put("remedies", new JsonObject().put("realLabel", 0.9))));
            JsonObject created = c.awaitReply(id).getJsonObject("payload");
            assertThat(created.getString("pairId")).matches("p[0-9a-f]{12}");
            String a = created.getJsonObject("a").getString("runId");
            String b = created.getJsonObject("b").getString("runId");
            assertThat(a).isNotEqualTo(b);
            assertThat(created.getJsonArray("differences")).isEqualTo(new JsonArray().add("/remedies/realLabel"));
            assertThat(created.getJsonObject("a").getJsonObject("config").getLong("seed"))
                    .isEqualTo(created.getJsonObject("b").getJsonObject("config").getLong("seed"));
            for (String runId : new String[]{a, b}) {
                c.awaitAny(m -> "state".equals(m.getString("type")) && runId.equals(m.getString("runId")),
                        "state of " + runId);
            }
            c.send("start", a, null);
            c.send("start", b, null);
            c.await(m -> isTrainMetrics(m, a), "metrics of A");
            c.await(m -> isTrainMetrics(m, b), "metrics of B");
            c.send("stop", a, null);
            c.send("stop", b, null);
            c.awaitState(a, "stopped");
        }
    }

    @Test
    @DisplayName("The ready-made collapse-vs-cure pair is listed in hello and creates its two sides")
    void readyMadePair() {
        try (WsTestClient c = new WsTestClient(server.vertx, server.port)) {
            JsonArray pairs = c.awaitType("hello").getJsonObject("payload").getJsonArray("pairs");
            assertThat(pairs.stream().map(p -> ((JsonObject) p).getString("id"))).contains("collapse-vs-cure");
            JsonObject created = c.awaitReply(c.send("create_pair", null, new JsonObject()
                    .put("pair", "collapse-vs-cure"))).getJsonObject("payload");
            assertThat(created.getJsonObject("a").getString("label")).isEqualTo("plain GAN");
            assertThat(created.getJsonObject("b").getString("preset")).isEqualTo("cure");
            assertThat(created.getJsonArray("differences")).contains("/remedies/packing");
            for (String side : new String[]{"a", "b"}) {
                String runId = created.getJsonObject(side).getString("runId");
                c.awaitAny(m -> "state".equals(m.getString("type")) && runId.equals(m.getString("runId")),
                        "state of side " + side);
                c.send("stop", runId, null);
                c.awaitState(runId, "stopped");
            }
        }
    }

    @Test
    @DisplayName("A variant that changes nothing, an unknown pair and a bad variant field are refused")
    void badPairs() {
        try (WsTestClient c = new WsTestClient(server.vertx, server.port)) {
            c.awaitType("hello");
            int runsBefore = c.awaitReply(c.send("list_runs", null, null)).getJsonObject("payload")
                    .getJsonArray("runs").size();
            JsonObject same = c.awaitReply(c.send("create_pair", null, new JsonObject()
                    .put("variant", new JsonObject().put("seed", 42)))).getJsonObject("payload");
            assertThat(same.getString("code")).isEqualTo("invalid_config");
            assertThat(same.getString("field")).isEqualTo("/variant");
            JsonObject unknown = c.awaitReply(c.send("create_pair", null, new JsonObject().put("pair", "nope")))
                    .getJsonObject("payload");
            assertThat(unknown.getString("code")).isEqualTo("unknown_pair");
            JsonObject bad = c.awaitReply(c.send("create_pair", null, new JsonObject().put("variant",
                    new JsonObject().put("remedies", new JsonObject().put("packing", 9))))).getJsonObject("payload");
            assertThat(bad.getString("field")).isEqualTo("/variant/remedies/packing");
            JsonObject none = c.awaitReply(c.send("create_pair", null, new JsonObject())).getJsonObject("payload");
            assertThat(none.getString("field")).isEqualTo("/variant");
            assertThat(c.awaitReply(c.send("list_runs", null, null)).getJsonObject("payload").getJsonArray("runs"))
                    .as("no run left half made").hasSize(runsBefore);
        }
    }

    @Test
    @DisplayName("The per-mode histogram and the collapse alarm reach every viewer, late ones included")
    void alarmAndModesReachViewers() {
        // Thresholds that fire at the first evaluation (0 of 8 modes captured, any quality), to script the event.
        JsonObject overrides = new JsonObject()
                .put("alarm", new JsonObject().put("collapseFraction", 0.99).put("minHq", 0.0).put("checks", 1))
                .put("view", new JsonObject().put("evalEvery", 10));
        try (WsTestClient owner = new WsTestClient(server.vertx, server.port);
             WsTestClient late = new WsTestClient(server.vertx, server.port)) {
            owner.awaitType("hello");
            late.awaitType("hello");
            String runId = owner.awaitReply(owner.send("create_run", null, new JsonObject().put("preset", "ring8")
                    .put("overrides", overrides))).getString("runId");
            JsonObject modes = owner.awaitAny(m -> "modes".equals(m.getString("type")), "modes").getJsonObject("payload");
            assertThat(modes.getJsonArray("counts")).hasSize(8);
            assertThat(modes.getJsonArray("centres")).hasSize(16);
            assertThat(modes.getInteger("samples")).isEqualTo(2500);
            JsonObject alarm = owner.awaitAny(m -> "alarm".equals(m.getString("type")), "alarm").getJsonObject("payload");
            assertThat(alarm.getString("kind")).isEqualTo("collapse");
            assertThat(alarm.getInteger("modes")).isEqualTo(8);
            assertThat(alarm.getString("message")).startsWith("Mode collapse at step 0");

            late.send("subscribe", runId, new JsonObject());
            JsonObject replayed = late.await(m -> "alarm".equals(m.getString("type")), "replayed alarm");
            assertThat(replayed.getJsonObject("payload").getString("kind")).isEqualTo("collapse");
            late.await(m -> "modes".equals(m.getString("type")), "latest modes");
            owner.send("stop", runId, null);
            owner.awaitState(runId, "stopped");
        }
    }

    @Test
    @DisplayName("When B cannot be created (run limit), A is deleted again and the limit error comes back")
    void pairIsAllOrNothing() {
        try (TestServer small = new TestServer(1);
             WsTestClient c = new WsTestClient(small.vertx, small.port)) {
            c.awaitType("hello");
            JsonObject error = c.awaitReply(c.send("create_pair", null, new JsonObject()
                    .put("variant", new JsonObject().put("train", new JsonObject().put("dSteps", 1)))));
            assertThat(error.getJsonObject("payload").getString("code")).isEqualTo("too_many_runs");
            assertThat(c.awaitReply(c.send("list_runs", null, null)).getJsonObject("payload").getJsonArray("runs"))
                    .isEmpty();
            String single = c.send("create_run", null, new JsonObject());
            assertThat(c.awaitReply(single).getString("type")).as("the limit is free again").isEqualTo("run_created");
        }
    }

    @Test
    @DisplayName("REST lists the ready-made pairs and creates a pair from a variant")
    void restPairs() {
        WebClient http = WebClient.create(server.vertx);
        try {
            assertThat(http.getAbs(server.url("/api/pairs")).send().await().bodyAsJsonArray()).isNotNull();
            HttpResponse<Buffer> r = http.postAbs(server.url("/api/pairs")).putHeader("Authorization", TestServer.AUTH).sendJsonObject(new JsonObject()
                    .put("preset", "moons").put("variant", new JsonObject().put("train",
                            new JsonObject().put("loss", "hinge")))).await();
            assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
            JsonObject pair = r.bodyAsJsonObject();
            assertThat(pair.getJsonArray("differences")).isEqualTo(new JsonArray().add("/train/loss"));
            for (String side : new String[]{"a", "b"}) {
                String runId = pair.getJsonObject(side).getString("runId");
                assertThat(http.deleteAbs(server.url("/api/runs/" + runId)).putHeader("Authorization", TestServer.AUTH).send().await().statusCode()).isEqualTo(204);
            }
            RestApiTest.assertProblem(http.postAbs(server.url("/api/pairs")).putHeader("Authorization", TestServer.AUTH).sendJsonObject(new JsonObject()
                    .put("pair", "x").put("variant", new JsonObject())).await(), 400, "invalid_message", "/pair");
        } finally {
            http.close();
        }
    }
}
